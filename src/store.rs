//! The one wizard store, provided by context above the steps so that nothing typed is lost
//! when a step unmounts. Derived values (errors, reachable steps) are memos, never copies.

use crate::reactive::{effect, memo, Calc, Debounced, Keep, Load, Local, Var};
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::browser;
use crate::config::Config;
use crate::i18n::{Key, Locale};
use crate::messages;
use crate::model::{
    Account, Address, AddressCheck, CountryRules, Draft, FieldId, PartnerType, Profile, Step,
};
use crate::submit::{LineProblem, Stage, Submission};
use crate::subs::Subs;
use crate::validate::{self, FieldError, Issue};

/// The submit run as the progress view shows it (memory only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubmitRun {
    pub busy: bool,
    pub running: Option<Stage>,
    pub failed: Option<(Stage, ApiError)>,
}

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
pub struct Wizard {
    /// Prefix of every element id, unique per instance on the page.
    pub id: Keep<String>,
    pub config: Keep<Config>,
    pub api: Local<Api>,
    /// The element the wizard is mounted in: events are dispatched on it.
    pub host: Local<Option<web_sys::HtmlElement>>,
    pub today: Keep<String>,
    pub draft: Var<Draft>,
    pub step: Var<Step>,
    pub locale: Var<Locale>,
    /// Steps on which Continue was pressed: their errors are shown from then on.
    pub attempted: Var<Vec<Step>>,
    /// Set when the user came from Review through an "Update" link.
    pub return_to_review: Var<bool>,
    /// Where focus lands after the next step change instead of the step's heading (Review's
    /// "Update agreement" lands on the agreement).
    pub land_on: Keep<Option<String>>,
    pub submitted: Var<bool>,
    pub restored: Var<bool>,
    pub profile: Load<Result<Profile, ApiError>>,
    pub rules: Load<Option<Result<CountryRules, ApiError>>>,
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
    /// Order-line problems the server reported: (offer id, quantity it was about, problem),
    /// shown until that line's quantity changes.
    pub line_errors: Var<Vec<(String, String, LineProblem)>>,
    /// What was submitted so far, with its idempotency keys; saved with the draft.
    pub submission: Var<Option<Submission>>,
    pub run: Var<SubmitRun>,
    /// The new customer's credentials: memory only, never stored, logged or sent in events.
    pub credentials: Var<Option<crate::model::CreatedCustomer>>,
    /// The draft has been saved at least once in this visit (for the "saved" status line).
    pub saved_once: Var<bool>,
    draft_key: Keep<String>,
    /// The Subscriptions step: offer catalog, line checks, the no-offer question.
    pub subs: Subs,
}

/// Where the language chosen in the wizard's switcher is kept (next to the draft's key).
pub fn locale_key(instance: &str) -> String {
    format!("customer-wizard:{instance}:locale")
}

/// What is kept in storage: the draft and when it was saved (for expiry). Never credentials.
#[derive(serde::Serialize, serde::Deserialize)]
struct Saved {
    v: u32,
    saved_at: f64,
    #[serde(default)]
    draft: Draft,
    submission: Option<Submission>,
}

