//! The wizard shell: header, stepper, the current step, Back / Continue.

use crate::reactive::{effect, Var};
use leptos::prelude::*;

use crate::browser;
use crate::components::{step_heading_id, step_title, tr, Stepper};
use crate::events::Detail;
use crate::i18n::{Key, Locale};
use crate::messages;
use crate::model::Step;
use crate::steps::{
    address_gate, start_submit, submit_label, AccountStep, DoneStep, ReviewStep, SubscriptionsStep,
};
use crate::store::{use_wizard, DomainState, Wizard};
use crate::submit::Stage;

#[component]
pub fn App(wizard: Wizard) -> impl IntoView {
    provide_context(wizard);
    let w = wizard;

    // Step changes move focus to the new step's heading, or to where the change asked to land
    // (not on first load: an embedded wizard must not steal focus from the host page).
    let mut shown: Option<Step> = None;
    effect(move |_| {
        let step = w.step.get();
        if shown.replace(step).is_some_and(|p| p != step) {
            let mut land_on = None;
            w.land_on.update_value(|f| land_on = f.take());
            let id = land_on.unwrap_or_else(|| step_heading_id(&w));
            request_animation_frame(move || browser::focus_id(&id));
            w.emit(
                "cw-step-change",
                &[
                    ("step", Detail::Str(step.slug())),
                    (
                        "number",
                        step.number()
                            .map_or(Detail::Null, |n| Detail::Num(n as f64)),
                    ),
                ],
            );
        }
    });
    // The title names the step, with "Error: " while the step shows errors (standalone; an
    // embedding host keeps its own title unless it asks otherwise).
    effect(move |_| {
        if !w.config.with_value(|c| c.manage_title) {
            return;
        }
        let step = w.step.get();
        let l = w.locale.get();
        // The page that owns its title is the wizard's own page: its language is the
        // wizard's too (screen readers pick the voice from `<html lang>`).
        browser::set_page_lang(l.tag());
        let failing = !w.error_links(step).is_empty();
        browser::set_title(&format!(
            "{}{} – {}",
            if failing {
                Key::ErrorTitlePrefix.text(l)
            } else {
                ""
            },
            step_title(step).text(l),
            Key::AppTitle.text(l)
        ));
    });
    // Standalone: the browser's Back and Forward move between steps.
    let routing = w.config.with_value(|c| c.routing.clone());
    if routing.in_url() {
        let named = browser::step_in_url(&routing);
        w.follow_url(&named);
        browser::push_step(&routing, w.step.get_untracked().slug(), true);
        // A reload on a later step lands there with focus on its heading, where the wizard
        // owns the page (it takes no focus from a host page).
        if w.step.get_untracked().slug() == named
            && w.step.get_untracked() != Step::Account
            && w.config.with_value(|c| c.manage_title)
        {
            let id = step_heading_id(&w);
            request_animation_frame(move || browser::focus_id(&id));
        }
        // Whether the user may attest is known once the profile answers: until then the step
        // the URL named stands; then it is checked again (and left if it may not be shown).
        effect(move |_| {
            if w.profile.get().is_some() {
                untrack(move || {
                    let step = w.step.get_untracked();
                    w.follow_url(step.slug());
                });
            }
        });
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let slug = w.config.with_value(|c| browser::step_in_url(&c.routing));
            w.follow_url(&slug);
        });
        on_cleanup(move || handle.remove());
    }

    // A submission interrupted by a reload or a crash resumes where it stopped, with the
    // same idempotency keys (nothing is created twice).
    if w.submission
        .with_untracked(|s| s.as_ref().is_some_and(|s| s.stage() != Stage::Finished))
    {
        w.step.set(Step::Review);
        w.config
            .with_value(|c| browser::push_step(&c.routing, Step::Review.slug(), true));
        start_submit(w);
    }

    let may_add = move || {
        w.profile
            .get()
            .and_then(Result::ok)
            .is_none_or(|p| p.may_add_customers())
    };

    view! {
        <div class="cw-root" lang=move || w.locale.get().tag()>
            <header class="cw-header">
                <p class="cw-header__title">{tr(Key::AppTitle)}</p>
                <LanguageSwitch />
            </header>
            <Show when=move || w.api.with_value(|a| a.is_demo())>
                <p class="cw-demo-banner">{tr(Key::DemoBanner)}</p>
            </Show>
            <Show when=move || w.restored.get() && !w.submitted.get()>
                <div class="cw-notice" role="status">
                    <p>{tr(Key::DraftRestored)}</p>
                    <button type="button" class="cw-link-button" on:click=move |_| w.discard_draft()>
                        {tr(Key::DiscardDraft)}
                    </button>
                </div>
            </Show>
            <Show when=move || matches!(w.profile.get(), Some(Err(_)))>
                <div class="cw-notice cw-notice--error" role="alert">
                    <p>
                        {move || {
                            let l = w.locale.get();
                            w.profile
                                .get()
                                .and_then(|r| r.err())
                                .map(|e| {
                                    format!(
                                        "{} {}",
                                        Key::ApiLoadFailed.fmt(l, &[("what", Key::WhatProfile.text(l))]),
                                        messages::api_error(&e, l),
                                    )
                                })
                        }}
                    </p>
                    <button type="button" class="cw-button" on:click=move |_| w.profile.refetch()>
                        {tr(Key::Retry)}
                    </button>
                </div>
            </Show>
            <Show when=may_add fallback=move || view! { <NoRole /> }>
                <Stepper />
                <WizardForm />
            </Show>
            // Said once, politely, after the first save: not on every keystroke pause.
            <p class="cw-saved-status" role="status" aria-live="polite">
                // Not on Done: the customer exists, and the draft is gone.
                {move || {
                    (w.saved_once.get() && w.step.get() != Step::Done)
                        .then(|| w.t(Key::DraftSavedStatus))
                }}
            </p>
        </div>
    }
}

