//! Plain data of the wizard: the draft a user builds, the steps, and the facts the API gives
//! about the partner and the country. No web, no JSON wire shapes (those live in `api::wire`).

use serde::{Deserialize, Serialize};

/// The wizard's steps, in order. `Done` is not counted in "Step N of 3".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Account,
    Subscriptions,
    Review,
    Done,
}

impl Step {
    pub const COUNTED: [Step; 3] = [Step::Account, Step::Subscriptions, Step::Review];

    /// 1-based position for the "Step N of 3" indicator; `None` for Done.
    pub fn number(self) -> Option<usize> {
        Step::COUNTED.iter().position(|s| *s == self).map(|i| i + 1)
    }

    pub fn next(self) -> Step {
        match self {
            Step::Account => Step::Subscriptions,
            Step::Subscriptions => Step::Review,
            Step::Review | Step::Done => Step::Done,
        }
    }

    pub fn prev(self) -> Option<Step> {
        match self {
            Step::Account => None,
            Step::Subscriptions => Some(Step::Account),
            Step::Review => Some(Step::Subscriptions),
            Step::Done => None,
        }
    }

    /// The URL fragment used for browser history in standalone mode.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Account => "account",
            Step::Subscriptions => "subscriptions",
            Step::Review => "review",
            Step::Done => "done",
        }
    }

    pub fn from_slug(s: &str) -> Option<Step> {
        [Step::Account, Step::Subscriptions, Step::Review, Step::Done]
            .into_iter()
            .find(|st| st.slug() == s)
    }
}

/// Roles a Partner Center user may hold (only the ones that matter here are named).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    GlobalAdmin,
    UserManagementAdmin,
    AdminAgent,
    SalesAgent,
    Other(String),
}

impl Role {
    pub fn parse(s: &str) -> Role {
        match s {
            "GlobalAdmin" => Role::GlobalAdmin,
            "UserManagementAdmin" => Role::UserManagementAdmin,
            "AdminAgent" => Role::AdminAgent,
            "SalesAgent" => Role::SalesAgent,
            other => Role::Other(other.to_string()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PartnerType {
    #[default]
    Direct,
    IndirectProvider,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Cloud {
    #[default]
    Public,
    UsGov,
}

/// Who is using the wizard, as `GET /v1/profiles/me` reports.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Profile {
    pub roles: Vec<Role>,
    pub partner_type: PartnerType,
    pub cloud: Cloud,
    pub partner_email_domain: String,
}

impl Profile {
    /// Global admin, User management admin, Admin agent and Sales agent may add customers.
    pub fn may_add_customers(&self) -> bool {
        self.roles.iter().any(|r| {
            matches!(
                r,
                Role::GlobalAdmin | Role::UserManagementAdmin | Role::AdminAgent | Role::SalesAgent
            )
        })
    }

    /// Only Admin agent or Sales agent may attest the customer agreement.
    pub fn may_attest(&self) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::AdminAgent | Role::SalesAgent))
    }
}

/// A reseller's relationship id (a GUID): what `AssociatedPartnerId` takes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResellerId(pub String);

/// A reseller's MPN id (digits): what an order line's `partnerIdOnRecord` takes.
/// A separate type from [`ResellerId`] so the two cannot be swapped.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MpnId(pub String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reseller {
    pub id: ResellerId,
    pub mpn_id: MpnId,
    pub name: String,
    pub location: String,
    pub active: bool,
}

/// Per-country rules from `GET /v1/countryvalidationrules/{iso2}`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CountryRules {
    pub iso2: String,
    pub default_culture: String,
    pub is_state_required: bool,
    pub states: Vec<String>,
    pub languages: Vec<String>,
    pub cultures: Vec<String>,
    pub is_postal_code_required: bool,
    pub postal_code_regex: Option<String>,
    pub is_city_required: bool,
    pub phone_regex: Option<String>,
    pub calling_codes: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BillingCycle {
    #[default]
    Monthly,
    Annual,
    Triennial,
    None,
}

