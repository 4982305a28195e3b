//! The one place where wire types become model types.

use super::wire;
use crate::domain::model::{
    BillingCycle, Cloud, CountryRules, MpnId, Offer, Order, PartnerType, Profile, Reseller,
    ResellerId, Role,
};

pub fn profile(w: wire::ProfileMe) -> Profile {
    Profile {
        roles: w.roles.iter().map(|r| Role::parse(r)).collect(),
        partner_type: if w.partner_type.eq_ignore_ascii_case("indirectProvider") {
            PartnerType::IndirectProvider
        } else {
            PartnerType::Direct
        },
        cloud: if w.cloud.eq_ignore_ascii_case("usgov") {
            Cloud::UsGov
        } else {
            Cloud::Public
        },
        partner_email_domain: w.partner_email_domain,
    }
}

pub fn country_rules(w: wire::CountryValidationRules) -> CountryRules {
    CountryRules {
        iso2: w.iso2_code.to_ascii_uppercase(),
        default_culture: w.default_culture,
        is_state_required: w.is_state_required,
        states: w.supported_states_list,
        languages: w.supported_languages_list,
        cultures: w.supported_cultures_list,
        is_postal_code_required: w.is_postal_code_required,
        postal_code_regex: w.postal_code_regex.filter(|r| !r.is_empty()),
        is_city_required: w.is_city_required,
        phone_regex: w.phone_number_regex.filter(|r| !r.is_empty()),
        calling_codes: w.country_calling_codes_list,
    }
}

pub fn reseller(w: wire::PartnerRelationship) -> Reseller {
    Reseller {
        id: ResellerId(w.id),
        mpn_id: MpnId(w.mpn_id),
        name: w.name,
        location: w.location.unwrap_or_default(),
        active: w.state.eq_ignore_ascii_case("active"),
    }
}

pub fn offer(w: wire::Offer) -> Offer {
    let category = w.category.unwrap_or(wire::OfferCategory {
        id: String::new(),
        name: None,
    });
    let min = w.minimum_quantity.unwrap_or(1);
    Offer {
        min_quantity: min,
        max_quantity: w.maximum_quantity.unwrap_or(u32::MAX).max(min),
        id: w.id,
        name: w.name,
        description: w.description.unwrap_or_default(),
        is_add_on: w.is_add_on,
        prerequisites: w.prerequisite_offers,
        available: w.is_available_for_purchase,
        billing_cycles: w
            .supported_billing_cycles
            .iter()
            .filter_map(|c| BillingCycle::parse(c))
            .collect(),
        category_name: category.name.unwrap_or_else(|| category.id.clone()),
        category_id: category.id,
        unit_type: w.unit_type.unwrap_or_default(),
        is_trial: w.is_trial,
        sales_group_id: w.sales_group_id.unwrap_or_default(),
        term_durations: w.term_durations,
    }
}

pub fn address_check(w: wire::AddressValidationResponse) -> crate::domain::model::AddressCheck {
    crate::domain::model::AddressCheck {
        status: w.status,
        suggestions: w.suggested_addresses.into_iter().map(address).collect(),
        message: w.validation_message,
    }
}

fn address(w: wire::ValidatedAddress) -> crate::domain::model::Address {
    crate::domain::model::Address {
        line1: w.address_line1.unwrap_or_default(),
        line2: w.address_line2.unwrap_or_default(),
        city: w.city.unwrap_or_default(),
        state: w.state.unwrap_or_default(),
        postal_code: w.postal_code.unwrap_or_default(),
        country: w.country.unwrap_or_default(),
    }
}

