//! The wizard shell: header, stepper, the current step, Back / Continue.

use crate::state::reactive::{derive, effect, Derived, Var};
use leptos::prelude::*;

use crate::domain::i18n::{Key, Locale};
use crate::domain::messages;
use crate::domain::model::Step;
use crate::domain::submit::Stage;
use crate::state::browser;
use crate::state::events::Detail;
use crate::state::store::{
    start_submit, use_checks, use_discard_draft, use_draft, use_instance, use_nav, use_submit,
    use_subs, DomainState, Wizard,
};
use crate::view::components::{step_heading_id, step_title, tr, use_error_links, Stepper};
use crate::view::steps::{
    address_gate, submit_label, AccountStep, DoneStep, ReviewStep, SubscriptionsStep,
};

#[component]
pub fn App(wizard: Wizard) -> impl IntoView {
    wizard.provide();
    let (nav, checks) = (wizard.nav, wizard.checks);
    focus_on_step_change();
    manage_title();
    follow_history();
    resume_submission(wizard);

    let may_add = move || {
        checks
            .profile
            .get()
            .and_then(Result::ok)
            .is_none_or(|p| p.may_add_customers())
    };

    view! {
        <div class="cw-root" lang=move || nav.locale.get().tag()>
            <header class="cw-header">
                <p class="cw-header__title">{tr(Key::AppTitle)}</p>
                <LanguageSwitch />
            </header>
            <Notices />
            <Show when=may_add fallback=move || view! { <NoRole /> }>
                <Stepper />
                <WizardForm />
            </Show>
            <SavedStatus />
        </div>
    }
}

