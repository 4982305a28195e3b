//! The wizard's state, provided by context above the steps so that nothing typed is lost
//! when a step unmounts. One small `Copy` piece per concern, each read with its own hook:
//!
//! | piece | hook | holds |
//! |---|---|---|
//! | [`Instance`] | [`use_instance`] | element-id prefix, configuration, API, host element, today |
//! | [`DraftState`] | [`use_draft`] | the draft, whether it was restored or saved, its autosave |
//! | [`NavState`] | [`use_nav`] | step, UI language, attempted steps, the way back to Review |
//! | [`CheckState`] | [`use_checks`] | profile, country rules, domain and address checks, server refusals, Account info's issues |
//! | [`SubmitState`] | [`use_submit`] | the submission and its run, credentials, line problems |
//! | [`Subs`] | [`use_subs`] | the offer catalog, line issues, the no-offer question |
//!
//! A piece that needs another takes it as an argument (`NavState::continue_from`); the
//! instance is fixed, so pieces may keep it. Derived values (issues, reachable steps) are
//! memos or closures, never copies.

mod checks;
mod instance;
mod nav;
mod submission;
mod submit_run;

use crate::state::reactive::{effect, Debounced, Keep, Var};
use leptos::prelude::*;

pub use checks::{field_message, use_checks, AddressState, CheckState, DomainState};
pub use instance::{use_instance, Instance};
pub use nav::{locale_key, step_valid, use_nav, NavState};
pub use submission::{use_submit, SubmitRun, SubmitState};
pub use submit_run::start_submit;

use crate::api::Api;
use crate::domain::config::Config;
use crate::domain::i18n::Locale;
use crate::domain::model::{Draft, PartnerType};
use crate::domain::submit::Submission;
use crate::state::browser;
use crate::state::subs::Subs;

/// What is kept in storage: the draft and when it was saved (for expiry). Never credentials.
#[derive(serde::Serialize, serde::Deserialize)]
struct Saved {
    v: u32,
    saved_at: f64,
    #[serde(default)]
    draft: Draft,
    submission: Option<Submission>,
}

/// The draft: what the user typed, kept in storage (with the submission's keys) 500 ms after
/// the last change, and read back on the next visit.
#[derive(Clone, Copy)]
pub struct DraftState {
    pub draft: Var<Draft>,
    /// The draft came from storage (the "restored" notice shows).
    pub restored: Var<bool>,
    /// The draft has been saved at least once in this visit (for the "saved" status line).
    pub saved_once: Var<bool>,
    draft_key: Keep<String>,
    inst: Instance,
    /// Saved with the draft: the submission's idempotency keys must survive a reload.
    submission: Var<Option<Submission>>,
}

impl DraftState {
    /// Reads the saved draft and submission of this instance, if any and not expired.
    fn read(inst: Instance) -> (Option<Draft>, Option<Submission>) {
        let key = draft_key(inst);
        let saved = inst.config.with_value(|config| {
            browser::store_get(config.storage, &key)
                .and_then(|s| crate::api::json::from_str::<Saved>(&s).ok())
                .filter(|s| {
                    s.v == 1
                        && browser::now_ms() - s.saved_at
                            < f64::from(config.draft_days) * 86_400_000.0
                })
        });
        match saved {
            Some(s) => (
                Some(s.draft).filter(|d| *d != Draft::default()),
                s.submission,
            ),
            None => (None, None),
        }
    }

    fn new(inst: Instance, restored: Option<Draft>, submit: SubmitState) -> DraftState {
        let d = DraftState {
            restored: Var::new(restored.is_some() && !submit.submitted.get_untracked()),
            draft: Var::new(restored.unwrap_or_default()),
            saved_once: Var::new(false),
            draft_key: Keep::new(draft_key(inst)),
            inst,
            submission: submit.submission,
        };
        d.autosave();
        d
    }

    /// Saves the draft and the submission now (before a request whose key must survive).
    pub fn save_now(&self) {
        let storage = self.inst.config.with_value(|c| c.storage);
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
        let key = self.draft_key.get_value();
        // Nothing typed and nothing submitted: no draft to keep (the first screen would
        // otherwise say it is loading one on the next visit, then show an empty form).
        if saved.draft == Draft::default() && saved.submission.is_none() {
            browser::store_remove(storage, &key);
        } else {
            browser::store_set(storage, &key, &crate::api::json::to_string(&saved));
        }
        if storage != crate::domain::config::DraftStorage::None {
            if self.saved_once.try_get_untracked() == Some(false) {
                self.saved_once.set(true);
            }
            self.inst.emit(
                "cw-draft-saved",
                &[("savedAt", crate::state::events::Detail::Num(saved.saved_at))],
            );
        }
    }