impl BillingCycle {
    pub fn parse(s: &str) -> Option<BillingCycle> {
        match s.to_ascii_lowercase().as_str() {
            "monthly" => Some(BillingCycle::Monthly),
            "annual" => Some(BillingCycle::Annual),
            "triennial" => Some(BillingCycle::Triennial),
            "none" | "onetime" | "one_time" => Some(BillingCycle::None),
            _ => None,
        }
    }
    pub fn wire(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "monthly",
            BillingCycle::Annual => "annual",
            BillingCycle::Triennial => "triennial",
            BillingCycle::None => "none",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub description: String,
    pub min_quantity: u32,
    pub max_quantity: u32,
    pub is_add_on: bool,
    pub prerequisites: Vec<String>,
    pub available: bool,
    pub billing_cycles: Vec<BillingCycle>,
    pub category_id: String,
    pub category_name: String,
    pub unit_type: String,
    pub is_trial: bool,
    pub sales_group_id: String,
    pub term_durations: Vec<String>,
}

impl Offer {
    /// Sold per license (not per device, capacity, unit or subscription, like an Azure plan).
    pub fn per_license(&self) -> bool {
        self.unit_type.is_empty() || self.unit_type.eq_ignore_ascii_case("Licenses")
    }
}

/// One chosen offer in the draft. Saved with the draft: only the offer is required, the rest
/// may be missing in a draft saved by an older version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub offer_id: String,
    /// Kept as typed so nothing the user entered is lost, even when it is not a number.
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub billing_cycle: BillingCycle,
    pub term_duration: Option<String>,
    #[serde(default)]
    pub friendly_name: String,
}

/// One order line as it is ordered: the quantity as a number, the friendly name trimmed
/// (empty: none). `catalog::group_orders` makes it from the draft's [`Line`]s, the submission
/// keeps it, and `api::map::order_create` alone turns it into the request's line item. Saved
/// with the submission: the friendly name may be missing (older versions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub offer_id: String,
    pub quantity: u32,
    #[serde(default)]
    pub friendly_name: String,
    pub term_duration: Option<String>,
    /// The offer's name when it was ordered, for Done (not sent: the draft and its catalog
    /// are gone by then). Missing in a submission saved by an older version.
    #[serde(default)]
    pub offer_name: String,
}

/// One order to place: the lines that share a sales group and a billing cycle (Partner
/// Center orders them separately). Saved with the submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    #[serde(default)]
    pub sales_group: String,
    pub billing_cycle: BillingCycle,
    pub lines: Vec<OrderLine>,
}

/// How the customer agreement was (or will be) accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AgreementChoice {
    /// Not answered yet.
    #[default]
    Unset,
    /// The customer accepted the MCA; the partner attests it with the signer's details.
    Accepted,
    /// The customer will accept in the Microsoft 365 admin center.
    AcceptLater,
}

/// Everything the user typed on Account info. Strings are kept exactly as typed. Saved with the
/// draft: every member may be missing (a draft saved by an older version) and takes its default.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Account {
    pub country: String,
    pub company_name: String,
    pub domain_prefix: String,
    pub registration_number: String,
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub culture: String,
    pub language: String,
    pub agreement: AgreementChoice,
    pub signer_first_name: String,
    pub signer_last_name: String,
    pub signer_email: String,
    pub signer_phone: String,
    /// ISO date `YYYY-MM-DD`.
    pub date_agreed: String,
    pub enable_gdap: bool,
}

/// The whole draft: what the user entered, saved as they type and restored after a reload.
/// It never holds credentials. Every member may be missing in a saved draft (older versions).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub account: Account,
    pub reseller: Option<ResellerId>,
    pub lines: Vec<Line>,
}

/// Every text field of Account info, so that errors, the error summary, server error mapping
/// and element ids all name fields the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldId {
    Country,
    CompanyName,
    DomainPrefix,
    RegistrationNumber,
    AddressLine1,
    AddressLine2,
    City,
    State,
    PostalCode,
    FirstName,
    LastName,
    Email,
    Phone,
    Culture,
    Language,
    Reseller,
    Agreement,
    SignerFirstName,
    SignerLastName,
    SignerEmail,
    SignerPhone,
    DateAgreed,
}