/// Step changes move focus to the new step's heading, or to where the change asked to land
/// (not on first load: an embedded wizard must not steal focus from the host page).
fn focus_on_step_change() {
    let (inst, nav) = (use_instance(), use_nav());
    let mut shown: Option<Step> = None;
    effect(move |_| {
        let step = nav.step.get();
        if shown.replace(step).is_some_and(|p| p != step) {
            let mut land_on = None;
            nav.land_on.update_value(|f| land_on = f.take());
            let id = land_on.unwrap_or_else(|| step_heading_id(&inst));
            request_animation_frame(move || browser::focus_id(&id));
            inst.emit(
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
}

/// The title names the step, with "Error: " while the step shows errors (standalone; an
/// embedding host keeps its own title unless it asks otherwise).
fn manage_title() {
    let (inst, nav) = (use_instance(), use_nav());
    let error_links = use_error_links();
    effect(move |_| {
        if !inst.config.with_value(|c| c.manage_title) {
            return;
        }
        let step = nav.step.get();
        let l = nav.locale.get();
        // The page that owns its title is the wizard's own page: its language is the
        // wizard's too (screen readers pick the voice from `<html lang>`).
        browser::set_page_lang(l.tag());
        let failing = !error_links(step).is_empty();
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
}

/// Standalone: the browser's Back and Forward move between steps.
fn follow_history() {
    let (inst, nav, checks, subs) = (use_instance(), use_nav(), use_checks(), use_subs());
    let submitted = use_submit().submitted;
    let routing = inst.config.with_value(|c| c.routing.clone());
    if !routing.in_url() {
        return;
    }
    let follow_url = move |slug: &str| nav.follow_url(slug, &checks, &subs, submitted);
    let named = browser::step_in_url(&routing);
    follow_url(&named);
    browser::push_step(&routing, nav.step.get_untracked().slug(), true);
    // A reload on a later step lands there with focus on its heading, where the wizard
    // owns the page (it takes no focus from a host page).
    if nav.step.get_untracked().slug() == named
        && nav.step.get_untracked() != Step::Account
        && inst.config.with_value(|c| c.manage_title)
    {
        let id = step_heading_id(&inst);
        request_animation_frame(move || browser::focus_id(&id));
    }
    // Whether the user may attest is known once the profile answers: until then the step
    // the URL named stands; then it is checked again (and left if it may not be shown).
    effect(move |_| {
        if checks.profile.get().is_some() {
            untrack(move || {
                let step = nav.step.get_untracked();
                follow_url(step.slug());
            });
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let slug = inst.config.with_value(|c| browser::step_in_url(&c.routing));
        follow_url(&slug);
    });
    on_cleanup(move || handle.remove());
}

/// A submission interrupted by a reload or a crash resumes where it stopped, with the
/// same idempotency keys (nothing is created twice).
fn resume_submission(w: Wizard) {
    if w.submit
        .submission
        .with_untracked(|s| s.as_ref().is_some_and(|s| s.stage() != Stage::Finished))
    {
        w.nav.step.set(Step::Review);
        w.inst
            .config
            .with_value(|c| browser::push_step(&c.routing, Step::Review.slug(), true));
        start_submit(w);
    }
}

/// The demo banner, the restored-draft notice and a failed profile with its Retry.
#[component]
fn Notices() -> impl IntoView {
    let (inst, nav, checks) = (use_instance(), use_nav(), use_checks());
    let submit = use_submit();
    let (restored, submitted) = (use_draft().restored, submit.submitted);
    let discard_draft = use_discard_draft();
    // Starting again is not offered under a submission in flight, nor once the customer
    // exists (it would lose its sign-in details), as Cancel is not.
    let may_start_again = move || !submit.run.with(|r| r.busy) && !submit.customer_created();
    view! {
        <Show when=move || inst.api.with_value(|a| a.is_demo())>
            <p class="cw-demo-banner">{tr(Key::DemoBanner)}</p>
        </Show>
        <Show when=move || restored.get() && !submitted.get()>
            <div class="cw-notice" role="status">
                <p>{tr(Key::DraftRestored)}</p>
                <Show when=may_start_again>
                    <button type="button" class="cw-link-button" on:click=move |_| {
                        discard_draft();
                        // The empty form is on Account info, its heading focused (the
                        // button pressed is gone with the notice).
                        nav.go(Step::Account);
                        let heading = crate::view::components::step_heading_id(&inst);
                        request_animation_frame(move || browser::focus_id(&heading));
                    }>
                        {tr(Key::DiscardDraft)}
                    </button>
                </Show>
            </div>
        </Show>
        <Show when=move || matches!(checks.profile.get(), Some(Err(_)))>
            <div class="cw-notice cw-notice--error" role="alert">
                <p>
                    {move || {
                        let l = nav.locale.get();
                        checks.profile
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
                <button type="button" class="cw-button" on:click=move |_| checks.profile.refetch()>
                    {tr(Key::Retry)}
                </button>
            </div>
        </Show>
    }
}

/// Said once, politely, after the first save: not on every keystroke pause.
#[component]
fn SavedStatus() -> impl IntoView {
    let nav = use_nav();
    let saved_once = use_draft().saved_once;
    view! {
        <p class="cw-saved-status" role="status" aria-live="polite">
            // Not on Done: the customer exists, and the draft is gone.
            {move || {
                (saved_once.get() && nav.step.get() != Step::Done)
                    .then(|| nav.t(Key::DraftSavedStatus))
            }}
        </p>
    }
}

#[component]
fn NoRole() -> impl IntoView {
    let inst = use_instance();
    view! {
        <h1 class="cw-heading" id=step_heading_id(&inst) tabindex="-1">{tr(Key::NoRoleTitle)}</h1>
        <p class="cw-lead">{tr(Key::NoRoleBody)}</p>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let nav = use_nav();
    // Not "language": that is the id of Account info's language-of-communications field.
    let id = use_instance().el_id("ui-language");
    view! {
        <div class="cw-language">
            <label for=id.clone() class="cw-language__label">{tr(Key::LanguageLabel)}</label>
            <select
                id=id
                class="cw-select cw-select--compact"
                prop:value=move || nav.locale.get().tag()
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        nav.choose_locale(l);
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
    let w = Wizard::from_context();
    let (nav, checks) = (w.nav, w.checks);
    // Continue pressed while the domain's availability is being checked: go on (or show
    // "already in use") when the answer comes, not past a taken domain on a slow network.
    // Likewise Create pressed while Review is still loading what it shows (after a reload):
    // nothing is sent that the user could not read first.
    let waiting = Var::new(None::<Step>);
    let must_wait = move || match nav.step.get() {
        Step::Account => checks
            .domain
            .with(|d| matches!(d, Some((_, DomainState::Checking)))),
        Step::Review => !w.review_ready(),
        _ => false,
    };
    let go_on = move || {
        if untrack(must_wait) {
            waiting.set(Some(nav.step.get_untracked()));
            return;
        }
        let step = nav.step.get_untracked();
        if step == Step::Review {
            start_submit(w);
            // The progress appears above the button just pressed, which moves down: focus
            // goes to it (and scrolls it into view). Only on a press: a submission resumed
            // after a reload takes no focus from a host page.
            let progress = w.inst.el_id("submit-progress");
            request_animation_frame(move || browser::focus_id(&progress));
            return;
        }
        // A valid Account info is checked against the address service before going on.
        if step == Step::Account
            && checks.account_issues.with_untracked(Vec::is_empty)
            && !address_gate(w)
        {
            return;
        }
        if !nav.continue_from(step, &checks, &w.subs, w.draft.draft) {
            // Where focus goes when Continue did not move on: the question about continuing
            // without subscriptions, else the error summary.
            let id = w.inst.el_id(if w.subs.confirming_empty.get_untracked() {
                "subs-confirm"
            } else {
                "error-summary"
            });
            request_animation_frame(move || browser::focus_id(&id));
        }
    };
    effect(move |_| {
        let step = nav.step.get();
        let blocked = must_wait();
        match waiting.get_untracked() {
            // Left the step meanwhile: that press is forgotten, not acted on later.
            Some(s) if s != step => waiting.set(None),
            Some(_) if !blocked => {
                waiting.set(None);
                untrack(go_on);
            }
            _ => {}
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go_on();
    };
    // The question "delete everything?" of the standalone page's Cancel; changing step closes it.
    let confirming = Var::new(false);
    effect(move |first| {
        nav.step.track();
        if !first {
            confirming.set(false);
        }
    });
    let primary = derive(move || match nav.step.get() {
        // Came from Review's "Update": Continue goes straight back there.
        Step::Account | Step::Subscriptions if nav.return_to_review.get() => Key::SaveAndReview,
        Step::Account => Key::NextSubscriptions,
        Step::Subscriptions => Key::NextReview,
        _ => submit_label(&w),
    });
    view! {
        <form class="cw-form" novalidate on:submit=on_submit>
            <div class="cw-step">
                {move || match nav.step.get() {
                    Step::Account => view! { <AccountStep /> }.into_any(),
                    Step::Subscriptions => view! { <SubscriptionsStep /> }.into_any(),
                    Step::Review => view! { <ReviewStep /> }.into_any(),
                    Step::Done => view! { <DoneStep /> }.into_any(),
                }}
            </div>
            <Show when=move || nav.step.get() != Step::Done>
                <StepButtons primary=primary waiting=waiting confirming=confirming />
            </Show>
            <Show when=move || confirming.get()>
                <CancelConfirm confirming=confirming />
            </Show>
        </form>
    }
}

/// Continue (`primary` names where it goes), Back and Cancel.
#[component]
fn StepButtons(
    primary: Derived<Key>,
    /// The step whose Continue waits for a check or a load to finish (`WizardForm`).
    waiting: Var<Option<Step>>,
    confirming: Var<bool>,
) -> impl IntoView {
    let (inst, nav, submit) = (use_instance(), use_nav(), use_submit());
    let run = submit.run;
    let is_waiting = move || waiting.with(Option::is_some);
    // Not while a submission is in flight, and no Cancel once the customer exists: starting
    // again would throw away the new customer's sign-in details and the rest of its order.
    let busy = move || run.with(|r| r.busy);
    let no_cancel = move || busy() || submit.customer_created();
    view! {
        <div class="cw-nav">
            <button
                type="submit"
                class="cw-button"
                aria-disabled=move || (run.with(|r| r.busy) || is_waiting()).then_some("true")
            >
                {move || nav.t(primary.get())}
            </button>
            // aria-disabled alone is not announced: a screen reader hears that the press was
            // taken and goes on by itself (an always-present live region), and it is written
            // next to the button for everyone else.
            <p class="cw-visually-hidden" role="status">
                {move || is_waiting().then(|| nav.t(Key::ContinueWaiting))}
            </p>
            <Show when=is_waiting>
                <p class="cw-hint cw-nav__status" aria-hidden="true">{tr(Key::ContinueWaiting)}</p>
            </Show>
            // Back before Cancel, in reading and tab order: the way back is the
            // common one, Cancel the last resort.
            <Show when=move || nav.step.get().prev().is_some()>
                <button
                    type="button"
                    class="cw-button cw-button--secondary"
                    disabled=busy
                    on:click=move |_| nav.back_from(nav.step.get_untracked())
                >
                    {tr(Key::Back)}
                </button>
            </Show>
            <button
                type="button"
                class="cw-link-button cw-nav__cancel"
                id=inst.el_id("cancel")
                disabled=no_cancel
                // Standalone only: there it opens the question below.
                aria-expanded=move || {
                    inst.config
                        .with_value(|c| c.routing.in_url())
                        .then(|| if confirming.get() { "true" } else { "false" })
                }
                on:click=move |_| {
                    // A Continue still waiting is dropped: Cancel wins.
                    waiting.set(None);
                    inst.emit("cw-cancel", &[("step", Detail::Str(nav.step.get_untracked().slug()))]);
                    // Standalone there is no host to close the wizard: cancelling
                    // deletes everything entered, so it asks first.
                    if inst.config.with_value(|c| c.routing.in_url()) {
                        confirming.set(true);
                        request_animation_frame(move || browser::focus_id(&inst.el_id("cancel-confirm")));
                    }
                }
            >
                {tr(Key::Cancel)}
            </button>
        </div>
    }
}

/// "Cancel" in the standalone page deletes the draft: asked first, with keeping it the easy way
/// out (nothing typed is lost by a slip of the finger).
#[component]
fn CancelConfirm(confirming: Var<bool>) -> impl IntoView {
    let (inst, nav, submit) = (use_instance(), use_nav(), use_submit());
    let discard_draft = use_discard_draft();
    let title_id = inst.el_id("cancel-confirm-title");
    let body_id = inst.el_id("cancel-confirm-body");
    let keep = move || {
        confirming.set(false);
        browser::focus_id(&inst.el_id("cancel"));
    };
    view! {
        <section
            class="cw-confirm"
            id=inst.el_id("cancel-confirm")
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
                // Never under a submission in flight (the question can be open when a waiting Create
                // goes on by itself).
                <button type="button" class="cw-button cw-button--warning" disabled=move || submit.run.with(|r| r.busy) on:click=move |_| {
                    confirming.set(false);
                    discard_draft();
                    nav.go(Step::Account);
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