#[component]
fn NoRole() -> impl IntoView {
    let w = use_wizard();
    view! {
        <h1 class="cw-heading" id=step_heading_id(&w) tabindex="-1">{tr(Key::NoRoleTitle)}</h1>
        <p class="cw-lead">{tr(Key::NoRoleBody)}</p>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let w = use_wizard();
    // Not "language": that is the id of Account info's language-of-communications field.
    let id = w.el_id("ui-language");
    view! {
        <div class="cw-language">
            <label for=id.clone() class="cw-language__label">{tr(Key::LanguageLabel)}</label>
            <select
                id=id
                class="cw-select cw-select--compact"
                prop:value=move || w.locale.get().tag()
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        w.choose_locale(l);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.endonym()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The current step inside one `<form novalidate>` so that Enter submits the step.
#[component]
fn WizardForm() -> impl IntoView {
    let w = use_wizard();
    // Continue pressed while the domain's availability is being checked: go on (or show
    // "already in use") when the answer comes, not past a taken domain on a slow network.
    let waiting = Var::new(false);
    let go_on = move || {
        let step = w.step.get_untracked();
        if step == Step::Review {
            start_submit(w);
            return;
        }
        if step == Step::Account
            && w.domain
                .with_untracked(|d| matches!(d, Some((_, DomainState::Checking))))
        {
            waiting.set(true);
            return;
        }
        // A valid Account info is checked against the address service before going on.
        if step == Step::Account
            && w.account_issues.with_untracked(Vec::is_empty)
            && !address_gate(w)
        {
            return;
        }
        if !w.continue_from(step) {
            let id = w.blocked_focus_id();
            request_animation_frame(move || browser::focus_id(&id));
        }
    };
    effect(move |_| {
        let checking = w
            .domain
            .with(|d| matches!(d, Some((_, DomainState::Checking))));
        if !checking && waiting.get_untracked() {
            waiting.set(false);
            if w.step.get_untracked() == Step::Account {
                go_on();
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go_on();
    };
    // The question "delete everything?" of the standalone page's Cancel; changing step closes it.
    let confirming = Var::new(false);
    effect(move |first| {
        w.step.track();
        if !first {
            confirming.set(false);
        }
    });
    let primary = move || match w.step.get() {
        // Came from Review's "Update": Continue goes straight back there.
        Step::Account | Step::Subscriptions if w.return_to_review.get() => Key::SaveAndReview,
        Step::Account => Key::NextSubscriptions,
        Step::Subscriptions => Key::NextReview,
        _ => submit_label(&w),
    };
    view! {
        <form class="cw-form" novalidate on:submit=on_submit>
            <div class="cw-step">
                {move || match w.step.get() {
                    Step::Account => view! { <AccountStep /> }.into_any(),
                    Step::Subscriptions => view! { <SubscriptionsStep /> }.into_any(),
                    Step::Review => view! { <ReviewStep /> }.into_any(),
                    Step::Done => view! { <DoneStep /> }.into_any(),
                }}
            </div>
            <Show when=move || w.step.get() != Step::Done>
                <div class="cw-nav">
                    <button
                        type="submit"
                        class="cw-button"
                        aria-disabled=move || (w.run.with(|r| r.busy) || waiting.get()).then_some("true")
                    >
                        {move || w.t(primary())}
                    </button>
                    // Back before Cancel, in reading and tab order: the way back is the
                    // common one, Cancel the last resort.
                    <Show when=move || w.step.get().prev().is_some()>
                        <button
                            type="button"
                            class="cw-button cw-button--secondary"
                            on:click=move |_| w.back_from(w.step.get_untracked())
                        >
                            {tr(Key::Back)}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="cw-link-button cw-nav__cancel"
                        id=w.el_id("cancel")
                        // Standalone only: there it opens the question below.
                        aria-expanded=move || {
                            w.config
                                .with_value(|c| c.routing.in_url())
                                .then(|| if confirming.get() { "true" } else { "false" })
                        }
                        on:click=move |_| {
                            w.emit("cw-cancel", &[("step", Detail::Str(w.step.get_untracked().slug()))]);
                            // Standalone there is no host to close the wizard: cancelling
                            // deletes everything entered, so it asks first.
                            if w.config.with_value(|c| c.routing.in_url()) {
                                confirming.set(true);
                                request_animation_frame(move || browser::focus_id(&w.el_id("cancel-confirm")));
                            }
                        }
                    >
                        {tr(Key::Cancel)}
                    </button>
                </div>
            </Show>
            <Show when=move || confirming.get()>
                <CancelConfirm confirming=confirming />
            </Show>
        </form>
    }
}

/// "Cancel" in the standalone page deletes the draft: asked first, with keeping it the easy way
/// out (nothing typed is lost by a slip of the finger).
#[component]
fn CancelConfirm(confirming: Var<bool>) -> impl IntoView {
    let w = use_wizard();
    let title_id = w.el_id("cancel-confirm-title");
    let body_id = w.el_id("cancel-confirm-body");
    let keep = move || {
        confirming.set(false);
        browser::focus_id(&w.el_id("cancel"));
    };
    view! {
        <section
            class="cw-confirm"
            id=w.el_id("cancel-confirm")
            tabindex="-1"
            role="alertdialog"
            aria-labelledby=title_id
            aria-describedby=body_id
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    keep();
                }
            }
        >
            <h2 class="cw-confirm__title" id=title_id.clone()>{tr(Key::CancelConfirmTitle)}</h2>
            <p id=body_id.clone()>{tr(Key::CancelConfirmBody)}</p>
            <div class="cw-confirm__actions">
                <button type="button" class="cw-button cw-button--warning" on:click=move |_| {
                    confirming.set(false);
                    w.discard_draft();
                    w.go(Step::Account);
                }>
                    {tr(Key::CancelConfirmYes)}
                </button>
                <button type="button" class="cw-button cw-button--secondary" on:click=move |_| keep()>
                    {tr(Key::CancelConfirmNo)}
                </button>
            </div>
        </section>
    }
}
