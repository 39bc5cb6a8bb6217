-- CasRec's date text as a date, written here on its own (not the transform's parser) so that
-- validation catches the transform's mistakes: year first (YYYY-MM-DD, YYYY/MM/DD, optionally
-- with a time), day first (D/M/YYYY, D-M-YYYY, D.M.YYYY; month first when only that reading is
-- a date) or YYYYMMDD. Blank, NaT spellings and impossible dates are NULL.
CREATE FUNCTION "validation"."casrec_date"("v" text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    t text := btrim(coalesce("v", ''));
    m text[];
BEGIN
    IF t = '' OR lower(t) IN ('nat', 'nan') THEN
        RETURN NULL;
    END IF;
    m := regexp_match(t, '^(\d{4})[-/](\d{1,2})[-/](\d{1,2})([ T].*)?$');
    IF m IS NOT NULL THEN
        RETURN make_date(m[1]::int, m[2]::int, m[3]::int);
    END IF;
    m := regexp_match(t, '^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})( .*)?$');
    IF m IS NOT NULL THEN
        BEGIN
            RETURN make_date(m[3]::int, m[2]::int, m[1]::int);
        EXCEPTION WHEN others THEN
            RETURN make_date(m[3]::int, m[1]::int, m[2]::int);
        END;
    END IF;
    m := regexp_match(t, '^(\d{4})(\d{2})(\d{2})$');
    IF m IS NOT NULL THEN
        RETURN make_date(m[1]::int, m[2]::int, m[3]::int);
    END IF;
    RETURN NULL;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
