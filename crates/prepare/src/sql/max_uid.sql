-- The largest uid already given out across persons and cases: new uids continue after it.
SELECT GREATEST((SELECT max("uid") FROM "public"."persons"), (SELECT max("uid") FROM "public"."cases"))
