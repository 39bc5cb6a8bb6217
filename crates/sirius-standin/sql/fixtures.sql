-- =====================================================================================================
-- Sirius stand-in: fixtures
--
-- A Sirius that already holds data, for local runs and tests of the CasRec migration. Load after
-- schema.sql, on the same (otherwise empty) database:
--     psql -v ON_ERROR_STOP=1 -1 -f fixtures.sql
-- No BEGIN/COMMIT of its own: runs as one transaction under `psql -1`, inside a client transaction,
-- or as one multi-statement simple query.
--
-- Every row has an explicit id; the last section moves every sequence past the highest id in use.
-- All people, addresses and phone numbers are invented. Why each row exists is noted beside it and in
-- crates/sirius-standin/README.md.
--
-- uids (persons.uid, cases.uid): Sirius' format, a 12-digit number = 11-digit payload
-- 70000000000 + n followed by the payload's Luhn check digit (7000-0000-0013 is n = 1). n = 1, 2, 3, ...
-- in persons.id order, then cases.id order, so uids are unique across both tables; global_uid_seq is
-- set to the highest n (the original migration's "uid sequence" check: last_value = max uid decoded).
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- assignees: teams
--   the lay teams 1-9 are named as in Sirius ("Lay Team 1 - (Supervision)", teamtype LAY); lay teams 1-8
--   sit at the ids the CasRec codes LT1..LT8 map to in the assignee/caseowner lookups.
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.assignees (id, name, type, email, phonenumber, teamtype, suspended) VALUES
    (10, 'Key Team', 'assignee_team', NULL, NULL, NULL, false),  -- deputy_persons default supervisioncaseowner_id = 10 (name as in the Sirius development snapshot)
    (20, 'Allocations - (Supervision)', 'assignee_team', 'allocations.team@publicguardian.example', '0300 456 0300', 'ALLOCATIONS', false),  -- new Sirius clients start here; owner of pilot client 10000012
    (2409, 'Lay Team 1 - (Supervision)', 'assignee_team', 'layteam1.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT1 -> 2409 (assignee_lookup / caseowner_lookup)
    (2443, 'Lay Team 2 - (Supervision)', 'assignee_team', 'layteam2.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT2 -> 2443 (assignee_lookup / caseowner_lookup)
    (2444, 'Lay Team 3 - (Supervision)', 'assignee_team', 'layteam3.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT3 -> 2444 (assignee_lookup / caseowner_lookup)
    (2523, 'Lay Team 4 - (Supervision)', 'assignee_team', 'layteam4.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT4 -> 2523 (assignee_lookup / caseowner_lookup)
    (2524, 'Lay Team 5 - (Supervision)', 'assignee_team', 'layteam5.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT5 -> 2524 (assignee_lookup / caseowner_lookup)
    (2525, 'Lay Team 6 - (Supervision)', 'assignee_team', 'layteam6.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT6 -> 2525 (assignee_lookup / caseowner_lookup)
    (2572, 'Lay Team 7 - (Supervision)', 'assignee_team', 'layteam7.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT7 -> 2572 (assignee_lookup / caseowner_lookup)
    (3945, 'Lay Team 8 - (Supervision)', 'assignee_team', 'layteam8.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- lookup code LT8 -> 3945 (assignee_lookup / caseowner_lookup)
    (3946, 'Lay Team 9 - (Supervision)', 'assignee_team', 'layteam9.team@publicguardian.example', '0300 456 0300', 'LAY', false),  -- no CasRec code LT9 in the lookups: id chosen by the stand-in
    (8730, 'Casrec Migration Pilot Team - (Supervision)', 'assignee_team', 'migration.pilot.team@publicguardian.example', '0300 456 0300', 'LAY', false);  -- client_persons default supervisioncaseowner_id = 8730 (real name unknown)

-- -----------------------------------------------------------------------------------------------------
-- assignees: users
--   2657: the migration user, default of every "created/added/lodged/reviewed by" and task assignee column
--   (annual_report_lodging_details.lodgedby_id, annual_report_logs.reviewedby_id, warnings.added_by,
--   supervision_notes.createdbyuser_id, tasks.assignee_id, timeline_event.user_id).
--   Then one case worker for every other Sirius id that assignee_lookup / caseowner_lookup (identical
--   maps) give for a CasRec user code; the code(s) are in the comment. Names are invented.
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.assignees (id, name, surname, type, email, roles, suspended, phonenumber, permanent) VALUES
    (2657, 'Casrec', 'Migration', 'assignee_user', 'casrec.migration@publicguardian.example', '{"OPG User":"OPG User","System Admin":"System Admin"}', false, NULL, false),  -- migration user: mapping default 2657
    (34, 'Amelia', 'Hughes', 'assignee_user', 'amelia.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O23
    (35, 'Jack', 'Jackson', 'assignee_user', 'jack.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B68
    (36, 'Chloe', 'Bennett', 'assignee_user', 'chloe.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S88
    (38, 'Charlie', 'Fletcher', 'assignee_user', 'charlie.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P25
    (61, 'Alice', 'Walker', 'assignee_user', 'alice.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O10
    (66, 'Rhys', 'Hill', 'assignee_user', 'rhys.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S42
    (234, 'Eleanor', 'Griffiths', 'assignee_user', 'eleanor.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B94
    (238, 'Imran', 'Chapman', 'assignee_user', 'imran.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R16
    (243, 'Mia', 'Robinson', 'assignee_user', 'mia.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B80
    (247, 'Arthur', 'Cooper', 'assignee_user', 'arthur.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B56
    (250, 'Lily', 'Shaw', 'assignee_user', 'lily.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B96
    (252, 'Henry', 'Osei', 'assignee_user', 'henry.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R35
    (259, 'Priya', 'Wright', 'assignee_user', 'priya.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L03
    (283, 'Callum', 'Morris', 'assignee_user', 'callum.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B88
    (316, 'Siobhan', 'Murphy', 'assignee_user', 'siobhan.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B81
    (343, 'Harry', 'Marshall', 'assignee_user', 'harry.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S78
    (417, 'Freya', 'Edwards', 'assignee_user', 'freya.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P96
    (454, 'Jacob', 'Watson', 'assignee_user', 'jacob.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P19
    (464, 'Zara', 'Powell', 'assignee_user', 'zara.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V54
    (484, 'Daniel', 'Pearce', 'assignee_user', 'daniel.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S33
    (485, 'Fatima', 'Hall', 'assignee_user', 'fatima.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V49
    (487, 'Tomasz', 'Morgan', 'assignee_user', 'tomasz.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O02
    (494, 'Ava', 'Lloyd', 'assignee_user', 'ava.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P32
    (503, 'Leo', 'Dixon', 'assignee_user', 'leo.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S87
    (516, 'Ruby', 'Clarke', 'assignee_user', 'ruby.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R60
    (518, 'James', 'Lewis', 'assignee_user', 'james.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C18
    (519, 'Niamh', 'Bailey', 'assignee_user', 'niamh.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R70
    (604, 'Kwame', 'Patel', 'assignee_user', 'kwame.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C47
    (606, 'Bethan', 'Turner', 'assignee_user', 'bethan.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C42
    (676, 'George', 'Price', 'assignee_user', 'george.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L75
    (678, 'Grace', 'Reid', 'assignee_user', 'grace.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S50
    (680, 'Thomas', 'Evans', 'assignee_user', 'thomas.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L51
    (682, 'Poppy', 'Moore', 'assignee_user', 'poppy.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L50
    (697, 'Samuel', 'Kelly', 'assignee_user', 'samuel.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B97
    (712, 'Megan', 'Mason', 'assignee_user', 'megan.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O50
    (737, 'Ravi', 'Thompson', 'assignee_user', 'ravi.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B38
    (743, 'Isla', 'Ward', 'assignee_user', 'isla.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C52
    (751, 'Noah', 'Ali', 'assignee_user', 'noah.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P30
    (790, 'Ella', 'Doherty', 'assignee_user', 'ella.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C85
    (799, 'William', 'Khan', 'assignee_user', 'william.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S61
    (806, 'Hannah', 'King', 'assignee_user', 'hannah.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V43
    (808, 'Owen', 'Owen', 'assignee_user', 'owen.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P49
    (839, 'Imogen', 'Sutton', 'assignee_user', 'imogen.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P63
    (852, 'Oliver', 'Green', 'assignee_user', 'oliver.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V14
    (965, 'Sophie', 'Harrison', 'assignee_user', 'sophie.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P43
    (1003, 'Oscar', 'Begum', 'assignee_user', 'oscar.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R62
    (1011, 'Evie', 'Gill', 'assignee_user', 'evie.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R52
    (1016, 'Joseph', 'Wood', 'assignee_user', 'joseph.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L22
    (1046, 'Aisha', 'Baker', 'assignee_user', 'aisha.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L39
    (1081, 'Dylan', 'Nowak', 'assignee_user', 'dylan.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O96
    (1145, 'Amelia', 'Patel', 'assignee_user', 'amelia.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C94
    (1169, 'Jack', 'Turner', 'assignee_user', 'jack.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O14
    (1171, 'Chloe', 'Price', 'assignee_user', 'chloe.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P67
    (1175, 'Charlie', 'Reid', 'assignee_user', 'charlie.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L62
    (1204, 'Alice', 'Evans', 'assignee_user', 'alice.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L32
    (1206, 'Rhys', 'Moore', 'assignee_user', 'rhys.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C77
    (1231, 'Eleanor', 'Kelly', 'assignee_user', 'eleanor.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B47
    (1235, 'Imran', 'Mason', 'assignee_user', 'imran.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B12
    (1280, 'Mia', 'Thompson', 'assignee_user', 'mia.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B27
    (1300, 'Arthur', 'Ward', 'assignee_user', 'arthur.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P24
    (1302, 'Lily', 'Ali', 'assignee_user', 'lily.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C53
    (1306, 'Henry', 'Doherty', 'assignee_user', 'henry.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B13
    (1340, 'Priya', 'Khan', 'assignee_user', 'priya.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L23
    (1348, 'Callum', 'King', 'assignee_user', 'callum.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S68
    (1369, 'Siobhan', 'Owen', 'assignee_user', 'siobhan.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C90
    (1388, 'Harry', 'Sutton', 'assignee_user', 'harry.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V56
    (1394, 'Freya', 'Green', 'assignee_user', 'freya.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O57
    (1396, 'Jacob', 'Harrison', 'assignee_user', 'jacob.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B51
    (1413, 'Zara', 'Begum', 'assignee_user', 'zara.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O58
    (1467, 'Daniel', 'Gill', 'assignee_user', 'daniel.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R20
    (1475, 'Fatima', 'Wood', 'assignee_user', 'fatima.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R88
    (1488, 'Tomasz', 'Baker', 'assignee_user', 'tomasz.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L05
    (1554, 'Ava', 'Nowak', 'assignee_user', 'ava.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B71
    (1555, 'Leo', 'Hughes', 'assignee_user', 'leo.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V44
    (1685, 'Ruby', 'Jackson', 'assignee_user', 'ruby.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C43
    (1795, 'James', 'Bennett', 'assignee_user', 'james.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L48
    (1798, 'Niamh', 'Fletcher', 'assignee_user', 'niamh.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P08
    (1799, 'Kwame', 'Walker', 'assignee_user', 'kwame.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R57
    (1827, 'Bethan', 'Hill', 'assignee_user', 'bethan.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O30
    (1834, 'George', 'Griffiths', 'assignee_user', 'george.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L54
    (1861, 'Grace', 'Chapman', 'assignee_user', 'grace.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B65
    (1863, 'Thomas', 'Robinson', 'assignee_user', 'thomas.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V47
    (1897, 'Poppy', 'Cooper', 'assignee_user', 'poppy.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S19
    (1980, 'Samuel', 'Shaw', 'assignee_user', 'samuel.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R96
    (2015, 'Megan', 'Osei', 'assignee_user', 'megan.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P86
    (2037, 'Ravi', 'Wright', 'assignee_user', 'ravi.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P51
    (2065, 'Isla', 'Morris', 'assignee_user', 'isla.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P76
    (2094, 'Noah', 'Murphy', 'assignee_user', 'noah.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C19
    (2096, 'Ella', 'Marshall', 'assignee_user', 'ella.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P23
    (2097, 'William', 'Edwards', 'assignee_user', 'william.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B16
    (2110, 'Hannah', 'Watson', 'assignee_user', 'hannah.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O59
    (2113, 'Owen', 'Powell', 'assignee_user', 'owen.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C31
    (2126, 'Imogen', 'Pearce', 'assignee_user', 'imogen.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R64
    (2133, 'Oliver', 'Hall', 'assignee_user', 'oliver.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O63
    (2142, 'Sophie', 'Morgan', 'assignee_user', 'sophie.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O62
    (2147, 'Oscar', 'Lloyd', 'assignee_user', 'oscar.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B83
    (2150, 'Evie', 'Dixon', 'assignee_user', 'evie.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B93
    (2160, 'Joseph', 'Clarke', 'assignee_user', 'joseph.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L45
    (2167, 'Aisha', 'Lewis', 'assignee_user', 'aisha.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B09
    (2179, 'Dylan', 'Bailey', 'assignee_user', 'dylan.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C48
    (2186, 'Amelia', 'Walker', 'assignee_user', 'amelia.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L40
    (2188, 'Jack', 'Hill', 'assignee_user', 'jack.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L46
    (2198, 'Chloe', 'Griffiths', 'assignee_user', 'chloe.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P73
    (2274, 'Charlie', 'Chapman', 'assignee_user', 'charlie.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S31
    (2280, 'Alice', 'Robinson', 'assignee_user', 'alice.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R79
    (2283, 'Rhys', 'Cooper', 'assignee_user', 'rhys.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L63
    (2286, 'Eleanor', 'Shaw', 'assignee_user', 'eleanor.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O90
    (2290, 'Imran', 'Osei', 'assignee_user', 'imran.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C10
    (2298, 'Mia', 'Wright', 'assignee_user', 'mia.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C64
    (2307, 'Arthur', 'Morris', 'assignee_user', 'arthur.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P17
    (2322, 'Lily', 'Murphy', 'assignee_user', 'lily.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R80
    (2353, 'Henry', 'Marshall', 'assignee_user', 'henry.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O75
    (2357, 'Priya', 'Edwards', 'assignee_user', 'priya.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C24
    (2372, 'Callum', 'Watson', 'assignee_user', 'callum.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V57
    (2374, 'Siobhan', 'Powell', 'assignee_user', 'siobhan.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P54
    (2376, 'Harry', 'Pearce', 'assignee_user', 'harry.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C03
    (2377, 'Freya', 'Hall', 'assignee_user', 'freya.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L11
    (2378, 'Jacob', 'Morgan', 'assignee_user', 'jacob.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P60
    (2380, 'Zara', 'Lloyd', 'assignee_user', 'zara.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P84
    (2381, 'Daniel', 'Dixon', 'assignee_user', 'daniel.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P34
    (2383, 'Fatima', 'Clarke', 'assignee_user', 'fatima.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S35
    (2384, 'Tomasz', 'Lewis', 'assignee_user', 'tomasz.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S01
    (2388, 'Ava', 'Bailey', 'assignee_user', 'ava.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R90
    (2389, 'Leo', 'Patel', 'assignee_user', 'leo.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S47
    (2390, 'Ruby', 'Turner', 'assignee_user', 'ruby.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O04
    (2391, 'James', 'Price', 'assignee_user', 'james.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P20
    (2393, 'Niamh', 'Reid', 'assignee_user', 'niamh.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P82
    (2394, 'Kwame', 'Evans', 'assignee_user', 'kwame.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C20
    (2396, 'Bethan', 'Moore', 'assignee_user', 'bethan.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P33
    (2397, 'George', 'Kelly', 'assignee_user', 'george.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L28
    (2398, 'Grace', 'Mason', 'assignee_user', 'grace.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L98
    (2399, 'Thomas', 'Thompson', 'assignee_user', 'thomas.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B79
    (2401, 'Poppy', 'Ward', 'assignee_user', 'poppy.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C36
    (2402, 'Samuel', 'Ali', 'assignee_user', 'samuel.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V06
    (2403, 'Megan', 'Doherty', 'assignee_user', 'megan.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B11
    (2405, 'Ravi', 'Khan', 'assignee_user', 'ravi.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B24
    (2406, 'Isla', 'King', 'assignee_user', 'isla.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V11
    (2407, 'Noah', 'Owen', 'assignee_user', 'noah.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V42
    (2410, 'Ella', 'Sutton', 'assignee_user', 'ella.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B03
    (2412, 'William', 'Green', 'assignee_user', 'william.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B23
    (2413, 'Hannah', 'Harrison', 'assignee_user', 'hannah.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B22
    (2416, 'Owen', 'Begum', 'assignee_user', 'owen.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O81
    (2417, 'Imogen', 'Gill', 'assignee_user', 'imogen.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R28
    (2419, 'Oliver', 'Wood', 'assignee_user', 'oliver.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C57
    (2420, 'Sophie', 'Baker', 'assignee_user', 'sophie.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P01
    (2421, 'Oscar', 'Nowak', 'assignee_user', 'oscar.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R63
    (2422, 'Evie', 'Hughes', 'assignee_user', 'evie.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C87
    (2424, 'Joseph', 'Jackson', 'assignee_user', 'joseph.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B46
    (2425, 'Aisha', 'Bennett', 'assignee_user', 'aisha.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L94
    (2426, 'Dylan', 'Fletcher', 'assignee_user', 'dylan.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R32
    (2428, 'Amelia', 'Evans', 'assignee_user', 'amelia.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P79
    (2429, 'Jack', 'Moore', 'assignee_user', 'jack.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S90
    (2430, 'Chloe', 'Kelly', 'assignee_user', 'chloe.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P11
    (2432, 'Charlie', 'Mason', 'assignee_user', 'charlie.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V28
    (2433, 'Alice', 'Thompson', 'assignee_user', 'alice.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C09
    (2434, 'Rhys', 'Ward', 'assignee_user', 'rhys.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C73
    (2435, 'Eleanor', 'Ali', 'assignee_user', 'eleanor.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V29
    (2437, 'Imran', 'Doherty', 'assignee_user', 'imran.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R69
    (2438, 'Mia', 'Khan', 'assignee_user', 'mia.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L29
    (2439, 'Arthur', 'King', 'assignee_user', 'arthur.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V39
    (2440, 'Lily', 'Owen', 'assignee_user', 'lily.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R48
    (2441, 'Henry', 'Sutton', 'assignee_user', 'henry.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R68
    (2442, 'Priya', 'Green', 'assignee_user', 'priya.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V01
    (2447, 'Callum', 'Harrison', 'assignee_user', 'callum.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O07
    (2453, 'Siobhan', 'Begum', 'assignee_user', 'siobhan.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R99
    (2454, 'Harry', 'Gill', 'assignee_user', 'harry.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P02
    (2455, 'Freya', 'Wood', 'assignee_user', 'freya.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B01
    (2456, 'Jacob', 'Baker', 'assignee_user', 'jacob.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C28
    (2457, 'Zara', 'Nowak', 'assignee_user', 'zara.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R22
    (2460, 'Daniel', 'Hughes', 'assignee_user', 'daniel.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B74
    (2462, 'Fatima', 'Jackson', 'assignee_user', 'fatima.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L41
    (2463, 'Tomasz', 'Bennett', 'assignee_user', 'tomasz.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L47
    (2465, 'Ava', 'Fletcher', 'assignee_user', 'ava.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R86
    (2466, 'Leo', 'Walker', 'assignee_user', 'leo.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R44
    (2467, 'Ruby', 'Hill', 'assignee_user', 'ruby.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O19
    (2469, 'James', 'Griffiths', 'assignee_user', 'james.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L43
    (2470, 'Niamh', 'Chapman', 'assignee_user', 'niamh.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S48
    (2471, 'Kwame', 'Robinson', 'assignee_user', 'kwame.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L70
    (2472, 'Bethan', 'Cooper', 'assignee_user', 'bethan.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B50
    (2473, 'George', 'Shaw', 'assignee_user', 'george.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P13
    (2474, 'Grace', 'Osei', 'assignee_user', 'grace.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B41
    (2476, 'Thomas', 'Wright', 'assignee_user', 'thomas.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P85
    (2478, 'Poppy', 'Morris', 'assignee_user', 'poppy.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C72
    (2479, 'Samuel', 'Murphy', 'assignee_user', 'samuel.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O22
    (2480, 'Megan', 'Marshall', 'assignee_user', 'megan.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C89
    (2482, 'Ravi', 'Edwards', 'assignee_user', 'ravi.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B64
    (2484, 'Isla', 'Watson', 'assignee_user', 'isla.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S62
    (2488, 'Noah', 'Powell', 'assignee_user', 'noah.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L97
    (2489, 'Ella', 'Pearce', 'assignee_user', 'ella.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V12
    (2491, 'William', 'Hall', 'assignee_user', 'william.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L12
    (2492, 'Hannah', 'Morgan', 'assignee_user', 'hannah.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S38
    (2494, 'Owen', 'Lloyd', 'assignee_user', 'owen.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B61
    (2497, 'Imogen', 'Dixon', 'assignee_user', 'imogen.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C12
    (2498, 'Oliver', 'Clarke', 'assignee_user', 'oliver.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R72
    (2499, 'Sophie', 'Lewis', 'assignee_user', 'sophie.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B82
    (2501, 'Oscar', 'Bailey', 'assignee_user', 'oscar.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C39
    (2503, 'Evie', 'Patel', 'assignee_user', 'evie.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C15
    (2504, 'Joseph', 'Turner', 'assignee_user', 'joseph.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S46
    (2506, 'Aisha', 'Price', 'assignee_user', 'aisha.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C68
    (2509, 'Dylan', 'Reid', 'assignee_user', 'dylan.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B30
    (2510, 'Amelia', 'Robinson', 'assignee_user', 'amelia.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O01
    (2511, 'Jack', 'Cooper', 'assignee_user', 'jack.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B02
    (2512, 'Chloe', 'Shaw', 'assignee_user', 'chloe.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S43
    (2513, 'Charlie', 'Osei', 'assignee_user', 'charlie.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O54
    (2514, 'Alice', 'Wright', 'assignee_user', 'alice.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L77
    (2518, 'Rhys', 'Morris', 'assignee_user', 'rhys.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P71
    (2520, 'Eleanor', 'Murphy', 'assignee_user', 'eleanor.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B53
    (2521, 'Imran', 'Marshall', 'assignee_user', 'imran.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C50
    (2522, 'Mia', 'Edwards', 'assignee_user', 'mia.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L59
    (2530, 'Arthur', 'Watson', 'assignee_user', 'arthur.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V53
    (2531, 'Lily', 'Powell', 'assignee_user', 'lily.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B49
    (2532, 'Henry', 'Pearce', 'assignee_user', 'henry.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O05
    (2533, 'Priya', 'Hall', 'assignee_user', 'priya.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B31
    (2534, 'Callum', 'Morgan', 'assignee_user', 'callum.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B98
    (2535, 'Siobhan', 'Lloyd', 'assignee_user', 'siobhan.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S53
    (2536, 'Harry', 'Dixon', 'assignee_user', 'harry.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C61
    (2537, 'Freya', 'Clarke', 'assignee_user', 'freya.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L36
    (2539, 'Jacob', 'Lewis', 'assignee_user', 'jacob.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L99
    (2541, 'Zara', 'Bailey', 'assignee_user', 'zara.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S08
    (2543, 'Daniel', 'Patel', 'assignee_user', 'daniel.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C51
    (2544, 'Fatima', 'Turner', 'assignee_user', 'fatima.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B39
    (2545, 'Tomasz', 'Price', 'assignee_user', 'tomasz.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L21
    (2546, 'Ava', 'Reid', 'assignee_user', 'ava.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S54
    (2548, 'Leo', 'Evans', 'assignee_user', 'leo.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B84
    (2549, 'Ruby', 'Moore', 'assignee_user', 'ruby.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V52
    (2550, 'James', 'Kelly', 'assignee_user', 'james.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O71
    (2551, 'Niamh', 'Mason', 'assignee_user', 'niamh.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C69
    (2553, 'Kwame', 'Thompson', 'assignee_user', 'kwame.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O44
    (2554, 'Bethan', 'Ward', 'assignee_user', 'bethan.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P14
    (2555, 'George', 'Ali', 'assignee_user', 'george.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P95
    (2558, 'Grace', 'Doherty', 'assignee_user', 'grace.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O08
    (2560, 'Thomas', 'Khan', 'assignee_user', 'thomas.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V36
    (2561, 'Poppy', 'King', 'assignee_user', 'poppy.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O31
    (2562, 'Samuel', 'Owen', 'assignee_user', 'samuel.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P88
    (2563, 'Megan', 'Sutton', 'assignee_user', 'megan.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R14
    (2564, 'Ravi', 'Green', 'assignee_user', 'ravi.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C06
    (2566, 'Isla', 'Harrison', 'assignee_user', 'isla.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C38
    (2567, 'Noah', 'Begum', 'assignee_user', 'noah.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V41
    (2568, 'Ella', 'Gill', 'assignee_user', 'ella.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V04
    (2569, 'William', 'Wood', 'assignee_user', 'william.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L15
    (2570, 'Hannah', 'Baker', 'assignee_user', 'hannah.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O28
    (2571, 'Owen', 'Nowak', 'assignee_user', 'owen.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P81
    (2575, 'Imogen', 'Hughes', 'assignee_user', 'imogen.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S45
    (2576, 'Oliver', 'Jackson', 'assignee_user', 'oliver.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B05
    (2577, 'Sophie', 'Bennett', 'assignee_user', 'sophie.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C80
    (2578, 'Oscar', 'Fletcher', 'assignee_user', 'oscar.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L19
    (2579, 'Evie', 'Walker', 'assignee_user', 'evie.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R02
    (2581, 'Joseph', 'Hill', 'assignee_user', 'joseph.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R87
    (2582, 'Aisha', 'Griffiths', 'assignee_user', 'aisha.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S28
    (2584, 'Dylan', 'Chapman', 'assignee_user', 'dylan.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S15
    (2585, 'Amelia', 'Thompson', 'assignee_user', 'amelia.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L07
    (2586, 'Jack', 'Ward', 'assignee_user', 'jack.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V23
    (2587, 'Chloe', 'Ali', 'assignee_user', 'chloe.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R18
    (2588, 'Charlie', 'Doherty', 'assignee_user', 'charlie.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P29
    (2590, 'Alice', 'Khan', 'assignee_user', 'alice.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C56
    (2591, 'Rhys', 'King', 'assignee_user', 'rhys.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B55
    (2592, 'Eleanor', 'Owen', 'assignee_user', 'eleanor.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C67
    (2593, 'Imran', 'Sutton', 'assignee_user', 'imran.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R76
    (2595, 'Mia', 'Green', 'assignee_user', 'mia.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R83
    (2596, 'Arthur', 'Harrison', 'assignee_user', 'arthur.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B07
    (2597, 'Lily', 'Begum', 'assignee_user', 'lily.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S13
    (2598, 'Henry', 'Gill', 'assignee_user', 'henry.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C82
    (2601, 'Priya', 'Wood', 'assignee_user', 'priya.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S34
    (2603, 'Callum', 'Baker', 'assignee_user', 'callum.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L13
    (2605, 'Siobhan', 'Nowak', 'assignee_user', 'siobhan.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R06
    (2606, 'Harry', 'Hughes', 'assignee_user', 'harry.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P40
    (2608, 'Freya', 'Jackson', 'assignee_user', 'freya.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C88
    (2609, 'Jacob', 'Bennett', 'assignee_user', 'jacob.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P45
    (2611, 'Zara', 'Fletcher', 'assignee_user', 'zara.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C44
    (2616, 'Daniel', 'Walker', 'assignee_user', 'daniel.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C55
    (2617, 'Fatima', 'Hill', 'assignee_user', 'fatima.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O21
    (2618, 'Tomasz', 'Griffiths', 'assignee_user', 'tomasz.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O94
    (2619, 'Ava', 'Chapman', 'assignee_user', 'ava.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O99
    (2626, 'Leo', 'Robinson', 'assignee_user', 'leo.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P92
    (2627, 'Ruby', 'Cooper', 'assignee_user', 'ruby.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C70
    (2628, 'James', 'Shaw', 'assignee_user', 'james.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B06
    (2630, 'Niamh', 'Osei', 'assignee_user', 'niamh.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P56
    (2631, 'Kwame', 'Wright', 'assignee_user', 'kwame.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C99
    (2633, 'Bethan', 'Morris', 'assignee_user', 'bethan.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B67
    (2634, 'George', 'Murphy', 'assignee_user', 'george.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R84
    (2636, 'Grace', 'Marshall', 'assignee_user', 'grace.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P87
    (2637, 'Thomas', 'Edwards', 'assignee_user', 'thomas.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C60
    (2638, 'Poppy', 'Watson', 'assignee_user', 'poppy.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O11
    (2639, 'Samuel', 'Powell', 'assignee_user', 'samuel.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O24
    (2640, 'Megan', 'Pearce', 'assignee_user', 'megan.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O03
    (2644, 'Ravi', 'Hall', 'assignee_user', 'ravi.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B33
    (2699, 'Isla', 'Morgan', 'assignee_user', 'isla.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O45
    (2714, 'Noah', 'Lloyd', 'assignee_user', 'noah.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P09
    (2715, 'Ella', 'Dixon', 'assignee_user', 'ella.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P35
    (2716, 'William', 'Clarke', 'assignee_user', 'william.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O87
    (2728, 'Hannah', 'Lewis', 'assignee_user', 'hannah.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P04
    (2729, 'Owen', 'Bailey', 'assignee_user', 'owen.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R27
    (2750, 'Imogen', 'Patel', 'assignee_user', 'imogen.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B36
    (2770, 'Oliver', 'Turner', 'assignee_user', 'oliver.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C29
    (2772, 'Sophie', 'Price', 'assignee_user', 'sophie.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O37
    (2773, 'Oscar', 'Reid', 'assignee_user', 'oscar.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R61
    (2774, 'Evie', 'Evans', 'assignee_user', 'evie.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O38
    (2776, 'Joseph', 'Moore', 'assignee_user', 'joseph.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L17
    (2781, 'Aisha', 'Kelly', 'assignee_user', 'aisha.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C49
    (2782, 'Dylan', 'Mason', 'assignee_user', 'dylan.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C84
    (2789, 'Amelia', 'Wright', 'assignee_user', 'amelia.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S09
    (2790, 'Jack', 'Morris', 'assignee_user', 'jack.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L69
    (2800, 'Chloe', 'Murphy', 'assignee_user', 'chloe.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P38
    (2825, 'Charlie', 'Marshall', 'assignee_user', 'charlie.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C96
    (2838, 'Alice', 'Edwards', 'assignee_user', 'alice.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C66
    (2839, 'Rhys', 'Watson', 'assignee_user', 'rhys.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B63
    (2840, 'Eleanor', 'Powell', 'assignee_user', 'eleanor.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S26
    (2841, 'Imran', 'Pearce', 'assignee_user', 'imran.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R39
    (2843, 'Mia', 'Hall', 'assignee_user', 'mia.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S70
    (2844, 'Arthur', 'Morgan', 'assignee_user', 'arthur.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O41
    (2845, 'Lily', 'Lloyd', 'assignee_user', 'lily.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R03
    (2846, 'Henry', 'Dixon', 'assignee_user', 'henry.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S92
    (2852, 'Priya', 'Clarke', 'assignee_user', 'priya.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R85
    (2853, 'Callum', 'Lewis', 'assignee_user', 'callum.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R17
    (2855, 'Siobhan', 'Bailey', 'assignee_user', 'siobhan.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L60
    (2856, 'Harry', 'Patel', 'assignee_user', 'harry.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L61
    (2863, 'Freya', 'Turner', 'assignee_user', 'freya.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O32
    (2870, 'Jacob', 'Price', 'assignee_user', 'jacob.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C58
    (2881, 'Zara', 'Reid', 'assignee_user', 'zara.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V51
    (2893, 'Daniel', 'Evans', 'assignee_user', 'daniel.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B89
    (2903, 'Fatima', 'Moore', 'assignee_user', 'fatima.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P62
    (2912, 'Tomasz', 'Kelly', 'assignee_user', 'tomasz.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B40
    (2919, 'Ava', 'Mason', 'assignee_user', 'ava.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C91
    (2921, 'Leo', 'Thompson', 'assignee_user', 'leo.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P66
    (2937, 'Ruby', 'Ward', 'assignee_user', 'ruby.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R09
    (2950, 'James', 'Ali', 'assignee_user', 'james.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S55
    (2952, 'Niamh', 'Doherty', 'assignee_user', 'niamh.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S64
    (2953, 'Kwame', 'Khan', 'assignee_user', 'kwame.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L65
    (2960, 'Bethan', 'King', 'assignee_user', 'bethan.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P28
    (2961, 'George', 'Owen', 'assignee_user', 'george.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L25
    (2962, 'Grace', 'Sutton', 'assignee_user', 'grace.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L96
    (2963, 'Thomas', 'Green', 'assignee_user', 'thomas.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R71
    (2965, 'Poppy', 'Harrison', 'assignee_user', 'poppy.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R38
    (2967, 'Samuel', 'Begum', 'assignee_user', 'samuel.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L14
    (2979, 'Megan', 'Gill', 'assignee_user', 'megan.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S72
    (2984, 'Ravi', 'Wood', 'assignee_user', 'ravi.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P93
    (2986, 'Isla', 'Baker', 'assignee_user', 'isla.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S67
    (2987, 'Noah', 'Nowak', 'assignee_user', 'noah.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O97
    (2988, 'Ella', 'Hughes', 'assignee_user', 'ella.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P44
    (2989, 'William', 'Jackson', 'assignee_user', 'william.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O18
    (3020, 'Hannah', 'Bennett', 'assignee_user', 'hannah.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S14
    (3031, 'Owen', 'Fletcher', 'assignee_user', 'owen.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P06
    (3039, 'Imogen', 'Walker', 'assignee_user', 'imogen.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C75
    (3042, 'Oliver', 'Hill', 'assignee_user', 'oliver.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S77
    (3043, 'Sophie', 'Griffiths', 'assignee_user', 'sophie.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L93
    (3102, 'Oscar', 'Chapman', 'assignee_user', 'oscar.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S25
    (3103, 'Evie', 'Robinson', 'assignee_user', 'evie.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B37
    (3104, 'Joseph', 'Cooper', 'assignee_user', 'joseph.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R04
    (3108, 'Aisha', 'Shaw', 'assignee_user', 'aisha.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O13
    (3114, 'Dylan', 'Osei', 'assignee_user', 'dylan.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L31
    (3115, 'Amelia', 'Khan', 'assignee_user', 'amelia.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P48
    (3116, 'Jack', 'King', 'assignee_user', 'jack.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P50
    (3117, 'Chloe', 'Owen', 'assignee_user', 'chloe.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O42
    (3118, 'Charlie', 'Sutton', 'assignee_user', 'charlie.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C07
    (3120, 'Alice', 'Green', 'assignee_user', 'alice.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C04
    (3121, 'Rhys', 'Harrison', 'assignee_user', 'rhys.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S97
    (3124, 'Eleanor', 'Begum', 'assignee_user', 'eleanor.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C32
    (3125, 'Imran', 'Gill', 'assignee_user', 'imran.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V50
    (3155, 'Mia', 'Wood', 'assignee_user', 'mia.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C54
    (3160, 'Arthur', 'Baker', 'assignee_user', 'arthur.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S05
    (3162, 'Lily', 'Nowak', 'assignee_user', 'lily.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S79
    (3163, 'Henry', 'Hughes', 'assignee_user', 'henry.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O66
    (3164, 'Priya', 'Jackson', 'assignee_user', 'priya.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O64
    (3166, 'Callum', 'Bennett', 'assignee_user', 'callum.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S80
    (3168, 'Siobhan', 'Fletcher', 'assignee_user', 'siobhan.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O69
    (3176, 'Harry', 'Walker', 'assignee_user', 'harry.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O95
    (3177, 'Freya', 'Hill', 'assignee_user', 'freya.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L92
    (3188, 'Jacob', 'Griffiths', 'assignee_user', 'jacob.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O68
    (3197, 'Zara', 'Chapman', 'assignee_user', 'zara.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C59
    (3200, 'Daniel', 'Robinson', 'assignee_user', 'daniel.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B14
    (3210, 'Fatima', 'Cooper', 'assignee_user', 'fatima.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R26
    (3211, 'Tomasz', 'Shaw', 'assignee_user', 'tomasz.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O12
    (3212, 'Ava', 'Osei', 'assignee_user', 'ava.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O35
    (3214, 'Leo', 'Wright', 'assignee_user', 'leo.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R13
    (3215, 'Ruby', 'Morris', 'assignee_user', 'ruby.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C11
    (3216, 'James', 'Murphy', 'assignee_user', 'james.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V19
    (3217, 'Niamh', 'Marshall', 'assignee_user', 'niamh.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V33
    (3218, 'Kwame', 'Edwards', 'assignee_user', 'kwame.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O60
    (3219, 'Bethan', 'Watson', 'assignee_user', 'bethan.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V05
    (3220, 'George', 'Powell', 'assignee_user', 'george.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C83
    (3237, 'Grace', 'Pearce', 'assignee_user', 'grace.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L71
    (3239, 'Thomas', 'Hall', 'assignee_user', 'thomas.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L44
    (3240, 'Poppy', 'Morgan', 'assignee_user', 'poppy.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L33
    (3241, 'Samuel', 'Lloyd', 'assignee_user', 'samuel.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R65
    (3242, 'Megan', 'Dixon', 'assignee_user', 'megan.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R66
    (3243, 'Ravi', 'Clarke', 'assignee_user', 'ravi.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S51
    (3244, 'Isla', 'Lewis', 'assignee_user', 'isla.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S94
    (3245, 'Noah', 'Bailey', 'assignee_user', 'noah.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R97
    (3246, 'Ella', 'Patel', 'assignee_user', 'ella.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R94
    (3248, 'William', 'Turner', 'assignee_user', 'william.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S66
    (3249, 'Hannah', 'Price', 'assignee_user', 'hannah.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S65
    (3252, 'Owen', 'Reid', 'assignee_user', 'owen.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P58
    (3263, 'Imogen', 'Evans', 'assignee_user', 'imogen.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O78
    (3264, 'Oliver', 'Moore', 'assignee_user', 'oliver.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O51
    (3265, 'Sophie', 'Kelly', 'assignee_user', 'sophie.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L55
    (3287, 'Oscar', 'Mason', 'assignee_user', 'oscar.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C13
    (3297, 'Evie', 'Thompson', 'assignee_user', 'evie.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O92
    (3298, 'Joseph', 'Ward', 'assignee_user', 'joseph.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L34
    (3332, 'Aisha', 'Ali', 'assignee_user', 'aisha.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B58
    (3337, 'Dylan', 'Doherty', 'assignee_user', 'dylan.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S81
    (3348, 'Amelia', 'Edwards', 'assignee_user', 'amelia.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S63
    (3582, 'Jack', 'Watson', 'assignee_user', 'jack.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O56
    (3714, 'Chloe', 'Powell', 'assignee_user', 'chloe.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C33
    (3715, 'Charlie', 'Pearce', 'assignee_user', 'charlie.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O39
    (3882, 'Alice', 'Hall', 'assignee_user', 'alice.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B70
    (3884, 'Rhys', 'Morgan', 'assignee_user', 'rhys.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R54
    (3913, 'Eleanor', 'Lloyd', 'assignee_user', 'eleanor.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P52
    (4011, 'Imran', 'Dixon', 'assignee_user', 'imran.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R59
    (4077, 'Mia', 'Clarke', 'assignee_user', 'mia.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P61
    (4671, 'Arthur', 'Lewis', 'assignee_user', 'arthur.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O20
    (4672, 'Lily', 'Bailey', 'assignee_user', 'lily.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S41
    (4673, 'Henry', 'Patel', 'assignee_user', 'henry.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L04
    (4906, 'Priya', 'Turner', 'assignee_user', 'priya.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B90
    (4907, 'Callum', 'Price', 'assignee_user', 'callum.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L35
    (4908, 'Siobhan', 'Reid', 'assignee_user', 'siobhan.reid@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O36
    (4910, 'Harry', 'Evans', 'assignee_user', 'harry.evans@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S83
    (4937, 'Freya', 'Moore', 'assignee_user', 'freya.moore@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R33
    (5004, 'Jacob', 'Kelly', 'assignee_user', 'jacob.kelly@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L83
    (5133, 'Zara', 'Mason', 'assignee_user', 'zara.mason@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V46
    (5265, 'Daniel', 'Thompson', 'assignee_user', 'daniel.thompson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V03
    (5266, 'Fatima', 'Ward', 'assignee_user', 'fatima.ward@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O43
    (5270, 'Tomasz', 'Ali', 'assignee_user', 'tomasz.ali@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O09
    (5464, 'Ava', 'Doherty', 'assignee_user', 'ava.doherty@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V09
    (5465, 'Leo', 'Khan', 'assignee_user', 'leo.khan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P46
    (5466, 'Ruby', 'King', 'assignee_user', 'ruby.king@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L06
    (5479, 'James', 'Owen', 'assignee_user', 'james.owen@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S11
    (5480, 'Niamh', 'Sutton', 'assignee_user', 'niamh.sutton@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S69
    (5595, 'Kwame', 'Green', 'assignee_user', 'kwame.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O88
    (5596, 'Bethan', 'Harrison', 'assignee_user', 'bethan.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L79
    (5597, 'George', 'Begum', 'assignee_user', 'george.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V31
    (5598, 'Grace', 'Gill', 'assignee_user', 'grace.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C35
    (5599, 'Thomas', 'Wood', 'assignee_user', 'thomas.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S84
    (5600, 'Poppy', 'Baker', 'assignee_user', 'poppy.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V20
    (5601, 'Samuel', 'Nowak', 'assignee_user', 'samuel.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V32
    (5603, 'Megan', 'Hughes', 'assignee_user', 'megan.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R75
    (5694, 'Ravi', 'Jackson', 'assignee_user', 'ravi.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L37, O73
    (5695, 'Isla', 'Bennett', 'assignee_user', 'isla.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B48
    (5727, 'Noah', 'Fletcher', 'assignee_user', 'noah.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O76
    (5728, 'Ella', 'Walker', 'assignee_user', 'ella.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V15
    (5793, 'William', 'Hill', 'assignee_user', 'william.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L85
    (6024, 'Hannah', 'Griffiths', 'assignee_user', 'hannah.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S16
    (6025, 'Owen', 'Chapman', 'assignee_user', 'owen.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L68
    (6027, 'Imogen', 'Robinson', 'assignee_user', 'imogen.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B57
    (6028, 'Oliver', 'Cooper', 'assignee_user', 'oliver.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S21
    (6029, 'Sophie', 'Shaw', 'assignee_user', 'sophie.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O17
    (6041, 'Oscar', 'Osei', 'assignee_user', 'oscar.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B26
    (6057, 'Evie', 'Wright', 'assignee_user', 'evie.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O29
    (6058, 'Joseph', 'Morris', 'assignee_user', 'joseph.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P77
    (6061, 'Aisha', 'Murphy', 'assignee_user', 'aisha.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P59
    (6062, 'Dylan', 'Marshall', 'assignee_user', 'dylan.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L66
    (6091, 'Amelia', 'Green', 'assignee_user', 'amelia.green@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C79
    (6360, 'Jack', 'Harrison', 'assignee_user', 'jack.harrison@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P91
    (6361, 'Chloe', 'Begum', 'assignee_user', 'chloe.begum@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L20
    (6365, 'Charlie', 'Gill', 'assignee_user', 'charlie.gill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S59
    (6366, 'Alice', 'Wood', 'assignee_user', 'alice.wood@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P97
    (6367, 'Rhys', 'Baker', 'assignee_user', 'rhys.baker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C23
    (6390, 'Eleanor', 'Nowak', 'assignee_user', 'eleanor.nowak@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L90
    (6391, 'Imran', 'Hughes', 'assignee_user', 'imran.hughes@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S89
    (6392, 'Mia', 'Jackson', 'assignee_user', 'mia.jackson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L57
    (6393, 'Arthur', 'Bennett', 'assignee_user', 'arthur.bennett@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S86
    (6783, 'Lily', 'Fletcher', 'assignee_user', 'lily.fletcher@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R31
    (6816, 'Henry', 'Walker', 'assignee_user', 'henry.walker@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C65
    (6849, 'Priya', 'Hill', 'assignee_user', 'priya.hill@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O27
    (6882, 'Callum', 'Griffiths', 'assignee_user', 'callum.griffiths@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- V22
    (6883, 'Siobhan', 'Chapman', 'assignee_user', 'siobhan.chapman@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R43
    (6884, 'Harry', 'Robinson', 'assignee_user', 'harry.robinson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S74
    (6885, 'Freya', 'Cooper', 'assignee_user', 'freya.cooper@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S12
    (6886, 'Jacob', 'Shaw', 'assignee_user', 'jacob.shaw@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- R91
    (6887, 'Zara', 'Osei', 'assignee_user', 'zara.osei@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- L78
    (6956, 'Daniel', 'Wright', 'assignee_user', 'daniel.wright@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C93
    (7122, 'Fatima', 'Morris', 'assignee_user', 'fatima.morris@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O85
    (7123, 'Tomasz', 'Murphy', 'assignee_user', 'tomasz.murphy@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S82
    (7311, 'Ava', 'Marshall', 'assignee_user', 'ava.marshall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S73
    (7312, 'Leo', 'Edwards', 'assignee_user', 'leo.edwards@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O33
    (7410, 'Ruby', 'Watson', 'assignee_user', 'ruby.watson@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P72
    (7674, 'James', 'Powell', 'assignee_user', 'james.powell@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B28
    (7675, 'Niamh', 'Pearce', 'assignee_user', 'niamh.pearce@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B42
    (7676, 'Kwame', 'Hall', 'assignee_user', 'kwame.hall@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- B59
    (7811, 'Bethan', 'Morgan', 'assignee_user', 'bethan.morgan@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- O53
    (8037, 'George', 'Lloyd', 'assignee_user', 'george.lloyd@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- P74, S44
    (8631, 'Grace', 'Dixon', 'assignee_user', 'grace.dixon@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- C41
    (8664, 'Thomas', 'Clarke', 'assignee_user', 'thomas.clarke@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S18
    (8763, 'Poppy', 'Lewis', 'assignee_user', 'poppy.lewis@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S52
    (8764, 'Samuel', 'Bailey', 'assignee_user', 'samuel.bailey@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S02
    (8765, 'Megan', 'Patel', 'assignee_user', 'megan.patel@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S03
    (8766, 'Ravi', 'Turner', 'assignee_user', 'ravi.turner@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false),  -- S06
    (8767, 'Isla', 'Price', 'assignee_user', 'isla.price@publicguardian.example', '{"OPG User":"OPG User","Case Manager":"Case Manager"}', false, '0300 456 0300', false);  -- S36

-- Team membership: every case worker is in one lay team (round robin over lay teams 1-9).
INSERT INTO public.assignee_teams (team_id, assignablecomposite_id) VALUES
    (2409, 34),
    (2409, 247),
    (2409, 464),
    (2409, 604),
    (2409, 743),
    (2409, 1003),
    (2409, 1204),
    (2409, 1348),
    (2409, 1554),
    (2409, 1863),
    (2409, 2110),
    (2409, 2179),
    (2409, 2298),
    (2409, 2378),
    (2409, 2393),
    (2409, 2405),
    (2409, 2420),
    (2409, 2432),
    (2409, 2442),
    (2409, 2463),
    (2409, 2474),
    (2409, 2491),
    (2409, 2506),
    (2409, 2521),
    (2409, 2537),
    (2409, 2550),
    (2409, 2563),
    (2409, 2576),
    (2409, 2587),
    (2409, 2598),
    (2409, 2617),
    (2409, 2634),
    (2409, 2715),
    (2409, 2776),
    (2409, 2840),
    (2409, 2856),
    (2409, 2937),
    (2409, 2967),
    (2409, 3039),
    (2409, 3116),
    (2409, 3162),
    (2409, 3200),
    (2409, 3219),
    (2409, 3245),
    (2409, 3297),
    (2409, 3884),
    (2409, 4908),
    (2409, 5465),
    (2409, 5600),
    (2409, 6025),
    (2409, 6091),
    (2409, 6393),
    (2409, 6887),
    (2409, 7676),
    (2409, 8767),
    (2443, 35),
    (2443, 250),
    (2443, 484),
    (2443, 606),
    (2443, 751),
    (2443, 1011),
    (2443, 1206),
    (2443, 1369),
    (2443, 1555),
    (2443, 1897),
    (2443, 2113),
    (2443, 2186),
    (2443, 2307),
    (2443, 2380),
    (2443, 2394),
    (2443, 2406),
    (2443, 2421),
    (2443, 2433),
    (2443, 2447),
    (2443, 2465),
    (2443, 2476),
    (2443, 2492),
    (2443, 2509),
    (2443, 2522),
    (2443, 2539),
    (2443, 2551),
    (2443, 2564),
    (2443, 2577),
    (2443, 2588),
    (2443, 2601),
    (2443, 2618),
    (2443, 2636),
    (2443, 2716),
    (2443, 2781),
    (2443, 2841),
    (2443, 2863),
    (2443, 2950),
    (2443, 2979),
    (2443, 3042),
    (2443, 3117),
    (2443, 3163),
    (2443, 3210),
    (2443, 3220),
    (2443, 3246),
    (2443, 3298),
    (2443, 3913),
    (2443, 4910),
    (2443, 5466),
    (2443, 5601),
    (2443, 6027),
    (2443, 6360),
    (2443, 6783),
    (2443, 6956),
    (2443, 7811),
    (2444, 36),
    (2444, 252),
    (2444, 485),
    (2444, 676),
    (2444, 790),
    (2444, 1016),
    (2444, 1231),
    (2444, 1388),
    (2444, 1685),
    (2444, 1980),
    (2444, 2126),
    (2444, 2188),
    (2444, 2322),
    (2444, 2381),
    (2444, 2396),
    (2444, 2407),
    (2444, 2422),
    (2444, 2434),
    (2444, 2453),
    (2444, 2466),
    (2444, 2478),
    (2444, 2494),
    (2444, 2510),
    (2444, 2530),
    (2444, 2541),
    (2444, 2553),
    (2444, 2566),
    (2444, 2578),
    (2444, 2590),
    (2444, 2603),
    (2444, 2619),
    (2444, 2637),
    (2444, 2728),
    (2444, 2782),
    (2444, 2843),
    (2444, 2870),
    (2444, 2952),
    (2444, 2984),
    (2444, 3043),
    (2444, 3118),
    (2444, 3164),
    (2444, 3211),
    (2444, 3237),
    (2444, 3248),
    (2444, 3332),
    (2444, 4011),
    (2444, 4937),
    (2444, 5479),
    (2444, 5603),
    (2444, 6028),
    (2444, 6361),
    (2444, 6816),
    (2444, 7122),
    (2444, 8037),
    (2523, 38),
    (2523, 259),
    (2523, 487),
    (2523, 678),
    (2523, 799),
    (2523, 1046),
    (2523, 1235),
    (2523, 1394),
    (2523, 1795),
    (2523, 2015),
    (2523, 2133),
    (2523, 2198),
    (2523, 2353),
    (2523, 2383),
    (2523, 2397),
    (2523, 2410),
    (2523, 2424),
    (2523, 2435),
    (2523, 2454),
    (2523, 2467),
    (2523, 2479),
    (2523, 2497),
    (2523, 2511),
    (2523, 2531),
    (2523, 2543),
    (2523, 2554),
    (2523, 2567),
    (2523, 2579),
    (2523, 2591),
    (2523, 2605),
    (2523, 2626),
    (2523, 2638),
    (2523, 2729),
    (2523, 2789),
    (2523, 2844),
    (2523, 2881),
    (2523, 2953),
    (2523, 2986),
    (2523, 3102),
    (2523, 3120),
    (2523, 3166),
    (2523, 3212),
    (2523, 3239),
    (2523, 3249),
    (2523, 3337),
    (2523, 4077),
    (2523, 5004),
    (2523, 5480),
    (2523, 5694),
    (2523, 6029),
    (2523, 6365),
    (2523, 6849),
    (2523, 7123),
    (2523, 8631),
    (2524, 61),
    (2524, 283),
    (2524, 494),
    (2524, 680),
    (2524, 806),
    (2524, 1081),
    (2524, 1280),
    (2524, 1396),
    (2524, 1798),
    (2524, 2037),
    (2524, 2142),
    (2524, 2274),
    (2524, 2357),
    (2524, 2384),
    (2524, 2398),
    (2524, 2412),
    (2524, 2425),
    (2524, 2437),
    (2524, 2455),
    (2524, 2469),
    (2524, 2480),
    (2524, 2498),
    (2524, 2512),
    (2524, 2532),
    (2524, 2544),
    (2524, 2555),
    (2524, 2568),
    (2524, 2581),
    (2524, 2592),
    (2524, 2606),
    (2524, 2627),
    (2524, 2639),
    (2524, 2750),
    (2524, 2790),
    (2524, 2845),
    (2524, 2893),
    (2524, 2960),
    (2524, 2987),
    (2524, 3103),
    (2524, 3121),
    (2524, 3168),
    (2524, 3214),
    (2524, 3240),
    (2524, 3252),
    (2524, 3348),
    (2524, 4671),
    (2524, 5133),
    (2524, 5595),
    (2524, 5695),
    (2524, 6041),
    (2524, 6366),
    (2524, 6882),
    (2524, 7311),
    (2524, 8664),
    (2525, 66),
    (2525, 316),
    (2525, 503),
    (2525, 682),
    (2525, 808),
    (2525, 1145),
    (2525, 1300),
    (2525, 1413),
    (2525, 1799),
    (2525, 2065),
    (2525, 2147),
    (2525, 2280),
    (2525, 2372),
    (2525, 2388),
    (2525, 2399),
    (2525, 2413),
    (2525, 2426),
    (2525, 2438),
    (2525, 2456),
    (2525, 2470),
    (2525, 2482),
    (2525, 2499),
    (2525, 2513),
    (2525, 2533),
    (2525, 2545),
    (2525, 2558),
    (2525, 2569),
    (2525, 2582),
    (2525, 2593),
    (2525, 2608),
    (2525, 2628),
    (2525, 2640),
    (2525, 2770),
    (2525, 2800),
    (2525, 2846),
    (2525, 2903),
    (2525, 2961),
    (2525, 2988),
    (2525, 3104),
    (2525, 3124),
    (2525, 3176),
    (2525, 3215),
    (2525, 3241),
    (2525, 3263),
    (2525, 3582),
    (2525, 4672),
    (2525, 5265),
    (2525, 5596),
    (2525, 5727),
    (2525, 6057),
    (2525, 6367),
    (2525, 6883),
    (2525, 7312),
    (2525, 8763),
    (2572, 234),
    (2572, 343),
    (2572, 516),
    (2572, 697),
    (2572, 839),
    (2572, 1169),
    (2572, 1302),
    (2572, 1467),
    (2572, 1827),
    (2572, 2094),
    (2572, 2150),
    (2572, 2283),
    (2572, 2374),
    (2572, 2389),
    (2572, 2401),
    (2572, 2416),
    (2572, 2428),
    (2572, 2439),
    (2572, 2457),
    (2572, 2471),
    (2572, 2484),
    (2572, 2501),
    (2572, 2514),
    (2572, 2534),
    (2572, 2546),
    (2572, 2560),
    (2572, 2570),
    (2572, 2584),
    (2572, 2595),
    (2572, 2609),
    (2572, 2630),
    (2572, 2644),
    (2572, 2772),
    (2572, 2825),
    (2572, 2852),
    (2572, 2912),
    (2572, 2962),
    (2572, 2989),
    (2572, 3108),
    (2572, 3125),
    (2572, 3177),
    (2572, 3216),
    (2572, 3242),
    (2572, 3264),
    (2572, 3714),
    (2572, 4673),
    (2572, 5266),
    (2572, 5597),
    (2572, 5728),
    (2572, 6058),
    (2572, 6390),
    (2572, 6884),
    (2572, 7410),
    (2572, 8764),
    (3945, 238),
    (3945, 417),
    (3945, 518),
    (3945, 712),
    (3945, 852),
    (3945, 1171),
    (3945, 1306),
    (3945, 1475),
    (3945, 1834),
    (3945, 2096),
    (3945, 2160),
    (3945, 2286),
    (3945, 2376),
    (3945, 2390),
    (3945, 2402),
    (3945, 2417),
    (3945, 2429),
    (3945, 2440),
    (3945, 2460),
    (3945, 2472),
    (3945, 2488),
    (3945, 2503),
    (3945, 2518),
    (3945, 2535),
    (3945, 2548),
    (3945, 2561),
    (3945, 2571),
    (3945, 2585),
    (3945, 2596),
    (3945, 2611),
    (3945, 2631),
    (3945, 2699),
    (3945, 2773),
    (3945, 2838),
    (3945, 2853),
    (3945, 2919),
    (3945, 2963),
    (3945, 3020),
    (3945, 3114),
    (3945, 3155),
    (3945, 3188),
    (3945, 3217),
    (3945, 3243),
    (3945, 3265),
    (3945, 3715),
    (3945, 4906),
    (3945, 5270),
    (3945, 5598),
    (3945, 5793),
    (3945, 6061),
    (3945, 6391),
    (3945, 6885),
    (3945, 7674),
    (3945, 8765),
    (3946, 243),
    (3946, 454),
    (3946, 519),
    (3946, 737),
    (3946, 965),
    (3946, 1175),
    (3946, 1340),
    (3946, 1488),
    (3946, 1861),
    (3946, 2097),
    (3946, 2167),
    (3946, 2290),
    (3946, 2377),
    (3946, 2391),
    (3946, 2403),
    (3946, 2419),
    (3946, 2430),
    (3946, 2441),
    (3946, 2462),
    (3946, 2473),
    (3946, 2489),
    (3946, 2504),
    (3946, 2520),
    (3946, 2536),
    (3946, 2549),
    (3946, 2562),
    (3946, 2575),
    (3946, 2586),
    (3946, 2597),
    (3946, 2616),
    (3946, 2633),
    (3946, 2714),
    (3946, 2774),
    (3946, 2839),
    (3946, 2855),
    (3946, 2921),
    (3946, 2965),
    (3946, 3031),
    (3946, 3115),
    (3946, 3160),
    (3946, 3197),
    (3946, 3218),
    (3946, 3244),
    (3946, 3287),
    (3946, 3882),
    (3946, 4907),
    (3946, 5464),
    (3946, 5599),
    (3946, 6024),
    (3946, 6062),
    (3946, 6392),
    (3946, 6886),
    (3946, 7675),
    (3946, 8766);

-- -----------------------------------------------------------------------------------------------------
-- bond_providers: exactly the ids bond_provider_lookup maps CasRec "Bond Co" codes to
--   (12 -> 185, 22 -> 186, 32 -> 187, every other listed code -> 43757). uid is unique.
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.bond_providers (id, name, oneoffvalue, telephonenumber, emailaddress, webaddress, uid) VALUES
    (185, 'Howden', '21000.00', NULL, NULL, 'https://www.howdendeputybonds.co.uk', 'HOWDEN'),  -- CasRec code 12
    (186, 'Deputy Bond Services (DBS)', '21000.00', NULL, NULL, 'https://www.deputybondservices.co.uk', 'DBS'),  -- CasRec code 22
    (187, 'Marsh', '16000.00', NULL, NULL, NULL, 'MARSH'),  -- CasRec code 32
    (43757, 'Other', NULL, NULL, NULL, NULL, 'OTHER');  -- all other CasRec codes (0, 1, 3, 11, ...)

-- -----------------------------------------------------------------------------------------------------
-- persons
--   Matching keys: clients persons.caserecnumber with type = 'actor_client'; deputies persons.deputynumber
--   with type = 'actor_deputy'. Deputies first: clients reference them as fee payer (feepayer_id).
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.persons (id, uid, type, caserecnumber, deputynumber, salutation, firstname, middlenames, surname, dob, dateofdeath, email, mobilenumber, correspondencebypost, correspondencebyphone, correspondencebyemail, correspondencebywelsh, clientaccommodation, maritalstatus, clientstatus, statusdate, deputytype, deputystatus, risk_score, supervisioncaseowner_id, feepayer_id, clientsource, caseactorgroup, createddate, updateddate) VALUES
    (15, 700000000153, 'actor_deputy', NULL, 10001, 'Mr', 'Robert', NULL, 'Whitfield', NULL, NULL, 'rob.whitfield@mailbox.example', '07700900123', false, false, true, false, NULL, NULL, NULL, NULL, 'LAY', 'Active', NULL, 10, NULL, NULL, NULL, '2019-03-14 10:25:40', '2019-03-14 10:25:40'),  -- uid 7000-0000-0153; deputy 10001 (lay), deputy and fee payer of 10000001
    (16, 700000000161, 'actor_deputy', NULL, 10002, 'Mrs', 'Grace', NULL, 'Okafor', NULL, NULL, 'grace.okafor@mailbox.example', NULL, true, false, false, false, NULL, NULL, NULL, NULL, 'LAY', 'Active', NULL, 10, NULL, NULL, NULL, '2020-07-20 11:09:02', '2020-07-20 11:09:02'),  -- uid 7000-0000-0161; deputy 10002 (lay), deputy and fee payer of 10000002
    (17, 700000000179, 'actor_deputy', NULL, 10003, 'Mr', 'Daniel', NULL, 'Brennan', NULL, NULL, 'dan.brennan@mailbox.example', '07700900456', false, false, true, false, NULL, NULL, NULL, NULL, 'LAY', 'Active', NULL, 10, NULL, 'CASRECMIGRATION', NULL, '2021-10-18 02:11:39', '2021-10-18 02:11:39'),  -- uid 7000-0000-0179; deputy 10003 (lay, migrated with the pilot), deputy of both pilot clients
    (1, 700000000013, 'lpa_donor', NULL, NULL, 'Mr', 'Geoffrey', 'Alan', 'Hartley', '1947-02-19', NULL, 'g.hartley@mailbox.example', NULL, true, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'DONOR', '2020-03-02 09:14:31', NULL),  -- uid 7000-0000-0013; LPA donor: has a caseactorgroup, no caserecnumber; the migration must not touch it
    (2, 700000000021, 'lpa_donor', NULL, NULL, 'Mrs', 'Patricia', NULL, 'Doyle', '1950-08-03', NULL, NULL, NULL, true, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'DONOR', '2021-09-14 15:02:10', NULL),  -- uid 7000-0000-0021; LPA donor (pending LPA)
    (3, 700000000039, 'actor_client', '10000001', NULL, 'Mrs', 'Margaret', 'Anne', 'Whitfield', '1938-04-12', NULL, NULL, NULL, true, false, false, false, 'OWN HOME', 'Widowed', 'ACTIVE', '2019-03-14', NULL, NULL, 2, 2409, 15, NULL, NULL, '2019-03-14 10:22:05', '2021-11-03 16:40:12'),  -- uid 7000-0000-0039; existing client with two orders, a bond, a deputy, address, phone, task, timeline: MATCH + UPDATE
    (4, 700000000047, 'actor_client', '10000002', NULL, 'Mr', 'Dennis', NULL, 'Okafor', '1952-09-30', NULL, NULL, NULL, false, true, false, false, 'COUNCIL RENTED', 'Single', 'ACTIVE', '2020-07-20', NULL, NULL, 3, 2443, 16, NULL, NULL, '2020-07-20 11:05:44', '2020-07-20 11:05:44'),  -- uid 7000-0000-0047; existing client with one order and a deputy: MATCH + UPDATE
    (5, 700000000054, 'actor_client', '10000003', NULL, NULL, 'FIRSTNAME', NULL, 'SURNAME', NULL, NULL, NULL, NULL, false, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'SKELETON', NULL, NULL, NULL),  -- uid 7000-0000-0054; skeleton (stub) client, as the original created_skeleton_data made them: MATCH + UPDATE
    (6, 700000000062, 'actor_client', '10000004', NULL, NULL, 'FIRSTNAME', NULL, 'SURNAME', NULL, NULL, NULL, NULL, false, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'SKELETON', NULL, NULL, NULL),  -- uid 7000-0000-0062; skeleton (stub) client, as the original created_skeleton_data made them: MATCH + UPDATE
    (7, 700000000070, 'actor_client', '10000005', NULL, NULL, 'FIRSTNAME', NULL, 'SURNAME', NULL, NULL, NULL, NULL, false, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'SKELETON', NULL, NULL, NULL),  -- uid 7000-0000-0070; skeleton (stub) client, as the original created_skeleton_data made them: MATCH + UPDATE
    (8, 700000000088, 'actor_client', '10000006', NULL, NULL, 'FIRSTNAME', NULL, 'SURNAME', NULL, NULL, NULL, NULL, false, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'SKELETON', NULL, NULL, NULL),  -- uid 7000-0000-0088; skeleton (stub) client, as the original created_skeleton_data made them: MATCH + UPDATE
    (9, 700000000096, 'actor_client', '10000007', NULL, NULL, 'FIRSTNAME', NULL, 'SURNAME', NULL, NULL, NULL, NULL, false, false, false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'SKELETON', NULL, NULL, NULL),  -- uid 7000-0000-0096; skeleton (stub) client, as the original created_skeleton_data made them: MATCH + UPDATE
    (10, 700000000104, 'actor_client', '10000008', NULL, 'Miss', 'Gwen', NULL, 'Llewellyn', '1990-07-02', NULL, 'gwen.llewellyn@mailbox.example', NULL, false, false, true, true, 'SUPPORTED LIVING', 'Single', 'ACTIVE', '2021-05-04', NULL, NULL, NULL, 2444, NULL, NULL, NULL, '2021-05-04 08:57:19', '2021-06-30 12:00:00'),  -- uid 7000-0000-0104; existing client, no order; has a warning, a visit and an address
    (11, 700000000112, 'actor_client', '10000009', NULL, 'Mr', 'Harold', 'James', 'Pickering', '1929-01-17', NULL, NULL, NULL, true, false, false, false, 'CARE/NURSING/RESIDENTIAL HOME (PRIVATE/LA/REGISTERED)', 'Widowed', 'ACTIVE', '2018-10-01', NULL, NULL, NULL, 2523, NULL, NULL, NULL, '2018-10-01 14:31:08', '2018-10-01 14:31:08'),  -- uid 7000-0000-0112; existing client, no order; has a supervision note and a task
    (12, 700000000120, 'actor_client', '10000010', NULL, 'Mrs', 'Edith', 'Rose', 'Carver', '1931-11-05', '2021-02-11', NULL, NULL, true, false, false, false, 'OWN HOME', 'Widowed', 'DEATH_CONFIRMED', '2021-02-15', NULL, NULL, NULL, 2524, NULL, NULL, NULL, '2017-06-12 09:40:00', '2021-02-15 10:12:45'),  -- uid 7000-0000-0120; existing deceased client with a death notification (death_notifications.person_id is unique)
    (13, 700000000138, 'actor_client', '10000011', NULL, 'Mr', 'Thomas', NULL, 'Brennan', '1961-05-23', NULL, NULL, NULL, true, false, false, false, 'HOUSING ASSOCIATION', 'Divorced', 'ACTIVE', '2021-10-18', NULL, NULL, 1, 8730, 17, 'CASRECMIGRATION', 'CLIENT-PILOT-ONE', '2021-10-18 02:11:37', '2021-10-18 02:11:37'),  -- uid 7000-0000-0138; pilot client (migrated in phase 1): excluded from later migrations
    (14, 700000000146, 'actor_client', '10000012', NULL, 'Ms', 'Sunita', 'Kaur', 'Bains', '1975-12-08', NULL, 'sunita.bains@mailbox.example', NULL, false, false, true, false, 'FAMILY MEMBER/FRIEND''S HOME', 'Single', 'ACTIVE', '2021-10-18', NULL, NULL, NULL, 20, 17, 'CASRECMIGRATION', 'CLIENT-PILOT-ONE', '2021-10-18 02:11:37', '2022-01-10 09:30:00');  -- uid 7000-0000-0146; pilot client (migrated in phase 1)

-- -----------------------------------------------------------------------------------------------------
-- cases: orders carry the client's CasRec case number in cases.caserecnumber. Sirius has no column for
--   the CasRec order number ("Order No"), so an existing order is identified by caserecnumber (plus
--   casetype = 'ORDER' and, where needed, casesubtype / orderdate).
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.cases (id, uid, type, casetype, casesubtype, client_id, donor_id, caserecnumber, applicationtype, status, registrationdate, receiptdate, orderdate, orderissuedate, orderstatus, statusdate, madeactivedate, ordersubtype, howdeputyappointed, orderexpirydate, securitybond, createddate, updateddate) VALUES
    (1, 700000000187, 'lpa', 'LPA', 'pfa', NULL, 1, NULL, 0, 'Registered', '2020-05-11', '2020-03-02 00:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2020-03-02 09:14:31', NULL),  -- uid 7000-0000-0187; LPA (property and finance) of donor 1: not touched by the migration
    (2, 700000000195, 'lpa', 'LPA', 'hw', NULL, 2, NULL, 0, 'Pending', NULL, '2021-09-14 00:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2021-09-14 15:02:10', NULL),  -- uid 7000-0000-0195; LPA (health and welfare) of donor 2: not touched
    (3, 700000000203, 'order', 'ORDER', 'pfa', 3, NULL, '10000001', 0, NULL, NULL, '2019-02-27 00:00:00', '2019-02-20', '2019-02-25', 'ACTIVE', '2019-03-14', '2019-03-14', 'NEW DEPUTY', 'SOLE', NULL, true, '2019-03-14 10:24:11', '2019-03-20 09:00:00'),  -- uid 7000-0000-0203; order of 10000001 (pfa), bond with Howden
    (4, 700000000211, 'order', 'ORDER', 'hw', 3, NULL, '10000001', 0, NULL, NULL, '2019-02-27 00:00:00', '2019-02-20', '2019-02-25', 'ACTIVE', '2019-03-14', '2019-03-14', 'NEW DEPUTY', 'SOLE', NULL, false, '2019-03-14 10:24:30', '2019-03-14 10:24:30'),  -- uid 7000-0000-0211; order of 10000001 (hw)
    (5, 700000000229, 'order', 'ORDER', 'pfa', 4, NULL, '10000002', 0, NULL, NULL, '2020-07-14 00:00:00', '2020-07-08', '2020-07-10', 'ACTIVE', '2020-07-20', '2020-07-20', 'NEW DEPUTY', 'SOLE', NULL, true, '2020-07-20 11:07:15', '2020-07-20 11:07:15'),  -- uid 7000-0000-0229; order of 10000002 (pfa), bond with DBS
    (6, 700000000237, 'order', 'ORDER', 'pfa', 13, NULL, '10000011', 0, NULL, NULL, '2020-11-02 00:00:00', '2020-10-26', '2020-10-30', 'ACTIVE', '2021-10-18', '2020-11-02', 'NEW DEPUTY', 'SOLE', NULL, false, '2021-10-18 02:11:38', '2021-10-18 02:11:38'),  -- uid 7000-0000-0237; pilot order (10000011), dispensed bond, annual report, invoice
    (7, 700000000245, 'order', 'ORDER', 'pfa', 14, NULL, '10000012', 0, NULL, NULL, '2021-06-07 00:00:00', '2021-06-01', '2021-06-03', 'ACTIVE', '2021-10-18', '2021-06-07', 'INTERIM ORDER', 'SOLE', '2022-11-30', false, '2021-10-18 02:11:38', '2021-10-18 02:11:38');  -- uid 7000-0000-0245; pilot order (10000012), interim order with an expiry notice scheduled

INSERT INTO public.person_caseitem (person_id, caseitem_id) VALUES
    (1, 1),
    (2, 2),
    (3, 3),
    (3, 4),
    (4, 5),
    (13, 6),
    (14, 7);

INSERT INTO public.order_deputy (id, order_id, deputy_id, deputytype, statusoncase, relationshiptoclient, maincorrespondent, statuschangedate) VALUES
    (1, 3, 15, 'LAY', 'ACTIVE', 'CHILD', true, '2019-03-14 10:26:00'),
    (2, 4, 15, 'LAY', 'ACTIVE', 'CHILD', true, '2019-03-14 10:26:00'),
    (3, 5, 16, 'LAY', 'ACTIVE', 'SIBLING', true, '2020-07-20 11:10:00'),
    (4, 6, 17, 'LAY', 'ACTIVE', 'CHILD', true, '2021-10-18 02:11:39'),
    (5, 7, 17, 'LAY', 'ACTIVE', 'FRIEND', true, '2021-10-18 02:11:39');

INSERT INTO public.supervision_level_log (id, order_id, appliesfrom, createddate, supervisionlevel, notes, assetlevel) VALUES
    (1, 3, '2019-02-20', '2019-03-14 10:24:11', 'GENERAL', 'Supervision level set to general', 'HIGH'),
    (2, 4, '2019-02-20', '2019-03-14 10:24:30', 'GENERAL', 'Supervision level set to general', 'LOW'),
    (3, 5, '2020-07-08', '2020-07-20 11:07:15', 'MINIMAL', 'Supervision level set to minimal', 'LOW'),
    (4, 6, '2020-10-26', '2021-10-18 02:11:38', 'GENERAL', 'Migrated from Casrec', 'HIGH'),
    (5, 7, '2021-06-01', '2021-10-18 02:11:38', 'GENERAL', 'Migrated from Casrec', 'LOW');

INSERT INTO public.bonds (id, order_id, bondreferencenumber, requiredbondamount, bondamounttaken, dischargedate, registeredonsystemdate, status, bond_provider_id, bondcompanyname) VALUES
    (1, 3, 'HDB-0419-22871', '30000.00', '30000.00', NULL, '2019-03-20', 'ACTIVE', 185, NULL),
    (2, 5, 'DBS-0720-10442', '12000.00', '12000.00', NULL, '2020-07-27', 'ACTIVE', 186, NULL),
    (3, 6, NULL, NULL, NULL, NULL, '2021-10-18', 'DISPENSED', 43757, 'Security dispensed with');

-- -----------------------------------------------------------------------------------------------------
-- addresses and phone numbers (address_lines: JSON array of strings, as Sirius stores them)
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.addresses (id, person_id, address_lines, town, county, postcode, country, type, isairmailrequired) VALUES
    (1, 1, '["27 Linden Avenue"]', 'Harrogate', 'North Yorkshire', 'HG1 4PW', 'United Kingdom', 'Primary', false),
    (2, 2, '["Flat 3","9 Quay Street"]', 'Bristol', NULL, 'BS1 6HQ', 'United Kingdom', 'Primary', false),
    (3, 3, '["14 Orchard Close","Kings Heath"]', 'Birmingham', 'West Midlands', 'B14 7QT', NULL, 'Primary', false),
    (4, 4, '["Flat 12 Tennyson House","Marlowe Road"]', 'Leicester', 'Leicestershire', 'LE2 8RN', NULL, 'Primary', false),
    (5, 10, '["6 Heol y Felin"]', 'Swansea', NULL, 'SA4 3DL', NULL, 'Primary', false),
    (6, 13, '["41 Wharf Lane"]', 'Stockport', 'Greater Manchester', 'SK4 2JD', NULL, 'Primary', false),
    (7, 14, '["88 Cavendish Road"]', 'Reading', 'Berkshire', 'RG1 5TE', NULL, 'Primary', false),
    (8, 15, '["3 Birch Mews","Moseley"]', 'Birmingham', 'West Midlands', 'B13 9AL', NULL, 'Primary', false),
    (9, 16, '["102 Hinckley Road"]', 'Leicester', 'Leicestershire', 'LE3 0TB', NULL, 'Primary', false),
    (10, 17, '["Rua das Flores 112","2 Esq"]', 'Lisbon', NULL, '1200-195', 'Portugal', 'Primary', true);

INSERT INTO public.phonenumbers (id, person_id, phone_number, type, is_default, updateddate) VALUES
    (1, 3, '0121 496 0112', 'Home', true, '2019-03-14 10:22:05'),
    (2, 15, '0121 496 0870', 'Work', true, '2019-03-14 10:25:40'),
    (3, 15, '0121 496 0933', 'Home', false, '2019-03-14 10:25:40'),
    (4, 16, '0116 496 0421', 'Work', true, '2020-07-20 11:09:02'),
    (5, 13, '0161 496 0555', 'Home', false, '2021-10-18 02:11:37'),
    (6, 17, '+351 21 000 0456', 'Work', false, '2021-10-18 02:11:39');

-- -----------------------------------------------------------------------------------------------------
-- warnings, death notification, notes, visits
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.warnings (id, added_by, warningtype, warningtext, dateadded, systemstatus) VALUES
    (1, 2455, 'REM - Violence Warnings', 'Client can be verbally aggressive on the phone; visit in pairs.', '2021-05-04 09:12:00', true),
    (2, 2657, 'REM - Special Interest Markers', 'Casrec Migration - Special Interest Warning', '2021-10-18 02:11:40', true);
INSERT INTO public.person_warning (person_id, warning_id) VALUES
    (10, 1),
    (13, 2);

INSERT INTO public.death_notifications (id, person_id, proofofdeathreceived, datelettersentout, datedeathcertificatereceived, datenotified, notifiedby, notificationmethod, notes) VALUES
    (1, 12, true, '2021-02-15', '2021-02-22', '2021-02-12', 'DEPUTY', 'Phone', 'Daughter phoned to report the death.');

INSERT INTO public.supervision_notes (id, person_id, type, notetype, description, createdtime, direction, createdbyuser_id) VALUES
    (1, 11, NULL, 'GENERAL_COMMENTS', 'Care home manager confirmed the client has moved to the nursing wing.', '2021-08-09 14:03:00', 'INCOMING', 2509),
    (2, 13, NULL, 'IMPORTANT_COMMENTS', 'Deputy lives abroad; correspond by email.', '2021-10-18 02:11:41', 'INTERNAL', 2657);

INSERT INTO public.visitor (id, name) VALUES
    (1, 'Helen Marsden'),
    (2, 'Owen Pritchard'),
    (3, 'Farah Siddiqui');
INSERT INTO public.visits (id, client_id, visittype, visitcreateddate, visitreportduedate, visitoutcome, visitcompleteddate, visitreportreceiveddate, visitreportmarkedas, visitvisitorallocated, visiturgency, whotovisit) VALUES
    (1, 10, 'VT-SUP', '2021-06-01 00:00:00', '2021-07-15 00:00:00', 'SUCCESSFUL', '2021-06-20 00:00:00', '2021-06-30 00:00:00', 'GREEN', 'Helen Marsden', 'VU-STAN', 'VPT-CLIENT');

-- -----------------------------------------------------------------------------------------------------
-- tasks and timeline
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.tasks (id, assignee_id, type, status, duedate, name, description, createdtime, caseownertask) VALUES
    (1, 2455, 'CWGN', 'Not started', '2021-09-01 00:00:00', NULL, 'Ask the care home for the client''s new room number.', '2021-08-09 14:05:00', true),
    (2, 2511, 'CWGN', 'Not started', '2022-03-01 00:00:00', NULL, 'Check the bond renewal with Howden.', '2022-01-12 10:00:00', false);
INSERT INTO public.person_task (person_id, task_id) VALUES
    (11, 1);
INSERT INTO public.caseitem_task (caseitem_id, task_id) VALUES
    (3, 2);

INSERT INTO public.timeline_event (id, user_id, "timestamp", eventtype, event) VALUES
    (1, 2455, '2019-03-14 10:22:06', 'Opg\Core\Model\Event\Person\PersonCaseOwnerChanged', '{"class":"Opg\\Core\\Model\\Event\\Person\\PersonCaseOwnerChanged","payload":{"caseOwnerId":"2409","caseOwnerDisplayName":"Lay Team 1 - (Supervision)","caseOwnerTeamType":"LAY","personType":"Client","personId":"3","personUid":"7000-0000-0039","personName":"Mrs Margaret Whitfield","personCourtRef":"10000001"}}'),
    (2, 2657, '2021-10-18 02:11:42', 'Opg\Core\Model\Event\Common\NoteCreated', '{"class":"Opg\\Core\\Model\\Event\\Common\\NoteCreated","payload":{"personType":"Client","personId":"13","personUid":"7000-0000-0138","personName":"Mr Thomas Brennan","personCourtRef":"10000011","description":"Migrated from Casrec"}}');
INSERT INTO public.person_timeline (id, person_id, timelineevent_id) VALUES
    (1, 3, 1),
    (2, 13, 2);

-- -----------------------------------------------------------------------------------------------------
-- reporting and scheduled events (pilot client 10000011 / 10000012)
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.annual_report_logs (id, client_id, order_id, reportingperiodstartdate, reportingperiodenddate, duedate, numberofchaseletters, status, reviewstatus) VALUES
    (1, 13, 6, '2021-10-26', '2022-10-25', '2022-11-15', 0, 'PENDING', 'NO_REVIEW');
INSERT INTO public.annual_report_lodging_details (id, annual_report_log_id, deadlinedate, bankstatementsreceived) VALUES
    (1, 1, '2022-11-15', false);
INSERT INTO public.annual_report_type_assignments (id, annualreport_id, reporttype, type) VALUES
    (1, 1, 'OPG102', 'pfa');
INSERT INTO public.scheduled_events (id, dueby, event, processed, version) VALUES
    (1, '2022-05-31 00:00:00', '{"class":"Opg\\Core\\Model\\Event\\Order\\ScheduledExpiryNotice","payload":{"taskType":"OEN6","name":"Order expiry - (DC7) Order expiry notice","description":"DC7 - 6 months","caseId":7,"dueDate":"31/05/2022","orderExpiryDate":"30/11/2022"}}', false, 1);

-- -----------------------------------------------------------------------------------------------------
-- finance: a billing account (finance_person) for every client with an order and, as the original's
--   skeleton set-up did, for every SKELETON client (reference 990000 + n, payment method DEMANDED).
-- -----------------------------------------------------------------------------------------------------
INSERT INTO public.finance_person (id, person_id, finance_billing_reference, payment_method) VALUES
    (1, 3, '100001', 'DEMANDED'),
    (2, 4, '100002', 'DEMANDED'),
    (3, 13, '100011', 'DEMANDED'),
    (4, 14, '100012', 'DEMANDED'),
    (5, 5, '990001', 'DEMANDED'),
    (6, 6, '990002', 'DEMANDED'),
    (7, 7, '990003', 'DEMANDED'),
    (8, 8, '990004', 'DEMANDED'),
    (9, 9, '990005', 'DEMANDED');
INSERT INTO public.finance_order (id, finance_person_id, order_id, billing_start_date) VALUES
    (1, 1, 3, '2019-03-14'),
    (2, 2, 5, '2020-07-20'),
    (3, 3, 6, '2020-11-02'),
    (4, 4, 7, '2021-06-07');
INSERT INTO public.finance_invoice (id, person_id, finance_person_id, feetype, reference, startdate, enddate, amount, supervisionlevel, raiseddate) VALUES
    (1, 13, 3, 'AD', 'AD100011/21', '2021-04-01', '2022-03-31', 10000, NULL, '2021-04-01');
INSERT INTO public.finance_counter (id, key, counter) VALUES
    (1, 'DatFileBatchNumberReportBatchNumber', 0);

-- -----------------------------------------------------------------------------------------------------
-- Sequences: each id sequence to the highest id in its table (the next nextval() is max + 1); an empty
-- table's sequence stays at 1. global_uid_seq to the highest uid payload number n over persons and
-- cases; deputy_number_seq to the highest deputy number. firm_number_seq keeps its start (1000000).
-- -----------------------------------------------------------------------------------------------------
SELECT setval('public.addresses_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.addresses;
SELECT setval('public.annual_report_lodging_details_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.annual_report_lodging_details;
SELECT setval('public.annual_report_logs_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.annual_report_logs;
SELECT setval('public.annual_report_type_assignments_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.annual_report_type_assignments;
SELECT setval('public.assignees_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.assignees;
SELECT setval('public.bond_providers_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.bond_providers;
SELECT setval('public.bonds_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.bonds;
SELECT setval('public.cases_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.cases;
SELECT setval('public.death_notifications_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.death_notifications;
SELECT setval('public.documents_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.documents;
SELECT setval('public.finance_counter_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_counter;
SELECT setval('public.finance_invoice_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_invoice;
SELECT setval('public.finance_ledger_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_ledger;
SELECT setval('public.finance_ledger_allocation_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_ledger_allocation;
SELECT setval('public.finance_order_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_order;
SELECT setval('public.finance_person_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_person;
SELECT setval('public.finance_remission_exemption_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.finance_remission_exemption;
SELECT setval('public.firm_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.firm;
SELECT setval('public.notes_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.notes;
SELECT setval('public.order_deputy_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.order_deputy;
SELECT setval('public.person_timeline_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.person_timeline;
SELECT setval('public.persons_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.persons;
SELECT setval('public.phonenumbers_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.phonenumbers;
SELECT setval('public.scheduled_events_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.scheduled_events;
SELECT setval('public.supervision_level_log_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.supervision_level_log;
SELECT setval('public.supervision_notes_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.supervision_notes;
SELECT setval('public.tasks_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.tasks;
SELECT setval('public.timeline_event_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.timeline_event;
SELECT setval('public.uploads_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.uploads;
SELECT setval('public.visitor_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.visitor;
SELECT setval('public.visits_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.visits;
SELECT setval('public.warnings_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM public.warnings;
SELECT setval('public.global_uid_seq', max(uid) / 10 - 70000000000) FROM (SELECT uid FROM public.persons UNION ALL SELECT uid FROM public.cases) AS all_uids;
SELECT setval('public.deputy_number_seq', max(deputynumber)) FROM public.persons;
