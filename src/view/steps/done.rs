//! Done: the new customer, the admin credentials shown once (copy, reveal/hide, a warning),
//! the orders, and what to do next. The password lives in memory only: after leaving this
//! page (or a reload) it can no longer be displayed.

use crate::state::reactive::{derive, memo, Derived, Var};
use leptos::prelude::*;

use super::StepHeading;
use crate::domain::i18n::Key;
use crate::domain::model::Step;
use crate::state::store::{use_discard_draft, use_instance, use_nav, use_submit};
use crate::view::components::{tr, wrap_at_dots, CopyButton};

#[component]
pub fn DoneStep() -> impl IntoView {
    let (inst, nav, submit) = (use_instance(), use_nav(), use_submit());
    let discard_draft = use_discard_draft();
    // Leaving Done forgets the password for good.
    on_cleanup(move || {
        let _ = submit.credentials.try_set(None);
    });
    let customer = memo(move || {
        submit
            .submission
            .with(|s| s.as_ref().and_then(|s| s.customer.clone()))
    });
    let sign_in = derive(move || {
        customer
            .get()
            .map(|c| format!("{}@{}", c.user_name, c.domain))
            .unwrap_or_default()
    });
    let password = derive(move || {
        submit
            .credentials
            .with(|c| c.as_ref().map(|c| c.password.clone()).unwrap_or_default())
    });
    let revealed = Var::new(false);
    // Each placed order with what it holds: its id alone does not tell the partner which
    // subscriptions were bought.
    let orders = memo(move || {
        submit.submission.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.orders
                        .iter()
                        .filter_map(|o| {
                            let lines = o
                                .spec
                                .lines
                                .iter()
                                .map(|l| {
                                    let name = if l.offer_name.is_empty() {
                                        &l.offer_id
                                    } else {
                                        &l.offer_name
                                    };
                                    // Its friendly name tells two lines of one offer apart.
                                    match l.friendly_name.as_str() {
                                        "" => format!("{name} × {}", l.quantity),
                                        f => format!("{name} ({f}) × {}", l.quantity),
                                    }
                                })
                                .collect::<Vec<_>>()
                                .join(", ");
                            Some((o.placed.clone()?, lines))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let customer_url = move || {
        let tpl = inst.config.with_value(|c| c.customer_url.clone())?;
        let id = customer.get()?.id;
        Some(tpl.replace("{id}", &id))
    };
    // `address`: the domain wraps at its dots on a phone.
    let row = move |label: Key, value: Derived<String>, address: bool| {
        view! {
            <div class="cw-summary-list__row">
                <dt class="cw-summary-list__key">{tr(label)}</dt>
                <dd class="cw-summary-list__value">{move || wrap_at_dots(&value.get(), address)}</dd>
            </div>
        }
    };
    let field = move |f: fn(&crate::domain::submit::CustomerRef) -> String| {
        derive(move || customer.get().as_ref().map(f).unwrap_or_default())
    };
    view! {
        <div class="cw-confirmation" role="status">
            <StepHeading title=Key::DoneTitle />
        </div>
        <dl class="cw-summary-list cw-summary-card">
            {row(Key::DoneCustomerName, field(|c| c.company_name.clone()), false)}
            {row(Key::DoneCustomerId, field(|c| c.id.clone()), false)}
            {row(Key::DoneDomain, field(|c| c.domain.clone()), true)}
        </dl>
        <section class="cw-panel cw-panel--attention" aria-labelledby=inst.el_id("credentials-title")>
            <h2 class="cw-panel__title" id=inst.el_id("credentials-title")>{tr(Key::DoneSignIn)}</h2>
            <p class="cw-credential"><code id=inst.el_id("sign-in")>{move || sign_in.get()}</code></p>
            <CopyButton label=Key::CopySignIn text=sign_in />
            <Show
                when=move || !password.get().is_empty()
                fallback=move || view! { <p class="cw-warning-message">{tr(Key::DonePasswordGone)}</p> }
            >
                <h2 class="cw-panel__title">{tr(Key::DonePassword)}</h2>
                <p class="cw-warning-message"><strong>{tr(Key::DonePasswordWarning)}</strong></p>
                <p class="cw-credential">
                    <code id=inst.el_id("password")>
                        {move || if revealed.get() { password.get() } else { "•".repeat(password.get().chars().count()) }}
                    </code>
                </p>
                <div class="cw-actions">
                    <button
                        type="button"
                        class="cw-button cw-button--secondary cw-button--small"
                        // The name says the action ("Show" / "Hide password"); a toggle's
                        // aria-pressed on top of a changing name would be read as both.
                        aria-controls=inst.el_id("password")
                        on:click=move |_| revealed.update(|r| *r = !*r)
                    >
                        {move || nav.t(if revealed.get() { Key::HidePassword } else { Key::ShowPassword })}
                    </button>
                    <CopyButton label=Key::CopyPassword text=password />
                </div>
            </Show>
        </section>
        <h2 class="cw-subheading">{tr(Key::DoneOrders)}</h2>
        <Show
            when=move || !orders.with(Vec::is_empty)
            fallback=move || view! { <p>{tr(Key::DoneNoOrders)}</p> }
        >
            <ul class="cw-list" id=inst.el_id("orders")>
                {move || {
                    let l = nav.locale.get();
                    orders
                        .get()
                        .into_iter()
                        .map(|(o, lines)| view! {
                            <li>
                                <p class="cw-order__lines">{lines}</p>
                                <p class="cw-hint">
                                    {Key::DoneOrderId.text(l)}" "<code>{o.id}</code>" · "
                                    {crate::domain::messages::order_status(&o.status, l)}
                                </p>
                            </li>
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
        <h2 class="cw-subheading">{tr(Key::DoneNext)}</h2>
        // "The name and password above" only when a password is shown above (a server's
        // replay of a finished run, or a reload, no longer has it).
        <p>{move || nav.t(if password.with(String::is_empty) { Key::DoneNextBodyReset } else { Key::DoneNextBody })}</p>
        <div class="cw-nav">
            <a class="cw-button cw-button--secondary" href=inst.config.with_value(|c| c.offers_url.clone())>
                {tr(Key::DoneOffers)}
            </a>
            {move || customer_url().map(|href| view! {
                <a class="cw-button cw-button--secondary" href=href>{tr(Key::DoneViewCustomer)}</a>
            })}
            <button type="button" class="cw-button" on:click=move |_| {
                discard_draft();
                nav.go(Step::Account);
            }>{tr(Key::AddAnother)}</button>
        </div>
    }
}
