//! Step 2: Subscriptions. Loads the country's offers through the API seam; choosing offers
//! and quantities is filled in by the subscriptions work.

use leptos::prelude::*;

use crate::components::tr;

use super::StepHeading;
use crate::i18n::{plural, Key};
use crate::messages;
use crate::store::use_wizard;

#[component]
pub fn SubscriptionsStep() -> impl IntoView {
    let w = use_wizard();
    let offers = LocalResource::new(move || {
        let api = w.api.get_value();
        let country = w.draft.with_untracked(|d| d.account.country.clone());
        async move { api.offers(&country, None).await }
    });
    view! {
        <StepHeading title=Key::StepSubscriptions />
        <p class="cw-lead">{tr(Key::SubscriptionsIntro)}</p>
        <div class="cw-status" role="status" aria-live="polite">
            {move || {
                let l = w.locale.get();
                match offers.get() {
                    None => w.t(Key::Loading).to_string(),
                    Some(Ok(list)) => Key::OffersLoaded.fmt(l, &[("count", &list.len().to_string())]),
                    Some(Err(e)) => messages::api_error(&e, l),
                }
            }}
        </div>
        <p class="cw-summary-line">
            {move || plural(
                w.locale.get(),
                w.draft.with(|d| d.lines.len()),
                Key::SubscriptionsChosenOne,
                Key::SubscriptionsChosenOther,
            )}
        </p>
    }
}
