-- Whether year, month and day make a date PostgreSQL holds (proleptic Gregorian, year 1 on), so
-- the parsers below never raise: an EXCEPTION block costs a subtransaction per call, which was 26 s
-- of validation at 100,000 clients.
CREATE FUNCTION "validation"."is_date"("y" integer, "m" integer, "d" integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
SELECT "y" >= 1 AND "m" BETWEEN 1 AND 12 AND "d" >= 1
   AND "d" <= CASE WHEN "m" IN (4, 6, 9, 11) THEN 30
                   WHEN "m" <> 2 THEN 31
                   WHEN ("y" % 4 = 0 AND "y" % 100 <> 0) OR "y" % 400 = 0 THEN 29
                   ELSE 28 END
$$;

-- CasRec's date text as a date, written here on its own (not the transform's parser) so that
-- validation catches the transform's mistakes: year first (YYYY-MM-DD, YYYY/MM/DD, optionally
-- with a time), day first (D/M/YYYY, D-M-YYYY, D.M.YYYY; month first when only that reading is
-- a date) or YYYYMMDD. Blank, NaT spellings and impossible dates are NULL.
-- The form is recognised with `~` and its parts cut out with split_part: regexp_match, with
-- its capture groups, took 7 to 30 µs a call against 0.4 µs, and the parsers run a dozen times
-- on every report log (at 100,000 clients, tens of seconds of validation).
CREATE FUNCTION "validation"."casrec_date_any"("v" text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    t text := btrim(coalesce("v", ''));
    p text[];
BEGIN
    IF t = '' OR lower(t) IN ('nat', 'nan') THEN
        RETURN NULL;
    END IF;
    IF t ~ '^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}([ T]|$)' THEN
        p := string_to_array(translate(split_part(split_part(t, ' ', 1), 'T', 1), '/', '-'), '-');
    ELSIF t ~ '^[0-9]{8}$' THEN
        p := ARRAY[substr(t, 1, 4), substr(t, 5, 2), substr(t, 7, 2)];
    END IF;
    IF p IS NOT NULL THEN
        IF "validation"."is_date"(p[1]::int, p[2]::int, p[3]::int) THEN
            RETURN make_date(p[1]::int, p[2]::int, p[3]::int);
        END IF;
        RETURN NULL;
    END IF;
    IF t ~ '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}( |$)' THEN
        p := string_to_array(translate(split_part(t, ' ', 1), '/.', '--'), '-');
        IF "validation"."is_date"(p[3]::int, p[2]::int, p[1]::int) THEN
            RETURN make_date(p[3]::int, p[2]::int, p[1]::int);
        ELSIF "validation"."is_date"(p[3]::int, p[1]::int, p[2]::int) THEN
            RETURN make_date(p[3]::int, p[1]::int, p[2]::int);
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- casrec_date_any with the export's usual forms (blank, YYYY-MM-DD, YYYY-MM-DD HH:MM:SS) read
-- inline: a single SQL expression, which PostgreSQL writes into the calling query instead of
-- calling a function. The reporting rows read up to 18 dates a row, mostly blank, and each
-- PL/pgSQL call cost about 1.6 µs against 1 µs inline. Any other text goes to casrec_date_any,
-- which reads these forms the same way.
CREATE FUNCTION "validation"."casrec_date"("v" text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
    WHEN "v" IS NULL OR "v" = '' THEN NULL
    WHEN "v" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2})?$' THEN
        CASE WHEN "validation"."is_date"(substr("v", 1, 4)::int, substr("v", 6, 2)::int, substr("v", 9, 2)::int)
             THEN make_date(substr("v", 1, 4)::int, substr("v", 6, 2)::int, substr("v", 9, 2)::int) END
    ELSE "validation"."casrec_date_any"("v")
END
$$;

