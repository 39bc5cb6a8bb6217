//! Fake personal data: small word lists, never real people. Phone numbers come from Ofcom's
//! drama ranges and e-mail addresses from the reserved example domains. Some names carry
//! characters outside ASCII (all of them present in Windows-1252) so that encoding matters.

use crate::rng::R;

pub(crate) const MALE: &[&str] = &[
    "John",
    "David",
    "Michael",
    "Peter",
    "James",
    "Robert",
    "William",
    "Richard",
    "Thomas",
    "Christopher",
    "Andrew",
    "Paul",
    "Mark",
    "Stephen",
    "George",
    "Arthur",
    "Harold",
    "Kenneth",
    "Ronald",
    "Dennis",
    "Seán",
    "Dónal",
    "José",
    "Rhys",
    "Gareth",
    "Dafydd",
    "Oliver",
    "Harry",
    "Jack",
    "Mohammed",
    "Raj",
    "Tomasz",
    "Kwame",
    "Ali",
    "Liam",
    "Noah",
    "Frédéric",
    "Ioan",
    "Stanley",
    "Wilfred",
];
pub(crate) const FEMALE: &[&str] = &[
    "Mary",
    "Margaret",
    "Patricia",
    "Susan",
    "Elizabeth",
    "Jean",
    "Joan",
    "Dorothy",
    "Barbara",
    "Sarah",
    "Helen",
    "Karen",
    "Emma",
    "Sophie",
    "Olivia",
    "Amelia",
    "Zoë",
    "Siân",
    "Chloë",
    "Renée",
    "Eilís",
    "Bronwen",
    "Ffion",
    "Nia",
    "Aoife",
    "Priya",
    "Aisha",
    "Fatima",
    "Agnieszka",
    "Grace",
    "Ruby",
    "Irene",
    "Doris",
    "Gwenllïan",
    "Mónica",
    "Hélène",
    "Edith",
    "Winifred",
    "Hannah",
    "Amara",
];
pub(crate) const SURNAMES: &[&str] = &[
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "O'Brien",
    "O'Neill",
    "D'Souza",
    "McDonald",
    "MacLeod",
    "Ní Bhriain",
    "Müller",
    "Nowak",
    "Okafor",
    "Khan",
    "Begum",
    "Singh",
    "Ahmed",
    "Kowalski",
    "Pryce-Jones",
    "Le Brun",
    "Ó Súilleabháin",
    "Llewellyn",
    "Fitzgerald",
    "Achterberg",
];
const STREETS: &[&str] = &[
    "High Street",
    "Station Road",
    "Church Lane",
    "Victoria Road",
    "Green Lane",
    "Manor Road",
    "Park Avenue",
    "Kings Road",
    "Queensway",
    "Mill Lane",
    "The Crescent",
    "Chapel Street",
    "Bridge Street",
    "Elm Grove",
    "Orchard Close",
    "Meadow View",
    "Heol y Bryn",
    "St John's Road",
    "Windsor Terrace",
    "Albert Street",
];
const BUILDINGS: &[&str] = &[
    "Rose Cottage",
    "Flat 2",
    "Flat 14",
    "The Willows",
    "Oak House Care Home",
    "Meadowbank Nursing Home",
    "Apartment 7",
    "Ty Gwyn",
    "Sunnyside Residential Home",
    "Unit 3",
];
/// Town, county and postcode area, kept together so that addresses look coherent.
const PLACES: &[(&str, &str, &str)] = &[
    ("Nottingham", "Nottinghamshire", "NG"),
    ("Birmingham", "West Midlands", "B"),
    ("Leeds", "West Yorkshire", "LS"),
    ("Bristol", "Avon", "BS"),
    ("Cardiff", "South Glamorgan", "CF"),
    ("Swansea", "West Glamorgan", "SA"),
    ("Manchester", "Greater Manchester", "M"),
    ("Liverpool", "Merseyside", "L"),
    ("Sheffield", "South Yorkshire", "S"),
    ("Norwich", "Norfolk", "NR"),
    ("Exeter", "Devon", "EX"),
    ("Lincoln", "Lincolnshire", "LN"),
    ("Derby", "Derbyshire", "DE"),
    ("Leicester", "Leicestershire", "LE"),
    ("Coventry", "West Midlands", "CV"),
    ("Reading", "Berkshire", "RG"),
    ("Oxford", "Oxfordshire", "OX"),
    ("Brighton", "East Sussex", "BN"),
    ("Newcastle upon Tyne", "Tyne and Wear", "NE"),
    ("York", "North Yorkshire", "YO"),
    ("Wrexham", "Clwyd", "LL"),
    ("Carlisle", "Cumbria", "CA"),
    ("Truro", "Cornwall", "TR"),
    ("Ipswich", "Suffolk", "IP"),
    ("Wolverhampton", "", "WV"),
];
pub(crate) const TOWNS: &[&str] = &[
    "Nottingham",
    "Birmingham",
    "Leeds",
    "Bristol",
    "Cardiff",
    "Swansea",
    "Manchester",
    "Liverpool",
    "Sheffield",
    "Norwich",
    "Exeter",
    "Lincoln",
    "Derby",
    "Leicester",
    "Coventry",
    "Reading",
    "Oxford",
    "Brighton",
];
const FIRMS: &[&str] = &["Solicitors", "LLP", "& Co", "Legal", "Law", "Partners", "Trust Corporation Ltd"];
const COUNCIL_KINDS: &[&str] = &["County Council", "City Council", "Borough Council", "Metropolitan Borough Council"];

