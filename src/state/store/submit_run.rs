//! The submit run's adapter: starts `submit::run` (plain async code over the API) and applies
//! what it reports to the state. The run reports each key before a request carries it, and
//! it is saved then: a reload mid-submit resumes with the same keys. The view
//! (`steps::submitting`) only starts it and shows its state.

use std::ops::ControlFlow;

use leptos::prelude::*;

use super::{DomainState, SubmitRun, Wizard};
use crate::api::{new_guid, ApiError};
use crate::domain::i18n::Locale;
use crate::domain::messages;
use crate::domain::model::{Draft, Step};
use crate::domain::submit::{Event, Failure, Input, Outcome, Stage, Submission};
use crate::domain::validate::FieldError;
use crate::state::browser;
use crate::state::events::Detail;

/// Starts (or resumes) submitting. Does nothing while a run is under way, so a double click
/// sends one request.
pub fn start_submit(w: Wizard) {
    if w.submit.run.with_untracked(|r| r.busy) {
        return;
    }
    w.submit.run.set(SubmitRun {
        busy: true,
        ..SubmitRun::default()
    });
    leptos::task::spawn_local(async move {
        let draft = w.draft.draft.get_untracked();
        let input = Input {
            draft: &draft,
            locale: w.nav.locale.get_untracked(),
            saved: w.submit.submission.get_untracked(),
            catalog: w
                .subs
                .catalog
                .get_untracked()
                .flatten()
                .and_then(Result::ok),
            partner_type: w.inst.config.with_value(|c| c.partner_type).or_else(|| {
                w.checks
                    .profile
                    .get_untracked()?
                    .ok()
                    .map(|p| p.partner_type)
            }),
            rules: w
                .checks
                .rules
                .get_untracked()
                .flatten()
                .and_then(Result::ok),
        };
        let api = w.inst.api.get_value();
        let outcome = crate::domain::submit::run(&api, input, new_guid, |e| apply(w, e)).await;
        if !running(w) {
            return;
        }
        match outcome {
            Outcome::Finished(sub) => finished(w, &sub),
            Outcome::Failed {
                stage,
                error,
                failure,
            } => fail(w, stage, error, failure),
            Outcome::NoCatalog(e) => w.submit.run.set(SubmitRun {
                busy: false,
                running: None,
                failed: Some((Stage::CreateCustomer, e)),
            }),
            Outcome::InvalidLines => {
                w.submit.run.set(SubmitRun::default());
                send_to(w, Step::Subscriptions);
            }
            Outcome::Stopped => {}
        }
    });
}

/// Whether this run is still wanted: Cancel or "start again" reset the run, unmounting
/// disposes it.
fn running(w: Wizard) -> bool {
    w.submit.run.try_with_untracked(|r| r.busy) == Some(true)
}

/// Applies what the run reports to the store; stops the run once it is no longer wanted.
fn apply(w: Wizard, event: Event<'_>) -> ControlFlow<()> {
    if !running(w) {
        return ControlFlow::Break(());
    }
    match event {
        Event::Changed(sub) => {
            w.submit.submission.set(Some(sub.clone()));
            w.draft.save_now();
        }
        Event::Running(stage) => w.submit.run.update(|r| r.running = Some(stage)),
        Event::Created(c) if !c.password.is_empty() => w.submit.credentials.set(Some(c.clone())),
        Event::Created(_) => {}
    }
    ControlFlow::Continue(())
}

/// Tells the host page, forgets the draft's personal data, shows Done.
fn finished(w: Wizard, sub: &Submission) {
    let c = sub.customer.as_ref();
    let field = |f: fn(&crate::domain::submit::CustomerRef) -> &str| Detail::Str(c.map_or("", f));
    w.inst.emit(
        "cw-submitted",
        &[
            ("customerId", field(|c| &c.id)),
            ("domain", field(|c| &c.domain)),
            ("companyName", field(|c| &c.company_name)),
            (
                "orderIds",
                Detail::List(
                    sub.orders
                        .iter()
                        .filter_map(|o| o.placed.as_ref().map(|p| p.id.clone()))
                        .collect(),
                ),
            ),
        ],
    );
    // Success: the personal data in the draft is no longer needed.
    w.submit.run.set(SubmitRun::default());
    w.draft.draft.set(Draft::default());
    w.draft.restored.set(false);
    w.submit.submitted.set(true);
    w.draft.save_now();
    w.nav.go(Step::Done);
}

