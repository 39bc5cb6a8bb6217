-- deputy persons: one Sirius person per CasRec deputy with a deputyship on an in-scope case.
-- A repeated Deputy No keeps its first row. Organisations (PA deputies, and professional
-- deputies without a forename) get deputysubtype ORGANISATION, the name parts joined into
-- organisationname and no personal names.
WITH d AS (
    SELECT d.*, row_number() OVER (PARTITION BY d."Deputy No" ORDER BY d."casrec_row_id") AS "rn"
      FROM deputy d JOIN scope_deputies sd ON sd."deputy_no" = d."Deputy No"
),
named AS (
    SELECT d.*,
           first_word(d."Dep Forename") AS "fw",
           last_words(d."Dep Forename") AS "lw",
           capitalise_first_letter(d."Dep Surname") AS "sn",
           lookup('deputy_type', d."Dep Type", NULL, d."casrec_row_id", 'Dep Type') AS "dtype"
      FROM d WHERE d."rn" = 1
),
typed AS (
    SELECT n.*, deputy_subtype(n."dtype", n."fw", n."lw", n."sn") AS "subtype" FROM named n
)
SELECT
    "casrec_row_id",
    'deputy:' || "Deputy No" AS "migration_key",
    "Deputy No" AS "c_deputy_no",
    "Stat" AS "c_stat",
    NULLIF("Email", '') AS "email",
    casrec_date(conditional_lookup('deputy_date_of_death', "Stat", 'Disch Death', "Disch Death"), "casrec_row_id", 'Disch Death') AS "dateofdeath",
    CASE WHEN "subtype" = 'ORGANISATION' THEN NULL
         ELSE lookup('title_codes', "Title", NULL, "casrec_row_id", 'Title') END AS "salutation",
    CASE WHEN "subtype" = 'ORGANISATION' THEN NULL ELSE "fw" END AS "firstname",
    CASE WHEN "subtype" = 'ORGANISATION' THEN NULL ELSE "sn" END AS "surname",
    CASE WHEN "subtype" = 'ORGANISATION' THEN NULL ELSE "lw" END AS "othernames",
    false AS "correspondencebypost",
    false AS "correspondencebyphone",
    CAST(lookup('corres_indicator', "By Email", 'false', "casrec_row_id", 'By Email') AS BOOLEAN) AS "correspondencebyemail",
    'actor_deputy' AS "type",
    true AS "systemstatus",
    false AS "isreplacementattorney",
    false AS "istrustcorporation",
    NULLIF("AKA Name", '') AS "previousnames",
    CAST(lookup('corres_indicator', "Welsh", 'false', "casrec_row_id", 'Welsh') AS BOOLEAN) AS "correspondencebywelsh",
    NULLIF("Mobile", '') AS "mobilenumber",
    false AS "newsletter",
    CAST(lookup('audio_special_req', "Special", 'false', "casrec_row_id", 'Special') AS BOOLEAN) AS "specialcorrespondencerequirements_audiotape",
    CAST(lookup('large_print_special_req', "Special", 'false', "casrec_row_id", 'Special') AS BOOLEAN) AS "specialcorrespondencerequirements_largeprint",
    CAST(lookup('hearing_imp_special_req', "Special", 'false', "casrec_row_id", 'Special') AS BOOLEAN) AS "specialcorrespondencerequirements_hearingimpaired",
    false AS "specialcorrespondencerequirements_spellingofnamerequirescare",
    false AS "isorganisation",
    "dtype" AS "deputytype",
    CAST(10 AS INT) AS "supervisioncaseowner_id",
    'CASRECMIGRATION_P3' AS "clientsource",
    CAST(as_of_date() AS TIMESTAMP) AS "updateddate",
    CAST("casrec_row_id" AS INT) AS "deputycasrecid",
    deputy_organisation_name("dtype", "fw", "lw", "sn") AS "organisationname",
    casrec_int("Deputy No", "casrec_row_id", 'Deputy No') AS "deputynumber",
    "subtype" AS "deputysubtype"
FROM typed
ORDER BY "casrec_row_id"
