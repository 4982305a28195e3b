//! Typed errors mapped once to localized messages.

use crate::api::ApiError;
use crate::domain::catalog::{term_months, LineError, PrereqBilling, QuantityError};
use crate::domain::examples;
use crate::domain::i18n::{Key, Locale};
use crate::domain::model::{BillingCycle, FieldId};
use crate::domain::validate::{FieldError, FieldWarning};

/// The lower-case field name used inside "Enter the ..." messages.
pub fn field_name(field: FieldId) -> Key {
    match field {
        FieldId::Country => Key::FieldCountry,
        FieldId::CompanyName => Key::FieldCompanyName,
        FieldId::DomainPrefix => Key::FieldDomainPrefix,
        FieldId::RegistrationNumber => Key::FieldRegistrationNumber,
        FieldId::AddressLine1 => Key::FieldAddressLine1,
        FieldId::AddressLine2 => Key::FieldAddressLine2,
        FieldId::City => Key::FieldCity,
        FieldId::State => Key::FieldState,
        FieldId::PostalCode => Key::FieldPostalCode,
        FieldId::FirstName => Key::FieldFirstName,
        FieldId::LastName => Key::FieldLastName,
        FieldId::Email => Key::FieldEmail,
        FieldId::Phone | FieldId::SignerPhone => Key::FieldPhone,
        FieldId::SignerFirstName => Key::FieldSignerFirstName,
        FieldId::SignerLastName => Key::FieldSignerLastName,
        FieldId::SignerEmail => Key::FieldSignerEmail,
        FieldId::DateAgreed => Key::FieldDateAgreed,
        FieldId::Culture | FieldId::Language => Key::LanguageLabel,
        FieldId::Agreement => Key::AgreementSection,
        FieldId::Reseller => Key::ResellerSection,
    }
}

/// An order's status from Partner Center, in the UI language (an unknown one as sent).
pub fn order_status(status: &str, l: Locale) -> String {
    let key = match status.to_ascii_lowercase().as_str() {
        "completed" => Key::OrderCompleted,
        "pending" => Key::OrderPending,
        "cancelled" | "canceled" => Key::OrderCancelled,
        _ => return status.to_string(),
    };
    key.text(l).to_string()
}

/// "Enter the ..." of a required text field, as a whole sentence per language.
fn enter(field: FieldId) -> Option<Key> {
    Some(match field {
        FieldId::CompanyName => Key::EnterCompanyName,
        FieldId::DomainPrefix => Key::EnterDomainPrefix,
        FieldId::RegistrationNumber => Key::EnterRegistrationNumber,
        FieldId::AddressLine1 => Key::EnterAddressLine1,
        FieldId::City => Key::EnterCity,
        FieldId::PostalCode => Key::EnterPostalCode,
        FieldId::FirstName => Key::EnterFirstName,
        FieldId::LastName => Key::EnterLastName,
        FieldId::Email => Key::EnterEmail,
        FieldId::Phone | FieldId::SignerPhone => Key::EnterPhone,
        FieldId::SignerFirstName => Key::EnterSignerFirstName,
        FieldId::SignerLastName => Key::EnterSignerLastName,
        FieldId::SignerEmail => Key::EnterSignerEmail,
        FieldId::DateAgreed => Key::EnterDateAgreed,
        _ => return None,
    })
}

/// What the postal code is called in the customer's country.
pub fn postal_label(country: &str) -> Key {
    match country {
        "US" | "PH" => Key::PostalZip,
        "GB" | "IE" | "AU" | "NZ" | "ZA" => Key::PostalPostcode,
        "DE" | "AT" | "CH" | "LI" => Key::PostalPlz,
        "IN" => Key::PostalPin,
        "BR" => Key::PostalCep,
        _ => Key::PostalCode,
    }
}

/// What the state field is called in the customer's country.
pub fn state_label(country: &str) -> Key {
    match country {
        "US" | "BR" | "MX" | "IN" | "MY" | "NG" => Key::StateState,
        "CA" | "TR" | "CN" | "AR" | "ZA" | "IT" | "ES" | "NL" => Key::StateProvince,
        "AU" => Key::StateTerritory,
        "JP" => Key::StatePrefecture,
        "AE" => Key::StateEmirate,
        "GB" | "IE" => Key::StateCounty,
        _ => Key::State,
    }
}