pub fn address_to_validate(a: &crate::domain::model::Address) -> wire::AddressToValidate {
    wire::AddressToValidate {
        address_line1: a.line1.clone(),
        address_line2: (!a.line2.is_empty()).then(|| a.line2.clone()),
        city: a.city.clone(),
        state: a.state.clone(),
        postal_code: a.postal_code.clone(),
        country: a.country.clone(),
    }
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The culture and the language of communications sent for the customer: as chosen, else the
/// country's defaults (shown on Review as they will be sent).
pub fn culture_and_language(
    a: &crate::domain::model::Account,
    rules: Option<&CountryRules>,
) -> (String, String) {
    let culture = opt(&a.culture)
        .or_else(|| {
            rules
                .map(|r| r.default_culture.clone())
                .filter(|c| !c.is_empty())
        })
        .unwrap_or_else(|| "en-US".into());
    let language = opt(&a.language)
        .or_else(|| rules.and_then(|r| r.languages.first().cloned()))
        .unwrap_or_else(|| culture.split('-').next().unwrap_or("en").to_string());
    (culture, language)
}

/// The create-customer body. `reseller` is the indirect reseller's relationship id: it goes
/// to `AssociatedPartnerId` (never the MPN id). The registration number is sent only where the
/// country requires it.
pub fn customer_create(
    a: &crate::domain::model::Account,
    rules: Option<&CountryRules>,
    reseller: Option<&ResellerId>,
) -> wire::CustomerCreate {
    let country = a.country.trim().to_ascii_uppercase();
    let (culture, language) = culture_and_language(a, rules);
    wire::CustomerCreate {
        enable_gdap_by_default: a.enable_gdap,
        company_profile: wire::CompanyProfileCreate {
            domain: format!(
                "{}.onmicrosoft.com",
                a.domain_prefix.trim().to_ascii_lowercase()
            ),
            organization_registration_number: if crate::domain::model::requires_registration_number(
                &country,
            ) {
                opt(&a.registration_number)
            } else {
                None
            },
        },
        billing_profile: wire::BillingProfileCreate {
            email: a.email.trim().to_string(),
            culture,
            language,
            company_name: a.company_name.trim().to_string(),
            default_address: wire::AddressCreate {
                first_name: a.first_name.trim().to_string(),
                last_name: a.last_name.trim().to_string(),
                address_line1: a.address_line1.trim().to_string(),
                address_line2: opt(&a.address_line2),
                city: a.city.trim().to_string(),
                state: opt(&a.state),
                postal_code: opt(&a.postal_code),
                country,
                phone_number: opt(&a.phone),
            },
        },
        associated_partner_id: reseller.map(|r| r.0.clone()),
    }
}

pub fn agreement_create(
    a: &crate::domain::model::Account,
    template_id: &str,
) -> wire::AgreementCreate {
    wire::AgreementCreate {
        primary_contact: wire::AgreementContact {
            first_name: a.signer_first_name.trim().to_string(),
            last_name: a.signer_last_name.trim().to_string(),
            email: a.signer_email.trim().to_string(),
            phone_number: opt(&a.signer_phone),
        },
        // As typed (27.03.2026), sent as ISO; validation let only real dates through.
        date_agreed: crate::domain::validate::parse_date(&a.date_agreed).unwrap_or_default(),
        template_id: template_id.to_string(),
        agreement_type: "MicrosoftCustomerAgreement".into(),
    }
}

/// An order body: the one place an [`Order`]'s lines become line items, numbered from 0
/// within the order. `mpn` is the reseller's MPN id: it goes to every line's
/// `partnerIdOnRecord`.
pub fn order_create(customer_id: &str, order: &Order, mpn: Option<&MpnId>) -> wire::OrderCreate {
    wire::OrderCreate {
        reference_customer_id: customer_id.to_string(),
        billing_cycle: order.billing_cycle.wire().to_string(),
        line_items: order
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| wire::OrderLineItem {
                line_item_number: i as u32,
                offer_id: l.offer_id.clone(),
                quantity: l.quantity,
                friendly_name: opt(&l.friendly_name),
                term_duration: l.term_duration.clone(),
                partner_id_on_record: mpn.map(|m| m.0.clone()),
            })
            .collect(),
    }
}

pub fn created_customer(w: wire::Customer) -> crate::domain::model::CreatedCustomer {
    crate::domain::model::CreatedCustomer {
        id: w.id,
        domain: w.company_profile.domain,
        company_name: w.company_profile.company_name,
        user_name: w.user_credentials.user_name,
        password: w.user_credentials.password,
    }
}