pub(crate) fn forename(r: &mut R, sex: char) -> &'static str {
    match sex {
        'M' => r.pick(MALE),
        'F' => r.pick(FEMALE),
        _ => {
            if r.chance(0.5) {
                r.pick(MALE)
            } else {
                r.pick(FEMALE)
            }
        }
    }
}

/// CasRec keeps middle names in the forename column ("Mary Jane").
pub(crate) fn forenames(r: &mut R, sex: char) -> String {
    let first = forename(r, sex);
    if r.chance(0.3) {
        format!("{first} {}", forename(r, sex))
    } else {
        first.to_string()
    }
}

pub(crate) fn surname(r: &mut R) -> &'static str {
    r.pick(SURNAMES)
}

pub(crate) fn initials(forenames: &str) -> String {
    forenames.split(' ').filter_map(|w| w.chars().next()).take(3).collect()
}

pub(crate) struct Address {
    pub lines: [String; 5],
    pub postcode: String,
}

pub(crate) fn address(r: &mut R) -> Address {
    let (town, county, area) = r.pick(PLACES);
    let street = format!("{} {}", r.int(1, 240), r.pick(STREETS));
    let (l1, l2) = if r.chance(0.35) { (r.pick(BUILDINGS).to_string(), street) } else { (street, String::new()) };
    let country = if r.chance(0.02) { "Wales".to_string() } else { String::new() };
    Address { lines: [l1, l2, town.to_string(), county.to_string(), country], postcode: postcode_in(r, area) }
}

fn postcode_in(r: &mut R, area: &str) -> String {
    const LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
    let a = LETTERS[r.below(LETTERS.len())] as char;
    let b = LETTERS[r.below(LETTERS.len())] as char;
    format!("{area}{} {}{a}{b}", r.int(1, 29), r.int(0, 9))
}

pub(crate) fn postcode(r: &mut R) -> String {
    let (_, _, area) = r.pick(PLACES);
    postcode_in(r, area)
}

/// Ofcom reserves 01632 960000–960999 and 07700 900000–900999 for fiction.
pub(crate) fn landline(r: &mut R) -> String {
    format!("01632 960{:03}", r.int(0, 999))
}

pub(crate) fn mobile(r: &mut R) -> String {
    format!("07700 900{:03}", r.int(0, 999))
}