/// "Choose the province from the list": the state field named as the country's form names it.
fn choose_state(country: &str, l: Locale) -> String {
    match state_label(country) {
        Key::StateState => Key::ErrStateListState,
        Key::StateProvince => Key::ErrStateListProvince,
        Key::StateTerritory => Key::ErrStateListTerritory,
        Key::StatePrefecture => Key::ErrStateListPrefecture,
        Key::StateEmirate => Key::ErrStateListEmirate,
        Key::StateCounty => Key::ErrStateListCounty,
        _ => Key::ErrStateList,
    }
    .text(l)
    .into()
}

/// `country`: the customer's country (ISO code), for messages that name a field the way
/// that country does (a US postal code is a ZIP code).
pub fn field_error(e: &FieldError, l: Locale, country: &str) -> String {
    let postal = postal_label(country);
    match e {
        FieldError::Required(FieldId::PostalCode) if postal == Key::PostalZip => {
            Key::EnterZip.text(l).into()
        }
        FieldError::Required(FieldId::PostalCode) if postal == Key::PostalPostcode => {
            Key::EnterPostcode.text(l).into()
        }
        // Examples are the customer's country's (crate::domain::examples), never another's.
        FieldError::PostalCodeInvalid => match (postal, country, examples::postal(country)) {
            (_, "US", _) => Key::ErrZipInvalidUs.text(l).into(),
            (Key::PostalZip, _, _) => Key::ErrZipInvalid.text(l).into(),
            (Key::PostalPostcode, _, Some(e)) => {
                Key::ErrPostcodeInvalidExample.fmt(l, &[("example", e)])
            }
            (Key::PostalPostcode, _, None) => Key::ErrPostcodeInvalid.text(l).into(),
            (_, _, Some(e)) => Key::ErrPostalInvalidExample.fmt(l, &[("example", e)]),
            (_, _, None) => Key::ErrPostalInvalid.text(l).into(),
        },
        FieldError::Required(FieldId::Country) => Key::ErrChooseCountry.text(l).into(),
        FieldError::Required(FieldId::Agreement) => Key::ErrChooseAgreement.text(l).into(),
        FieldError::Required(FieldId::Reseller) => Key::ErrChooseReseller.text(l).into(),
        FieldError::Required(FieldId::State) => choose_state(country, l),
        FieldError::Required(f) => match enter(*f) {
            Some(k) => k.text(l).into(),
            None => Key::ErrRequired.fmt(l, &[("field", field_name(*f).text(l))]),
        },
        FieldError::TooLong { max } => Key::ErrTooLong.fmt(l, &[("max", &max.to_string())]),
        FieldError::CompanySingleCharacter => Key::ErrCompanySingle.text(l).into(),
        FieldError::CompanyOnlySpecialCharacters => Key::ErrCompanySpecial.text(l).into(),
        FieldError::CompanyOnlyLegalForm => Key::ErrCompanyLegalForm.text(l).into(),
        FieldError::EmailInvalid => Key::ErrEmailInvalid.text(l).into(),
        FieldError::EmailMicrosoft => Key::ErrEmailMicrosoft.text(l).into(),
        FieldError::EmailPartnerDomain => Key::ErrEmailPartner.text(l).into(),
        FieldError::DomainInvalidCharacters => Key::ErrDomainInvalid.text(l).into(),
        FieldError::DomainTooLong => Key::ErrDomainTooLong.text(l).into(),
        FieldError::DomainTaken => Key::ErrDomainTaken.text(l).into(),
        FieldError::StateNotInList => choose_state(country, l),
        FieldError::PhoneInvalid => match examples::phone(country) {
            Some(e) => Key::ErrPhoneInvalidExample.fmt(l, &[("example", e)]),
            None => Key::ErrPhoneInvalid.text(l).into(),
        },
        FieldError::DateInvalid => Key::ErrDateInvalid.text(l).into(),
        FieldError::DateInFuture => Key::ErrDateFuture.text(l).into(),
        FieldError::MayNotAttest => Key::ErrMayNotAttest.text(l).into(),
        FieldError::Server(detail) => Key::ErrServer.fmt(l, &[("detail", detail)]),
        FieldError::Refused(f) => {
            let name = match f {
                FieldId::PostalCode if postal == Key::PostalZip => Key::PostalZip,
                f => field_name(*f),
            };
            Key::ErrRefused.fmt(l, &[("field", name.text(l))])
        }
        FieldError::ControlCharacter(f) => {
            Key::ErrControlChar.fmt(l, &[("field", field_name(*f).text(l))])
        }
    }
}

