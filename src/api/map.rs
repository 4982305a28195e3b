//! The one place where wire types become model types.

use super::wire;
use crate::model::{
    BillingCycle, Cloud, CountryRules, MpnId, Offer, PartnerType, Profile, Reseller, ResellerId,
    Role,
};

pub fn profile(w: wire::ProfileMe) -> Profile {
    Profile {
        roles: w.roles.iter().map(|r| Role::parse(r)).collect(),
        partner_type: if w.partner_type.eq_ignore_ascii_case("indirectProvider") {
            PartnerType::IndirectProvider
        } else {
            PartnerType::Direct
        },
        cloud: match w.cloud.as_deref() {
            Some(c) if c.eq_ignore_ascii_case("usgov") => Cloud::UsGov,
            _ => Cloud::Public,
        },
        partner_email_domain: w.partner_email_domain.unwrap_or_default(),
    }
}

pub fn country_rules(w: wire::CountryValidationRules) -> CountryRules {
    CountryRules {
        iso2: w.iso2_code.to_ascii_uppercase(),
        default_culture: w.default_culture.unwrap_or_default(),
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
        mpn_id: MpnId(w.mpn_id.unwrap_or_default()),
        name: w.name,
        location: w.location.unwrap_or_default(),
        active: w
            .state
            .as_deref()
            .is_none_or(|s| s.eq_ignore_ascii_case("active")),
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
