//! `map_deputy_subtype` (`deputymapper.py`, IN-1118/IN-1119): person or organisation deputy.

/// The Sirius values of a deputy row *after* lookups and title-casing (`deputytype` from
/// `deputy_type_lookup`, names from `first_word`/`last_words`/`capitalise_first_letter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeputyNames<'a> {
    pub deputytype: Option<&'a str>,
    pub salutation: Option<&'a str>,
    pub firstname: Option<&'a str>,
    pub othernames: Option<&'a str>,
    pub surname: Option<&'a str>,
}

/// The columns `map_deputy_subtype` sets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeputySubtype {
    /// `ORGANISATION`, `PERSON` or NULL.
    pub deputysubtype: Option<&'static str>,
    /// For organisations: the non-empty name parts joined by single spaces; otherwise NULL.
    pub organisationname: Option<String>,
    pub salutation: Option<String>,
    pub firstname: Option<String>,
    pub othernames: Option<String>,
    pub surname: Option<String>,
}

fn has(v: Option<&str>) -> bool {
    matches!(v, Some(s) if !s.is_empty())
}

/// `map_deputy_subtype`:
///
/// * organisation if `deputytype` = `PA`, or `PRO` without a first name → `deputysubtype =
///   ORGANISATION`, `organisationname` = the parts of [firstname, othernames, surname] that are
///   neither NULL nor `""`, joined by single spaces (a whitespace-only part counts, as in the
///   original); salutation, firstname, othernames and surname become NULL;
/// * person if `deputytype` = `LAY`, or `PRO` with both first name and surname → `deputysubtype =
///   PERSON`, names unchanged, `organisationname` NULL;
/// * anything else (deputytype NULL/blank — codes the lookup maps to `""` — or `PRO` with a first
///   name but no surname) → `deputysubtype` NULL, `organisationname` NULL, names unchanged.
///
/// "Has a name" = neither NULL nor `""`. Matching of `deputytype` is exact. An organisation whose
/// parts are all empty gets a NULL `organisationname` (the original wrote `""`, i.e. NULL too).
pub fn map_deputy_subtype(row: &DeputyNames<'_>) -> DeputySubtype {
    let own = |v: Option<&str>| v.map(str::to_string);
    let is_pa = row.deputytype == Some("PA");
    let is_pro = row.deputytype == Some("PRO");
    let is_lay = row.deputytype == Some("LAY");
    let has_first = has(row.firstname);
    let has_surname = has(row.surname);
    if is_pa || (is_pro && !has_first) {
        let name = [row.firstname, row.othernames, row.surname]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        return DeputySubtype {
            deputysubtype: Some("ORGANISATION"),
            organisationname: Some(name).filter(|n| !n.is_empty()),
            ..DeputySubtype::default()
        };
    }
    DeputySubtype {
        deputysubtype: (is_lay || (is_pro && has_first && has_surname)).then_some("PERSON"),
        organisationname: None,
        salutation: own(row.salutation),
        firstname: own(row.firstname),
        othernames: own(row.othernames),
        surname: own(row.surname),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(t: Option<&'a str>, f: Option<&'a str>, o: Option<&'a str>, s: Option<&'a str>) -> DeputyNames<'a> {
        DeputyNames { deputytype: t, salutation: Some("Mr"), firstname: f, othernames: o, surname: s }
    }

    fn person(r: &DeputyNames<'_>) -> DeputySubtype {
        DeputySubtype {
            deputysubtype: Some("PERSON"),
            organisationname: None,
            salutation: r.salutation.map(String::from),
            firstname: r.firstname.map(String::from),
            othernames: r.othernames.map(String::from),
            surname: r.surname.map(String::from),
        }
    }

    fn organisation(name: &str) -> DeputySubtype {
        DeputySubtype {
            deputysubtype: Some("ORGANISATION"),
            organisationname: Some(name.to_string()),
            ..DeputySubtype::default()
        }
    }

    // §5.2 map_deputy_subtype facts.
    #[test]
    fn map_deputy_subtype_facts() {
        let r = row(Some("LAY"), Some("Vone"), Some("Ventafin"), Some("Spork"));
        assert_eq!(map_deputy_subtype(&r), person(&r));
        let r = row(Some("PRO"), Some("Majelian"), Some("Subantafax"), Some("DeCroscifor"));
        assert_eq!(map_deputy_subtype(&r), person(&r));
        let r = row(Some("PRO"), None, Some("Velocipede"), Some("Big Company"));
        assert_eq!(map_deputy_subtype(&r), organisation("Velocipede Big Company"));
        let r = row(Some("PRO"), None, Some("Mandragorian"), None);
        assert_eq!(map_deputy_subtype(&r), organisation("Mandragorian"));
        let r = row(Some("PA"), Some("Biffo"), Some("Peregrin"), Some("Andalusia"));
        assert_eq!(map_deputy_subtype(&r), organisation("Biffo Peregrin Andalusia"));
        let r = row(Some("PA"), Some(""), Some("Bargastofon"), Some("Baragron Corp"));
        assert_eq!(map_deputy_subtype(&r), organisation("Bargastofon Baragron Corp"));
        let r = row(Some("PA"), Some(""), Some("Bargastofon"), Some("Humalalala Inc"));
        assert_eq!(map_deputy_subtype(&r), organisation("Bargastofon Humalalala Inc"));
    }

    #[test]
    fn map_deputy_subtype_neither() {
        // PRO with a first name but no surname, and unknown/blank/NULL deputy types: untouched.
        for r in [
            row(Some("PRO"), Some("Ann"), Some("B"), Some("")),
            row(Some("PRO"), Some("Ann"), None, None),
            row(Some(""), Some("Ann"), None, Some("Smith")),
            row(None, Some("Ann"), None, Some("Smith")),
            row(Some("pa"), Some("Ann"), None, Some("Smith")),
        ] {
            let mut want = person(&r);
            want.deputysubtype = None;
            assert_eq!(map_deputy_subtype(&r), want, "{r:?}");
        }
        // LAY is a person even without names.
        let r = row(Some("LAY"), None, None, None);
        assert_eq!(map_deputy_subtype(&r).deputysubtype, Some("PERSON"));
        // Organisation with no name parts at all → NULL organisation name.
        let r = row(Some("PA"), Some(""), None, Some(""));
        assert_eq!(
            map_deputy_subtype(&r),
            DeputySubtype { deputysubtype: Some("ORGANISATION"), ..DeputySubtype::default() }
        );
        // A whitespace-only first name counts as a first name (original semantics).
        let r = row(Some("PRO"), Some(" "), None, Some("Co"));
        assert_eq!(map_deputy_subtype(&r).deputysubtype, Some("PERSON"));
        let r = row(Some("PA"), Some(" "), None, Some("Co"));
        assert_eq!(map_deputy_subtype(&r).organisationname.as_deref(), Some("  Co"));
    }
}
