-- What an INSERT into a Sirius table sets off besides its foreign-key checks: triggers of its
-- own that fire on INSERT and are not disabled (tgtype bit 4: INSERT), and rewrite rules.
SELECT (SELECT count(*) FROM "pg_trigger" t
         WHERE t."tgrelid" = to_regclass($1) AND NOT t."tgisinternal" AND t."tgenabled" <> 'D'
           AND (t."tgtype" & 4) <> 0)
     + (SELECT count(*) FROM "pg_rewrite" r
         WHERE r."ev_class" = to_regclass($1) AND r."rulename" <> '_RETURN')
