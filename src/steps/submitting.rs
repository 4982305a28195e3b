//! Runs the submission (the pure state machine in `submit` decides what is next) and shows its
//! progress. Keys are saved with the draft before each request; a reload mid-submit resumes.

use leptos::prelude::*;

use crate::components::tr;

use crate::api::{map, new_guid, ApiError};
use crate::browser;
use crate::catalog::{group_orders, Catalog};
use crate::events::Detail;
use crate::i18n::Key;
use crate::messages;
use crate::model::{AgreementChoice, Draft, PartnerType, Step};
use crate::store::{DomainState, SubmitRun, Wizard};
use crate::submit::{
    is_business_failure, route_error, CustomerRef, Failure, LineSpec, OrderSpec, Stage,
    StageStatus, Submission,
};
use crate::validate::FieldError;

/// The orders to place (see `catalog::group_orders`), in the shape the submission keeps.
fn plan_orders(d: &Draft, catalog: &Catalog) -> Result<Vec<OrderSpec>, ()> {
    let groups = group_orders(&d.lines, catalog, None).map_err(|_| ())?;
    Ok(groups
        .into_iter()
        .map(|g| OrderSpec {
            sales_group: g.sales_group_id,
            billing_cycle: g.billing_cycle,
            lines: g
                .lines
                .into_iter()
                .map(|l| LineSpec {
                    offer_id: l.offer_id,
                    quantity: l.quantity,
                    friendly_name: l.friendly_name.unwrap_or_default(),
                    term_duration: l.term_duration,
                })
                .collect(),
        })
        .collect())
}

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
        let api = w.inst.api.get_value();
        let draft = w.draft.draft.get_untracked();
        // Sales groups and bounds come from the catalog (loaded on Subscriptions; after a
        // reload mid-submit it is fetched again).
        let orders = if draft.lines.is_empty() {
            Vec::new()
        } else {
            let catalog = match w.subs.catalog.get_untracked().flatten() {
                Some(Ok(c)) => Ok(c),
                _ => api
                    .offers(&draft.account.country, w.nav.locale.get_untracked(), None)
                    .await
                    .map(|o| std::sync::Arc::new(Catalog::new(o))),
            };
            match catalog.map(|c| plan_orders(&draft, &c)) {
                Ok(Ok(o)) => o,
                Err(e) => {
                    w.submit.run.set(SubmitRun {
                        busy: false,
                        running: None,
                        failed: Some((Stage::CreateCustomer, e)),
                    });
                    return;
                }
                Ok(Err(())) => {
                    // A line is not valid (Subscriptions should not have let it pass).
                    w.submit.run.set(SubmitRun::default());
                    send_to(w, Step::Subscriptions);
                    return;
                }
            }
        };
        let attest = draft.account.agreement == AgreementChoice::Accepted;
        w.submit.submission.update(|s| match s {
            Some(s) => s.replan(new_guid, attest, orders),
            None => *s = Some(Submission::new(new_guid, attest, orders)),
        });
        // The keys exist in storage before any request carries them.
        w.draft.save_now();

        // Whether the bodies name the reseller: after a reload the profile may not have
        // answered yet, and a retry must send the same body (else it is a new operation).
        let partner_type = match (
            w.inst.config.with_value(|c| c.partner_type),
            w.checks.profile.get_untracked(),
        ) {
            (Some(t), _) => t,
            (None, Some(Ok(p))) => p.partner_type,
            (None, _) => match api.profile().await {
                Ok(p) => p.partner_type,
                Err(e) => {
                    if let Some(sub) = w.submit.submission.get_untracked() {
                        fail(w, sub.stage(), e, &sub);
                    }
                    return;
                }
            },
        };
        let indirect = partner_type == PartnerType::IndirectProvider;
        let mut mpn = None;
        loop {
            let Some(sub) = w.submit.submission.get_untracked() else {
                return;
            };
            let stage = sub.stage();
            if stage == Stage::Finished {
                break;
            }
            w.submit.run.update(|r| r.running = Some(stage));
            let result: Result<(), ApiError> = match stage {
                Stage::CreateCustomer => {
                    // The body takes defaults from the country's rules: after a reload they
                    // may not be loaded yet, and a retry must send the same body.
                    let rules = match w.checks.rules.get_untracked().flatten() {
                        Some(r) => r.ok(),
                        None => match api.country_rules(&draft.account.country).await {
                            Ok(r) => Some(r),
                            Err(e) if e.is_transient() => {
                                fail(w, stage, e, &sub);
                                return;
                            }
                            Err(_) => None,
                        },
                    };
                    let body = map::customer_create(
                        &draft.account,
                        rules.as_ref(),
                        if indirect {
                            draft.reseller.as_ref()
                        } else {
                            None
                        },
                    );
                    let key = key_for(w, stage, &body);
                    api.create_customer(&body, &key)
                        .await
                        .inspect_err(|e| answered(w, stage, e))
                        .map(|c| {
                            let r = CustomerRef {
                                id: c.id.clone(),
                                domain: c.domain.clone(),
                                company_name: c.company_name.clone(),
                                user_name: c.user_name.clone(),
                            };
                            if !c.password.is_empty() {
                                w.submit.credentials.set(Some(c));
                            }
                            w.submit.submission.update(|s| {
                                if let Some(s) = s {
                                    s.record_customer(r)
                                }
                            });
                        })
                }
                Stage::Attest => match api.mca_template_id().await {
                    Ok(template) => {
                        let id = sub
                            .customer
                            .as_ref()
                            .map(|c| c.id.clone())
                            .unwrap_or_default();
                        let body = map::agreement_create(&draft.account, &template);
                        let key = key_for(w, stage, &body);
                        api.attest(&id, &body, &key)
                            .await
                            .inspect_err(|e| answered(w, stage, e))
                            .map(|()| {
                                w.submit.submission.update(|s| {
                                    if let Some(s) = s {
                                        s.record_attested()
                                    }
                                })
                            })
                    }
                    Err(e) => Err(e),
                },
                Stage::Order(i) => {
                    // Every line names the reseller's MPN id: an order sent without it would
                    // be another body, so a failed look-up fails the stage (Retry).
                    if indirect && mpn.is_none() {
                        match api.resellers().await {
                            Ok(rs) => {
                                mpn = rs
                                    .into_iter()
                                    .find(|r| Some(&r.id) == draft.reseller.as_ref())
                                    .map(|r| r.mpn_id)
                            }
                            Err(e) => {
                                fail(w, stage, e, &sub);
                                return;
                            }
                        }
                    }
                    let id = sub
                        .customer
                        .as_ref()
                        .map(|c| c.id.clone())
                        .unwrap_or_default();
                    let spec = &sub.orders[i].spec;
                    let lines: Vec<map::OrderLineInput> = spec
                        .lines
                        .iter()
                        .map(|l| map::OrderLineInput {
                            offer_id: &l.offer_id,
                            quantity: l.quantity,
                            friendly_name: &l.friendly_name,
                            term_duration: l.term_duration.as_deref(),
                        })
                        .collect();
                    let body = map::order_create(&id, spec.billing_cycle, &lines, mpn.as_ref());
                    let key = key_for(w, stage, &body);
                    api.create_order(&id, &body, &key)
                        .await
                        .inspect_err(|e| answered(w, stage, e))
                        .map(|placed| {
                            w.submit.submission.update(|s| {
                                if let Some(s) = s {
                                    s.record_order(i, placed)
                                }
                            })
                        })
                }
                Stage::Finished => Ok(()),
            };
            w.draft.save_now();
            if let Err(e) = result {
                fail(w, stage, e, &sub);
                return;
            }
        }
        if let Some(sub) = w.submit.submission.get_untracked() {
            let c = sub.customer.clone();
            w.inst.emit(
                "cw-submitted",
                &[
                    ("customerId", Detail::Str(c.as_ref().map_or("", |c| &c.id))),
                    ("domain", Detail::Str(c.as_ref().map_or("", |c| &c.domain))),
                    (
                        "companyName",
                        Detail::Str(c.as_ref().map_or("", |c| &c.company_name)),
                    ),
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
        }
        // Success: the personal data in the draft is no longer needed.
        w.submit.run.set(SubmitRun::default());
        w.draft.draft.set(Draft::default());
        w.draft.restored.set(false);
        w.submit.submitted.set(true);
        w.draft.save_now();
        w.nav.go(Step::Done);
    });
}

