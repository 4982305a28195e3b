//! Examples that messages give, per customer country: a US customer whose phone number is
//! refused must not be shown a Turkish number. Every example here matches that country's
//! rules in `public/demo/countryvalidationrules/` (`tools/check-demo-data.mjs` checks it).
//! Phone numbers are in international form, so they also show the country code.

/// One line per country: `ISO code|phone example|postal code example`, empty where there is
/// none. One text rather than a table of string slices: 187 B smaller (brotli, measured).
const EXAMPLES: &str = "\
AE|+971 4 123 4567|\n\
AM|+374 10 123456|0010\n\
AR|+54 11 1234 5678|C1002AAB\n\
AT|+43 1 234567|1010\n\
AU|+61 2 9876 5432|2000\n\
AZ|+994 12 123 45 67|AZ1000\n\
BE|+32 2 123 45 67|1000\n\
BR|+55 11 91234-5678|01310-100\n\
BY|+375 17 123-45-67|220030\n\
CA|+1 416 555 0199|M5V 3L9\n\
CH|+41 44 123 45 67|8001\n\
CL||8320000\n\
CN|+86 10 1234 5678|100000\n\
CO|+57 601 123 4567|110111\n\
CZ|+420 212 345 678|110 00\n\
DE|+49 30 901820|10117\n\
DK|+45 33 12 34 56|1050\n\
EG|+20 2 12345678|11511\n\
ES|+34 912 345 678|28013\n\
FI|+358 9 1234 5678|00100\n\
FR|+33 1 42 68 53 00|75008\n\
GB|+44 20 7946 0958|SW1A 1AA\n\
GR|+30 21 0123 4567|105 57\n\
HU|+36 1 234 5678|1051\n\
IE|+353 1 234 5678|D02 X285\n\
IL|+972 3 123 4567|9100001\n\
IN|+91 98765 43210|110001\n\
IQ|+964 1 123 4567|10001\n\
IT|+39 06 1234 5678|00184\n\
JP|+81 3-1234-5678|100-0005\n\
KG|+996 312 123456|720001\n\
KR|+82 2 123 4567|04524\n\
KZ|+7 727 123 4567|050000\n\
LU|+352 26 12 34 56|L-1111\n\
MD|+373 22 123456|MD-2001\n\
MM|+95 1 123 456|11181\n\
MX|+52 55 1234 5678|06600\n\
NL|+31 20 123 4567|1012 AB\n\
NO|+47 22 12 34 56|0150\n\
NZ|+64 9 123 4567|1010\n\
PL|+48 22 123 45 67|00-950\n\
PT|+351 21 123 4567|1000-001\n\
RO|+40 21 123 4567|010011\n\
RU|+7 495 123-45-67|101000\n\
SA|+966 11 123 4567|11564\n\
SE|+46 8 123 456 78|111 22\n\
SG|+65 6123 4567|018956\n\
SK|+421 2 1234 5678|811 01\n\
TH|+66 2 123 4567|10110\n\
TJ|+992 37 221 2345|734025\n\
TR|+90 212 555 12 34|34000\n\
UA|+380 44 123 4567|01001\n\
US|+1 425 555 0100|98052\n\
UZ|+998 71 123 45 67|100000\n\
VE|+58 212 123 4567|1010\n\
VN|+84 24 3123 4567|100000\n\
ZA|+27 11 123 4567|2196";

fn find(country: &str) -> Option<(&'static str, &'static str)> {
    if country.len() != 2 {
        return None;
    }
    let row = EXAMPLES
        .lines()
        .find(|l| l.starts_with(country) && l.as_bytes().get(2) == Some(&b'|'))?;
    let mut parts = row[3..].split('|');
    Some((parts.next()?, parts.next().unwrap_or("")))
}

/// A phone number as written in the customer's country, if one is known.
pub fn phone(country: &str) -> Option<&'static str> {
    find(country).map(|e| e.0).filter(|p| !p.is_empty())
}

/// A postal code of the customer's country, if one is known.
pub fn postal(country: &str) -> Option<&'static str> {
    find(country).map(|e| e.1).filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_belong_to_their_country() {
        assert_eq!(phone("US"), Some("+1 425 555 0100"));
        assert!(phone("TR").is_some_and(|p| p.starts_with("+90 ")));
        assert!(phone("GB").is_some_and(|p| p.starts_with("+44 ")));
        assert_eq!(postal("GB"), Some("SW1A 1AA"));
        // Every phone example carries its own country's calling code, never another's.
        for row in EXAMPLES.lines() {
            let p = row.split('|').nth(1).unwrap_or("");
            assert!(
                row.len() > 3 && (p.is_empty() || p.starts_with('+')),
                "{row}"
            );
        }
        assert_eq!(phone("QA"), None);
        assert_eq!(postal("AE"), None);
        assert_eq!(phone("XX"), None);
        assert_eq!(phone(""), None);
        assert_eq!(postal("A"), None);
    }
}
