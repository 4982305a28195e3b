//! Wire types: the JSON shapes of the Partner Center v1 subset, exactly as on the wire
//! (PascalCase where Partner Center documents requests that way, camelCase in answers).
//! Nothing outside `api` sees these; `api::map` converts to and from `model`.
//!
//! Answers are read by hand-written [`FromJson`] impls and requests written by hand-written
//! [`ToJson`] impls (below): serde derives were several times that code in the wasm. Answers
//! declare only the fields the app reads (other members are never looked at);
//! `docs/openapi.yaml` has the full shapes, and the contract tests check what is written
//! against them.

use crate::json::{obj, FromJson, Json, ToJson};

#[derive(Clone, Debug, PartialEq)]
pub struct ProfileMe {
    pub roles: Vec<String>,
    pub partner_type: String,
    pub cloud: Option<String>,
    pub partner_email_domain: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountryValidationRules {
    pub iso2_code: String,
    pub default_culture: Option<String>,
    pub is_state_required: bool,
    pub supported_states_list: Vec<String>,
    pub supported_languages_list: Vec<String>,
    pub supported_cultures_list: Vec<String>,
    pub is_postal_code_required: bool,
    pub postal_code_regex: Option<String>,
    pub is_city_required: bool,
    pub phone_number_regex: Option<String>,
    pub country_calling_codes_list: Vec<String>,
}

/// `{ totalCount, items }`, Partner Center's resource collection.
#[derive(Clone, Debug, PartialEq)]
pub struct Collection<T> {
    pub total_count: Option<u64>,
    pub items: Vec<T>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartnerRelationship {
    pub id: String,
    pub name: String,
    pub state: Option<String>,
    pub mpn_id: Option<String>,
    pub location: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OfferCategory {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub minimum_quantity: Option<u32>,
    pub maximum_quantity: Option<u32>,
    pub is_add_on: bool,
    pub prerequisite_offers: Vec<String>,
    pub is_available_for_purchase: bool,
    pub supported_billing_cycles: Vec<String>,
    pub category: Option<OfferCategory>,
    pub unit_type: Option<String>,
    pub is_trial: bool,
    pub sales_group_id: Option<String>,
    /// Our extension: ISO 8601 durations (`P1M`, `P1Y`) where the offer has terms.
    pub term_durations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelationshipRequest {
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgreementMetadata {
    pub template_id: String,
    pub agreement_type: String,
    pub version_rank: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AddressToValidate {
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValidatedAddress {
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AddressValidationResponse {
    pub suggested_addresses: Vec<ValidatedAddress>,
    pub status: String,
    pub validation_message: Option<String>,
}

/// `POST /v1/customers` body, PascalCase as in Partner Center's documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerCreate {
    pub enable_gdap_by_default: bool,
    pub company_profile: CompanyProfileCreate,
    pub billing_profile: BillingProfileCreate,
    pub associated_partner_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompanyProfileCreate {
    pub domain: String,
    pub organization_registration_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BillingProfileCreate {
    pub email: String,
    pub culture: String,
    pub language: String,
    pub company_name: String,
    pub default_address: AddressCreate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AddressCreate {
    pub first_name: String,
    pub last_name: String,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub phone_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    pub id: String,
    pub company_profile: Option<CustomerCompanyProfile>,
    pub user_credentials: Option<UserCredentials>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CustomerCompanyProfile {
    pub domain: Option<String>,
    pub company_name: Option<String>,
}

/// Shown once on Done; never stored, logged or sent in events.
#[derive(Clone, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct AgreementCreate {
    pub primary_contact: AgreementContact,
    pub date_agreed: String,
    pub template_id: String,
    pub agreement_type: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgreementContact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrderCreate {
    pub reference_customer_id: String,
    pub billing_cycle: String,
    pub line_items: Vec<OrderLineItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrderLineItem {
    pub line_item_number: u32,
    pub offer_id: String,
    pub quantity: u32,
    pub friendly_name: Option<String>,
    pub term_duration: Option<String>,
    /// The reseller's MPN id (never its relationship GUID).
    pub partner_id_on_record: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    pub id: String,
    pub status: Option<String>,
    // The echoed `lineItems` are not read: the app shows the order id and status only.
}

/// Partner Center's error body; the newer shape adds `message`, `errorName`, `isRetryable`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ErrorBody {
    pub code: i64,
    pub description: Option<String>,
    pub data: Vec<String>,
    pub message: Option<String>,
    pub is_retryable: Option<bool>,
}

// ---- reading the answers -------------------------------------------------------------------

impl FromJson for ProfileMe {
    fn from_json(j: &Json) -> Option<Self> {
        Some(ProfileMe {
            roles: j.opt("roles")?,
            partner_type: j.req("partnerType")?,
            cloud: j.opt("cloud")?,
            partner_email_domain: j.opt("partnerEmailDomain")?,
        })
    }
}

impl FromJson for CountryValidationRules {
    fn from_json(j: &Json) -> Option<Self> {
        Some(CountryValidationRules {
            iso2_code: j.req("iso2Code")?,
            default_culture: j.opt("defaultCulture")?,
            is_state_required: j.opt("isStateRequired")?,
            supported_states_list: j.opt("supportedStatesList")?,
            supported_languages_list: j.opt("supportedLanguagesList")?,
            supported_cultures_list: j.opt("supportedCulturesList")?,
            is_postal_code_required: j.opt("isPostalCodeRequired")?,
            postal_code_regex: j.opt("postalCodeRegex")?,
            is_city_required: j.opt("isCityRequired")?,
            phone_number_regex: j.opt("phoneNumberRegex")?,
            country_calling_codes_list: j.opt("countryCallingCodesList")?,
        })
    }
}

impl<T: FromJson> FromJson for Collection<T> {
    fn from_json(j: &Json) -> Option<Self> {
        Some(Collection {
            total_count: j.opt("totalCount")?,
            items: j.req("items")?,
        })
    }
}

impl FromJson for PartnerRelationship {
    fn from_json(j: &Json) -> Option<Self> {
        Some(PartnerRelationship {
            id: j.req("id")?,
            name: j.req("name")?,
            state: j.opt("state")?,
            mpn_id: j.opt("mpnId")?,
            location: j.opt("location")?,
        })
    }
}

impl FromJson for OfferCategory {
    fn from_json(j: &Json) -> Option<Self> {
        Some(OfferCategory {
            id: j.req("id")?,
            name: j.opt("name")?,
        })
    }
}

impl FromJson for Offer {
    fn from_json(j: &Json) -> Option<Self> {
        Some(Offer {
            id: j.req("id")?,
            name: j.req("name")?,
            description: j.opt("description")?,
            minimum_quantity: j.opt("minimumQuantity")?,
            maximum_quantity: j.opt("maximumQuantity")?,
            is_add_on: j.opt("isAddOn")?,
            prerequisite_offers: j.opt("prerequisiteOffers")?,
            // Absent means available (Partner Center lists purchasable offers).
            is_available_for_purchase: j.or("isAvailableForPurchase", true)?,
            supported_billing_cycles: j.opt("supportedBillingCycles")?,
            category: j.opt("category")?,
            unit_type: j.opt("unitType")?,
            is_trial: j.opt("isTrial")?,
            sales_group_id: j.opt("salesGroupId")?,
            term_durations: j.opt("termDurations")?,
        })
    }
}

impl FromJson for RelationshipRequest {
    fn from_json(j: &Json) -> Option<Self> {
        Some(RelationshipRequest { url: j.req("url")? })
    }
}

impl FromJson for AgreementMetadata {
    fn from_json(j: &Json) -> Option<Self> {
        Some(AgreementMetadata {
            template_id: j.req("templateId")?,
            agreement_type: j.req("agreementType")?,
            version_rank: j.opt("versionRank")?,
        })
    }
}

impl FromJson for ValidatedAddress {
    fn from_json(j: &Json) -> Option<Self> {
        Some(ValidatedAddress {
            address_line1: j.opt("addressLine1")?,
            address_line2: j.opt("addressLine2")?,
            city: j.opt("city")?,
            state: j.opt("state")?,
            postal_code: j.opt("postalCode")?,
            country: j.opt("country")?,
        })
    }
}

impl FromJson for AddressValidationResponse {
    fn from_json(j: &Json) -> Option<Self> {
        Some(AddressValidationResponse {
            suggested_addresses: j.opt("suggestedAddresses")?,
            status: j.req("status")?,
            validation_message: j.opt("validationMessage")?,
        })
    }
}

impl FromJson for Customer {
    fn from_json(j: &Json) -> Option<Self> {
        Some(Customer {
            id: j.req("id")?,
            company_profile: j.opt("companyProfile")?,
            user_credentials: j.opt("userCredentials")?,
        })
    }
}

impl FromJson for CustomerCompanyProfile {
    fn from_json(j: &Json) -> Option<Self> {
        Some(CustomerCompanyProfile {
            domain: j.opt("domain")?,
            company_name: j.opt("companyName")?,
        })
    }
}

impl FromJson for UserCredentials {
    fn from_json(j: &Json) -> Option<Self> {
        Some(UserCredentials {
            user_name: j.req("userName")?,
            password: j.req("password")?,
        })
    }
}

impl FromJson for Order {
    fn from_json(j: &Json) -> Option<Self> {
        Some(Order {
            id: j.req("id")?,
            status: j.opt("status")?,
        })
    }
}

impl FromJson for ErrorBody {
    fn from_json(j: &Json) -> Option<Self> {
        // Partner Center sends `code` as a number, some proxies as a string.
        let code = j.get("code").map_or(0, |c| {
            i64::from_json(&c)
                .or_else(|| c.as_string().and_then(|s| s.trim().parse().ok()))
                .unwrap_or(0)
        });
        Some(ErrorBody {
            code,
            description: j.opt("description")?,
            data: j.opt("data")?,
            message: j.opt("message")?,
            is_retryable: j.opt("isRetryable")?,
        })
    }
}

// ---- writing the requests ------------------------------------------------------------------
// Member names and the members left out when `None` are as Partner Center documents them.

impl ToJson for AddressToValidate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("addressLine1", &self.address_line1)
            .some("addressLine2", &self.address_line2)
            .field("city", &self.city)
            .field("state", &self.state)
            .field("postalCode", &self.postal_code)
            .field("country", &self.country)
            .end();
    }
}

impl ToJson for CustomerCreate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("enableGDAPByDefault", &self.enable_gdap_by_default)
            .field("CompanyProfile", &self.company_profile)
            .field("BillingProfile", &self.billing_profile)
            .some("AssociatedPartnerId", &self.associated_partner_id)
            .end();
    }
}

impl ToJson for CompanyProfileCreate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("Domain", &self.domain)
            .some(
                "OrganizationRegistrationNumber",
                &self.organization_registration_number,
            )
            .end();
    }
}

impl ToJson for BillingProfileCreate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("Email", &self.email)
            .field("Culture", &self.culture)
            .field("Language", &self.language)
            .field("CompanyName", &self.company_name)
            .field("DefaultAddress", &self.default_address)
            .end();
    }
}

impl ToJson for AddressCreate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("FirstName", &self.first_name)
            .field("LastName", &self.last_name)
            .field("AddressLine1", &self.address_line1)
            .some("AddressLine2", &self.address_line2)
            .field("City", &self.city)
            .some("State", &self.state)
            .some("PostalCode", &self.postal_code)
            .field("Country", &self.country)
            .some("PhoneNumber", &self.phone_number)
            .end();
    }
}

impl ToJson for AgreementCreate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("primaryContact", &self.primary_contact)
            .field("dateAgreed", &self.date_agreed)
            .field("templateId", &self.template_id)
            .field("type", &self.agreement_type)
            .end();
    }
}

impl ToJson for AgreementContact {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("firstName", &self.first_name)
            .field("lastName", &self.last_name)
            .field("email", &self.email)
            .some("phoneNumber", &self.phone_number)
            .end();
    }
}

impl ToJson for OrderCreate {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("referenceCustomerId", &self.reference_customer_id)
            .field("billingCycle", &self.billing_cycle)
            .field("lineItems", &self.line_items)
            .end();
    }
}

impl ToJson for OrderLineItem {
    fn write_json(&self, out: &mut String) {
        obj(out)
            .field("lineItemNumber", &self.line_item_number)
            .field("offerId", &self.offer_id)
            .field("quantity", &self.quantity)
            .some("friendlyName", &self.friendly_name)
            .some("termDuration", &self.term_duration)
            .some("partnerIdOnRecord", &self.partner_id_on_record)
            .end();
    }
}
