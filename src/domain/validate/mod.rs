//! Pure validation rules for the draft (no web). Country regexes are evaluated by a
//! [`PatternMatcher`] that the caller supplies: the browser's `RegExp` in the app (the `regex`
//! crate would add 775 KB), a small fake in native tests.

pub mod text;

use crate::domain::model::{
    requires_registration_number, Account, AgreementChoice, CountryRules, FieldId,
};
pub use text::{fold, has_control, single_line};

/// Evaluates an ECMAScript regex. `None` when the pattern itself is invalid (then the rule is
/// skipped rather than blocking the user on the server's bad data).
pub trait PatternMatcher {
    fn is_match(&self, pattern: &str, value: &str) -> Option<bool>;
}

/// What is wrong with a field. Mapped once to a localized message in `messages`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required(FieldId),
    TooLong {
        max: usize,
    },
    CompanySingleCharacter,
    CompanyOnlySpecialCharacters,
    CompanyOnlyLegalForm,
    EmailInvalid,
    EmailMicrosoft,
    EmailPartnerDomain,
    DomainInvalidCharacters,
    DomainTooLong,
    /// The live check found it taken (or the server said 27100).
    DomainTaken,
    PostalCodeInvalid,
    StateNotInList,
    PhoneInvalid,
    DateInvalid,
    DateInFuture,
    /// Only Admin agents and Sales agents may attest the agreement.
    MayNotAttest,
    /// A message the server gave for this field (e.g. 600050 with its description).
    Server(String),
    /// Partner Center refused the field's value (27002 naming its property).
    Refused(FieldId),
    /// A control character (C0 or C1), e.g. pasted along with the text: it is invisible, so
    /// the message names the field.
    ControlCharacter(FieldId),
}

/// Things that look wrong but do not block Continue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldWarning {
    CompanyLooksLikeDomain,
    CompanyRepeatedCharacter,
    CompanySpacedLetters,
    CompanyLikelyTestName,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub field: FieldId,
    pub error: FieldError,
}

/// Field length limits, so 10,000 pasted characters get a message instead of a server error.
pub fn max_len(field: FieldId) -> usize {
    match field {
        FieldId::CompanyName => 255,
        FieldId::AddressLine1 | FieldId::AddressLine2 => 250,
        FieldId::City | FieldId::State => 128,
        FieldId::PostalCode => 20,
        FieldId::FirstName
        | FieldId::LastName
        | FieldId::SignerFirstName
        | FieldId::SignerLastName => 100,
        FieldId::Email | FieldId::SignerEmail => 254,
        FieldId::Phone | FieldId::SignerPhone => 32,
        FieldId::RegistrationNumber => 50,
        _ => 255,
    }
}

/// Legal-form abbreviations that are not a company name on their own.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "co",
    "corp",
    "corporation",
    "company",
    "plc",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "kk",
    "pty",
    "ptyltd",
    "as",
    "ab",
    "oy",
    "aş",
    "aş",
    "ltdşti",
    "şti",
    "llp",
    "lp",
    "kg",
    "ug",
    "sl",
    "sp zoo",
    "spzoo",
    "ooo",
];

const TEST_WORDS: &[&str] = &[
    "test", "testing", "asdf", "qwerty", "xxx", "dummy", "sample", "foo", "bar", "deneme",
];

pub fn company_name(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::Required(FieldId::CompanyName));
    }
    if v.chars().count() > max_len(FieldId::CompanyName) {
        return Err(FieldError::TooLong {
            max: max_len(FieldId::CompanyName),
        });
    }
    if v.chars().count() == 1 {
        return Err(FieldError::CompanySingleCharacter);
    }
    if !v.chars().any(char::is_alphanumeric) {
        return Err(FieldError::CompanyOnlySpecialCharacters);
    }
    let letters: String = fold(v).chars().filter(|c| c.is_alphanumeric()).collect();
    let spaced: String = fold(v)
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if LEGAL_FORMS
        .iter()
        .any(|f| fold(f) == letters || fold(f) == spaced)
    {
        return Err(FieldError::CompanyOnlyLegalForm);
    }
    Ok(())
}

pub fn company_name_warnings(value: &str) -> Vec<FieldWarning> {
    let v = value.trim();
    let mut out = Vec::new();
    if v.is_empty() {
        return out;
    }
    let folded = fold(v);
    let tld = folded.rsplit_once('.').map(|(_, t)| t).unwrap_or("");
    if folded.contains('.')
        && !folded.ends_with('.')
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !v.contains(' ')
        || ["com", "net", "org", "io"]
            .iter()
            .any(|t| folded.ends_with(&format!(".{t}")))
    {
        out.push(FieldWarning::CompanyLooksLikeDomain);
    }
    let chars: Vec<char> = folded.chars().collect();
    if chars
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && !w[0].is_whitespace())
    {
        out.push(FieldWarning::CompanyRepeatedCharacter);
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    if words.len() >= 2 && words.iter().all(|w| w.chars().count() == 1) {
        out.push(FieldWarning::CompanySpacedLetters);
    }
    if folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| TEST_WORDS.contains(&w))
    {
        out.push(FieldWarning::CompanyLikelyTestName);
    }
    out
}

