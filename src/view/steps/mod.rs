//! One component per step. Steps read and write the store in context; they hold no draft
//! state of their own.

mod account;
mod account_agreement;
mod account_checks;
mod account_reseller;
mod done;
mod review;
mod review_lines;
mod submitting;
mod subscriptions;

pub use account::AccountStep;
pub use account_checks::address_gate;
pub use done::DoneStep;
pub use review::ReviewStep;
pub use submitting::submit_label;
pub use subscriptions::SubscriptionsStep;

use leptos::prelude::*;

use crate::domain::i18n::Key;
use crate::state::store::use_instance;
use crate::view::components::{step_heading_id, tr};

/// The step's `<h1>`: focus target on step change.
#[component]
pub fn StepHeading(title: Key) -> impl IntoView {
    let inst = use_instance();
    view! {
        <h1 class="cw-heading" id=step_heading_id(&inst) tabindex="-1">
            {tr(title)}
        </h1>
    }
}