pub fn field_warning(w: FieldWarning, l: Locale) -> &'static str {
    match w {
        FieldWarning::CompanyLooksLikeDomain => Key::WarnDomainLike.text(l),
        FieldWarning::CompanyRepeatedCharacter => Key::WarnRepeated.text(l),
        FieldWarning::CompanySpacedLetters => Key::WarnSpaced.text(l),
        FieldWarning::CompanyLikelyTestName => Key::WarnTestName.text(l),
    }
}

pub fn api_error(e: &ApiError, l: Locale) -> String {
    match e {
        ApiError::Network(_) | ApiError::Aborted => Key::ApiNetwork.text(l).into(),
        ApiError::Offline => Key::ApiOffline.text(l).into(),
        ApiError::Timeout => Key::ApiTimeout.text(l).into(),
        ApiError::BadJson(_) => Key::ApiBadAnswer.text(l).into(),
        ApiError::Status {
            body: Some(b),
            status,
            ..
        } if b.description.is_some() || b.message.is_some() => Key::ApiSaid.fmt(
            l,
            &[
                ("status", &status.to_string()),
                (
                    "detail",
                    b.message
                        .as_deref()
                        .or(b.description.as_deref())
                        .unwrap_or(""),
                ),
            ],
        ),
        ApiError::Status { status, .. } => {
            Key::ApiStatus.fmt(l, &[("status", &status.to_string())])
        }
    }
}

/// `per_license`: the offer is sold per license ("the number of licenses"); otherwise the
/// message says "the quantity" (devices, capacity, units).
pub fn quantity_error(e: QuantityError, l: Locale, per_license: bool) -> String {
    let k = |license: Key, other: Key| if per_license { license } else { other };
    match e {
        QuantityError::Empty => k(Key::ErrQtyEmpty, Key::ErrQtyEmptyUnits).text(l).into(),
        QuantityError::NotANumber => k(Key::ErrQtyNotNumber, Key::ErrQtyNotNumberUnits)
            .text(l)
            .into(),
        QuantityError::Decimal => k(Key::ErrQtyDecimal, Key::ErrQtyDecimalUnits)
            .text(l)
            .into(),
        QuantityError::Zero => k(Key::ErrQtyZero, Key::ErrQtyZeroUnits).text(l).into(),
        QuantityError::Negative => k(Key::ErrQtyNegative, Key::ErrQtyNegativeUnits)
            .text(l)
            .into(),
        QuantityError::BelowMin { min } => {
            k(Key::ErrQtyBelowMin, Key::ErrQtyBelowMinUnits).fmt(l, &[("min", &min.to_string())])
        }
        QuantityError::AboveMax { max } => {
            k(Key::ErrQtyAboveMax, Key::ErrQtyAboveMaxUnits).fmt(l, &[("max", &max.to_string())])
        }
        QuantityError::TooLarge { max } => {
            k(Key::ErrQtyTooLarge, Key::ErrQtyTooLargeUnits).fmt(l, &[("max", &max.to_string())])
        }
    }
}

pub fn line_error(e: &LineError, l: Locale, per_license: bool) -> String {
    match e {
        LineError::Quantity(q) => quantity_error(*q, l, per_license),
        LineError::MissingPrerequisite => Key::ErrMissingPrereq.text(l).into(),
        LineError::PrerequisiteInOtherOrder(fix) => match fix {
            PrereqBilling::Choose {
                cycle,
                prerequisite,
            } => Key::ErrPrereqChooseCycle.fmt(
                l,
                &[
                    ("cycle", billing_cycle(*cycle).text(l)),
                    ("offer", prerequisite),
                ],
            ),
            PrereqBilling::TermFirst {
                cycle,
                prerequisite,
                term: t,
            } => Key::ErrPrereqTermFirst.fmt(
                l,
                &[
                    ("cycle", billing_cycle(*cycle).text(l)),
                    ("offer", prerequisite),
                    ("term", &term(t, l)),
                ],
            ),
            PrereqBilling::ChangePrerequisite => Key::ErrPrereqOtherOrder.text(l).into(),
            PrereqBilling::OtherGroup => Key::ErrPrereqOtherGroup.text(l).into(),
        },
        LineError::Unavailable => Key::ErrUnavailable.text(l).into(),
        LineError::UnknownOffer => Key::ErrUnknownOffer.text(l).into(),
        LineError::BillingCycle => Key::ErrBillingCycle.text(l).into(),
        LineError::Term => Key::ErrTerm.text(l).into(),
        LineError::FriendlyNameTooLong { max } => {
            Key::ErrFriendlyNameTooLong.fmt(l, &[("max", &max.to_string())])
        }
        LineError::QuantityRefused => Key::ErrQuantityRefused.text(l).into(),
        LineError::FriendlyNameControlCharacter => {
            Key::ErrControlChar.fmt(l, &[("field", Key::FieldFriendlyName.text(l))])
        }
    }
}

