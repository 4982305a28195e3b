//! Navigation: the step shown, the UI language, which steps have shown their errors, the way
//! back to Review, and the rules for changing step (never past an invalid step).

use crate::state::reactive::{Keep, Var};
use leptos::prelude::*;

use super::{CheckState, Instance};
use crate::domain::i18n::{Key, Locale};
use crate::domain::model::{Draft, Step};
use crate::state::browser;
use crate::state::subs::Subs;

#[derive(Clone, Copy)]
pub struct NavState {
    pub step: Var<Step>,
    pub locale: Var<Locale>,
    /// Steps on which Continue was pressed: their errors are shown from then on.
    pub attempted: Var<Vec<Step>>,
    /// Set when the user came from Review through an "Update" link.
    pub return_to_review: Var<bool>,
    /// Where focus lands after the next step change instead of the step's heading (Review's
    /// "Update agreement" lands on the agreement).
    pub land_on: Keep<Option<String>>,
    /// For the routing (URL) and where the chosen language is kept.
    inst: Instance,
}

/// Where the language chosen in the wizard's switcher is kept (next to the draft's key).
pub fn locale_key(instance: &str) -> String {
    format!("customer-wizard:{instance}:locale")
}

/// Whether a step may be left forward: Account info by its checks, Subscriptions by its lines.
pub fn step_valid(step: Step, checks: &CheckState, subs: &Subs) -> bool {
    match step {
        Step::Account => checks.account_issues.with(Vec::is_empty),
        Step::Subscriptions => subs.issues.with(Vec::is_empty),
        Step::Review | Step::Done => true,
    }
}

impl NavState {
    pub fn new(inst: Instance, locale: Var<Locale>) -> NavState {
        NavState {
            step: Var::new(Step::Account),
            locale,
            attempted: Var::new(Vec::new()),
            return_to_review: Var::new(false),
            land_on: Keep::new(None),
            inst,
        }
    }

    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.locale.get())
    }

    /// The language chosen in the wizard's switcher, kept for the next visit where the draft
    /// is kept (a reload must not switch back).
    pub fn choose_locale(&self, l: Locale) {
        self.locale.set(l);
        browser::store_set(
            self.inst.config.with_value(|c| c.storage),
            &locale_key(&self.inst.id.get_value()),
            l.tag(),
        );
    }

    pub fn show_errors(&self, step: Step) -> bool {
        self.attempted.with(|a| a.contains(&step))
    }

    /// Moves to a step, recording it in the browser history in standalone mode.
    pub fn go(&self, step: Step) {
        if self.step.get_untracked() == step {
            return;
        }
        self.step.set(step);
        self.inst
            .config
            .with_value(|c| browser::push_step(&c.routing, step.slug(), false));
    }

    /// Continue: validate the step; go on if it is valid, else show the errors.
    /// Returns whether the step changed.
    pub fn continue_from(
        &self,
        step: Step,
        checks: &CheckState,
        subs: &Subs,
        draft: Var<Draft>,
    ) -> bool {
        self.attempted.update(|a| {
            if !a.contains(&step) {
                a.push(step);
            }
        });
        if !step_valid(step, checks, subs) {
            return false;
        }
        if step == Step::Subscriptions && subs.ask_before_continuing(draft) {
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

    /// Applies a step named by the URL (browser Back/Forward), never past an invalid step:
    /// the furthest step is the first invalid one, else Review (Done only after submitting).
    pub fn follow_url(&self, slug: &str, checks: &CheckState, subs: &Subs, submitted: Var<bool>) {
        let wanted = Step::from_slug(slug).unwrap_or(Step::Account);
        let furthest = if submitted.get() {
            Step::Done
        } else {
            Step::COUNTED
                .into_iter()
                .find(|s| !step_valid(*s, checks, subs))
                .unwrap_or(Step::Review)
        };
        // Once the customer is created its answers are gone: Back from Done must not show an
        // empty Review with a live submit button. Done stays ("Add another customer" starts
        // again).
        let step = if submitted.get_untracked() {
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
            self.inst
                .config
                .with_value(|c| browser::push_step(&c.routing, step.slug(), true));
        }
    }

    /// Forgets which steps showed their errors (starting again).
    pub fn reset(&self) {
        self.attempted.set(Vec::new());
    }
}

pub fn use_nav() -> NavState {
    expect_context::<NavState>()
}