impl Wizard {
    pub fn new(
        id: String,
        config: Config,
        api: Api,
        locale: Var<Locale>,
        host: Option<web_sys::HtmlElement>,
    ) -> Wizard {
        let draft_key = format!("customer-wizard:{id}:draft");
        let saved = browser::store_get(config.storage, &draft_key)
            .and_then(|s| crate::api::json::from_str::<Saved>(&s).ok())
            .filter(|s| {
                s.v == 1
                    && browser::now_ms() - s.saved_at < f64::from(config.draft_days) * 86_400_000.0
            });
        let (restored_draft, restored_submission) = match saved {
            Some(s) => (
                Some(s.draft).filter(|d| *d != Draft::default()),
                s.submission,
            ),
            None => (None, None),
        };
        let submitted = restored_submission
            .as_ref()
            .is_some_and(|s| s.stage() == crate::submit::Stage::Finished);
        let restored = Var::new(restored_draft.is_some() && !submitted);
        let draft = Var::new(restored_draft.unwrap_or_default());
        let api = Local::new(api);
        let step = Var::new(Step::Account);
        let line_errors: Var<Vec<(String, String, LineProblem)>> = Var::new(Vec::new());
        let subs = Subs::new(api, draft, step, locale, line_errors);

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
        let today = Keep::new(browser::today());
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
            let partner_type = config.partner_type.unwrap_or(profile.partner_type);
            let mut issues = draft.with(|d| {
                validate::account(
                    &d.account,
                    &validate::Context {
                        rules: rules.as_ref(),
                        partner_email_domain: &profile.partner_email_domain,
                        today: &today.get_value(),
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

        let w = Wizard {
            id: Keep::new(id),
            config: Keep::new(config),
            api,
            today,
            draft,
            step,
            locale,
            host: Local::new(host),
            attempted: Var::new(Vec::new()),
            return_to_review: Var::new(false),
            land_on: Keep::new(None),
            submitted: Var::new(submitted),
            restored,
            profile,
            rules,
            account_issues,
            domain,
            address: Var::new(None),
            server_errors,
            refused: Var::new(None),
            line_errors,
            submission: Var::new(restored_submission),
            run: Var::new(SubmitRun::default()),
            credentials: Var::new(None),
            saved_once: Var::new(false),
            draft_key: Keep::new(draft_key),
            subs,
        };
        w.autosave();
        w
    }

    /// Saves the draft and the submission now (before a request whose key must survive).
    pub fn save_now(&self) {
        let storage = self.config.with_value(|c| c.storage);
        // `try_`: this also runs while the wizard is being unmounted.
        let (Some(draft), Some(submission)) = (
            self.draft.try_get_untracked(),
            self.submission.try_get_untracked(),
        ) else {
            return;
        };
        let saved = Saved {
            v: 1,
            saved_at: browser::now_ms(),
            draft,
            submission,
        };
        {
            let json = crate::api::json::to_string(&saved);
            browser::store_set(storage, &self.draft_key.get_value(), &json);
            if storage != crate::config::DraftStorage::None {
                if self.saved_once.try_get_untracked() == Some(false) {
                    self.saved_once.set(true);
                }
                self.emit(
                    "cw-draft-saved",
                    &[("savedAt", crate::events::Detail::Num(saved.saved_at))],
                );
            }
        }
    }

    /// Saves the draft 500 ms after the last change.
    fn autosave(self) {
        // Unmounting, or the page going away (reload, closed tab, navigation), with a save
        // pending saves now: nothing typed is lost, even in the last half second.
        let save = Debounced::new(500, move |()| self.save_now()).flush_on_cleanup();
        let draft = self.draft;
        effect(move |first| {
            draft.track();
            if !first {
                save.call(());
            }
        });
        let on_hide = browser::on_page_hide(move || save.flush());
        on_cleanup(move || drop(on_hide));
    }

    /// Dispatches a DOM event for the host page on the mount element (see `events`).
    pub fn emit(&self, name: &str, detail: &[(&str, crate::events::Detail)]) {
        let host = self.host.try_with_value(|h| h.clone()).flatten();
        crate::events::emit(host.as_ref(), name, detail);
    }

    /// The language chosen in the wizard's switcher, kept for the next visit where the draft
    /// is kept (a reload must not switch back).
    pub fn choose_locale(&self, l: Locale) {
        self.locale.set(l);
        browser::store_set(
            self.config.with_value(|c| c.storage),
            &locale_key(&self.id.get_value()),
            l.tag(),
        );
    }

    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.locale.get())
    }

    /// Element id for a field of this instance.
    pub fn field_id(&self, field: FieldId) -> String {
        format!("{}-{}", self.id.get_value(), field.slug())
    }

    pub fn el_id(&self, suffix: &str) -> String {
        format!("{}-{}", self.id.get_value(), suffix)
    }

    pub fn show_errors(&self, step: Step) -> bool {
        self.attempted.with(|a| a.contains(&step))
    }

    /// The issues to show for a step: none before its first Continue.
    pub fn visible_issues(&self, step: Step) -> Vec<Issue> {
        if !self.show_errors(step) {
            return Vec::new();
        }
        match step {
            Step::Account => self.account_issues.get(),
            _ => Vec::new(),
        }
    }

    /// The error summary's entries for a step: (id of the element to focus, message).
    pub fn error_links(&self, step: Step) -> Vec<(String, String)> {
        let l = self.locale.get();
        match step {
            Step::Subscriptions if self.show_errors(step) => {
                self.subs.error_links(&self.id.get_value(), self.draft, l)
            }
            _ => {
                let mut links: Vec<(String, String)> = self
                    .visible_issues(step)
                    .into_iter()
                    .map(|i| (self.field_id(i.field), self.field_message(&i.error)))
                    .collect();
                if step == Step::Account && self.show_errors(step) {
                    self.refused_links(l, &mut links);
                }
                links
            }
        }
    }

    /// What Partner Center refused without a field to point at, while the account info is
    /// as it was: linked to the first field (the whole form is to be checked). It does not
    /// block Continue: the user may find nothing to change and submit again.
    fn refused_links(&self, l: Locale, links: &mut Vec<(String, String)>) {
        let first = self.field_id(FieldId::Country);
        self.refused.with(|r| {
            let Some((account, props)) = r else { return };
            if !self.draft.with(|d| d.account == *account) {
                return;
            }
            if props.is_empty() {
                links.push((first.clone(), Key::ErrAccountRefused.text(l).into()));
            }
            for p in props {
                links.push((
                    first.clone(),
                    Key::ErrPropertyRefused.fmt(l, &[("property", p)]),
                ));
            }
        });
    }

    /// A field's error in the UI language, naming fields the way the customer's country
    /// does (a US postal code is a ZIP code).
    pub fn field_message(&self, e: &FieldError) -> String {
        let l = self.locale.get();
        self.draft
            .with(|d| messages::field_error(e, l, d.account.country.trim()))
    }

    pub fn step_valid(&self, step: Step) -> bool {
        match step {
            Step::Account => self.account_issues.with(Vec::is_empty),
            Step::Subscriptions => self.subs.issues.with(Vec::is_empty),
            Step::Review | Step::Done => true,
        }
    }

    /// Where focus goes when Continue did not move on: the question about continuing without
    /// subscriptions, else the error summary.
    pub fn blocked_focus_id(&self) -> String {
        if self.subs.confirming_empty.get_untracked() {
            self.el_id("subs-confirm")
        } else {
            self.el_id("error-summary")
        }
    }

    /// The furthest step the user may be on: the first invalid one, else Review (Done only
    /// after submitting).
    pub fn furthest(&self) -> Step {
        if self.submitted.get() {
            return Step::Done;
        }
        Step::COUNTED
            .into_iter()
            .find(|s| !self.step_valid(*s))
            .unwrap_or(Step::Review)
    }

    pub fn partner_type(&self) -> PartnerType {
        self.config
            .with_value(|c| c.partner_type)
            .or_else(|| {
                self.profile
                    .get()
                    .and_then(|p| p.ok())
                    .map(|p| p.partner_type)
            })
            .unwrap_or_default()
    }

    /// Moves to a step, recording it in the browser history in standalone mode.
    pub fn go(&self, step: Step) {
        if self.step.get_untracked() == step {
            return;
        }
        self.step.set(step);
        self.config
            .with_value(|c| browser::push_step(&c.routing, step.slug(), false));
    }

    /// Continue: validate the step; go on if it is valid, else show the errors.
    /// Returns whether the step changed.
    pub fn continue_from(&self, step: Step) -> bool {
        self.attempted.update(|a| {
            if !a.contains(&step) {
                a.push(step);
            }
        });
        if !self.step_valid(step) {
            return false;
        }
        if step == Step::Subscriptions && self.subs.ask_before_continuing(self.draft) {
            return false;
        }
        self.advance(step);
        true
    }

    /// Moves on from a step without checking it (Continue, once checked or confirmed).
    pub fn advance(&self, step: Step) {
        if self.return_to_review.get_untracked() && step != Step::Review {
            self.return_to_review.set(false);
            self.go(Step::Review);
        } else {
            self.go(step.next());
        }
    }

    pub fn back_from(&self, step: Step) {
        if let Some(prev) = step.prev() {
            self.go(prev);
        }
    }

    /// Applies a step named by the URL (browser Back/Forward), never past an invalid step.
    pub fn follow_url(&self, slug: &str) {
        let wanted = Step::from_slug(slug).unwrap_or(Step::Account);
        let furthest = self.furthest();
        // Once the customer is created its answers are gone: Back from Done must not show an
        // empty Review with a live submit button. Done stays ("Add another customer" starts
        // again).
        let step = if self.submitted.get_untracked() {
            Step::Done
        } else if wanted > furthest {
            furthest
        } else {
            wanted
        };
        // Only a change: setting the same step re-renders it (new inputs), and this also runs
        // when the profile answers, maybe while the user types (focus and caret would be lost).
        if self.step.get_untracked() != step {
            self.step.set(step);
        }
        if step != wanted {
            self.config
                .with_value(|c| browser::push_step(&c.routing, step.slug(), true));
        }
    }

    /// Starts again with an empty form (after "Add another customer", or on request).
    pub fn discard_draft(&self) {
        self.draft.set(Draft::default());
        self.attempted.set(Vec::new());
        self.restored.set(false);
        self.submission.set(None);
        self.submitted.set(false);
        self.credentials.set(None);
        self.server_errors.set(Vec::new());
        self.refused.set(None);
        self.line_errors.set(Vec::new());
        self.run.set(SubmitRun::default());
        self.domain.set(None);
        self.address.set(None);
        browser::store_remove(
            self.config.with_value(|c| c.storage),
            &self.draft_key.get_value(),
        );
    }
}

pub fn use_wizard() -> Wizard {
    expect_context::<Wizard>()
}
