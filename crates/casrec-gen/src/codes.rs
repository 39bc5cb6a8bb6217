//! CasRec code domains, with the proportions the generator draws them in.
//!
//! The codes are CasRec's own (from its data dictionary, correspondence-code sheet and the
//! migration's code lookups); the weights are plausible guesses, chosen so that every branch
//! of the migration's rules is exercised at any scale.

/// `order."Ord Type"`: 1 and 2 are new PFA and H&W deputyships; 26 supplementary, 40 replacement,
/// 41 interim, 43 direction, 45 tenancy.
pub const ORDER_TYPES: &[&str] = &["1", "2", "26", "40", "41", "43", "45"];
pub(crate) const FIRST_ORDER_TYPES: &[(&str, u32)] =
    &[("1", 66), ("2", 14), ("41", 6), ("26", 3), ("43", 7), ("45", 4)];
pub(crate) const LATER_ORDER_TYPES: &[(&str, u32)] =
    &[("40", 30), ("26", 18), ("43", 18), ("2", 16), ("45", 6), ("1", 12)];

/// `order."Ord Stat"`.
pub const ORDER_STATUSES: &[&str] = &["Active", "Closed", "Open"];

/// `order."Ord Risk Lvl"` (supervision level: 1/2/2A general, 3 minimal); blank also occurs.
pub const RISK_LEVELS: &[&str] = &["1", "2", "2A", "3"];
pub(crate) const RISK_WEIGHTS: &[(&str, u32)] = &[("1", 4), ("2", 44), ("2A", 22), ("3", 25), ("", 5)];

/// `order."Bond Rqd"`: Y required, N not, S dispensed.
pub const BOND_REQUIRED: &[&str] = &["Y", "N", "S"];
pub(crate) const BOND_COMPANIES: &[&str] = &["12", "22", "32", "91", "92", "66", "0"];