pub(crate) fn email(r: &mut R, forename: &str, surname: &str) -> String {
    let clean =
        |s: &str| -> String { s.chars().filter(|c| c.is_ascii_alphabetic()).collect::<String>().to_lowercase() };
    let domain = r.pick(&["example.com", "example.org", "example.net"]);
    format!("{}.{}{}@{domain}", clean(forename), clean(surname), r.int(1, 99))
}

pub(crate) fn firm_name(r: &mut R) -> String {
    if r.chance(0.5) {
        format!("{} & {} {}", surname(r), surname(r), r.pick(FIRMS))
    } else {
        format!("{} {}", surname(r), r.pick(FIRMS))
    }
}

pub(crate) fn council_name(r: &mut R) -> String {
    if r.chance(0.2) {
        format!("London Borough of {}", r.pick(&["Camden", "Hackney", "Lambeth", "Ealing", "Bromley"]))
    } else {
        format!("{} {}", r.pick(TOWNS), r.pick(COUNCIL_KINDS))
    }
}

const REMARK_OPENERS: &[&str] = &[
    "Telephone call from deputy",
    "Letter received from the bank",
    "Spoke to client's daughter",
    "Annual report chased",
    "Visit report reviewed",
    "E-mail from solicitor",
    "Care home manager called",
    "Deputy confirmed receipt of the order",
    "Security bond renewal noted",
    "Caseworker note",
];
const REMARK_BODIES: &[&str] = &[
    "asked for an extension of 28 days, agreed",
    "advised that the client has moved to a new care home, address updated",
    "querying the fee invoice; explained the assessment level",
    "reports the property sale has completed, proceeds of £145,000 held in the client account",
    "says the client is \"settled and well\"",
    "no concerns raised at this time",
    "requested copies of the last two bank statements",
    "will send the deputy's report by the end of the month",
    "mentioned the client's wish to visit family in Cymru",
    "confirmed the deputy's new e-mail address",
    // Windows-1252's own characters (0x80-0x9F: ’ – €) as well as Latin-1 ones.
    "left word with the client’s neighbour – the café bill of €30 is paid",
];

/// Free text in CasRec style: commas, quotes, pound signs and sometimes several lines.
pub(crate) fn remark(r: &mut R) -> String {
    let mut s = format!("{} - {}.", r.pick(REMARK_OPENERS), r.pick(REMARK_BODIES));
    let extra = r.int(0, 2);
    for _ in 0..extra {
        let sep = r.weighted(&[(" ", 6), ("\n", 3), ("\r\n", 1)]);
        s.push_str(sep);
        let body = r.pick(REMARK_BODIES);
        let mut cs = body.chars();
        if let Some(c) = cs.next() {
            s.extend(c.to_uppercase());
            s.push_str(cs.as_str());
            s.push('.');
        }
    }
    if r.chance(0.05) {
        s.push_str(" Deputy's words: \"I'll call back, thanks\".");
    }
    s
}

/// A short comment without line breaks.
pub(crate) fn comment(r: &mut R) -> String {
    let body = r.pick(REMARK_BODIES);
    let mut cs = body.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

pub(crate) fn staff_name(r: &mut R) -> String {
    format!("{} {}", forename(r, 'U'), surname(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fake_word_encodes_in_windows_1252() {
        for w in MALE.iter().chain(FEMALE).chain(SURNAMES).chain(STREETS).chain(TOWNS).chain(REMARK_BODIES) {
            let (_, _, bad) = encoding_rs::WINDOWS_1252.encode(w);
            assert!(!bad, "{w} does not fit Windows-1252");
        }
    }

    #[test]
    fn phone_numbers_come_from_the_drama_ranges() {
        let mut r = R::new(1, "t", 0);
        assert!(landline(&mut r).starts_with("01632 960"));
        assert!(mobile(&mut r).starts_with("07700 900"));
    }
}
