//! Review's subscriptions: each chosen line with its quantity, term and billing frequency.

use leptos::prelude::*;

use super::review::{loading, Section};
use crate::domain::catalog::parse_quantity;
use crate::domain::i18n::Key;
use crate::domain::model::Step;
use crate::state::reactive::derive;
use crate::state::store::{use_draft, use_nav, use_subs};
use crate::view::components::tr;

#[component]
pub fn SubscriptionsCard() -> impl IntoView {
    let (nav, subs) = (use_nav(), use_subs());
    let draft = use_draft().draft;
    let lines = derive(move || {
        let catalog = subs.loaded();
        let catalog_loading = subs.catalog.with(|c| !matches!(c, Some(Some(_))));
        let l10n = nav.locale.get();
        draft.with(|d| {
            d.lines
                .iter()
                .map(|l| {
                    let name = match catalog.as_ref().and_then(|c| c.get(&l.offer_id)) {
                        Some(o) => o.name.clone(),
                        None if catalog_loading => loading(nav),
                        None => l.offer_id.clone(),
                    };
                    let friendly = if l.friendly_name.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", l.friendly_name.trim())
                    };
                    // The term is the commitment: shown where the offer has one.
                    let term = l
                        .term_duration
                        .as_deref()
                        .filter(|t| !t.is_empty())
                        .map(|t| format!("{}, ", crate::domain::messages::term(t, l10n)))
                        .unwrap_or_default();
                    // The number as it is ordered ("1 500" typed is 1500).
                    let quantity = parse_quantity(&l.quantity, 0, u32::MAX)
                        .map_or_else(|_| l.quantity.trim().to_string(), |q| q.to_string());
                    (
                        name + &friendly,
                        format!(
                            "{quantity} × {term}{}",
                            crate::domain::messages::billing_cycle(l.billing_cycle).text(l10n)
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Section title=Key::ReviewSubscriptions name=Key::UpdateSubscriptionsName target=Step::Subscriptions>
            <Show
                when=move || !lines.with(Vec::is_empty)
                fallback=move || view! {
                    <div class="cw-summary-list__row">
                        <dt class="cw-summary-list__key">{tr(Key::ReviewSubscriptions)}</dt>
                        <dd class="cw-summary-list__value">{tr(Key::ReviewNoSubscriptions)}</dd>
                    </div>
                }
            >
                {move || lines.get().into_iter().map(|(name, detail)| view! {
                    <div class="cw-summary-list__row">
                        <dt class="cw-summary-list__key">{name}</dt>
                        <dd class="cw-summary-list__value">{detail}</dd>
                    </div>
                }).collect_view()}
            </Show>
        </Section>
    }
}