/// Tells the host page, shows the error with Retry, takes the user to what needs fixing.
fn fail(w: Wizard, stage: Stage, e: ApiError, failure: Failure) {
    let (status, code) = match &e {
        ApiError::Status { status, .. } => (
            Detail::Num(f64::from(*status)),
            e.code().map_or(Detail::Null, |c| Detail::Num(c as f64)),
        ),
        _ => (Detail::Null, Detail::Null),
    };
    w.inst.emit(
        "cw-error",
        &[
            (
                "stage",
                Detail::Str(match stage {
                    Stage::CreateCustomer => "create-customer",
                    Stage::Attest => "attest-agreement",
                    Stage::Order(_) => "create-order",
                    Stage::Finished => "",
                }),
            ),
            ("status", status),
            ("code", code),
            ("message", Detail::Str(&messages::api_error(&e, Locale::En))),
            ("retryable", Detail::Bool(e.is_transient())),
        ],
    );
    // A refused field or line is shown where it is fixed, and Review's button then creates
    // again; only a failure with nothing to fix stays on Review, with "Try again".
    let nothing_to_fix = matches!(failure, Failure::Transient | Failure::Other);
    w.submit.run.set(SubmitRun {
        busy: false,
        running: None,
        failed: nothing_to_fix.then_some((stage, e)),
    });
    match failure {
        Failure::Account { fields, unknown } => {
            w.draft.draft.with_untracked(|d| {
                // Taken since the live check (27100): the status under the field says so too,
                // not "available" next to "already in use".
                if fields.iter().any(|(_, e)| *e == FieldError::DomainTaken) {
                    let prefix = d.account.domain_prefix.trim().to_ascii_lowercase();
                    w.checks.domain.set(Some((prefix, DomainState::Taken)));
                }
                w.checks.server_errors.update(|v| {
                    for (field, error) in fields.iter().cloned() {
                        let value = field.get(&d.account).unwrap_or("").trim().to_string();
                        v.retain(|(f, ..)| *f != field);
                        v.push((field, value, error));
                    }
                });
                // Named by property when no field holds it (or nothing was named at all).
                w.checks.refused.set(
                    (fields.is_empty() || !unknown.is_empty())
                        .then(|| (d.account.clone(), unknown)),
                );
            });
            send_to(w, Step::Account);
        }
        Failure::Line { offer_id, problem } => {
            let quantity = w.draft.draft.with_untracked(|d| {
                d.lines
                    .iter()
                    .find(|l| l.offer_id == offer_id)
                    .map(|l| l.quantity.trim().to_string())
                    .unwrap_or_default()
            });
            w.submit.line_errors.update(|v| {
                v.retain(|(o, ..)| *o != offer_id);
                v.push((offer_id, quantity, problem));
            });
            send_to(w, Step::Subscriptions);
        }
        Failure::Transient | Failure::Other => {
            let id = w.inst.el_id("submit-progress");
            request_animation_frame(move || browser::focus_id(&id));
        }
    }
}

/// Takes the user to the step that needs fixing, with its errors shown and the summary focused.
fn send_to(w: Wizard, step: Step) {
    w.nav.attempted.update(|a| {
        if !a.contains(&step) {
            a.push(step);
        }
    });
    w.nav.return_to_review.set(true);
    w.nav.go(step);
    let id = w.inst.el_id("error-summary");
    request_animation_frame(move || {
        request_animation_frame(move || browser::focus_id(&id));
    });
}
