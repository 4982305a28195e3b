use super::*;
use crate::domain::model::CountryRules;

/// A stand-in for the browser's RegExp: understands just the patterns the tests use.
struct FakeRegex;
impl PatternMatcher for FakeRegex {
    fn is_match(&self, pattern: &str, value: &str) -> Option<bool> {
        match pattern {
            "five-digits" => Some(value.len() == 5 && value.chars().all(|c| c.is_ascii_digit())),
            "digits" => Some(value.chars().all(|c| c.is_ascii_digit() || c == ' ')),
            "broken(" => None,
            _ => Some(true),
        }
    }
}

fn rules(iso2: &str) -> CountryRules {
    CountryRules {
        iso2: iso2.into(),
        default_culture: "en-US".into(),
        is_state_required: iso2 == "US",
        states: if iso2 == "US" {
            vec!["WA".into(), "NY".into()]
        } else {
            vec![]
        },
        is_postal_code_required: true,
        postal_code_regex: Some("five-digits".into()),
        is_city_required: true,
        phone_regex: Some("digits".into()),
        ..CountryRules::default()
    }
}

fn valid_account() -> Account {
    Account {
        country: "US".into(),
        company_name: "Contoso Pharmaceuticals Inc.".into(),
        domain_prefix: "contosopharma".into(),
        address_line1: "1 Microsoft Way".into(),
        city: "Redmond".into(),
        state: "WA".into(),
        postal_code: "98052".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        email: "ada@contosopharma.com".into(),
        agreement: AgreementChoice::AcceptLater,
        ..Account::default()
    }
}

fn check(a: &Account, r: Option<&CountryRules>) -> Vec<Issue> {
    check_as(a, r, true)
}

fn check_as(a: &Account, r: Option<&CountryRules>, may_attest: bool) -> Vec<Issue> {
    account(
        a,
        &Context {
            rules: r,
            partner_email_domain: "partner.example",
            today: "2026-11-25",
            indirect: false,
            reseller_chosen: false,
            may_attest,
            matcher: &FakeRegex,
        },
    )
}

fn fields(issues: &[Issue]) -> Vec<FieldId> {
    issues.iter().map(|i| i.field).collect()
}

#[test]
fn company_name_rejects_what_partner_center_rejects() {
    assert_eq!(company_name("A"), Err(FieldError::CompanySingleCharacter));
    assert_eq!(
        company_name("   "),
        Err(FieldError::Required(FieldId::CompanyName))
    );
    assert_eq!(
        company_name("\n\t"),
        Err(FieldError::Required(FieldId::CompanyName))
    );
    assert_eq!(
        company_name("!!!"),
        Err(FieldError::CompanyOnlySpecialCharacters)
    );
    assert_eq!(
        company_name("-- .."),
        Err(FieldError::CompanyOnlySpecialCharacters)
    );
    assert_eq!(company_name("Inc"), Err(FieldError::CompanyOnlyLegalForm));
    assert_eq!(company_name("LLC."), Err(FieldError::CompanyOnlyLegalForm));
    assert_eq!(
        company_name(" GmbH "),
        Err(FieldError::CompanyOnlyLegalForm)
    );
    assert_eq!(
        company_name("Ltd. Şti."),
        Err(FieldError::CompanyOnlyLegalForm)
    );
    assert_eq!(company_name("A.Ş."), Err(FieldError::CompanyOnlyLegalForm));
    assert_eq!(
        company_name(&"x".repeat(10_000)),
        Err(FieldError::TooLong { max: 255 })
    );
}

#[test]
fn company_name_accepts_real_names_in_any_script() {
    for ok in [
        "Contoso Ltd",
        "  Fabrikam, Inc.  ",
        "İstanbul Bilişim A.Ş.",
        "Çağdaş Yazılım Ltd. Şti.",
        "株式会社ソニー",
        "شركة الاتصالات السعودية",
        "Café Crème SARL",
        "3M",
        "<script>alert(1)</script> Holdings",
        "Emoji 🚀 Corp",
    ] {
        assert_eq!(company_name(ok), Ok(()), "{ok}");
    }
}

