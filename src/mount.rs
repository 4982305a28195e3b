//! Mounting: find the element, read its configuration, build the API and the store, render.

use leptos::prelude::*;
#[cfg(feature = "autostart")]
use wasm_bindgen::prelude::*;
#[cfg(feature = "autostart")]
use wasm_bindgen::JsCast;

use crate::api::{demo::Demo, http::Transport, new_guid, Api, Auth};
use crate::app::App;
use crate::browser;
use crate::config::{Config, ConfigError, Routing};
use crate::i18n::{Key, Locale};
use crate::store::Wizard;

/// Reads `data-*` attributes (except `data-customer-wizard`) and a
/// `<script type="application/json" data-config>` child.
fn read_config(el: &web_sys::HtmlElement, standalone: bool) -> Result<Config, ConfigError> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for name in el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
    {
        if let Some(key) = name.strip_prefix("data-") {
            if key != "customer-wizard" && key != "cw-mounted" {
                pairs.push((key.to_string(), el.get_attribute(&name).unwrap_or_default()));
            }
        }
    }
    let mut config = Config::new();
    if !standalone {
        config.routing = Routing::None;
    }
    config = config.apply(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    if let Ok(Some(script)) = el.query_selector("script[type='application/json'][data-config]") {
        config = config.apply_json(&script.text_content().unwrap_or_default())?;
    }
    if standalone {
        // A standalone demo can be steered from its URL (handy for demos and tests).
        for key in [
            "demo-faults",
            "demo-profile",
            "locale",
            "demo-latency",
            "demo-catalog",
        ] {
            if let Some(v) = browser::query_param(key) {
                config = config.apply([(key, v.as_str())])?;
            }
        }
    }
    Ok(config)
}

fn build_api(config: &Config, locale: RwSignal<Locale>) -> Api {
    let transport = Transport {
        auth: Auth::None,
        correlation_id: new_guid(),
        locale,
        timeout_ms: 20_000,
    };
    match &config.api_base {
        Some(base) => Api::http(base.clone(), transport),
        None => Api::demo(
            Demo::new(
                config.assets_base.clone(),
                config.demo_latency_ms,
                config.demo_profile.clone(),
                config.demo_faults.as_deref().unwrap_or(""),
            )
            .with_catalog(config.demo_catalog.clone()),
            transport,
        ),
    }
}

/// Mounts a wizard into `el`. The returned handle unmounts it when dropped.
pub fn mount_into(
    el: web_sys::HtmlElement,
    instance: String,
    standalone: bool,
) -> Option<leptos::mount::UnmountHandle<impl Mountable>> {
    let langs = browser::browser_languages();
    let config = match read_config(&el, standalone) {
        Ok(c) => c,
        Err(e) => {
            let locale = Locale::negotiate(langs.iter().map(String::as_str));
            let msg = Key::ConfigError.fmt(locale, &[("detail", &e.to_string())]);
            web_sys::console::error_1(&format!("customer-wizard: {e}").into());
            let p = browser::document()?.create_element("p").ok()?;
            p.set_class_name("cw-config-error");
            p.set_attribute("role", "alert").ok()?;
            p.set_text_content(Some(&msg));
            el.append_child(&p).ok()?;
            return None;
        }
    };
    let locale = config
        .locale
        .unwrap_or_else(|| Locale::negotiate(langs.iter().map(String::as_str)));
    Some(leptos::mount::mount_to(el, move || {
        let locale = RwSignal::new(locale);
        let api = build_api(&config, locale);
        let wizard = Wizard::new(instance, config, api, locale.get_untracked());
        // One locale signal: the transport's X-Locale follows the language switch.
        Effect::new(move |_| locale.set(wizard.locale.get()));
        view! { <App wizard=wizard /> }
    }))
}

/// Auto-mount at start: `#customer-wizard`, else `<body>` (standalone mode).
#[cfg(feature = "autostart")]
#[wasm_bindgen(start)]
pub fn start() {
    let Some(doc) = browser::document() else {
        return;
    };
    let (el, id) = match doc.get_element_by_id("customer-wizard") {
        Some(e) => (e, "cw".to_string()),
        None => match doc.body() {
            Some(b) => (b.into(), "cw".to_string()),
            None => return,
        },
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if let Some(handle) = mount_into(el, id, true) {
        handle.forget();
    }
}
