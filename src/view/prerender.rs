//! The first screen rendered to HTML at build time (native, `--features ssr`): the wizard as it
//! first appears (Account info, empty draft) from the app's own components, with the same
//! store and configuration as a mount, so the page is readable and typeable before the wasm
//! runs. `scripts/prerender.mjs` runs it for every locale; a Playwright test compares the
//! result with the live app's first screen.

use leptos::prelude::*;

use crate::api::{demo::Demo, http::Transport, Api, Auth};
use crate::domain::config::{Config, Routing};
use crate::domain::i18n::{Key, Locale};
use crate::state::reactive::Var;
use crate::state::store::Wizard;
use crate::view::app::App;

/// How the screen will be shown: the standalone page, or embedded in a host element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Standalone,
    Embedded,
}

/// The element-id prefix the prerendered markup carries; the page's boot script replaces it
/// with the instance's own (`cw` standalone, the element's id or `cwN` embedded).
pub const INSTANCE: &str = "cwpre";

/// The wizard's first screen in `locale`, as `mount` renders it with an empty draft.
pub fn first_screen(locale: Locale, mode: Mode) -> String {
    let mut config = Config::new();
    config.locale = Some(locale);
    if mode == Mode::Embedded {
        // As mount.rs configures an embedded wizard.
        config.routing = Routing::None;
        config.manage_title = false;
    }
    // A server render: browser-only work (window listeners, effects) is skipped.
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    owner.with(|| {
        let locale = Var::new(locale);
        let transport = Transport {
            auth: Auth::None,
            correlation_id: String::new(),
            locale,
            timeout_ms: config.timeout_ms,
        };
        let demo = Demo::new(config.assets_base.clone(), config.demo_latency_ms, None, "");
        let api = Api::demo(demo, transport);
        let wizard = Wizard::new(INSTANCE.into(), config, api, locale, None);
        view! { <App wizard=wizard /> }.to_html()
    })
}

/// The standalone page's title while the first screen shows, as the app sets it.
pub fn title(locale: Locale) -> String {
    format!(
        "{} – {}",
        crate::view::components::step_title(crate::domain::model::Step::Account).text(locale),
        Key::AppTitle.text(locale)
    )
}

/// What the screen says instead of an empty form while a saved draft is being restored.
pub fn loading_draft(locale: Locale) -> String {
    format!(
        r#"<div class="cw-root" lang="{}"><p class="cw-lead" role="status">{}</p></div>"#,
        locale.tag(),
        match locale {
            // Said only here, before the wasm runs: not in the wasm's message table.
            Locale::En => "Loading the details you entered earlier…",
            Locale::Tr => "Daha önce girdiğiniz bilgiler yükleniyor…",
        }
    )
}
