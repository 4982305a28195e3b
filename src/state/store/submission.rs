//! The submission: what was sent so far with its idempotency keys (saved with the draft), the
//! run in progress, the new customer's credentials and the order-line problems the server
//! reported.

use crate::state::reactive::Var;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::domain::model::CreatedCustomer;
use crate::domain::submit::{LineProblem, Stage, Submission};

/// The submit run as the progress view shows it (memory only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubmitRun {
    pub busy: bool,
    pub running: Option<Stage>,
    pub failed: Option<(Stage, ApiError)>,
}

#[derive(Clone, Copy)]
pub struct SubmitState {
    /// What was submitted so far, with its idempotency keys; saved with the draft.
    pub submission: Var<Option<Submission>>,
    pub run: Var<SubmitRun>,
    /// The new customer's credentials: memory only, never stored, logged or sent in events.
    pub credentials: Var<Option<CreatedCustomer>>,
    pub submitted: Var<bool>,
    /// Order-line problems the server reported: (offer id, quantity it was about, problem),
    /// shown until that line's quantity changes.
    pub line_errors: Var<Vec<(String, String, LineProblem)>>,
}

impl SubmitState {
    /// The customer of this submission has been created (tracked): its details are fixed.
    pub fn customer_created(&self) -> bool {
        self.submission
            .with(|s| s.as_ref().is_some_and(|s| s.customer.is_some()))
    }

    /// `restored` is the submission saved with the draft (a reload mid-submit resumes it).
    pub fn new(restored: Option<Submission>) -> SubmitState {
        let submitted = restored
            .as_ref()
            .is_some_and(|s| s.stage() == Stage::Finished);
        SubmitState {
            submission: Var::new(restored),
            run: Var::new(SubmitRun::default()),
            credentials: Var::new(None),
            submitted: Var::new(submitted),
            line_errors: Var::new(Vec::new()),
        }
    }

    /// Forgets the submission (starting again).
    pub fn reset(&self) {
        self.submission.set(None);
        self.submitted.set(false);
        self.credentials.set(None);
        self.line_errors.set(Vec::new());
        self.run.set(SubmitRun::default());
    }
}

pub fn use_submit() -> SubmitState {
    expect_context::<SubmitState>()
}
