//! Step 3: Review. Every answer as a summary list, an "Update" link per section.

use leptos::prelude::*;

use super::StepHeading;
use crate::browser;
use crate::i18n::Key;
use crate::model::{AgreementChoice, Step};
use crate::store::use_wizard;

#[component]
fn Row(label: Key, #[prop(into)] value: Signal<String>) -> impl IntoView {
    let w = use_wizard();
    view! {
        <div class="cw-summary-list__row">
            <dt class="cw-summary-list__key">{move || w.t(label)}</dt>
            <dd class="cw-summary-list__value">
                {move || {
                    let v = value.get();
                    if v.trim().is_empty() { w.t(Key::NotProvided).to_string() } else { v }
                }}
            </dd>
        </div>
    }
}

/// A section heading with its "Update" link (accessible name "Update <section>").
#[component]
fn Section(title: Key, hidden: Key, target: Step, children: Children) -> impl IntoView {
    let w = use_wizard();
    view! {
        <section class="cw-summary-card">
            <div class="cw-summary-card__head">
                <h2 class="cw-summary-card__title">{move || w.t(title)}</h2>
                <button
                    type="button"
                    class="cw-link-button"
                    on:click=move |_| {
                        w.return_to_review.set(true);
                        w.go(target);
                    }
                >
                    {move || w.t(Key::Update)}
                    <span class="cw-visually-hidden">" " {move || w.t(hidden)}</span>
                </button>
            </div>
            <dl class="cw-summary-list">{children()}</dl>
        </section>
    }
}

#[component]
pub fn ReviewStep() -> impl IntoView {
    let w = use_wizard();
    let a = move |f: fn(&crate::model::Account) -> String| {
        Signal::derive(move || w.draft.with(|d| f(&d.account)))
    };
    let country = Signal::derive(move || {
        let c = w.draft.with(|d| d.account.country.clone());
        if c.is_empty() {
            c
        } else {
            browser::country_name(&c, w.locale.get().bcp47())
        }
    });
    view! {
        <StepHeading title=Key::StepReview />
        <p class="cw-lead">{move || w.t(Key::ReviewIntro)}</p>
        <Section title=Key::StepAccount hidden=Key::UpdateAccountHidden target=Step::Account>
            <Row label=Key::CompanyName value=a(|a| a.company_name.trim().to_string()) />
            <Row label=Key::DomainPrefix value=a(|a| format!("{}.onmicrosoft.com", a.domain_prefix.trim())) />
            <Row label=Key::Country value=country />
            <Row
                label=Key::ReviewAddress
                value=a(|a| {
                    [&a.address_line1, &a.address_line2, &a.city, &a.state, &a.postal_code]
                        .iter()
                        .map(|s| s.trim())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            />
            <Row label=Key::ReviewContact value=a(|a| format!("{} {}", a.first_name.trim(), a.last_name.trim())) />
            <Row label=Key::Email value=a(|a| a.email.trim().to_string()) />
            <Row label=Key::Phone value=a(|a| a.phone.trim().to_string()) />
            <Row
                label=Key::ReviewAgreement
                value=Signal::derive(move || {
                    let (choice, who, date) = w.draft.with(|d| (
                        d.account.agreement,
                        format!("{} {}", d.account.signer_first_name.trim(), d.account.signer_last_name.trim()),
                        d.account.date_agreed.clone(),
                    ));
                    match choice {
                        AgreementChoice::Accepted => format!("{who}, {date}"),
                        AgreementChoice::AcceptLater => w.t(Key::AgreementLater).to_string(),
                        AgreementChoice::Unset => String::new(),
                    }
                })
            />
            <Row
                label=Key::ReviewGdap
                value=Signal::derive(move || {
                    w.t(if w.draft.with(|d| d.account.enable_gdap) { Key::Yes } else { Key::No }).to_string()
                })
            />
        </Section>
        <Section title=Key::ReviewSubscriptions hidden=Key::UpdateSubscriptionsHidden target=Step::Subscriptions>
            <Row
                label=Key::ReviewSubscriptions
                value=Signal::derive(move || {
                    if w.draft.with(|d| d.lines.is_empty()) {
                        w.t(Key::ReviewNoSubscriptions).to_string()
                    } else {
                        w.draft.with(|d| d.lines.iter().map(|l| format!("{} × {}", l.offer_id, l.quantity)).collect::<Vec<_>>().join(", "))
                    }
                })
            />
        </Section>
    }
}