/// A valid address, not at microsoft.com, not at the partner's own domain.
pub fn email(value: &str, partner_domain: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::Required(FieldId::Email));
    }
    if v.chars().count() > 254 {
        return Err(FieldError::TooLong { max: 254 });
    }
    let (local, domain) = v.rsplit_once('@').ok_or(FieldError::EmailInvalid)?;
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || "()<>,;:\\\"[]@".contains(c);
    let labels: Vec<&str> = domain.split('.').collect();
    let ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(bad_char)
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|t| t.chars().count() >= 2);
    if !ok {
        return Err(FieldError::EmailInvalid);
    }
    let domain = fold(domain);
    let is_at = |d: &str| domain == d || domain.ends_with(&format!(".{d}"));
    if is_at("microsoft.com") {
        return Err(FieldError::EmailMicrosoft);
    }
    let partner = fold(partner_domain.trim());
    if !partner.is_empty() && is_at(&partner) {
        return Err(FieldError::EmailPartnerDomain);
    }
    Ok(())
}

/// Letters and digits only (ASCII: it becomes a DNS label), at most 27 characters.
pub fn domain_prefix(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::Required(FieldId::DomainPrefix));
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(FieldError::DomainInvalidCharacters);
    }
    if v.len() > 27 {
        return Err(FieldError::DomainTooLong);
    }
    Ok(())
}

