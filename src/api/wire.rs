//! Wire types: the JSON shapes of the Partner Center v1 subset, exactly as on the wire
//! (PascalCase where Partner Center documents requests that way, camelCase in answers).
//! Nothing outside `api` sees these; `api::map` converts to and from `model`.
//!
//! Answers derive only `Deserialize` and requests only `Serialize`: every derive is code in the
//! wasm. For the same reason answers declare only the fields the app reads (serde skips the
//! others); `docs/openapi.yaml` has the full shapes. The contract tests also read the request fixtures, so requests derive `Deserialize`
//! in test builds.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileMe {
    #[serde(default)]
    pub roles: Vec<String>,
    pub partner_type: String,
    #[serde(default)]
    pub cloud: Option<String>,
    #[serde(default)]
    pub partner_email_domain: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryValidationRules {
    pub iso2_code: String,
    #[serde(default)]
    pub default_culture: Option<String>,
    #[serde(default)]
    pub is_state_required: bool,
    #[serde(default)]
    pub supported_states_list: Vec<String>,
    #[serde(default)]
    pub supported_languages_list: Vec<String>,
    #[serde(default)]
    pub supported_cultures_list: Vec<String>,
    #[serde(default)]
    pub is_postal_code_required: bool,
    #[serde(default)]
    pub postal_code_regex: Option<String>,
    #[serde(default)]
    pub is_city_required: bool,
    #[serde(default)]
    pub phone_number_regex: Option<String>,
    #[serde(default)]
    pub country_calling_codes_list: Vec<String>,
}

/// `{ totalCount, items }`, Partner Center's resource collection.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    #[serde(default)]
    pub total_count: Option<u64>,
    pub items: Vec<T>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerRelationship {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub mpn_id: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferCategory {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub minimum_quantity: Option<u32>,
    #[serde(default)]
    pub maximum_quantity: Option<u32>,
    #[serde(default)]
    pub is_add_on: bool,
    #[serde(default)]
    pub prerequisite_offers: Vec<String>,
    #[serde(default = "yes")]
    pub is_available_for_purchase: bool,
    #[serde(default)]
    pub supported_billing_cycles: Vec<String>,
    #[serde(default)]
    pub category: Option<OfferCategory>,
    #[serde(default)]
    pub unit_type: Option<String>,
    #[serde(default)]
    pub is_trial: bool,
    #[serde(default)]
    pub sales_group_id: Option<String>,
    /// Our extension: ISO 8601 durations (`P1M`, `P1Y`) where the offer has terms.
    #[serde(default)]
    pub term_durations: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipRequest {
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementMetadata {
    pub template_id: String,
    pub agreement_type: String,
    #[serde(default)]
    pub version_rank: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct AddressToValidate {
    pub address_line1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidatedAddress {
    #[serde(default)]
    pub address_line1: Option<String>,
    #[serde(default)]
    pub address_line2: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressValidationResponse {
    #[serde(default)]
    pub suggested_addresses: Vec<ValidatedAddress>,
    pub status: String,
    #[serde(default)]
    pub validation_message: Option<String>,
}

/// `POST /v1/customers` body, PascalCase as in Partner Center's documentation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct CustomerCreate {
    #[serde(rename = "enableGDAPByDefault")]
    pub enable_gdap_by_default: bool,
    #[serde(rename = "CompanyProfile")]
    pub company_profile: CompanyProfileCreate,
    #[serde(rename = "BillingProfile")]
    pub billing_profile: BillingProfileCreate,
    #[serde(
        rename = "AssociatedPartnerId",
        skip_serializing_if = "Option::is_none"
    )]
    pub associated_partner_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "PascalCase")]
pub struct CompanyProfileCreate {
    pub domain: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_registration_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "PascalCase")]
pub struct BillingProfileCreate {
    pub email: String,
    pub culture: String,
    pub language: String,
    pub company_name: String,
    pub default_address: AddressCreate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "PascalCase")]
pub struct AddressCreate {
    pub first_name: String,
    pub last_name: String,
    pub address_line1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    pub city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: String,
    #[serde(default)]
    pub company_profile: Option<CustomerCompanyProfile>,
    #[serde(default)]
    pub user_credentials: Option<UserCredentials>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerCompanyProfile {
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub company_name: Option<String>,
}

/// Shown once on Done; never stored, logged or sent in events.
#[derive(Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    pub user_name: String,
    pub password: String,
}

impl std::fmt::Debug for UserCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserCredentials")
            .field("user_name", &self.user_name)
            .field("password", &"<redacted>")
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct AgreementCreate {
    pub primary_contact: AgreementContact,
    pub date_agreed: String,
    pub template_id: String,
    #[serde(rename = "type")]
    pub agreement_type: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct AgreementContact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct OrderCreate {
    pub reference_customer_id: String,
    pub billing_cycle: String,
    pub line_items: Vec<OrderLineItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct OrderLineItem {
    pub line_item_number: u32,
    pub offer_id: String,
    pub quantity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    /// The reseller's MPN id (never its relationship GUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id_on_record: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: String,
    #[serde(default)]
    pub status: Option<String>,
    // The echoed `lineItems` are not read: the app shows the order id and status only.
}

/// Partner Center's error body; the newer shape adds `message`, `errorName`, `isRetryable`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    #[serde(default, deserialize_with = "code_from_number_or_string")]
    pub code: i64,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub data: Vec<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub is_retryable: Option<bool>,
}

/// Partner Center sends `code` as a number, some proxies as a string (a visitor rather than an
/// untagged enum, which would buffer the value through serde's generic `Content`).
fn code_from_number_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct Code;
    impl serde::de::Visitor<'_> for Code {
        type Value = i64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an error code")
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<i64, E> {
            Ok(n)
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<i64, E> {
            i64::try_from(n).map_err(|_| E::custom("code out of range"))
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<i64, E> {
            Ok(s.trim().parse().unwrap_or(0))
        }
    }
    d.deserialize_any(Code)
}