-- A CasRec log date and time of day (notes' Logdate/Logtime, Log Date/Log Time) as the UTC instant
-- of that Europe/London wall-clock time, written here on its own: the date is the first 10
-- characters, strictly YYYY-MM-DD; the time the part before any '.', strictly H:MM:SS (blank, NaT
-- or nan is midnight). A wall time the clocks skip or repeat is read as GMT (PostgreSQL's rule).
-- Blank, NaT or nan dates, any other form, and years before 1972 (whose UK rules the migration
-- does not take) are NULL. Parts are cut out as casrec_date's are.
CREATE FUNCTION "validation"."casrec_london_utc"("d" text, "t" text) RETURNS timestamp LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    ds text := rtrim(left("d", 10), E' \t\r\n');
    ts text := btrim(split_part("t", '.', 1), E' \t\r\n');
    dm text[];
    tm text[];
    tt text := btrim(coalesce("t", ''), E' \t\r\n');
BEGIN
    IF btrim(coalesce("d", ''), E' \t\r\n') IN ('', 'NaT', 'nan') OR ds !~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$' THEN
        RETURN NULL;
    END IF;
    dm := string_to_array(ds, '-');
    IF dm[1]::int < 1972 OR NOT "validation"."is_date"(dm[1]::int, dm[2]::int, dm[3]::int) THEN
        RETURN NULL;
    END IF;
    IF tt IN ('', 'NaT', 'nan') THEN
        tm := ARRAY['0', '0', '0'];
    ELSIF ts ~ '^[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}$' THEN
        tm := string_to_array(ts, ':');
        IF tm[1]::int > 23 OR tm[2]::int > 59 OR tm[3]::int > 59 THEN
            RETURN NULL;
        END IF;
    ELSE
        RETURN NULL;
    END IF;
    RETURN (make_timestamp(dm[1]::int, dm[2]::int, dm[3]::int, tm[1]::int, tm[2]::int, tm[3]::int)
            AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC';
END $$;

-- The Sirius user of a CasRec user code (a remark's "by"), exact match; blank and unknown codes
-- are the migration's own user, 2657.
CREATE TABLE "validation"."casrec_assignees" ("code" text PRIMARY KEY, "id" integer NOT NULL);
INSERT INTO "validation"."casrec_assignees" ("code", "id") VALUES
        ('B01', 2455), ('B02', 2511), ('B03', 2410), ('B05', 2576), ('B06', 2628), ('B07', 2596),
        ('B09', 2167), ('B11', 2403), ('B12', 1235), ('B13', 1306), ('B14', 3200), ('B16', 2097),
        ('B22', 2413), ('B23', 2412), ('B24', 2405), ('B26', 6041), ('B27', 1280), ('B28', 7674),
        ('B30', 2509), ('B31', 2533), ('B33', 2644), ('B36', 2750), ('B37', 3103), ('B38', 737),
        ('B39', 2544), ('B40', 2912), ('B41', 2474), ('B42', 7675), ('B46', 2424), ('B47', 1231),
        ('B48', 5695), ('B49', 2531), ('B50', 2472), ('B51', 1396), ('B53', 2520), ('B55', 2591),
        ('B56', 247), ('B57', 6027), ('B58', 3332), ('B59', 7676), ('B61', 2494), ('B63', 2839),
        ('B64', 2482), ('B65', 1861), ('B67', 2633), ('B68', 35), ('B70', 3882), ('B71', 1554),
        ('B74', 2460), ('B79', 2399), ('B80', 243), ('B81', 316), ('B82', 2499), ('B83', 2147),
        ('B84', 2548), ('B88', 283), ('B89', 2893), ('B90', 4906), ('B93', 2150), ('B94', 234), ('B96', 250),
        ('B97', 697), ('B98', 2534), ('C03', 2376), ('C04', 3120), ('C06', 2564), ('C07', 3118),
        ('C09', 2433), ('C10', 2290), ('C11', 3215), ('C12', 2497), ('C13', 3287), ('C15', 2503),
        ('C18', 518), ('C19', 2094), ('C20', 2394), ('C23', 6367), ('C24', 2357), ('C28', 2456),
        ('C29', 2770), ('C31', 2113), ('C32', 3124), ('C33', 3714), ('C35', 5598), ('C36', 2401),
        ('C38', 2566), ('C39', 2501), ('C41', 8631), ('C42', 606), ('C43', 1685), ('C44', 2611),
        ('C47', 604), ('C48', 2179), ('C49', 2781), ('C50', 2521), ('C51', 2543), ('C52', 743),
        ('C53', 1302), ('C54', 3155), ('C55', 2616), ('C56', 2590), ('C57', 2419), ('C58', 2870),
        ('C59', 3197), ('C60', 2637), ('C61', 2536), ('C64', 2298), ('C65', 6816), ('C66', 2838),
        ('C67', 2592), ('C68', 2506), ('C69', 2551), ('C70', 2627), ('C72', 2478), ('C73', 2434),
        ('C75', 3039), ('C77', 1206), ('C79', 6091), ('C80', 2577), ('C82', 2598), ('C83', 3220),
        ('C84', 2782), ('C85', 790), ('C87', 2422), ('C88', 2608), ('C89', 2480), ('C90', 1369),
        ('C91', 2919), ('C93', 6956), ('C94', 1145), ('C96', 2825), ('C99', 2631), ('L03', 259),
        ('L04', 4673), ('L05', 1488), ('L06', 5466), ('L07', 2585), ('L11', 2377), ('L12', 2491),
        ('L13', 2603), ('L14', 2967), ('L15', 2569), ('L17', 2776), ('L19', 2578), ('L20', 6361),
        ('L21', 2545), ('L22', 1016), ('L23', 1340), ('L25', 2961), ('L28', 2397), ('L29', 2438),
        ('L31', 3114), ('L32', 1204), ('L33', 3240), ('L34', 3298), ('L35', 4907), ('L36', 2537),
        ('L37', 5694), ('L39', 1046), ('L40', 2186), ('L41', 2462), ('L43', 2469), ('L44', 3239),
        ('L45', 2160), ('L46', 2188), ('L47', 2463), ('L48', 1795), ('L50', 682), ('L51', 680),
        ('L54', 1834), ('L55', 3265), ('L57', 6392), ('L59', 2522), ('L60', 2855), ('L61', 2856),
        ('L62', 1175), ('L63', 2283), ('L65', 2953), ('L66', 6062), ('L68', 6025), ('L69', 2790),
        ('L70', 2471), ('L71', 3237), ('L75', 676), ('L77', 2514), ('L78', 6887), ('L79', 5596),
        ('L83', 5004), ('L85', 5793), ('L90', 6390), ('L92', 3177), ('L93', 3043), ('L94', 2425),
        ('L96', 2962), ('L97', 2488), ('L98', 2398), ('L99', 2539), ('LT1', 2409), ('LT2', 2443),
        ('LT3', 2444), ('LT4', 2523), ('LT5', 2524), ('LT6', 2525), ('LT7', 2572), ('LT8', 3945),
        ('O01', 2510), ('O02', 487), ('O03', 2640), ('O04', 2390), ('O05', 2532), ('O07', 2447),
        ('O08', 2558), ('O09', 5270), ('O10', 61), ('O11', 2638), ('O12', 3211), ('O13', 3108),
        ('O14', 1169), ('O17', 6029), ('O18', 2989), ('O19', 2467), ('O20', 4671), ('O21', 2617),
        ('O22', 2479), ('O23', 34), ('O24', 2639), ('O27', 6849), ('O28', 2570), ('O29', 6057),
        ('O30', 1827), ('O31', 2561), ('O32', 2863), ('O33', 7312), ('O35', 3212), ('O36', 4908),
        ('O37', 2772), ('O38', 2774), ('O39', 3715), ('O41', 2844), ('O42', 3117), ('O43', 5266),
        ('O44', 2553), ('O45', 2699), ('O50', 712), ('O51', 3264), ('O53', 7811), ('O54', 2513),
        ('O56', 3582), ('O57', 1394), ('O58', 1413), ('O59', 2110), ('O60', 3218), ('O62', 2142),
        ('O63', 2133), ('O64', 3164), ('O66', 3163), ('O68', 3188), ('O69', 3168), ('O71', 2550),
        ('O73', 5694), ('O75', 2353), ('O76', 5727), ('O78', 3263), ('O81', 2416), ('O85', 7122),
        ('O87', 2716), ('O88', 5595), ('O90', 2286), ('O92', 3297), ('O94', 2618), ('O95', 3176),
        ('O96', 1081), ('O97', 2987), ('O99', 2619), ('P01', 2420), ('P02', 2454), ('P04', 2728),
        ('P06', 3031), ('P08', 1798), ('P09', 2714), ('P11', 2430), ('P13', 2473), ('P14', 2554),
        ('P17', 2307), ('P19', 454), ('P20', 2391), ('P23', 2096), ('P24', 1300), ('P25', 38), ('P28', 2960),
        ('P29', 2588), ('P30', 751), ('P32', 494), ('P33', 2396), ('P34', 2381), ('P35', 2715),
        ('P38', 2800), ('P40', 2606), ('P43', 965), ('P44', 2988), ('P45', 2609), ('P46', 5465),
        ('P48', 3115), ('P49', 808), ('P50', 3116), ('P51', 2037), ('P52', 3913), ('P54', 2374),
        ('P56', 2630), ('P58', 3252), ('P59', 6061), ('P60', 2378), ('P61', 4077), ('P62', 2903),
        ('P63', 839), ('P66', 2921), ('P67', 1171), ('P71', 2518), ('P72', 7410), ('P73', 2198),
        ('P74', 8037), ('P76', 2065), ('P77', 6058), ('P79', 2428), ('P81', 2571), ('P82', 2393),
        ('P84', 2380), ('P85', 2476), ('P86', 2015), ('P87', 2636), ('P88', 2562), ('P91', 6360),
        ('P92', 2626), ('P93', 2984), ('P95', 2555), ('P96', 417), ('P97', 6366), ('R02', 2579),
        ('R03', 2845), ('R04', 3104), ('R06', 2605), ('R09', 2937), ('R13', 3214), ('R14', 2563),
        ('R16', 238), ('R17', 2853), ('R18', 2587), ('R20', 1467), ('R22', 2457), ('R26', 3210),
        ('R27', 2729), ('R28', 2417), ('R31', 6783), ('R32', 2426), ('R33', 4937), ('R35', 252),
        ('R38', 2965), ('R39', 2841), ('R43', 6883), ('R44', 2466), ('R48', 2440), ('R52', 1011),
        ('R54', 3884), ('R57', 1799), ('R59', 4011), ('R60', 516), ('R61', 2773), ('R62', 1003),
        ('R63', 2421), ('R64', 2126), ('R65', 3241), ('R66', 3242), ('R68', 2441), ('R69', 2437),
        ('R70', 519), ('R71', 2963), ('R72', 2498), ('R75', 5603), ('R76', 2593), ('R79', 2280),
        ('R80', 2322), ('R83', 2595), ('R84', 2634), ('R85', 2852), ('R86', 2465), ('R87', 2581),
        ('R88', 1475), ('R90', 2388), ('R91', 6886), ('R94', 3246), ('R96', 1980), ('R97', 3245),
        ('R99', 2453), ('S01', 2384), ('S02', 8764), ('S03', 8765), ('S05', 3160), ('S06', 8766),
        ('S08', 2541), ('S09', 2789), ('S11', 5479), ('S12', 6885), ('S13', 2597), ('S14', 3020),
        ('S15', 2584), ('S16', 6024), ('S18', 8664), ('S19', 1897), ('S21', 6028), ('S25', 3102),
        ('S26', 2840), ('S28', 2582), ('S31', 2274), ('S33', 484), ('S34', 2601), ('S35', 2383),
        ('S36', 8767), ('S38', 2492), ('S41', 4672), ('S42', 66), ('S43', 2512), ('S44', 8037),
        ('S45', 2575), ('S46', 2504), ('S47', 2389), ('S48', 2470), ('S50', 678), ('S51', 3243),
        ('S52', 8763), ('S53', 2535), ('S54', 2546), ('S55', 2950), ('S59', 6365), ('S61', 799),
        ('S62', 2484), ('S63', 3348), ('S64', 2952), ('S65', 3249), ('S66', 3248), ('S67', 2986),
        ('S68', 1348), ('S69', 5480), ('S70', 2843), ('S72', 2979), ('S73', 7311), ('S74', 6884),
        ('S77', 3042), ('S78', 343), ('S79', 3162), ('S80', 3166), ('S81', 3337), ('S82', 7123),
        ('S83', 4910), ('S84', 5599), ('S86', 6393), ('S87', 503), ('S88', 36), ('S89', 6391), ('S90', 2429),
        ('S92', 2846), ('S94', 3244), ('S97', 3121), ('V01', 2442), ('V03', 5265), ('V04', 2568),
        ('V05', 3219), ('V06', 2402), ('V09', 5464), ('V11', 2406), ('V12', 2489), ('V14', 852),
        ('V15', 5728), ('V19', 3216), ('V20', 5600), ('V22', 6882), ('V23', 2586), ('V28', 2432),
        ('V29', 2435), ('V31', 5597), ('V32', 5601), ('V33', 3217), ('V36', 2560), ('V39', 2439),
        ('V41', 2567), ('V42', 2407), ('V43', 806), ('V44', 1555), ('V46', 5133), ('V47', 1863),
        ('V49', 485), ('V50', 3125), ('V51', 2881), ('V52', 2549), ('V53', 2530), ('V54', 464),
        ('V56', 1388), ('V57', 2372);
-- A table, so each of a large export's rows finds its user by the index, not by reading the list.
CREATE FUNCTION "validation"."casrec_assignee"("code" text) RETURNS integer LANGUAGE sql STABLE AS $$
SELECT coalesce((SELECT u."id" FROM "validation"."casrec_assignees" u WHERE u."code" = "casrec_assignee"."code"), 2657)
$$;

-- A CasRec date, optionally with a time of day, as a Sirius timestamp(0), written here on its own:
-- the forms casrec_date reads, the time H:MM or H:MM:SS with any fraction rounded to the second.
-- Blank, NaT spellings, impossible dates and times are NULL.
CREATE FUNCTION "validation"."casrec_timestamp"("v" text) RETURNS timestamp LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    t text := btrim(coalesce("v", ''));
    d date := "validation"."casrec_date"(t);
    tm text;
    m text[];
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    tm := substring(t FROM '[ T]([0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)$');
    IF tm IS NULL THEN
        IF t ~ '[ T]' THEN
            RETURN NULL;
        END IF;
        RETURN d::timestamp;
    END IF;
    m := string_to_array(tm, ':');
    IF m[1]::int > 23 OR m[2]::int > 59 OR coalesce(m[3]::numeric, 0) >= 60 THEN
        RETURN NULL;
    END IF;
    RETURN CAST(d + make_interval(hours => m[1]::int, mins => m[2]::int, secs => coalesce(m[3]::numeric, 0)) AS timestamp(0));
END $$;

-- The Sirius task type of a CasRec activity description (sup_activity "Sup Desc"), exact match
-- (case and spaces count); blank and unknown descriptions are the general type, CWGN.
CREATE TABLE "validation"."casrec_task_types" ("description" text PRIMARY KEY, "type" text NOT NULL);
INSERT INTO "validation"."casrec_task_types" ("description", "type") VALUES
        ('handover', 'CWGN'),
        ('Reminder to follow up action on case', 'CWGN'),
        ('visit to be commissioned on a set date. Also to be furthered on 8 weeks when vi', 'VICO'),
        ('To be set by Band D where we are awaiting further information before reassessing a case.', 'CWGN'),
        ('Review the case to ensure that appropriate interventions have been carried out.', 'CWGN'),
        ('Send out an ad-hoc ficial report. Review and consider follow-up action.', 'CWGN'),
        ('use chase process for debt.', 'CWGN'),
        ('Contact D to remind him that a time-limited order will expire shortly.', 'OEN6'),
        ('Order assessed from Lay deputies copy - Original copy to be verified when received from CoP', 'ORRE'),
        ('date set for checking something on the case', 'CWGN'),
        ('date set for checking soemthing on the case', 'CWGN'),
        ('Contact call within 28 days for LA cases to establish reason for 2A and resolve', 'CWGN'),
        ('URGENT VISIT REPORT', 'VICO'),
        ('HW Non-Compliant Visit Report Due', 'VICO'),
        ('visit to be commissioned on a set date.', 'VICO'),
        ('Submission of New Deputy Report', 'FCNR'),
        ('Telephone Review type 2A', 'CWGN'),
        ('Reminder to monitor Deputy''s progress to ensure they are dealing with neccessary matters.', 'CWGN'),
        ('To monitor the cases where we have requested the deputy seeks retrospective court approval', 'CWGN'),
        ('Further information request date HW2', 'CWGN'),
        ('First Contact Call to be completed', 'FCIC'),
        ('Visit Commision due', 'VICO'),
        ('RRT TEAM USE', 'CNC'),
        ('LAY CATCH UP TELEPHONE CALL - general activity', 'FCCUC'),
        ('To be set by band E when there are non urgent concerns that need to be followed up by a Band D. Urgent concerns to casework inbox.', 'CWGN'),
        ('HW URGENT VISIT REPORT', 'VICO'),
        ('Call back required to answer a query that could not be answered due to system down time', 'CWRD'),
        ('to be set at time of commission for 12 weeks.', 'VIRD'),
        ('Check case status', 'CWGN'),
        ('telephone call to check on case', 'CWGN'),
        ('Further case management required to complete work started during downtime', 'CWGN'),
        ('Settling in call due', 'FCSIC'),
        ('Date set for deadline given to deputy for info or return of something', 'CWGN'),
        ('Case Review type 2', 'CWGN'),
        ('Issued FCC questionaire and await return', 'FCQS'),
        ('Visit D,P or 3rd party to establish an issue of capacity', 'VICO'),
        ('To be set by band E when there are non urgent concerns that need to be followed up byby a Band D. Urgent concerns to 2A inbox.', 'CWGN'),
        ('Review the case to ensure that the appropriate interventions have been carried out.', 'CWGN'),
        ('Type 3 FCC Questionnaire reminder', 'FCQS'),
        ('Activity to remind caseworker that a visit report should have been submitted for review', 'VIRD'),
        ('Remider to follow up action on case', 'CWGN'),
        ('Automatic introductory prompt on the first assessment for HW.', 'CWGN'),
        ('visit to be commissioned on a set date. Also to be furthered on 8 weeks when visit is commissioned.', 'VICO'),
        ('SETTLING IN CALL- Lay Deputy Pathfinder', 'FCSIC'),
        ('Non-Compliant Stage Two', 'CNC'),
        ('Use chase process for non compliant +', 'CNC'),
        ('Activity to prompt proof of death checks etc.', 'CWGN'),
        ('Annual report required for H+W only.', 'CWGN'),
        ('Automatic introductory prompt for first assessment HW 2A.', 'CWGN'),
        ('Call back required to answer query that we were unable to answer due to system down time', 'CWRD'),
        ('Case Review', 'CWGN'),
        ('Case Review type 2A', 'CWGN'),
        ('Cases from Type 2A backlog where man plan may not be required.', 'CWGN'),
        ('CATCH UP CALL', 'FCCUC'),
        ('Contact call to establish reason for 2a and resolve concerns', 'CWGN'),
        ('Date set for checking soemthing on the case', 'CWGN'),
        ('Date set for checking something on the case', 'CWGN'),
        ('date set for deadline given to deputy for info or return of something', 'CWGN'),
        ('Deadline for return of Cost Certificate', 'CWGN'),
        ('Deadline for return of Indemnity Insurance Certificate', 'CWGN'),
        ('Deadline given to deputy', 'CWGN'),
        ('FINAL DEADLINE- failure to meet this deadline will result in escalation.', 'CNC'),
        ('First contact call to be completed as outstanding OPG fees or bonds are in forc', 'CWGN'),
        ('first contact call to be completed as outstanding OPG fees or bonds are in force', 'CWGN'),
        ('First contact call to be completed as outstanding OPG fees or bonds are in force', 'CWGN'),
        ('First written or verbal contact to be made with deputy', 'CWGN'),
        ('For the 28 day review period', 'CWGN'),
        ('H+W visit', 'VICO'),
        ('Handover of work', 'CWGN'),
        ('HW Non-Compliant Stage One', 'CNC'),
        ('HW Non-Compliant Stage Two', 'CNC'),
        ('HW Non-Compliant Visit Commission', 'VICO'),
        ('Introductory Telephone Call - New Deputy', 'FCIC'),
        ('INTRODUCTORY TELEPHONE CALL- Lay Deputy Pathfinder', 'FCIC'),
        ('INTRODUCTORY TELEPHONE CALL- Lay deputy Pathfinder', 'FCIC'),
        ('iSSUED fcc qUESTIONAIRE AND AWAIT RETURN', 'FCQS'),
        ('LAY CATCH UP CALL', 'FCCUC'),
        ('Lay Order assessed from Lay deputies copy - Original copy to be verified when received from CoP', 'ORRE'),
        ('Lay Order assessed from Lay deputies copy - Original copyto be verified when received from CoP', 'ORRE'),
        ('Monitor where Deputy has been asked to seek retrospective court approval', 'CWGN'),
        ('NDR Due Activity', 'FCNR'),
        ('Non Urgent concerns to be reviewed by Band D', 'CWGN'),
        ('NON-COMP VISIT COMMISSION', 'VICO'),
        ('NON-COMP VISIT REPORT DUE', 'VIRD'),
        ('Non-Compliance', 'CNC'),
        ('Non-Compliant Escalation to Case Forum', 'CNC'),
        ('Non-Compliant Stage One', 'CNC'),
        ('possible to replace 3rd year onward visit', 'VICO'),
        ('Remider to check if deputy has met set deadline.', 'CWGN'),
        ('Remider to monitor Deputy''s progress to ensure they are dealing with neccessary matters.', 'CWGN'),
        ('Reminder to chase further information.', 'CWGN'),
        ('Reminder to check case', 'CWGN'),
        ('Review of TYPE3 case following single contact', 'CWGN'),
        ('Review terms of the order to check that they are being complied with', 'ORRE'),
        ('Review the annual ficial report. Consider follow-up action.', 'RERR'),
        ('Review the level of the bond to ensure it is set at the correct level', 'CWGN'),
        ('RRT TEAM', 'CWGN'),
        ('SAFEGUARDING EMAIL RECEIVED, REFERRED TO CASE MANAGEMENT TEAM', 'CS'),
        ('Set when next step is court apps team', 'CNC'),
        ('SETTLING IN CALL - Lay', 'FCSIC'),
        ('Settling in call due.', 'FCSIC'),
        ('Subsequent contact to be made with 3rd parties', 'CWGN'),
        ('Subsequent contact to be made with the deputy', 'CWGN'),
        ('TEL REV ON LOCAL AUTHORITY CASE', 'CWGN'),
        ('TEL REV ON PROFESSIONAL CASE', 'CWGN'),
        ('TEL REV ON PUBLIC AUTHORITY CASE', 'CWGN'),
        ('Telephone call to check on case', 'CWGN'),
        ('Telephone contact on cases after FCC', 'FCCUC'),
        ('telephone contact on cases after FCC', 'FCCUC'),
        ('Telephone Review type 2', 'CWGN'),
        ('To be set at point of man plan/ To be set 15 months from date of order.', 'CWGN'),
        ('To check case status', 'CWGN'),
        ('To ensure II2 work is carried out if work carried out on complex case or if it is to remain 2A', 'CWGN'),
        ('To montior cases where we have requested the deputy seeks retrospective court approval.', 'CWGN'),
        ('use chase process for non compliant.', 'CWGN'),
        ('Visit Commission due', 'VICO'),
        ('Visit commission due for HW', 'VICO'),
        ('Visit commission for HW type 2 cases', 'VICO'),
        ('Visit D, P or 3rd party', 'VICO'),
        ('Visit D,P or 3rd party to advise on ficial report or examine ficial records', 'VICO'),
        ('Visit follow up for HW type 2 cases', 'VICO'),
        ('visit for professional case', 'VICO'),
        ('Visit for professional case', 'VICO'),
        ('Visit on Lay deputy case', 'VICO'),
        ('visit on local authority case', 'VICO'),
        ('Visit on local authority case', 'VICO'),
        ('Visit on Type 2 case', 'VICO'),
        ('Visit on Type 3 case', 'VICO'),
        ('Visit repot should be returned 12 weeks from this date.', 'VIRD'),
        ('Review the annual financial report. Consider follow-up action.', 'RERR'),
        ('Use chase process for non compliant                                                                                               +', 'CNC'),
        ('Send out an ad-hoc financial report. Review and consider follow-up action.', 'CWGN'),
        ('Reminder to check case - not to be used, use Deadline', 'CWGN'),
        ('Reminder to check case - not to be used, use deadline', 'CWGN'),
        ('Visit D,P or 3rd party to advise on financial report or examine financial records', 'VICO');
CREATE FUNCTION "validation"."casrec_task_type"("description" text) RETURNS text LANGUAGE sql STABLE AS $$
SELECT coalesce((SELECT u."type" FROM "validation"."casrec_task_types" u WHERE u."description" = "casrec_task_type"."description"), 'CWGN')
$$;

-- Easter Sunday of a year (the Gregorian computus, the anonymous algorithm), written here on its
-- own for the bank holidays below.
CREATE FUNCTION "validation"."easter_sunday"("y" integer) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    a integer := "y" % 19;
    b integer := "y" / 100;
    c integer := "y" % 100;
    d integer := b / 4;
    e integer := b % 4;
    f integer := (b + 8) / 25;
    g integer := (b - f + 1) / 3;
    h integer := (19 * a + b - d - g + 15) % 30;
    i integer := c / 4;
    k integer := c % 4;
    l integer := (32 + 2 * e + 2 * i - h - k) % 7;
    m integer := (a + 11 * h + 22 * l) / 451;
BEGIN
    RETURN make_date("y", (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
END $$;

-- England and Wales bank holidays of a year, derived here from the rules (not a copied list):
-- New Year's Day, Good Friday, Easter Monday, the early May Monday (the first Monday of May; in
-- 1995 and 2020 moved to 8 May), the spring holiday (the last Monday of May; 2002: 4 June and the
-- Golden Jubilee on 3 June; 2012: 4 June and the Diamond Jubilee on 5 June; 2022: 2 June and the
-- Platinum Jubilee on 3 June), the summer holiday (the last Monday of August), Christmas Day and
-- Boxing Day, and the one-off days 1999-12-31, 2011-04-29, 2022-09-19 and 2023-05-08. A holiday
-- on a Saturday or Sunday is replaced by the next weekday that is not already a holiday (so
-- Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28).
CREATE FUNCTION "validation"."bank_holidays"("y" integer) RETURNS SETOF date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    easter date := "validation"."easter_sunday"("y");
    may1 date := make_date("y", 5, 1);
    may31 date := make_date("y", 5, 31);
    aug31 date := make_date("y", 8, 31);
    named date[];
    taken date[];
    h date;
    s date;
BEGIN
    named := ARRAY[make_date("y", 1, 1), easter - 2, easter + 1, make_date("y", 12, 25), make_date("y", 12, 26),
                   aug31 - (extract(isodow FROM aug31)::integer - 1)];
    -- The early May Monday.
    named := named || CASE WHEN "y" IN (1995, 2020) THEN make_date("y", 5, 8)
                           ELSE may1 + (8 - extract(isodow FROM may1)::integer) % 7 END;
    -- The spring holiday, and the jubilees.
    named := named || CASE "y" WHEN 2002 THEN ARRAY[make_date(2002, 6, 4), make_date(2002, 6, 3)]
                               WHEN 2012 THEN ARRAY[make_date(2012, 6, 4), make_date(2012, 6, 5)]
                               WHEN 2022 THEN ARRAY[make_date(2022, 6, 2), make_date(2022, 6, 3)]
                               ELSE ARRAY[may31 - (extract(isodow FROM may31)::integer - 1)] END;
    named := named || CASE "y" WHEN 1999 THEN ARRAY[make_date(1999, 12, 31)]
                               WHEN 2011 THEN ARRAY[make_date(2011, 4, 29)]
                               WHEN 2022 THEN ARRAY[make_date(2022, 9, 19)]
                               WHEN 2023 THEN ARRAY[make_date(2023, 5, 8)]
                               ELSE ARRAY[]::date[] END;
    taken := ARRAY(SELECT x FROM unnest(named) x WHERE extract(isodow FROM x) < 6);
    FOR h IN SELECT x FROM unnest(named) x WHERE extract(isodow FROM x) >= 6 ORDER BY x LOOP
        s := h + 1;
        WHILE extract(isodow FROM s) >= 6 OR s = ANY (taken) LOOP
            s := s + 1;
        END LOOP;
        taken := taken || s;
    END LOOP;
    RETURN QUERY SELECT DISTINCT x FROM unnest(taken) x ORDER BY x;
END $$;

-- Working days (Monday to Friday but the bank holidays of 1995–2030), numbered in order, so that
-- adding n working days is a lookup of the day numbered n more; from 1900 to 2100, with no
-- bank holidays outside 1995–2030.
CREATE TABLE "validation"."bank_holiday" AS
SELECT h AS "day" FROM generate_series(1995, 2030) y, "validation"."bank_holidays"(y) h;
CREATE TABLE "validation"."working_day" ("day" date PRIMARY KEY, "n" integer NOT NULL UNIQUE);
INSERT INTO "validation"."working_day" ("day", "n")
SELECT CAST(d AS date), row_number() OVER (ORDER BY d)
  FROM generate_series(DATE '1900-01-01', DATE '2100-12-31', interval '1 day') d
 WHERE extract(isodow FROM d) < 6 AND CAST(d AS date) NOT IN (SELECT "day" FROM "validation"."bank_holiday");
ANALYZE "validation"."working_day";

-- The latest working day on or before a day, and the first on or after it.
CREATE FUNCTION "validation"."working_day_on_or_before"("d" date) RETURNS date LANGUAGE sql STABLE AS $$
SELECT max(w."day") FROM "validation"."working_day" w WHERE w."day" <= "d" AND w."day" > "d" - 30
$$;
CREATE FUNCTION "validation"."working_day_on_or_after"("d" date) RETURNS date LANGUAGE sql STABLE AS $$
SELECT min(w."day") FROM "validation"."working_day" w WHERE w."day" >= "d" AND w."day" < "d" + 30
$$;
-- A working day moved by n working days (n < 0: back); NULL when d is not a working day.
CREATE FUNCTION "validation"."add_working_days"("d" date, "days" integer) RETURNS date LANGUAGE sql STABLE AS $$
SELECT b."day" FROM "validation"."working_day" a JOIN "validation"."working_day" b ON b."n" = a."n" + "days" WHERE a."day" = "d"
$$;

-- The due date of a report whose period ends on a day: for a case with an active PA or
-- professional deputy, that day (rolled back to the latest working day on or before it) plus 40
-- working days; for any other, 21 days later, moved to the next working day when that is not one.
CREATE FUNCTION "validation"."report_due_date"("period_end" date, "pa_or_pro" boolean) RETURNS date LANGUAGE sql STABLE AS $$
SELECT CASE WHEN "period_end" IS NULL THEN NULL
            WHEN "pa_or_pro" THEN "validation"."add_working_days"("validation"."working_day_on_or_before"("period_end"), 40)
            ELSE "validation"."working_day_on_or_after"("period_end" + 21) END
$$;