/// The agreement date as typed, as ISO `YYYY-MM-DD`; `None` unless it is a real date from
/// 2000 on. Day first in both languages, with `.`, `/`, `-` or spaces between the parts
/// (`27.03.2026`, `27/3/2026`), or ISO (`2026-03-27`, what older drafts hold). A two-digit year
/// is refused: it cannot be read without guessing the century.
pub fn parse_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value
        .trim()
        .split(['.', '/', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let num = |s: &str, max_len: usize| {
        (s.len() <= max_len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (num(y, 4)?, num(m, 2)?, num(d, 2)?),
        [d, m, y] if y.len() == 4 => (num(y, 4)?, num(m, 2)?, num(d, 2)?),
        _ => return None,
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (d != 0 && d <= days && y >= 2000).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A real date (see [`parse_date`]), not after `today` (`YYYY-MM-DD`).
pub fn date_agreed(value: &str, today: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::Required(FieldId::DateAgreed));
    }
    match parse_date(value) {
        None => Err(FieldError::DateInvalid),
        Some(iso) if iso.as_str() > today => Err(FieldError::DateInFuture),
        Some(_) => Ok(()),
    }
}

/// Everything the rules need besides the account itself.
pub struct Context<'a> {
    pub rules: Option<&'a CountryRules>,
    pub partner_email_domain: &'a str,
    pub today: &'a str,
    pub indirect: bool,
    pub reseller_chosen: bool,
    pub may_attest: bool,
    pub matcher: &'a dyn PatternMatcher,
}

fn required(issues: &mut Vec<Issue>, a: &Account, field: FieldId) -> bool {
    let empty = field.get(a).is_none_or(|v| v.trim().is_empty());
    if empty {
        issues.push(Issue {
            field,
            error: FieldError::Required(field),
        });
    }
    !empty
}

fn too_long(issues: &mut Vec<Issue>, a: &Account, field: FieldId) -> bool {
    let long = field
        .get(a)
        .is_some_and(|v| v.trim().chars().count() > max_len(field));
    if long {
        issues.push(Issue {
            field,
            error: FieldError::TooLong {
                max: max_len(field),
            },
        });
    }
    long
}

/// The free-text fields of Account info. Tabs and line breaks never reach the draft (the
/// field turns them into spaces, [`single_line`]); any other control character is refused.
const FREE_TEXT: [FieldId; 15] = [
    FieldId::CompanyName,
    FieldId::RegistrationNumber,
    FieldId::AddressLine1,
    FieldId::AddressLine2,
    FieldId::City,
    FieldId::State,
    FieldId::PostalCode,
    FieldId::FirstName,
    FieldId::LastName,
    FieldId::Email,
    FieldId::Phone,
    FieldId::SignerFirstName,
    FieldId::SignerLastName,
    FieldId::SignerEmail,
    FieldId::SignerPhone,
];

/// All errors of the Account info step. A field holding a control character gets that error
/// alone: whatever else the rules say about it, the text must be typed again first.
pub fn account(a: &Account, cx: &Context) -> Vec<Issue> {
    let mut out = field_rules(a, cx);
    let signer = a.agreement == AgreementChoice::Accepted;
    for field in FREE_TEXT {
        // Only what is sent: the agreement's person when attesting, the registration number
        // where the country needs it.
        let sent = match field {
            FieldId::RegistrationNumber => requires_registration_number(a.country.trim()),
            FieldId::SignerFirstName
            | FieldId::SignerLastName
            | FieldId::SignerEmail
            | FieldId::SignerPhone => signer,
            _ => true,
        };
        if sent && field.get(a).is_some_and(has_control) {
            out.retain(|i| i.field != field);
            out.push(Issue {
                field,
                error: FieldError::ControlCharacter(field),
            });
        }
    }
    out
}

/// The rules of each field, in the order the fields appear.
fn field_rules(a: &Account, cx: &Context) -> Vec<Issue> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Issue>, field, r: Result<(), FieldError>| {
        if let Err(error) = r {
            out.push(Issue { field, error });
        }
    };
    required(&mut out, a, FieldId::Country);
    let country = a.country.trim();
    push(
        &mut out,
        FieldId::CompanyName,
        company_name(&a.company_name),
    );
    push(
        &mut out,
        FieldId::DomainPrefix,
        domain_prefix(&a.domain_prefix),
    );
    let needs_reg = requires_registration_number(country);
    if needs_reg && required(&mut out, a, FieldId::RegistrationNumber) {
        too_long(&mut out, a, FieldId::RegistrationNumber);
    }
    if required(&mut out, a, FieldId::AddressLine1) {
        too_long(&mut out, a, FieldId::AddressLine1);
    }
    too_long(&mut out, a, FieldId::AddressLine2);
    let rules = cx.rules;
    let city_required = rules.is_none_or(|r| r.is_city_required);
    if city_required {
        if required(&mut out, a, FieldId::City) {
            too_long(&mut out, a, FieldId::City);
        }
    } else {
        too_long(&mut out, a, FieldId::City);
    }
    if let Some(r) = rules {
        let state = a.state.trim();
        if r.is_state_required && state.is_empty() {
            required(&mut out, a, FieldId::State);
        } else if !state.is_empty()
            && !r.states.is_empty()
            && !r.states.iter().any(|s| s.eq_ignore_ascii_case(state))
        {
            push(&mut out, FieldId::State, Err(FieldError::StateNotInList));
        }
        let postal = a.postal_code.trim();
        if r.is_postal_code_required && postal.is_empty() {
            required(&mut out, a, FieldId::PostalCode);
        } else if !postal.is_empty() && !too_long(&mut out, a, FieldId::PostalCode) {
            if let Some(p) = r.postal_code_regex.as_deref().filter(|p| !p.is_empty()) {
                if cx.matcher.is_match(p, postal) == Some(false) {
                    push(
                        &mut out,
                        FieldId::PostalCode,
                        Err(FieldError::PostalCodeInvalid),
                    );
                }
            }
        }
    }
    if required(&mut out, a, FieldId::FirstName) {
        too_long(&mut out, a, FieldId::FirstName);
    }
    if required(&mut out, a, FieldId::LastName) {
        too_long(&mut out, a, FieldId::LastName);
    }
    push(
        &mut out,
        FieldId::Email,
        email(&a.email, cx.partner_email_domain),
    );
    phone(&mut out, a, FieldId::Phone, needs_reg, cx);
    if cx.indirect && !cx.reseller_chosen {
        out.push(Issue {
            field: FieldId::Reseller,
            error: FieldError::Required(FieldId::Reseller),
        });
    }
    match a.agreement {
        AgreementChoice::Unset => out.push(Issue {
            field: FieldId::Agreement,
            error: FieldError::Required(FieldId::Agreement),
        }),
        AgreementChoice::AcceptLater => {}
        AgreementChoice::Accepted if !cx.may_attest => out.push(Issue {
            field: FieldId::Agreement,
            error: FieldError::MayNotAttest,
        }),
        AgreementChoice::Accepted => {
            if required(&mut out, a, FieldId::SignerFirstName) {
                too_long(&mut out, a, FieldId::SignerFirstName);
            }
            if required(&mut out, a, FieldId::SignerLastName) {
                too_long(&mut out, a, FieldId::SignerLastName);
            }
            push(
                &mut out,
                FieldId::SignerEmail,
                email(&a.signer_email, "").map_err(|e| match e {
                    FieldError::Required(_) => FieldError::Required(FieldId::SignerEmail),
                    e => e,
                }),
            );
            phone(&mut out, a, FieldId::SignerPhone, false, cx);
            push(
                &mut out,
                FieldId::DateAgreed,
                date_agreed(&a.date_agreed, cx.today),
            );
        }
    }
    out
}

fn phone(out: &mut Vec<Issue>, a: &Account, field: FieldId, needed: bool, cx: &Context) {
    let v = field.get(a).unwrap_or("").trim();
    if v.is_empty() {
        if needed {
            required(out, a, field);
        }
        return;
    }
    if too_long(out, a, field) {
        return;
    }
    let shape_ok = v
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && v.chars().filter(char::is_ascii_digit).count() >= 4;
    let regex_ok = cx
        .rules
        .and_then(|r| r.phone_regex.as_deref())
        .filter(|p| !p.is_empty())
        .and_then(|p| cx.matcher.is_match(p, v))
        .unwrap_or(true);
    if !shape_ok || !regex_ok {
        out.push(Issue {
            field,
            error: FieldError::PhoneInvalid,
        });
    }
}

#[cfg(test)]
mod tests;