#[test]
fn company_name_warnings_do_not_block() {
    assert_eq!(
        company_name_warnings("contoso.com"),
        vec![FieldWarning::CompanyLooksLikeDomain]
    );
    assert!(company_name_warnings("Company 999").contains(&FieldWarning::CompanyRepeatedCharacter));
    assert_eq!(
        company_name_warnings("A B C"),
        vec![FieldWarning::CompanySpacedLetters]
    );
    assert_eq!(
        company_name_warnings("Test Ltd"),
        vec![FieldWarning::CompanyLikelyTestName]
    );
    assert_eq!(
        company_name_warnings("TEST Şirketi"),
        vec![FieldWarning::CompanyLikelyTestName]
    );
    assert!(company_name_warnings("Contoso Ltd").is_empty());
    assert!(company_name_warnings("Testa Rossa Motors").is_empty());
    assert_eq!(company_name("Test Ltd"), Ok(()));
}

#[test]
fn email_rules() {
    assert_eq!(email("ada@contoso.com", "partner.example"), Ok(()));
    assert_eq!(email("  ada@contoso.com  ", ""), Ok(()));
    assert_eq!(email("ayşe@şirket.com.tr", ""), Ok(()));
    for bad in [
        "ada",
        "ada@",
        "@contoso.com",
        "ada@contoso",
        "ada@@contoso.com",
        "a da@contoso.com",
        "ada@contoso..com",
        "ada@-contoso.com",
        ".ada@contoso.com",
        "ada@contoso.c",
        "ada@contoso.com\nbob@x.com",
        "<script>@x.com",
    ] {
        assert_eq!(email(bad, ""), Err(FieldError::EmailInvalid), "{bad:?}");
    }
    assert_eq!(
        email("bill@microsoft.com", ""),
        Err(FieldError::EmailMicrosoft)
    );
    assert_eq!(
        email("bill@MICROSOFT.COM", ""),
        Err(FieldError::EmailMicrosoft)
    );
    assert_eq!(
        email("bill@eu.microsoft.com", ""),
        Err(FieldError::EmailMicrosoft)
    );
    assert_eq!(email("bill@notmicrosoft.com", ""), Ok(()));
    assert_eq!(
        email("me@Partner.Example", "partner.example"),
        Err(FieldError::EmailPartnerDomain)
    );
    assert_eq!(email("", ""), Err(FieldError::Required(FieldId::Email)));
}

#[test]
fn domain_prefix_rules() {
    assert_eq!(domain_prefix("contoso2026"), Ok(()));
    assert_eq!(domain_prefix(" contoso "), Ok(()));
    assert_eq!(domain_prefix(&"a".repeat(27)), Ok(()));
    assert_eq!(
        domain_prefix(&"a".repeat(28)),
        Err(FieldError::DomainTooLong)
    );
    for bad in [
        "con-toso",
        "con toso",
        "contoso.com",
        "şirket",
        "İstanbul",
        "名前",
        "a_b",
    ] {
        assert_eq!(
            domain_prefix(bad),
            Err(FieldError::DomainInvalidCharacters),
            "{bad}"
        );
    }
    assert_eq!(
        domain_prefix(""),
        Err(FieldError::Required(FieldId::DomainPrefix))
    );
}

#[test]
fn agreement_date_is_a_real_date_and_never_in_the_future() {
    assert_eq!(date_agreed("2026-11-25", "2026-11-25"), Ok(()));
    assert_eq!(date_agreed("2024-02-29", "2026-11-25"), Ok(()));
    assert_eq!(
        date_agreed("2026-11-26", "2026-11-25"),
        Err(FieldError::DateInFuture)
    );
    assert_eq!(
        date_agreed("2023-02-29", "2026-11-25"),
        Err(FieldError::DateInvalid)
    );
    assert_eq!(
        date_agreed("2026-13-01", "2026-11-25"),
        Err(FieldError::DateInvalid)
    );
    assert_eq!(
        date_agreed("25.11.20", "2026-11-25"),
        Err(FieldError::DateInvalid)
    );
    assert_eq!(
        date_agreed("", "2026-11-25"),
        Err(FieldError::Required(FieldId::DateAgreed))
    );
}

