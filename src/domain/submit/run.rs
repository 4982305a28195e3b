//! The submit run: create the customer, attest the agreement, place each order. Plain async
//! code over a [`SubmitApi`] (no Leptos, no browser), so the tests run it natively over a
//! fake. It keeps the [`Submission`] (what is done, each operation's idempotency key) and
//! reports each change as an [`Event`]: the caller saves the keys before a request carries
//! them and shows the progress. It ends with an [`Outcome`].

use std::ops::ControlFlow;
use std::sync::Arc;

use super::{is_business_failure, route_error, CustomerRef, Failure, Stage, Submission};
use crate::api::ApiError;
use crate::domain::catalog::{group_orders, Catalog};
use crate::domain::i18n::Locale;
use crate::domain::model::{
    Account, AgreementChoice, CountryRules, CreatedCustomer, Draft, MpnId, Order, PartnerType,
    PlacedOrder, Reseller, ResellerId,
};

/// What the run needs from Partner Center, in model types: the api layer maps them to and
/// from the wire (`api::map`). A write gets `key_for`, which takes the request body exactly
/// as it will be sent and returns the idempotency key (`MS-RequestId`) to send it with.
// The browser has one thread: the futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait SubmitApi {
    /// The country's offers: their sales groups and bounds plan the orders.
    async fn catalog(&self, country: &str, locale: Locale) -> Result<Arc<Catalog>, ApiError>;
    async fn partner_type(&self) -> Result<PartnerType, ApiError>;
    async fn country_rules(&self, iso2: &str) -> Result<CountryRules, ApiError>;
    async fn resellers(&self) -> Result<Vec<Reseller>, ApiError>;
    /// The current Microsoft Customer Agreement template.
    async fn mca_template_id(&self) -> Result<String, ApiError>;
    /// `reseller` (the relationship id, not the MPN id) goes to `AssociatedPartnerId`.
    async fn create_customer(
        &self,
        account: &Account,
        rules: Option<&CountryRules>,
        reseller: Option<&ResellerId>,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<CreatedCustomer, ApiError>;
    /// "Already attested" counts as done.
    async fn attest(
        &self,
        customer_id: &str,
        account: &Account,
        template_id: &str,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<(), ApiError>;
    /// `mpn` (the reseller's MPN id) goes to every line's `partnerIdOnRecord`.
    async fn create_order(
        &self,
        customer_id: &str,
        order: &Order,
        mpn: Option<&MpnId>,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<PlacedOrder, ApiError>;
}

/// What the run reports as it goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// The submission changed (planned, a key set for a body or spent, a stage done): save
    /// it now. A key is reported here before a request carries it.
    Changed(&'a Submission),
    /// This stage is under way.
    Running(Stage),
    /// The customer was created. The password is for the Done page only: never stored.
    Created(&'a CreatedCustomer),
}

/// How a run ended.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Every stage is done.
    Finished(Submission),
    /// A line cannot be ordered (Subscriptions should not have let it pass): nothing was sent.
    InvalidLines,
    /// The catalog could not be read: nothing was planned or sent.
    NoCatalog(ApiError),
    /// A stage failed; `failure` says where the user fixes it.
    Failed {
        stage: Stage,
        error: ApiError,
        failure: Failure,
    },
    /// The caller stopped it (the wizard was reset or unmounted).
    Stopped,
}

/// What a run starts from.
pub struct Input<'a> {
    pub draft: &'a Draft,
    /// The catalog's language, if it has to be read.
    pub locale: Locale,
    /// A run that failed or was cut off by a reload: what is done is not done again, and a
    /// retry of the same body keeps its key.
    pub saved: Option<Submission>,
    // What the wizard has read already is not read again.
    pub catalog: Option<Arc<Catalog>>,
    pub partner_type: Option<PartnerType>,
    pub rules: Option<CountryRules>,
}

/// Submits the draft. `new_key` makes an idempotency key; `report` gets every [`Event`] and
/// may stop the run before its next stage.
pub async fn run(
    api: &impl SubmitApi,
    input: Input<'_>,
    mut new_key: impl FnMut() -> String,
    report: impl FnMut(Event<'_>) -> ControlFlow<()>,
) -> Outcome {
    let draft = input.draft;
    let orders = if draft.lines.is_empty() {
        Vec::new()
    } else {
        let catalog = match input.catalog {
            Some(c) => c,
            None => match api.catalog(&draft.account.country, input.locale).await {
                Ok(c) => c,
                Err(e) => return Outcome::NoCatalog(e),
            },
        };
        match group_orders(&draft.lines, &catalog) {
            Ok(orders) => orders,
            Err(_) => return Outcome::InvalidLines,
        }
    };
    let attest = draft.account.agreement == AgreementChoice::Accepted;
    let sub = match input.saved {
        Some(mut s) => {
            s.replan(&mut new_key, attest, orders);
            s
        }
        None => Submission::new(&mut new_key, attest, orders),
    };
    let mut run = Run {
        sub,
        new_key,
        report,
    };
    if run.changed().is_break() {
        return Outcome::Stopped;
    }
    // Whether the bodies name the reseller: a retry must send the same body, so this is
    // asked, never guessed.
    let partner_type = match input.partner_type {
        Some(t) => t,
        None => match api.partner_type().await {
            Ok(t) => t,
            Err(e) => return run.failed(run.sub.stage(), e),
        },
    };
    let indirect = partner_type == PartnerType::IndirectProvider;
    let mut rules = input.rules;
    let mut mpn: Option<MpnId> = None;
    loop {
        let stage = run.sub.stage();
        if stage == Stage::Finished {
            return Outcome::Finished(run.sub);
        }
        if (run.report)(Event::Running(stage)).is_break() {
            return Outcome::Stopped;
        }
        let result = match stage {
            Stage::CreateCustomer => {
                // The body takes defaults from the country's rules: sent without them after a
                // passing failure, a retry with them would be another body.
                if rules.is_none() {
                    rules = match api.country_rules(&draft.account.country).await {
                        Ok(r) => Some(r),
                        Err(e) if e.is_transient() => return run.failed(stage, e),
                        Err(_) => None,
                    };
                }
                let reseller = draft.reseller.as_ref().filter(|_| indirect);
                let key_for = |body: &str| run.key_for(stage, body);
                let r = api
                    .create_customer(&draft.account, rules.as_ref(), reseller, key_for)
                    .await;
                run.answered(stage, r).map(|c| {
                    let _ = (run.report)(Event::Created(&c));
                    run.sub.record_customer(CustomerRef {
                        id: c.id,
                        domain: c.domain,
                        company_name: c.company_name,
                        user_name: c.user_name,
                    });
                })
            }
            Stage::Attest => match api.mca_template_id().await {
                Ok(template) => {
                    let id = run.customer_id();
                    let key_for = |body: &str| run.key_for(stage, body);
                    let r = api.attest(&id, &draft.account, &template, key_for).await;
                    run.answered(stage, r).map(|()| run.sub.record_attested())
                }
                Err(e) => Err(e),
            },
            Stage::Order(i) => {
                // Every line names the reseller's MPN id: an order sent without it would be
                // another body, so a failed look-up fails the stage (Retry).
                if indirect && mpn.is_none() {
                    match api.resellers().await {
                        Ok(rs) => {
                            mpn = rs
                                .into_iter()
                                .find(|r| Some(&r.id) == draft.reseller.as_ref())
                                .map(|r| r.mpn_id)
                        }
                        Err(e) => return run.failed(stage, e),
                    }
                }
                let id = run.customer_id();
                let order = run.sub.orders[i].spec.clone();
                let key_for = |body: &str| run.key_for(stage, body);
                let r = api.create_order(&id, &order, mpn.as_ref(), key_for).await;
                run.answered(stage, r)
                    .map(|placed| run.sub.record_order(i, placed))
            }
            Stage::Finished => Ok(()),
        };
        if run.changed().is_break() {
            return Outcome::Stopped;
        }
        if let Err(e) = result {
            return run.failed(stage, e);
        }
    }
}

struct Run<K, R> {
    sub: Submission,
    new_key: K,
    report: R,
}

impl<K, R> Run<K, R>
where
    K: FnMut() -> String,
    R: FnMut(Event<'_>) -> ControlFlow<()>,
{
    fn changed(&mut self) -> ControlFlow<()> {
        (self.report)(Event::Changed(&self.sub))
    }

    /// The key to send `body` with at `stage` (see [`Submission::key_for`]), reported (and so
    /// saved) before the request carries it.
    fn key_for(&mut self, stage: Stage, body: &str) -> String {
        let key = self.sub.key_for(stage, body, &mut self.new_key);
        // A stop is honoured before the next stage: this request goes out with its saved key.
        let _ = self.changed();
        key
    }

    /// The stage's write was answered. A refusal is a final answer: whatever is sent next is
    /// a new operation with a new key (a timeout, a drop, a 5xx or a 429 keep it, so that
    /// the retry is recognised). Not for the reads a stage makes first: they send nothing.
    fn answered<T>(&mut self, stage: Stage, r: Result<T, ApiError>) -> Result<T, ApiError> {
        if r.as_ref().is_err_and(is_business_failure) {
            self.sub.refused(stage, &mut self.new_key);
        }
        r
    }

    fn failed(&self, stage: Stage, error: ApiError) -> Outcome {
        Outcome::Failed {
            failure: route_error(stage, &error, &self.sub),
            stage,
            error,
        }
    }

    fn customer_id(&self) -> String {
        self.sub
            .customer
            .as_ref()
            .map(|c| c.id.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