/// The idempotency key for this body (see [`Submission::key_for`]), saved before the request
/// carries it.
fn key_for(w: Wizard, stage: Stage, body: &impl serde::Serialize) -> String {
    let json = crate::api::json::to_string(body);
    let mut key = String::new();
    w.submit.submission.update(|s| {
        if let Some(s) = s {
            key = s.key_for(stage, &json, new_guid);
        }
    });
    w.draft.save_now();
    key
}

/// The stage's write was answered with `e`. A refusal is a final answer: whatever is sent
/// next is a new operation with a new key (a timeout, a drop, a 5xx or a 429 keep it, so the
/// retry is recognised). Not for the reads a stage makes first: they send nothing.
fn answered(w: Wizard, stage: Stage, e: &ApiError) {
    if is_business_failure(e) {
        w.submit.submission.update(|s| {
            if let Some(s) = s {
                s.refused(stage, new_guid);
            }
        });
    }
}

fn fail(w: Wizard, stage: Stage, e: ApiError, sub: &Submission) {
    let failure = route_error(stage, &e, sub);
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
            (
                "message",
                Detail::Str(&messages::api_error(&e, crate::i18n::Locale::En)),
            ),
            ("retryable", Detail::Bool(e.is_transient())),
        ],
    );
    w.submit.run.set(SubmitRun {
        busy: false,
        running: None,
        failed: Some((stage, e)),
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
/// the message and a Retry button.
#[component]
pub fn SubmitProgress() -> impl IntoView {
    let w = Wizard::from_context();
    let visible = move || w.submit.run.with(|r| r.busy || r.failed.is_some());
    view! {
        <Show when=visible>
            <section class="cw-panel cw-panel--attention" id=w.inst.el_id("submit-progress") tabindex="-1"
                aria-labelledby=w.inst.el_id("submit-progress-title")>
                <h2 class="cw-panel__title" id=w.inst.el_id("submit-progress-title")>{tr(Key::SubmitProgressTitle)}</h2>
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
                    let run = w.submit.run.get();
                    let (_, e) = run.failed?;
                    let l = w.nav.locale.get();
                    let partial = w.submit.submission.with(|s| s.as_ref().is_some_and(Submission::partial));
                    Some(view! {
                        <div role="alert" class="cw-submit-error">
                            <p class="cw-error-message">{Key::SubmitFailed.fmt(l, &[("detail", &messages::api_error(&e, l))])}</p>
                            {partial.then(|| view! { <p>{Key::SubmitPartial.text(l)}</p> })}
                        </div>
                        <button type="button" class="cw-button" on:click=move |_| start_submit(w)>
                            {Key::SubmitRetry.text(l)}
                        </button>
                    })
                }}
            </section>
        </Show>
    }
}

/// The submit button names its action.
pub fn submit_label(w: &Wizard) -> Key {
    if w.draft.draft.with(|d| d.lines.is_empty()) {
        Key::CreateCustomer
    } else {
        Key::CreateCustomerAndOrder
    }
}