#[test]
fn agreement_date_is_read_day_first_as_typed_in_either_language() {
    // Turkish gg.aa.yyyy, English dd/mm/yyyy, and ISO (older drafts) all read the same.
    for typed in [
        "25.11.2026",
        "25/11/2026",
        "25-11-2026",
        " 25 11 2026 ",
        "2026-11-25",
    ] {
        assert_eq!(parse_date(typed).as_deref(), Some("2026-11-25"), "{typed}");
    }
    assert_eq!(parse_date("3.4.2026").as_deref(), Some("2026-04-03"));
    assert_eq!(parse_date("29.02.2024").as_deref(), Some("2024-02-29"));
    for bad in [
        "29.02.2023",
        "32.01.2026",
        "01.13.2026",
        "0.1.2026",
        "1.1.26",
        "2026",
        "1.1.1999",
        "11/25/2026x",
        "a.b.cccc",
        "1..2026",
        "123.1.2026",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert_eq!(date_agreed("25.11.2026", "2026-11-25"), Ok(()));
    assert_eq!(
        date_agreed("26/11/2026", "2026-11-25"),
        Err(FieldError::DateInFuture)
    );
}

#[test]
fn tabs_and_line_breaks_become_spaces_in_single_line_fields() {
    assert_eq!(single_line("Contoso\tLtd"), "Contoso Ltd");
    assert_eq!(single_line("1 Main St\r\nSuite 2"), "1 Main St Suite 2");
    assert_eq!(single_line("a\nb\rc\u{2028}d"), "a b c d");
    assert_eq!(single_line("İstanbul"), "İstanbul");
    assert!(!has_control(&single_line("a\tb\nc")));
}

#[test]
fn control_characters_are_refused_in_every_free_text_field() {
    for c in [
        '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{80}', '\u{9f}', '\t',
    ] {
        assert!(has_control(&format!("NUL{c}byte")), "{:?}", c);
    }
    assert!(!has_control("Çözüm A.Ş. – Ürün ‘x’ 😀"));
    let set = |a: &mut Account, f: FieldId, v: &str| f.set(a, v.to_string());
    for field in [
        FieldId::CompanyName,
        FieldId::AddressLine1,
        FieldId::AddressLine2,
        FieldId::City,
        FieldId::PostalCode,
        FieldId::FirstName,
        FieldId::LastName,
        FieldId::Email,
        FieldId::Phone,
    ] {
        let mut a = valid_account();
        let old = field.get(&a).unwrap_or("").to_string();
        set(&mut a, field, &format!("NUL\u{0}{old}x"));
        assert_eq!(
            check(&a, Some(&rules("US"))),
            vec![Issue {
                field,
                error: FieldError::ControlCharacter(field)
            }],
            "{field:?}"
        );
    }
    // The agreement's person, when the agreement is attested.
    let mut a = valid_account();
    a.agreement = AgreementChoice::Accepted;
    a.signer_first_name = "Ada\u{85}".into();
    a.signer_last_name = "Lovelace".into();
    a.signer_email = "ada@contoso.example".into();
    a.date_agreed = "20.11.2026".into();
    assert_eq!(
        check(&a, Some(&rules("US"))),
        vec![Issue {
            field: FieldId::SignerFirstName,
            error: FieldError::ControlCharacter(FieldId::SignerFirstName)
        }]
    );
    // Not sent, so not refused: the signer when the customer accepts later.
    a.agreement = AgreementChoice::AcceptLater;
    assert_eq!(check(&a, Some(&rules("US"))), vec![]);
    // The registration number where the country needs one.
    let mut tr = valid_account();
    tr.country = "TR".into();
    tr.state = String::new();
    tr.phone = "+90 212 555 12 34".into();
    tr.registration_number = "123\u{1}".into();
    assert!(check(&tr, Some(&rules("TR"))).contains(&Issue {
        field: FieldId::RegistrationNumber,
        error: FieldError::ControlCharacter(FieldId::RegistrationNumber)
    }));
}

#[test]
fn a_complete_us_account_is_valid() {
    assert_eq!(check(&valid_account(), Some(&rules("US"))), vec![]);
}

#[test]
fn an_empty_account_names_every_required_field_in_order() {
    let issues = check(&Account::default(), None);
    assert_eq!(
        fields(&issues),
        vec![
            FieldId::Country,
            FieldId::CompanyName,
            FieldId::DomainPrefix,
            FieldId::AddressLine1,
            FieldId::City,
            FieldId::FirstName,
            FieldId::LastName,
            FieldId::Email,
            FieldId::Agreement,
        ]
    );
}

#[test]
fn country_rules_drive_state_postal_code_and_phone() {
    let r = rules("US");
    let mut a = valid_account();
    a.state = "XX".into();
    a.postal_code = "9805".into();
    a.phone = "555-abc".into();
    let issues = check(&a, Some(&r));
    assert_eq!(
        issues
            .iter()
            .map(|i| (i.field, i.error.clone()))
            .collect::<Vec<_>>(),
        vec![
            (FieldId::State, FieldError::StateNotInList),
            (FieldId::PostalCode, FieldError::PostalCodeInvalid),
            (FieldId::Phone, FieldError::PhoneInvalid),
        ]
    );
    a.state = "wa".into();
    a.postal_code = "98052".into();
    a.phone = "425 555 0100".into();
    assert_eq!(check(&a, Some(&r)), vec![]);
}

#[test]
fn an_invalid_server_regex_does_not_block_the_user() {
    let mut r = rules("GB");
    r.postal_code_regex = Some("broken(".into());
    let mut a = valid_account();
    a.country = "GB".into();
    a.state.clear();
    a.postal_code = "SW1A 1AA".into();
    assert_eq!(check(&a, Some(&r)), vec![]);
}

#[test]
fn registration_number_countries_need_it_and_a_phone() {
    let mut a = valid_account();
    a.country = "TR".into();
    a.state.clear();
    let mut r = rules("TR");
    r.postal_code_regex = None;
    let issues = check(&a, Some(&r));
    assert_eq!(
        fields(&issues),
        vec![FieldId::RegistrationNumber, FieldId::Phone]
    );
    a.registration_number = "1234567890".into();
    a.phone = "+90 212 555 01 00".into();
    r.phone_regex = None;
    assert_eq!(check(&a, Some(&r)), vec![]);
}

#[test]
fn accepted_agreement_needs_the_signer_and_a_past_date() {
    let mut a = valid_account();
    a.agreement = AgreementChoice::Accepted;
    let issues = check(&a, Some(&rules("US")));
    assert_eq!(
        fields(&issues),
        vec![
            FieldId::SignerFirstName,
            FieldId::SignerLastName,
            FieldId::SignerEmail,
            FieldId::DateAgreed
        ]
    );
    a.signer_first_name = "Ada".into();
    a.signer_last_name = "Lovelace".into();
    a.signer_email = "ada@contosopharma.com".into();
    a.date_agreed = "2030-01-01".into();
    assert_eq!(
        check(&a, Some(&rules("US"))),
        vec![Issue {
            field: FieldId::DateAgreed,
            error: FieldError::DateInFuture
        }]
    );
}

#[test]
fn long_pasted_text_gets_a_length_message_not_a_crash() {
    let mut a = valid_account();
    a.address_line1 = "Çok uzun adres ".repeat(700);
    // A line break cannot come from the field (it turns it into a space), so one in the
    // draft is refused like any other control character rather than sent.
    a.first_name = "Ad\nSoyad".into();
    let issues = check(&a, Some(&rules("US")));
    assert_eq!(
        issues,
        vec![
            Issue {
                field: FieldId::AddressLine1,
                error: FieldError::TooLong { max: 250 }
            },
            Issue {
                field: FieldId::FirstName,
                error: FieldError::ControlCharacter(FieldId::FirstName)
            }
        ]
    );
}

#[test]
fn folding_handles_turkish_and_accents() {
    assert_eq!(fold("İSTANBUL"), "istanbul");
    assert_eq!(fold("ıstanbul"), "istanbul");
    assert_eq!(fold("Işık"), "isik");
    assert_eq!(fold("Çözüm Ağı"), "cozum agi");
    assert_eq!(fold("Crème Brûlée"), "creme brulee");
    assert_eq!(fold("東京"), "東京");
}

#[test]
fn only_admin_and_sales_agents_may_attest() {
    let mut a = valid_account();
    a.agreement = AgreementChoice::Accepted;
    assert_eq!(
        check_as(&a, Some(&rules("US")), false),
        vec![Issue {
            field: FieldId::Agreement,
            error: FieldError::MayNotAttest
        }]
    );
    a.agreement = AgreementChoice::AcceptLater;
    assert_eq!(check_as(&a, Some(&rules("US")), false), vec![]);
}