impl FieldId {
    /// Stable part of the element id (`<instance>-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            FieldId::Country => "country",
            FieldId::CompanyName => "company-name",
            FieldId::DomainPrefix => "domain-prefix",
            FieldId::RegistrationNumber => "registration-number",
            FieldId::AddressLine1 => "address-line1",
            FieldId::AddressLine2 => "address-line2",
            FieldId::City => "city",
            FieldId::State => "state",
            FieldId::PostalCode => "postal-code",
            FieldId::FirstName => "first-name",
            FieldId::LastName => "last-name",
            FieldId::Email => "email",
            FieldId::Phone => "phone",
            FieldId::Culture => "culture",
            FieldId::Language => "language",
            FieldId::Agreement => "agreement",
            FieldId::SignerFirstName => "signer-first-name",
            FieldId::SignerLastName => "signer-last-name",
            FieldId::SignerEmail => "signer-email",
            FieldId::SignerPhone => "signer-phone",
            FieldId::DateAgreed => "date-agreed",
            FieldId::Reseller => "reseller",
        }
    }

    /// The text value of a field; `None` for the non-text ones (agreement, reseller).
    pub fn get(self, a: &Account) -> Option<&str> {
        Some(match self {
            FieldId::Country => &a.country,
            FieldId::CompanyName => &a.company_name,
            FieldId::DomainPrefix => &a.domain_prefix,
            FieldId::RegistrationNumber => &a.registration_number,
            FieldId::AddressLine1 => &a.address_line1,
            FieldId::AddressLine2 => &a.address_line2,
            FieldId::City => &a.city,
            FieldId::State => &a.state,
            FieldId::PostalCode => &a.postal_code,
            FieldId::FirstName => &a.first_name,
            FieldId::LastName => &a.last_name,
            FieldId::Email => &a.email,
            FieldId::Phone => &a.phone,
            FieldId::Culture => &a.culture,
            FieldId::Language => &a.language,
            FieldId::SignerFirstName => &a.signer_first_name,
            FieldId::SignerLastName => &a.signer_last_name,
            FieldId::SignerEmail => &a.signer_email,
            FieldId::SignerPhone => &a.signer_phone,
            FieldId::DateAgreed => &a.date_agreed,
            FieldId::Agreement | FieldId::Reseller => return None,
        })
    }

    /// Sets a text field; a no-op for the non-text ones.
    pub fn set(self, a: &mut Account, v: String) {
        let slot = match self {
            FieldId::Country => &mut a.country,
            FieldId::CompanyName => &mut a.company_name,
            FieldId::DomainPrefix => &mut a.domain_prefix,
            FieldId::RegistrationNumber => &mut a.registration_number,
            FieldId::AddressLine1 => &mut a.address_line1,
            FieldId::AddressLine2 => &mut a.address_line2,
            FieldId::City => &mut a.city,
            FieldId::State => &mut a.state,
            FieldId::PostalCode => &mut a.postal_code,
            FieldId::FirstName => &mut a.first_name,
            FieldId::LastName => &mut a.last_name,
            FieldId::Email => &mut a.email,
            FieldId::Phone => &mut a.phone,
            FieldId::Culture => &mut a.culture,
            FieldId::Language => &mut a.language,
            FieldId::SignerFirstName => &mut a.signer_first_name,
            FieldId::SignerLastName => &mut a.signer_last_name,
            FieldId::SignerEmail => &mut a.signer_email,
            FieldId::SignerPhone => &mut a.signer_phone,
            FieldId::DateAgreed => &mut a.date_agreed,
            FieldId::Agreement | FieldId::Reseller => return,
        };
        *slot = v;
    }
}

/// Countries where Partner Center requires an organization registration number (and then a
/// phone number too).
pub const REGISTRATION_NUMBER_COUNTRIES: [&str; 24] = [
    "AM", "AZ", "BY", "HU", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA", "IN", "BR", "ZA", "PL", "AE",
    "SA", "TR", "TH", "VN", "MM", "IQ", "SS", "VE",
];

pub fn requires_registration_number(iso2: &str) -> bool {
    REGISTRATION_NUMBER_COUNTRIES.contains(&iso2)
}

/// A postal address as the address check sees it (and as it suggests corrections).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Address {
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

impl Account {
    pub fn address(&self) -> Address {
        Address {
            line1: self.address_line1.trim().to_string(),
            line2: self.address_line2.trim().to_string(),
            city: self.city.trim().to_string(),
            state: self.state.trim().to_string(),
            postal_code: self.postal_code.trim().to_string(),
            country: self.country.trim().to_string(),
        }
    }

    /// Replaces the address with a suggested one (keeps the country).
    pub fn set_address(&mut self, a: &Address) {
        self.address_line1 = a.line1.clone();
        if !a.line2.is_empty() {
            self.address_line2 = a.line2.clone();
        }
        self.city = a.city.clone();
        self.state = a.state.clone();
        self.postal_code = a.postal_code.clone();
    }
}

