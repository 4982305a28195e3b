//! Mounting: find the element, read its configuration, build the API and the store, render.
//! Exported to JavaScript: `mount(element, config)` returning a handle with `unmount()` and
//! `reset()`, and `autoMount(assetsBase?)` for no-code embedding.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::state::reactive::Var;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{demo::Demo, http::Transport, new_guid, Api, Auth};
use crate::domain::config::{kebab, AuthSpec, Config, ConfigError, Routing};
use crate::domain::i18n::{Key, Locale};
use crate::domain::model::Step;
use crate::state::browser;
use crate::state::store::Wizard;
use crate::view::app::App;

/// Attributes on the mount element that are not configuration.
const NOT_CONFIG: [&str; 3] = ["customer-wizard", "cw-mounted", "cw-test-attrs"];

/// Reads `data-*` attributes and a `<script type="application/json" data-config>` child.
fn read_config(el: &web_sys::HtmlElement, standalone: bool) -> Result<Config, ConfigError> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for name in el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
    {
        if let Some(key) = name.strip_prefix("data-") {
            if !NOT_CONFIG.contains(&key) {
                pairs.push((key.to_string(), el.get_attribute(&name).unwrap_or_default()));
            }
        }
    }
    let mut config = Config::new();
    if !standalone {
        config.routing = Routing::None;
        config.manage_title = false;
    }
    config = config.apply(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    if let Ok(Some(script)) = el.query_selector("script[type='application/json'][data-config]") {
        let members = browser::json_object(&script.text_content().unwrap_or_default())
            .map_err(ConfigError::BadJson)?;
        config = config.apply_object(&members)?;
    }
    if standalone {
        // A standalone demo can be steered from its URL (handy for demos and tests). Never the
        // API base URL: a link must not be able to send the form's data elsewhere.
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

/// Reads a configuration object passed from JavaScript. Keys are camelCase; `auth` may be
/// `"cookies"`, `{ headers: {...} }` or `{ token: () => Promise<string> }`.
fn read_js_config(base: Config, obj: &JsValue) -> Result<(Config, Option<Auth>), ConfigError> {
    if obj.is_undefined() || obj.is_null() {
        return Ok((base, None));
    }
    let obj: &js_sys::Object = obj
        .dyn_ref()
        .ok_or_else(|| ConfigError::BadJson("the configuration must be an object".into()))?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut auth = None;
    for entry in js_sys::Object::entries(obj).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        if key == "auth" && value.is_object() {
            let get = |k: &str| {
                js_sys::Reflect::get(&value, &k.into())
                    .ok()
                    .filter(|v| !v.is_undefined())
            };
            if let Some(f) = get("token").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                auth = Some(Auth::Token(f));
            } else if let Some(h) = get("headers").filter(JsValue::is_object) {
                let headers = js_sys::Object::entries(h.unchecked_ref())
                    .iter()
                    .filter_map(|e| {
                        let e: js_sys::Array = e.unchecked_into();
                        Some((e.get(0).as_string()?, e.get(1).as_string()?))
                    })
                    .collect();
                auth = Some(Auth::Headers(headers));
            } else if get("credentials").and_then(|c| c.as_string()).as_deref() == Some("include") {
                auth = Some(Auth::Cookies);
            } else {
                return Err(ConfigError::BadValue {
                    key: "auth".into(),
                    value: "{...}".into(),
                    expected: "\"cookies\", { headers }, { token } or { credentials: \"include\" }",
                });
            }
            continue;
        }
        let text = value
            .as_string()
            .or_else(|| value.as_f64().map(|n| format!("{}", n as i64)))
            .or_else(|| value.as_bool().map(|b| b.to_string()))
            .ok_or_else(|| ConfigError::BadValue {
                key: kebab(&key),
                value: "(not a string, number or boolean)".into(),
                expected: "a string",
            })?;
        pairs.push((kebab(&key), text));
    }
    let config = base.apply(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    Ok((config, auth))
}

fn resolve_auth(spec: &AuthSpec) -> Auth {
    match spec {
        AuthSpec::None => Auth::None,
        AuthSpec::Cookies => Auth::Cookies,
        AuthSpec::Header(n, v) => Auth::Headers(vec![(n.clone(), v.clone())]),
        AuthSpec::TokenFunction(path) => {
            let mut v: JsValue = js_sys::global().into();
            let mut this = JsValue::UNDEFINED;
            for part in path.split('.') {
                this = v.clone();
                v = js_sys::Reflect::get(&v, &part.into()).unwrap_or(JsValue::UNDEFINED);
            }
            match v.dyn_into::<js_sys::Function>() {
                // Bind so that `portal.getToken` keeps `this === portal`.
                Ok(f) => Auth::Token(f.bind0(&this)),
                Err(_) => {
                    web_sys::console::error_1(
                        &format!(
                            "customer-wizard: auth-token-function \"{path}\" is not a function"
                        )
                        .into(),
                    );
                    Auth::None
                }
            }
        }
    }
}

fn build_api(config: &Config, auth: Auth, locale: Var<Locale>) -> Api {
    let transport = Transport {
        auth,
        correlation_id: new_guid(),
        locale,
        timeout_ms: config.timeout_ms,
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

fn show_config_error(el: &web_sys::HtmlElement, e: &ConfigError) {
    let langs = browser::browser_languages();
    let locale = Locale::negotiate(langs.iter().map(String::as_str));
    let msg = Key::ConfigError.fmt(locale, &[("detail", &e.to_string())]);
    web_sys::console::error_1(&format!("customer-wizard: {e}").into());
    if let Some(p) = browser::document().and_then(|d| d.create_element("p").ok()) {
        p.set_class_name("cw-config-error");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(&msg));
        let _ = el.append_child(&p);
    }
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A unique, id-safe prefix for one instance's element ids.
fn instance_id(el: &web_sys::HtmlElement) -> String {
    let id = el.id();
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        // Keep the standalone page's ids short and stable.
        if id == "customer-wizard" {
            return "cw".into();
        }
        return id;
    }
    let n = NEXT_INSTANCE.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    format!("cw{n}")
}

/// A mounted wizard: unmounting drops the Leptos tree (its DOM, effects, listeners, timers).
struct Mounted {
    unmount: Box<dyn FnOnce()>,
    wizard: Wizard,
}

fn mount_with(
    el: web_sys::HtmlElement,
    instance: String,
    config: Config,
    auth: Option<Auth>,
) -> Mounted {
    let langs = browser::browser_languages();
    // The prerendered first screen, still in `el` while the app mounts (the handover removes it
    // after), is in the language the user sees: the one chosen below, or the one they switched
    // it to before the app ran. The app starts in that language, or the page would change
    // language at the handover.
    let shown = el
        .query_selector(":scope > [data-cw-prerendered]")
        .ok()
        .flatten()
        .and_then(|screen| screen.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag));
    // The host's locale wins; else the language last chosen in the wizard on this device
    // (kept where the draft is kept); else the browser's.
    let initial = shown
        .or(config.locale)
        .or_else(|| {
            browser::store_get(config.storage, &crate::state::store::locale_key(&instance))
                .and_then(|t| Locale::from_tag(&t))
        })
        .unwrap_or_else(|| Locale::negotiate(langs.iter().map(String::as_str)));
    let auth = auth.unwrap_or_else(|| resolve_auth(&config.auth));
    let slot: Rc<RefCell<Option<Wizard>>> = Rc::new(RefCell::new(None));
    let out = slot.clone();
    let host = el.clone();
    let _ = el.set_attribute("data-cw-mounted", "");
    let handle = leptos::mount::mount_to(el.clone(), move || {
        // One locale signal, shared by the store and the transport's `X-Locale`.
        let locale = Var::new(initial);
        let api = build_api(&config, auth, locale);
        let wizard = Wizard::new(instance, config, api, locale, Some(host));
        *out.borrow_mut() = Some(wizard);
        view! { <App wizard=wizard /> }
    });
    let wizard = slot.borrow_mut().take().expect("the view function ran");
    Mounted {
        unmount: Box::new(move || {
            drop(handle);
            let _ = el.remove_attribute("data-cw-mounted");
        }),
        wizard,
    }
}

/// Mounts a wizard into `el` configured by its data attributes (the component tests and
/// auto-mount use this). `None` when the configuration is invalid: a message is shown in place.
pub fn mount_into(
    el: web_sys::HtmlElement,
    instance: String,
    standalone: bool,
) -> Option<WizardHandle> {
    match read_config(&el, standalone) {
        Ok(config) => Some(WizardHandle::new(mount_with(el, instance, config, None))),
        Err(e) => {
            show_config_error(&el, &e);
            None
        }
    }
}

/// What `mount()` returns to JavaScript.
#[wasm_bindgen]
pub struct WizardHandle {
    inner: Option<Mounted>,
}

impl WizardHandle {
    fn new(m: Mounted) -> WizardHandle {
        WizardHandle { inner: Some(m) }
    }
}

#[wasm_bindgen]
impl WizardHandle {
    /// Removes the wizard: its DOM, listeners and timers. The saved draft stays.
    pub fn unmount(&mut self) {
        if let Some(m) = self.inner.take() {
            (m.unmount)();
        }
    }

    /// Starts again with an empty form (the saved draft is discarded).
    pub fn reset(&self) {
        if let Some(m) = &self.inner {
            m.wizard.discard_draft();
            m.wizard.nav.go(Step::Account);
        }
    }
}

impl Drop for WizardHandle {
    /// Dropping the handle unmounts (as Leptos's own handle does); JavaScript's `free()` too.
    fn drop(&mut self) {
        self.unmount();
    }
}

/// `mount(element, config)`: mounts a wizard into `element`. Throws (and shows the message in
/// place) when the configuration is invalid.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: web_sys::HtmlElement, config: JsValue) -> Result<WizardHandle, JsValue> {
    if element.has_attribute("data-cw-mounted") {
        return Err(JsValue::from_str(
            "customer-wizard: this element already holds a wizard",
        ));
    }
    let base = match read_config(&element, false) {
        Ok(c) => c,
        Err(e) => {
            show_config_error(&element, &e);
            return Err(JsValue::from_str(&format!("customer-wizard: {e}")));
        }
    };
    match read_js_config(base, &config) {
        Ok((config, auth)) => {
            let instance = instance_id(&element);
            Ok(WizardHandle::new(mount_with(
                element, instance, config, auth,
            )))
        }
        Err(e) => {
            show_config_error(&element, &e);
            Err(JsValue::from_str(&format!("customer-wizard: {e}")))
        }
    }
}