    /// Saves the draft 500 ms after the last change.
    fn autosave(self) {
        // Unmounting, or the page going away (reload, closed tab, navigation), with a save
        // pending saves now: nothing typed is lost, even in the last half second.
        let save = Debounced::new(500, move |()| self.save_now()).flush_on_cleanup();
        let draft = self.draft;
        // The first run does not save back what was just read, but does save a change made
        // before it: the handover types what was entered into the prerendered screen into
        // the draft in the mount's own task, before effects first run.
        let initial = draft.get_untracked();
        effect(move |first| {
            if !draft.with(|d| first && *d == initial) {
                save.call(());
            }
        });
        let on_hide = browser::on_page_hide(move || save.flush());
        on_cleanup(move || drop(on_hide));
    }

    /// Empties the form and deletes the saved draft (starting again).
    pub fn reset(&self) {
        self.draft.set(Draft::default());
        self.restored.set(false);
        browser::store_remove(
            self.inst.config.with_value(|c| c.storage),
            &self.draft_key.get_value(),
        );
    }
}

fn draft_key(inst: Instance) -> String {
    format!("customer-wizard:{}:draft", inst.id.get_value())
}

pub fn use_draft() -> DraftState {
    expect_context::<DraftState>()
}

pub fn use_subs() -> Subs {
    expect_context::<Subs>()
}

/// Every piece of one wizard: built by `mount` (or the prerender) and provided by `App`.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub inst: Instance,
    pub draft: DraftState,
    pub nav: NavState,
    pub checks: CheckState,
    pub submit: SubmitState,
    pub subs: Subs,
}

impl Wizard {
    pub fn new(
        id: String,
        config: Config,
        api: Api,
        locale: Var<Locale>,
        host: Option<web_sys::HtmlElement>,
    ) -> Wizard {
        let inst = Instance::new(id, config, api, host);
        let (restored_draft, restored_submission) = DraftState::read(inst);
        let submit = SubmitState::new(restored_submission);
        let draft = DraftState::new(inst, restored_draft, submit);
        let nav = NavState::new(inst, locale);
        let checks = CheckState::new(inst, draft.draft);
        let subs = Subs::new(inst.api, draft.draft, nav.step, locale, submit.line_errors);
        Wizard {
            inst,
            draft,
            nav,
            checks,
            submit,
            subs,
        }
    }

    /// The pieces from context, for code that needs them all (the submit run, the step rules).
    pub fn from_context() -> Wizard {
        Wizard {
            inst: use_instance(),
            draft: use_draft(),
            nav: use_nav(),
            checks: use_checks(),
            submit: use_submit(),
            subs: use_subs(),
        }
    }

    /// Each piece in its own context.
    pub fn provide(self) {
        provide_context(self.inst);
        provide_context(self.draft);
        provide_context(self.nav);
        provide_context(self.checks);
        provide_context(self.submit);
        provide_context(self.subs);
    }

    /// Whether Review shows everything Create would send (tracked): whether a reseller
    /// belongs (the partner's type), the chosen reseller's name, the chosen offers' names.
    /// Right after a reload on Review these are still loading; Create waits for them.
    pub fn review_ready(&self) -> bool {
        let (lines, reseller) = self
            .draft
            .draft
            .with(|d| (!d.lines.is_empty(), d.reseller.is_some()));
        let reseller_named = || {
            !reseller
                || self.checks.partner_type() != PartnerType::IndirectProvider
                || self
                    .checks
                    .resellers
                    .with(|r| r.as_ref().is_some_and(Option::is_some))
        };
        let offers_named = || {
            !lines
                || self
                    .subs
                    .catalog
                    .with(|c| c.as_ref().is_some_and(Option::is_some))
        };
        self.checks.partner_type_known() && reseller_named() && offers_named()
    }

    /// Starts again with an empty form (after "Add another customer", or on request).
    pub fn discard_draft(&self) {
        start_again(self.draft, self.nav, self.checks, self.submit);
    }
}

/// Each piece forgets what this customer's run left in it.
fn start_again(draft: DraftState, nav: NavState, checks: CheckState, submit: SubmitState) {
    draft.reset();
    nav.reset();
    submit.reset();
    checks.reset();
}

/// [`Wizard::discard_draft`] for views, from the pieces in context.
pub fn use_discard_draft() -> impl Fn() + Copy + 'static {
    let (draft, nav, checks, submit) = (use_draft(), use_nav(), use_checks(), use_submit());
    move || start_again(draft, nav, checks, submit)
}