/// What the address check answered.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AddressCheck {
    /// `VerifiedShippable`, `StreetPartial`, `None`...
    pub status: String,
    pub suggestions: Vec<Address>,
    pub message: Option<String>,
}

impl AddressCheck {
    pub fn verified(&self) -> bool {
        self.status.eq_ignore_ascii_case("VerifiedShippable")
            || self.status.eq_ignore_ascii_case("Verified")
    }
}

/// The customer Partner Center created. The password is shown once on Done and never stored.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct CreatedCustomer {
    pub id: String,
    pub domain: String,
    pub company_name: String,
    pub user_name: String,
    pub password: String,
}

impl std::fmt::Debug for CreatedCustomer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedCustomer")
            .field("id", &self.id)
            .field("domain", &self.domain)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// Saved with the submission: the status may be missing (older versions).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub id: String,
    #[serde(default)]
    pub status: String,
}

/// ISO 3166-1 alpha-2 codes offered in the country list (names come from `Intl.DisplayNames`).
/// The United Kingdom is `GB`, never `UK`.
pub const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IS IT JE JM JO JP KE KG KH KI KM KN KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_one_to_three_and_done_is_not() {
        assert_eq!(Step::Account.number(), Some(1));
        assert_eq!(Step::Review.number(), Some(3));
        assert_eq!(Step::Done.number(), None);
        assert_eq!(Step::Account.next(), Step::Subscriptions);
        assert_eq!(Step::Subscriptions.prev(), Some(Step::Account));
        for s in [Step::Account, Step::Subscriptions, Step::Review, Step::Done] {
            assert_eq!(Step::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Step::from_slug("nope"), None);
    }

    #[test]
    fn roles_decide_who_may_add_and_who_may_attest() {
        let p = |roles: &[&str]| Profile {
            roles: roles.iter().map(|r| Role::parse(r)).collect(),
            ..Profile::default()
        };
        assert!(p(&["GlobalAdmin"]).may_add_customers());
        assert!(!p(&["GlobalAdmin"]).may_attest());
        assert!(p(&["SalesAgent"]).may_attest());
        assert!(!p(&["BillingAdmin"]).may_add_customers());
        assert!(!p(&[]).may_add_customers());
    }

    #[test]
    fn field_get_and_set_round_trip() {
        let mut a = Account::default();
        FieldId::City.set(&mut a, "İzmir".into());
        assert_eq!(FieldId::City.get(&a), Some("İzmir"));
        assert_eq!(FieldId::Agreement.get(&a), None);
    }

    #[test]
    fn registration_number_countries() {
        assert!(requires_registration_number("TR"));
        assert!(!requires_registration_number("US"));
        assert!(!requires_registration_number("GB"));
    }
}

#[cfg(test)]
mod saved_draft_tests {
    use super::*;

    /// What the app writes, it reads back: every field of the draft survives a reload.
    #[test]
    fn a_draft_round_trips_through_storage_json() {
        let draft = Draft {
            account: Account {
                country: "TR".into(),
                company_name: "Çağ Yazılım A.Ş.".into(),
                domain_prefix: "cagyazilim".into(),
                address_line2: "Kat 3".into(),
                agreement: AgreementChoice::AcceptLater,
                date_agreed: "2026-11-30".into(),
                enable_gdap: true,
                ..Account::default()
            },
            reseller: Some(ResellerId("r-1".into())),
            lines: vec![Line {
                offer_id: "CFQ7TTC0LH18:0001".into(),
                quantity: "12".into(),
                billing_cycle: BillingCycle::Annual,
                term_duration: Some("P1Y".into()),
                friendly_name: "Sales".into(),
            }],
        };
        let json = crate::api::json::to_string(&draft);
        assert_eq!(crate::api::json::from_str::<Draft>(&json).unwrap(), draft);
    }

    /// A draft saved by an older version, with members missing, still restores what it has.
    #[test]
    fn missing_members_take_their_defaults() {
        let d: Draft =
            crate::api::json::from_str(r#"{"account":{"company_name":"Contoso"},"lines":[]}"#)
                .unwrap();
        assert_eq!(d.account.company_name, "Contoso");
        assert_eq!(d.account.agreement, AgreementChoice::Unset);
        assert_eq!(d.reseller, None);
    }
}