fn keep(h: Option<WizardHandle>) {
    if let Some(mut h) = h {
        // Auto-mounted wizards live as long as the page.
        if let Some(m) = h.inner.take() {
            std::mem::forget(m);
        }
    }
}

/// `autoMount(assetsBase?)`: mounts every `[data-customer-wizard]` element not yet mounted
/// (embedded mode: no routing, the host's title is kept). `assetsBase` tells the demo backend
/// where its data lives when the bundle is served from another origin.
#[wasm_bindgen(js_name = autoMount)]
pub fn auto_mount(assets_base: Option<String>) {
    let Some(doc) = browser::document() else {
        return;
    };
    let Ok(list) = doc.query_selector_all("[data-customer-wizard]:not([data-cw-mounted])") else {
        return;
    };
    for el in
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if let Some(base) = &assets_base {
            if !el.has_attribute("data-assets-base") {
                let _ = el.set_attribute("data-assets-base", base);
            }
        }
        let id = instance_id(&el);
        keep(mount_into(el, id, false));
    }
}

/// `mountStandalone()`: the app's own page. Mounts into `#customer-wizard`, else `<body>`,
/// with the step in the URL so that the browser's Back button moves between steps.
#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone() {
    let Some(doc) = browser::document() else {
        return;
    };
    let el = doc
        .get_element_by_id("customer-wizard")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| doc.body());
    if let Some(el) = el.filter(|e| !e.has_attribute("data-cw-mounted")) {
        let id = instance_id(&el);
        keep(mount_into(el, id, true));
    }
}
