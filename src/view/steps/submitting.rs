//! Submit's view: the progress of the run (started by `store::start_submit`), each stage with
//! its status, and on failure what went wrong.

use leptos::prelude::*;

use crate::domain::i18n::Key;
use crate::domain::messages;
use crate::domain::submit::{Stage, StageStatus, Submission};
use crate::state::store::Wizard;

fn stage_label(w: Wizard, stage: Stage, orders: usize) -> String {
    let l = w.nav.locale.get();
    match stage {
        Stage::CreateCustomer => Key::StageCustomer.text(l).to_string(),
        Stage::Attest => Key::StageAttest.text(l).to_string(),
        Stage::Order(i) => Key::StageOrder.fmt(
            l,
            &[("n", &(i + 1).to_string()), ("total", &orders.to_string())],
        ),
        Stage::Finished => String::new(),
    }
}

/// The progress of a submit run: each stage with its status, announced politely; on failure
/// the message. Trying again is the step's own primary button ("Try again", `submit_label`)
/// just below: one button for one action, where Enter also goes.
#[component]
pub fn SubmitProgress() -> impl IntoView {
    let w = Wizard::from_context();
    let visible = move || w.submit.run.with(|r| r.busy || r.failed.is_some());
    let failed = move || w.submit.run.with(|r| r.failed.is_some());
    view! {
        <Show when=visible>
            <section class="cw-panel cw-panel--attention" id=w.inst.el_id("submit-progress") tabindex="-1"
                aria-labelledby=w.inst.el_id("submit-progress-title")>
                <h2 class="cw-panel__title" id=w.inst.el_id("submit-progress-title")>
                    {move || w.nav.t(if failed() { Key::SubmitStoppedTitle } else { Key::SubmitProgressTitle })}
                </h2>
                <div role="status" aria-live="polite">
                <ol class="cw-progress">
                    {move || {
                        let run = w.submit.run.get();
                        let sub = w.submit.submission.get();
                        let Some(sub) = sub else { return Vec::new() };
                        let n = sub.orders.len();
                        sub.stages(run.running, run.failed.as_ref().map(|(s, _)| *s))
                            .into_iter()
                            .map(|(stage, status)| {
                                let (key, cls) = match status {
                                    // Nothing waits once the run has stopped.
                                    StageStatus::Waiting if run.failed.is_some() => (Key::StatusNotStarted, "waiting"),
                                    StageStatus::Waiting => (Key::StatusWaiting, "waiting"),
                                    StageStatus::InProgress => (Key::StatusInProgress, "in-progress"),
                                    StageStatus::Done => (Key::StatusDone, "done"),
                                    StageStatus::Failed => (Key::StatusFailed, "failed"),
                                };
                                view! {
                                    <li class="cw-progress__item" data-status=cls>
                                        {stage_label(w, stage, n)}": "<strong>{w.nav.t(key)}</strong>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    }}
                </ol>
                </div>
                {move || {
                    let (stage, e) = w.submit.run.get().failed?;
                    let l = w.nav.locale.get();
                    let partial = w.submit.submission.with(|s| s.as_ref().is_some_and(Submission::partial));
                    // An order that keeps failing need not hold up the customer: the way to
                    // finish without it.
                    let order_failed = matches!(stage, Stage::Order(_));
                    Some(view! {
                        <div role="alert" class="cw-submit-error">
                            <p class="cw-error-message">{Key::SubmitFailed.fmt(l, &[("detail", &messages::api_error(&e, l))])}</p>
                            {partial.then(|| view! { <p>{Key::SubmitPartial.text(l)}</p> })}
                            {(partial && order_failed).then(|| view! { <p>{Key::SubmitWithoutOrders.text(l)}</p> })}
                        </div>
                    })
                }}
            </section>
        </Show>
    }
}

/// The submit button names its action: after a failure, it tries again (and resumes: nothing
/// already created is created twice).
pub fn submit_label(w: &Wizard) -> Key {
    let no_lines = w.draft.draft.with(|d| d.lines.is_empty());
    if w.submit.run.with(|r| r.failed.is_some()) {
        Key::SubmitRetry
    } else if w.submit.customer_created() {
        // Back from fixing what was refused: the customer exists, the rest is left to do.
        if no_lines {
            Key::FinishCustomer
        } else {
            Key::PlaceOrder
        }
    } else if no_lines {
        Key::CreateCustomer
    } else {
        Key::CreateCustomerAndOrder
    }
}