/// `pat."Lay Team"` for lay clients; blank for clients of PA and professional deputies.
pub const LAY_TEAMS: &[&str] = &["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];

/// Every correspondence reference code CasRec knows (`pat."Corref"`).
pub const CORREFS: &[&str] = &[
    "A1", "A2", "A2A", "A3", "A3G", "ADC", "ARD", "ASP", "C1", "DCC", "DCS", "DND", "DNP", "DOD", "DOL", "EPA", "FMT",
    "FOE", "HW", "JSU", "L1", "L2", "L2A", "L3", "L3G", "LDC", "NA", "NAD", "NEW", "NT", "OBE", "ODP", "ORS", "ORV",
    "P1", "P2", "P2A", "P3", "P3G", "PDC", "PGA", "PGB", "PGC", "PGH", "PGL", "PGR", "RGY", "S1A", "S1N", "SGD", "SUP",
];

/// The correfs the migration keeps by default (phase 3 list).
pub const MIGRATED_CORREFS: &[&str] = &[
    "A1", "A2", "A2A", "A3", "A3G", "ADC", "ARD", "C1", "DCC", "DCS", "DOD", "FOE", "HW", "L1", "L2", "L2A", "L3",
    "L3G", "LDC", "ODP", "ORS", "ORV", "P1", "P2", "P2A", "P3", "P3G", "PDC", "PGA", "PGC", "PGH", "PGR", "RGY", "S1A",
    "S1N", "NA", "NEW", "PGB", "NT",
];

pub(crate) const LAY_CORREFS: &[(&str, u32)] =
    &[("L2", 40), ("L2A", 15), ("L3", 20), ("L3G", 10), ("L1", 3), ("HW", 6)];
pub(crate) const PRO_CORREFS: &[(&str, u32)] = &[("P2", 40), ("P2A", 15), ("P3", 25), ("P3G", 10), ("P1", 5)];
pub(crate) const PA_CORREFS: &[(&str, u32)] = &[("A2", 40), ("A2A", 15), ("A3", 25), ("A3G", 10), ("A1", 5)];
/// Casework states that cut across deputy kinds, some of them outside the migrated list.
pub(crate) const OTHER_CORREFS: &[(&str, u32)] = &[
    ("NA", 6),
    ("NEW", 8),
    ("RGY", 5),
    ("ODP", 3),
    ("ORS", 2),
    ("ORV", 2),
    ("FOE", 3),
    ("ARD", 3),
    ("C1", 2),
    ("S1A", 2),
    ("S1N", 2),
    ("PGA", 1),
    ("PGB", 1),
    ("PGC", 1),
    ("PGH", 1),
    ("PGR", 1),
    ("NT", 1),
    ("ASP", 1),
    ("DND", 1),
    ("EPA", 1),
    ("JSU", 1),
    ("SUP", 1),
    ("FMT", 1),
    ("DOL", 1),
];
pub(crate) const DECEASED_CORREFS_LAY: &[(&str, u32)] = &[("LDC", 60), ("DCC", 20), ("DCS", 10), ("SGD", 2)];
pub(crate) const DECEASED_CORREFS_PRO: &[(&str, u32)] = &[("PDC", 60), ("DCC", 20), ("DCS", 10)];
pub(crate) const DECEASED_CORREFS_PA: &[(&str, u32)] = &[("ADC", 60), ("DCC", 20), ("DCS", 10)];

/// `pat."Term Type"`: D deceased; the others close a case for other reasons.
pub const TERM_TYPES: &[&str] = &["D", "E", "O", "R"];
/// `pat."Term by"`: who told us (deputy, executor, other).
pub const TERM_BY: &[&str] = &["D", "E", "O"];

/// `deputy."Dep Type"`.
pub const LAY_DEPUTY_TYPES: &[(&str, u32)] =
    &[("10", 20), ("11", 42), ("12", 8), ("13", 3), ("14", 8), ("15", 4), ("5", 5), ("7", 6), ("19", 3), ("90", 1)];
pub const PRO_DEPUTY_TYPES: &[(&str, u32)] = &[
    ("21", 40),
    ("22", 14),
    ("20", 5),
    ("24", 5),
    ("25", 10),
    ("26", 8),
    ("27", 4),
    ("28", 4),
    ("29", 4),
    ("63", 4),
    ("71", 2),
];
pub const PA_DEPUTY_TYPE: &str = "23";
pub const DEPUTY_TYPES: &[&str] = &[
    "5", "7", "10", "11", "12", "13", "14", "15", "19", "90", "20", "21", "22", "23", "24", "25", "26", "27", "28",
    "29", "63", "71",
];

/// `deputy."Stat"`: 1 active, 88 suspended, 89 closed, 91 discharged, 99 deceased.
pub const DEPUTY_STATUSES: &[&str] = &["1", "88", "89", "91", "99"];
pub(crate) const DEPUTY_STATUS_WEIGHTS: &[(&str, u32)] = &[("1", 90), ("99", 3), ("88", 1), ("89", 2), ("91", 4)];

/// `deputyship."Joint"`: 1 sole, 2 joint, 3/4 joint and several, 5 discharged.
pub const JOINT_CODES: &[&str] = &["1", "2", "3", "4", "5"];

/// `Title` codes (client and deputy) with the sex they imply ('M', 'F' or 'U').
pub(crate) const TITLES: &[((&str, char), u32)] = &[
    (("1", 'M'), 40),
    (("2", 'F'), 25),
    (("3", 'F'), 8),
    (("4", 'F'), 12),
    (("6", 'U'), 3),
    (("12", 'U'), 1),
    (("9", 'U'), 1),
    (("7", 'M'), 1),
    (("8", 'F'), 1),
    (("27", 'F'), 1),
    (("28", 'M'), 1),
    (("21", 'F'), 1),
];
pub const TITLE_CODES: &[&str] = &["1", "2", "3", "4", "6", "7", "8", "9", "12", "21", "27", "28"];

/// `pat."Accom Type"`.
pub const ACCOMMODATION_TYPES: &[&str] = &[
    "CR", "GPH", "HOS", "HOT", "HSP", "NFA", "NH", "OH", "OTH", "PH", "PT3", "RCH", "REN", "RH", "FM", "HA", "SH",
    "LAH", "NAC", "SL", "SEC",
];
pub(crate) const ACCOMMODATION_WEIGHTS: &[(&str, u32)] = &[
    ("NH", 34),
    ("OH", 22),
    ("", 10),
    ("FM", 6),
    ("SL", 6),
    ("CR", 4),
    ("HA", 4),
    ("REN", 3),
    ("RCH", 3),
    ("SH", 2),
    ("HSP", 1),
    ("PH", 1),
    ("OTH", 1),
    ("RH", 1),
    ("GPH", 1),
    ("SEC", 1),
    ("NAC", 1),
];

/// `pat."Marital Status"`.
pub const MARITAL_STATUSES: &[&str] = &["C", "M", "W", "S", "D", "X", "H", "P", "N"];
pub(crate) const MARITAL_WEIGHTS: &[(&str, u32)] =
    &[("S", 30), ("M", 22), ("W", 25), ("D", 10), ("N", 6), ("P", 2), ("H", 2), ("C", 1), ("X", 1), ("", 1)];

/// Remark log types (`remarks."Log Type"`, `deputy_remarks."Log Type"`).
pub const NOTE_TYPES: &[&str] = &["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "RA", "RB", "RD"];
pub(crate) const NOTE_WEIGHTS: &[(&str, u32)] = &[
    ("R2", 45),
    ("R1", 10),
    ("R3", 10),
    ("R4", 6),
    ("R6", 6),
    ("R8", 8),
    ("RA", 8),
    ("RB", 4),
    ("R7", 1),
    ("R9", 1),
    ("RD", 1),
    ("R5", 1),
];

/// Visit codes (`repvis`).
pub const VISIT_REQ_BY: &[&str] = &["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"];
pub const VISIT_REPORT_TYPES: &[&str] = &["1", "2", "3"];
pub const VISIT_REP_ON: &[&str] = &["D", "N", "C", "O"];
pub const VISIT_OUTCOMES: &[&str] = &["0", "1", "2", "3"];
pub const VISIT_REASONS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];
pub const VISIT_CATEG: &[&str] = &["Red", "Green", "Blue", "Amber"];

/// `account."Rev Stat"`.
pub const REVIEW_STATUSES: &[&str] = &["N", "I", "R", "S", "G", "M", "X"];

/// `sup_activity."Status"`.
pub const ACTIVITY_STATUSES: &[&str] = &["ACTIVE", "COMPLETED", "CANCELLED"];
/// `sup_activity."Sup Desc"`: task descriptions CasRec users picked from.
pub(crate) const TASK_DESCRIPTIONS: &[&str] = &[
    "handover",
    "Reminder to follow up action on case",
    "use chase process for debt.",
    "date set for checking something on the case",
    "URGENT VISIT REPORT",
    "HW Non-Compliant Visit Report Due",
    "visit to be commissioned on a set date.",
    "Submission of New Deputy Report",
    "Telephone Review type 2A",
    "First Contact Call to be completed",
    "Visit Commision due",
    "LAY CATCH UP TELEPHONE CALL - general activity",
    "Check case status",
    "Settling in call due",
    "Case Review type 2",
    "Issued FCC questionaire and await return",
    "Type 3 FCC Questionnaire reminder",
];

/// Invoice prefixes (`feeexport."Invoice No"`): AD assessment deposit, S2/S3 supervision,
/// B2/B3 and SF/SE/SO other fee kinds.
pub(crate) const INVOICE_PREFIXES: &[(&str, u32)] =
    &[("S2", 40), ("S3", 20), ("AD", 20), ("B2", 5), ("B3", 5), ("SF", 4), ("SE", 3), ("SO", 3)];
/// `feeexport."GL Code"`, with their supervision level.
pub(crate) const GL_CODES: &[&str] = &[
    "60-VW510-115252-000-0000",
    "60-VW510-115257-000-0000",
    "60-VW510-115152-000-0000",
    "60-VW510-115157-000-0000",
    "7-00-1-53-20",
    "7-00-1-55-30",
    "7-00-2-55-70",
    "J-00-1-55-20",
];

/// CasRec user codes (`by`, `Term By`, `Staff`…).
pub(crate) const USERS: &[&str] = &[
    "B01", "B02", "B03", "B05", "B06", "B07", "B09", "B11", "B12", "B13", "B14", "B16", "B22", "B23", "B24", "B26",
    "B27", "B28", "B30", "B31", "C03", "C04", "C06", "C07", "C09", "C10", "LT1", "LT2", "LT3", "LT4", "LT5", "V47",
    "V49", "V50", "S02", "S03", "S06", "S18",
];
