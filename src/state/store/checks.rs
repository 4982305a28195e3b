//! The live checks of Account info: who the partner is (profile), the country's rules, the
//! domain and address checks, what the server refused, and the issues they add up to.

use crate::state::reactive::{memo, Calc, Load, Var};
use leptos::prelude::*;

use super::Instance;
use crate::api::ApiError;
use crate::domain::i18n::Locale;
use crate::domain::messages;
use crate::domain::model::{
    Account, Address, AddressCheck, CountryRules, Draft, FieldId, PartnerType, Profile, Reseller,
};
use crate::domain::validate::{self, FieldError, Issue};
use crate::state::browser;

/// The live domain check's answer for one prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainState {
    Checking,
    Free,
    Taken,
    /// The check failed (network...): the user may go on; the server checks again at submit.
    Unknown,
}

/// The address check's answer for one address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressState {
    Checking,
    /// Suggestions are shown; the user picks one or keeps what they entered.
    Suggest(AddressCheck),
    /// Verified, or the user chose to keep it, or a suggestion was accepted.
    Confirmed,
    /// The check could not be made; the user is told and may go on.
    Failed,
}

#[derive(Clone, Copy)]
pub struct CheckState {
    pub profile: Load<Result<Profile, ApiError>>,
    pub rules: Load<Option<Result<CountryRules, ApiError>>>,
    /// The indirect reseller relationships (`None` for other partners).
    pub resellers: Load<Option<Result<Vec<Reseller>, ApiError>>>,
    /// Every problem with Account info (shown after the step's first Continue).
    pub account_issues: Calc<Vec<Issue>>,
    /// The latest domain check: (prefix it was for, answer).
    pub domain: Var<Option<(String, DomainState)>>,
    /// The latest address check: (address it was for, answer).
    pub address: Var<Option<(Address, AddressState)>>,
    /// Errors the server reported for fields (e.g. 27002 StateInvalid), until the field changes.
    pub server_errors: Var<Vec<(FieldId, String, FieldError)>>,
    /// Properties Partner Center refused that no field holds (27002), with the account info
    /// they were about: named on Account info until the user changes something there. Empty
    /// when it named none.
    pub refused: Var<Option<(Account, Vec<String>)>>,
    /// The host's configured partner type, which wins over the profile's.
    configured: Option<PartnerType>,
}

impl CheckState {
    pub fn new(inst: Instance, draft: Var<Draft>) -> CheckState {
        let api = inst.api;
        let profile = Load::new(move || {
            let api = api.get_value();
            async move { api.profile().await }
        });
        let country = memo(move || draft.with(|d| d.account.country.trim().to_string()));
        let rules = Load::new(move || {
            let api = api.get_value();
            let c = country.get();
            async move {
                if c.is_empty() {
                    None
                } else {
                    Some(api.country_rules(&c).await)
                }
            }
        });
        let configured = inst.config.with_value(|c| c.partner_type);
        // Only an indirect provider has resellers; read once for the picker and Review. A
        // draft with a reseller chosen was an indirect provider's: read them while the profile
        // is still on its way (a reload on Review), not one round trip after it.
        let wanted = memo(move || {
            match configured.or_else(|| profile.get().and_then(Result::ok).map(|p| p.partner_type))
            {
                Some(t) => t == PartnerType::IndirectProvider,
                None => profile.with(Option::is_none) && draft.with(|d| d.reseller.is_some()),
            }
        });
        let resellers = Load::new(move || {
            let api = api.get_value();
            let wanted = wanted.get();
            async move {
                if wanted {
                    Some(api.resellers().await)
                } else {
                    None
                }
            }
        });
        let domain: Var<Option<(String, DomainState)>> = Var::new(None);
        let server_errors: Var<Vec<(FieldId, String, FieldError)>> = Var::new(Vec::new());
        let account_issues = memo(move || {
            let rules = rules.get().flatten().and_then(Result::ok);
            let answered = profile.get();
            // Undecided until `GET /v1/profiles/me` answers: a reload on Review keeps the step
            // the user was on (the shell checks again when the answer comes).
            let may_attest = answered
                .as_ref()
                .is_none_or(|p| p.as_ref().is_ok_and(Profile::may_attest));
            let profile = answered.and_then(Result::ok).unwrap_or_default();
            let partner_type = configured.unwrap_or(profile.partner_type);
            let mut issues = draft.with(|d| {
                validate::account(
                    &d.account,
                    &validate::Context {
                        rules: rules.as_ref(),
                        partner_email_domain: &profile.partner_email_domain,
                        today: &inst.today.get_value(),
                        indirect: partner_type == PartnerType::IndirectProvider,
                        reseller_chosen: d.reseller.is_some(),
                        may_attest,
                        matcher: &browser::BrowserRegex,
                    },
                )
            });
            draft.with(|d| {
                let prefix = d.account.domain_prefix.trim().to_ascii_lowercase();
                let taken =
                    domain.with(|s| matches!(s, Some((p, DomainState::Taken)) if *p == prefix));
                if taken && !issues.iter().any(|i| i.field == FieldId::DomainPrefix) {
                    issues.push(Issue {
                        field: FieldId::DomainPrefix,
                        error: FieldError::DomainTaken,
                    });
                }
                // A server error stands while the field still holds the value it was about.
                server_errors.with(|errs| {
                    for (field, value, error) in errs {
                        let current = field.get(&d.account).unwrap_or("").trim();
                        if current == value && !issues.iter().any(|i| i.field == *field) {
                            issues.push(Issue {
                                field: *field,
                                error: error.clone(),
                            });
                        }
                    }
                });
            });
            issues.sort_by_key(|i| i.field);
            issues
        });
        CheckState {
            profile,
            rules,
            resellers,
            account_issues,
            domain,
            address: Var::new(None),
            server_errors,
            refused: Var::new(None),
            configured,
        }
    }

    /// The country's rules once they have loaded (tracked).
    pub fn rules_ok(&self) -> Option<CountryRules> {
        self.rules.get().flatten().and_then(Result::ok)
    }

    pub fn partner_type(&self) -> PartnerType {
        self.configured
            .or_else(|| {
                self.profile
                    .get()
                    .and_then(|p| p.ok())
                    .map(|p| p.partner_type)
            })
            .unwrap_or_default()
    }

    /// Whether the partner's type is known: configured, or the profile answered (tracked).
    pub fn partner_type_known(&self) -> bool {
        self.configured.is_some() || self.profile.with(Option::is_some)
    }

    /// The resellers once they have loaded (tracked); empty until then or on failure.
    pub fn resellers_ok(&self) -> Vec<Reseller> {
        self.resellers
            .get()
            .flatten()
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// Whether the partner user may attest the agreement (yes until the profile says no).
    pub fn may_attest(&self) -> bool {
        self.profile
            .get()
            .and_then(Result::ok)
            .is_none_or(|p| p.may_attest())
    }

    /// Forgets every answer about the account info typed so far (starting again).
    pub fn reset(&self) {
        self.server_errors.set(Vec::new());
        self.refused.set(None);
        self.domain.set(None);
        self.address.set(None);
    }
}

/// A field's error in the UI language, naming fields the way the customer's country
/// does (a US postal code is a ZIP code).
pub fn field_message(e: &FieldError, l: Locale, draft: Var<Draft>) -> String {
    draft.with(|d| messages::field_error(e, l, d.account.country.trim()))
}

pub fn use_checks() -> CheckState {
    expect_context::<CheckState>()
}
