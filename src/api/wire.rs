//! Wire types: the JSON shapes of the Partner Center v1 subset, exactly as on the wire
//! (PascalCase where Partner Center documents requests that way, camelCase in answers).
//! Nothing outside `api` sees these; `api::map` converts to and from `model`.
//!
//! Answers derive `Deserialize` and requests `Serialize` (read and written by `api::json`).
//! Answers declare only the fields the app reads (other members are ignored); a member the
//! contract (`docs/openapi.yaml`) requires is required here too, and one it makes optional is
//! an `Option` or says `#[serde(default)]`. One deliberate exception: an offer needs only its
//! `id` and `name` (catalogs from proxies leave the rest out; each absent member's meaning is
//! written at the field), as the wasm component test `json_answers_read_like_serde_json`
//! pins. The contract tests check what is written against the schemas.

use serde::{Deserialize, Deserializer, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileMe {
    pub roles: Vec<String>,
    pub partner_type: String,
    pub cloud: String,
    pub partner_email_domain: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryValidationRules {
    pub iso2_code: String,
    pub default_culture: String,
    pub is_state_required: bool,
    pub supported_states_list: Vec<String>,
    pub supported_languages_list: Vec<String>,
    pub supported_cultures_list: Vec<String>,
    pub is_postal_code_required: bool,
    /// Required, and `null` where the country has no postal code pattern.
    #[serde(deserialize_with = "Option::deserialize")]
    pub postal_code_regex: Option<String>,
    pub is_city_required: bool,
    pub phone_number_regex: Option<String>,
    pub country_calling_codes_list: Vec<String>,
}

/// `{ totalCount, items }`, Partner Center's resource collection.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    /// Absent: as many as `items` holds (then the offers are read page by page until a page
    /// comes back empty).
    pub total_count: Option<u64>,
    pub items: Vec<T>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerRelationship {
    pub id: String,
    pub name: String,
    pub state: String,
    pub mpn_id: String,
    pub location: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferCategory {
    pub id: String,
    /// Absent: the category is shown by its id.
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Absent: 1.
    pub minimum_quantity: Option<u32>,
    /// Absent: no upper bound.
    pub maximum_quantity: Option<u32>,
    #[serde(default)]
    pub is_add_on: bool,
    #[serde(default)]
    pub prerequisite_offers: Vec<String>,
    /// Absent means available (Partner Center lists purchasable offers).
    #[serde(default = "yes")]
    pub is_available_for_purchase: bool,
    #[serde(default)]
    pub supported_billing_cycles: Vec<String>,
    pub category: Option<OfferCategory>,
    pub unit_type: Option<String>,
    #[serde(default)]
    pub is_trial: bool,
    pub sales_group_id: Option<String>,
    /// Our extension: ISO 8601 durations (`P1M`, `P1Y`) where the offer has terms; absent
    /// where it has none.
    #[serde(default)]
    pub term_durations: Vec<String>,
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
    pub version_rank: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressValidationResponse {
    pub suggested_addresses: Vec<ValidatedAddress>,
    pub status: String,
    pub validation_message: Option<String>,
}

/// `POST /v1/customers` body, PascalCase as in Partner Center's documentation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomerCreate {
    #[serde(rename = "enableGDAPByDefault")]
    pub enable_gdap_by_default: bool,
    pub company_profile: CompanyProfileCreate,
    pub billing_profile: BillingProfileCreate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_partner_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CompanyProfileCreate {
    pub domain: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_registration_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BillingProfileCreate {
    pub email: String,
    pub culture: String,
    pub language: String,
    pub company_name: String,
    pub default_address: AddressCreate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
    pub company_profile: CustomerCompanyProfile,
    pub user_credentials: UserCredentials,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerCompanyProfile {
    pub domain: String,
    pub company_name: String,
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
#[serde(rename_all = "camelCase")]
pub struct AgreementCreate {
    pub primary_contact: AgreementContact,
    pub date_agreed: String,
    pub template_id: String,
    #[serde(rename = "type")]
    pub agreement_type: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementContact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderCreate {
    pub reference_customer_id: String,
    pub billing_cycle: String,
    pub line_items: Vec<OrderLineItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineItem {
    pub line_item_number: u32,
    pub offer_id: String,
    pub quantity: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    /// The reseller's MPN id (never its relationship GUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id_on_record: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: String,
    pub status: String,
    // The echoed `lineItems` are not read: the app shows the order id and status only.
}

/// Partner Center's error body; the newer shape adds `message`, `errorName`, `isRetryable`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// Partner Center sends a number, some proxies a string.
    #[serde(default, deserialize_with = "number_or_numeric_string")]
    pub code: i64,
    pub description: Option<String>,
    #[serde(default)]
    pub data: Vec<String>,
    pub message: Option<String>,
    pub is_retryable: Option<bool>,
}

/// An error code as a number (Partner Center) or a numeric string (some proxies); anything
/// else reads as 0, "no code": an error body is read from whatever the server sent.
fn number_or_numeric_string<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct Code;
    impl serde::de::Visitor<'_> for Code {
        type Value = i64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an error code")
        }
        fn visit_i64<E>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E>(self, v: u64) -> Result<i64, E> {
            Ok(i64::try_from(v).unwrap_or(0))
        }
        fn visit_f64<E>(self, v: f64) -> Result<i64, E> {
            Ok(if v.fract() == 0.0 && v.abs() < 9.0e15 {
                v as i64
            } else {
                0
            })
        }
        fn visit_str<E>(self, v: &str) -> Result<i64, E> {
            Ok(v.trim().parse().unwrap_or(0))
        }
        fn visit_unit<E>(self) -> Result<i64, E> {
            Ok(0)
        }
        fn visit_bool<E>(self, _: bool) -> Result<i64, E> {
            Ok(0)
        }
    }
    d.deserialize_any(Code)
}

fn yes() -> bool {
    true
}