pub fn billing_cycle(c: BillingCycle) -> Key {
    match c {
        BillingCycle::Monthly => Key::CycleMonthly,
        BillingCycle::Annual => Key::CycleAnnual,
        BillingCycle::Triennial => Key::CycleTriennial,
        BillingCycle::None => Key::CycleNone,
    }
}

/// `P1M` -> "1 month", `P3Y` -> "3 years"; anything else as given.
pub fn term(term: &str, l: Locale) -> String {
    match term_months(term) {
        Some(m) if m % 12 == 0 => {
            crate::domain::i18n::plural(l, (m / 12) as usize, Key::TermYearOne, Key::TermYearOther)
        }
        Some(m) => {
            crate::domain::i18n::plural(l, m as usize, Key::TermMonthOne, Key::TermMonthOther)
        }
        None => term.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_messages_name_the_field_in_both_languages() {
        let e = FieldError::Required(FieldId::City);
        assert_eq!(field_error(&e, Locale::En, "US"), "Enter the town or city");
        assert_eq!(field_error(&e, Locale::Tr, "US"), "İlçe veya şehri girin");
    }

    #[test]
    fn postal_messages_name_the_field_as_the_country_does() {
        let empty = FieldError::Required(FieldId::PostalCode);
        let bad = FieldError::PostalCodeInvalid;
        assert_eq!(field_error(&empty, Locale::En, "US"), "Enter the ZIP code");
        assert!(field_error(&bad, Locale::En, "US").contains("98052-6399"));
        assert_eq!(field_error(&empty, Locale::En, "GB"), "Enter the postcode");
        assert_eq!(
            field_error(&bad, Locale::En, "PH"),
            "Enter a ZIP code in the format used in this country"
        );
        assert_eq!(field_error(&empty, Locale::Tr, "TR"), "Posta kodunu girin");
        assert_eq!(
            field_error(&bad, Locale::Tr, "TR"),
            "Bu ülkede kullanılan biçimde bir posta kodu girin, örneğin 34000"
        );
    }

    #[test]
    fn the_friendly_name_length_message_names_the_field() {
        let e = LineError::FriendlyNameTooLong { max: 50 };
        assert_eq!(
            line_error(&e, Locale::En, true),
            "The friendly name must be 50 characters or fewer"
        );
        assert_eq!(
            line_error(&e, Locale::Tr, true),
            "Kolay ad en fazla 50 karakter olmalıdır"
        );
    }

    #[test]
    fn state_messages_name_the_field_as_the_country_does() {
        for e in [
            FieldError::Required(FieldId::State),
            FieldError::StateNotInList,
        ] {
            for (l, country, expected) in [
                (Locale::Tr, "TR", "Listeden bir il seçin"),
                (Locale::En, "TR", "Choose the province from the list"),
                (Locale::En, "US", "Choose the state from the list"),
                (Locale::En, "AE", "Choose the emirate from the list"),
                (Locale::En, "FR", "Choose a state or province from the list"),
            ] {
                assert_eq!(field_error(&e, l, country), expected);
            }
        }
        // Every country's label has its own message, in both languages. (Lower case without
        // the combining dot `str::to_lowercase` gives Turkish "İ".)
        let fold = |t: &str| t.to_lowercase().replace('\u{307}', "");
        for country in ["US", "CA", "AU", "JP", "AE", "GB"] {
            for l in Locale::ALL {
                let label = fold(state_label(country).text(l));
                let msg = field_error(&FieldError::StateNotInList, l, country);
                assert!(
                    fold(&msg).contains(&label),
                    "{country} {l:?}: {msg} / {label}"
                );
            }
        }
    }

    #[test]
    fn examples_follow_the_customer_country_in_both_languages() {
        let phone = FieldError::PhoneInvalid;
        for l in Locale::ALL {
            let us = field_error(&phone, l, "US");
            assert!(us.contains("+1 425 555 0100"), "{us}");
            assert!(!us.contains("+90"), "{us}");
            assert!(field_error(&phone, l, "TR").contains("+90 "));
            assert!(field_error(&phone, l, "DE").contains("+49 "));
            // A country without a known example gets none, rather than another country's.
            assert!(!field_error(&phone, l, "QA").contains('+'));
        }
        assert_eq!(
            field_error(&phone, Locale::En, "GB"),
            "Enter a phone number in the format used in this country, like +44 20 7946 0958"
        );
        assert_eq!(
            field_error(&FieldError::PostalCodeInvalid, Locale::Tr, "DE"),
            "Bu ülkede kullanılan biçimde bir posta kodu girin, örneğin 10117"
        );
        assert_eq!(
            field_error(&FieldError::PostalCodeInvalid, Locale::En, "GB"),
            "Enter a postcode in the format used in this country, like SW1A 1AA"
        );
    }

    #[test]
    fn control_characters_are_named_at_their_field_in_both_languages() {
        let e = FieldError::ControlCharacter(FieldId::CompanyName);
        assert_eq!(
            field_error(&e, Locale::En, "US"),
            "The company legal name contains a hidden character that can't be used: clear the field and type it again"
        );
        assert_eq!(
            field_error(&e, Locale::Tr, "US"),
            "Şirketin yasal adı alanında kullanılamayan gizli bir karakter var: alanı temizleyip yeniden yazın"
        );
        let line2 = FieldError::ControlCharacter(FieldId::AddressLine2);
        assert!(field_error(&line2, Locale::En, "US").starts_with("The second line of the address"));
        assert!(
            line_error(&LineError::FriendlyNameControlCharacter, Locale::Tr, true)
                .starts_with("Kolay ad alanında")
        );
    }

    #[test]
    fn order_statuses_are_translated_and_unknown_ones_kept() {
        assert_eq!(order_status("completed", Locale::Tr), "tamamlandı");
        assert_eq!(order_status("Pending", Locale::En), "pending");
        assert_eq!(order_status("onHold", Locale::Tr), "onHold");
    }

    #[test]
    fn api_errors_have_messages() {
        assert!(api_error(&ApiError::Offline, Locale::Tr).contains("Çevrimdışı"));
        assert!(api_error(&ApiError::from_status(503, "", None), Locale::En).contains("503"));
    }

    #[test]
    fn subscription_messages_in_both_languages() {
        assert_eq!(
            quantity_error(QuantityError::AboveMax { max: 300 }, Locale::En, true),
            "The number of licenses must be 300 or fewer"
        );
        assert_eq!(
            quantity_error(QuantityError::BelowMin { min: 5 }, Locale::Tr, true),
            "Lisans sayısı en az 5 olmalıdır"
        );
        // An offer sold per device or unit speaks of a quantity, not of licenses.
        assert_eq!(
            quantity_error(QuantityError::Zero, Locale::En, false),
            "The quantity cannot be 0. To leave this offer out, remove it"
        );
        assert_eq!(
            quantity_error(QuantityError::AboveMax { max: 10 }, Locale::Tr, false),
            "Miktar en fazla 10 olmalıdır"
        );
        assert_eq!(term("P1M", Locale::En), "1 month");
        assert_eq!(term("P3Y", Locale::En), "3 years");
        assert_eq!(term("P1Y", Locale::Tr), "1 yıl");
        assert_eq!(
            billing_cycle(BillingCycle::Annual).text(Locale::Tr),
            "Yıllık"
        );
        assert!(line_error(&LineError::Unavailable, Locale::Tr, true).contains("satın alınamaz"));
    }

    #[test]
    fn an_add_on_billed_unlike_its_prerequisite_is_told_what_to_choose() {
        let err = |fix| LineError::PrerequisiteInOtherOrder(fix);
        let (cycle, prerequisite) = (BillingCycle::Annual, "Microsoft 365 E3".to_string());
        assert_eq!(
            line_error(
                &err(PrereqBilling::Choose {
                    cycle,
                    prerequisite: prerequisite.clone()
                }),
                Locale::En,
                true
            ),
            "Microsoft 365 E3 is billed “Annual”: choose “Annual” billing for this add-on too"
        );
        // Annual is not in the list while the term is one month: the term comes first.
        let term_first = err(PrereqBilling::TermFirst {
            cycle,
            prerequisite,
            term: "P1Y".into(),
        });
        assert_eq!(
            line_error(&term_first, Locale::En, true),
            "Microsoft 365 E3 is billed “Annual”: choose the 1 year term, then “Annual” billing"
        );
        assert_eq!(
            line_error(&term_first, Locale::Tr, true),
            "Microsoft 365 E3 “Yıllık” faturalanıyor: önce 1 yıl taahhüt süresini, sonra “Yıllık” faturalamayı seçin"
        );
        assert!(
            line_error(&err(PrereqBilling::ChangePrerequisite), Locale::En, true)
                .contains("change that offer's billing frequency")
        );
    }
}
