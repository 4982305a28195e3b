//! Thin wrappers over the browser APIs the UI needs (title, focus, storage, history, RegExp,
//! Intl). Everything here is best-effort: a missing API degrades, never panics.

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::config::{DraftStorage, Routing};
use crate::domain::validate::PatternMatcher;

/// The window; natively (the build's prerender) there is none and everything degrades.
fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// `<html lang>` of the page.
pub fn set_page_lang(tag: &str) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", tag);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Focuses an element by id (headings and the error summary carry `tabindex="-1"`).
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn storage(kind: DraftStorage) -> Option<web_sys::Storage> {
    let w = window()?;
    match kind {
        DraftStorage::Local => w.local_storage().ok().flatten(),
        DraftStorage::Session => w.session_storage().ok().flatten(),
        DraftStorage::None => None,
    }
}

pub fn store_get(kind: DraftStorage, key: &str) -> Option<String> {
    storage(kind)?.get_item(key).ok().flatten()
}

pub fn store_set(kind: DraftStorage, key: &str, value: &str) {
    if let Some(s) = storage(kind) {
        // Quota or privacy mode: the draft just is not saved.
        let _ = s.set_item(key, value);
    }
}

pub fn store_remove(kind: DraftStorage, key: &str) {
    if let Some(s) = storage(kind) {
        let _ = s.remove_item(key);
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Today's local date as `YYYY-MM-DD`.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> String {
    String::new()
}

/// Today's local date as `YYYY-MM-DD`.
#[cfg(target_arch = "wasm32")]
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

pub fn browser_languages() -> Vec<String> {
    window()
        .map(|w| {
            let n = w.navigator();
            let mut langs: Vec<String> =
                n.languages().iter().filter_map(|v| v.as_string()).collect();
            if let Some(l) = n.language() {
                langs.push(l);
            }
            langs
        })
        .unwrap_or_default()
}

pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The members of a JSON object, each value as text (strings as they are, anything else in
/// its JSON form); `Err` says why it is not a JSON object.
pub fn json_object(json: &str) -> Result<Vec<(String, String)>, String> {
    let value = js_sys::JSON::parse(json).map_err(|e| {
        e.dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err("expected an object".into());
    }
    Ok(js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.unchecked_into();
            let value = entry.get(1);
            let text = value.as_string().or_else(|| {
                js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|s| s.as_string())
            })?;
            Some((entry.get(0).as_string()?, text))
        })
        .collect())
}

pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The step named by the URL: the fragment (hash routing) or the path segment after the base.
pub fn step_in_url(routing: &Routing) -> String {
    match routing {
        Routing::Hash => location_hash().trim_start_matches('#').to_string(),
        Routing::Path(base) => window()
            .and_then(|w| w.location().pathname().ok())
            .and_then(|p| p.strip_prefix(base.as_str()).map(str::to_string))
            .map(|rest| rest.trim_matches('/').to_string())
            .unwrap_or_default(),
        Routing::None => String::new(),
    }
}

/// Records a step in the browser history (hash or path routing), keeping the query.
pub fn push_step(routing: &Routing, slug: &str, replace: bool) {
    let url = match routing {
        Routing::Hash => format!("#{slug}"),
        Routing::Path(base) => {
            let search = window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            format!("{base}/{slug}{search}")
        }
        Routing::None => return,
    };
    push_url(&url, slug, replace);
}

fn push_url(url: &str, slug: &str, replace: bool) {
    let Some(w) = window() else { return };
    let Ok(h) = w.history() else { return };
    let state = JsValue::from_str(slug);
    let _ = if replace {
        h.replace_state_with_url(&state, "", Some(url))
    } else {
        h.push_state_with_url(&state, "", Some(url))
    };
}

/// The browser's RegExp, used for the country rules' patterns (ECMAScript syntax, which is
/// what Partner Center's regexes are written in). Patterns are anchored by the caller's data.
pub struct BrowserRegex;

impl PatternMatcher for BrowserRegex {
    fn is_match(&self, pattern: &str, value: &str) -> Option<bool> {
        if cfg!(not(target_arch = "wasm32")) {
            return None;
        }
        // `new RegExp` throws on a bad pattern; js-sys's constructor would abort the module.
        let ctor = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into()).ok()?;
        let ctor: js_sys::Function = ctor.dyn_into().ok()?;
        let args = js_sys::Array::of2(&pattern.into(), &"u".into());
        let re = js_sys::Reflect::construct(&ctor, &args)
            .or_else(|_| js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&pattern.into())))
            .ok()?;
        let re: js_sys::RegExp = re.unchecked_into();
        Some(re.test(value))
    }
}

/// The country's name in the UI language, from `Intl.DisplayNames` (no tables in the wasm).
pub fn country_name(iso2: &str, locale: &str) -> String {
    display_name("region", iso2, locale)
}

/// The countries `codes` as `(code, name)`, named in the UI language and sorted as that
/// language sorts them. One `Intl.DisplayNames` and one `Intl.Collator` serve the whole list:
/// a new one per name and `localeCompare` with a locale per comparison (which builds a collator
/// each time) took about 45 ms of the first screen's mount (docs/performance.md).
#[cfg(target_arch = "wasm32")]
pub fn country_names<'a>(
    codes: impl IntoIterator<Item = &'a str>,
    locale: &str,
) -> Vec<(String, String)> {
    let names = display_names("region", locale);
    // The names stay JS strings while sorting: a comparison passes two references, not two
    // copies of the text.
    let mut v: Vec<(&str, JsValue)> = codes
        .into_iter()
        .map(|code| {
            let name = names
                .as_ref()
                .and_then(|(dn, of)| of.call1(dn, &code.into()).ok())
                .filter(JsValue::is_string)
                .unwrap_or_else(|| code.into());
            (code, name)
        })
        .collect();
    let compare =
        js_sys::Intl::Collator::new(&js_sys::Array::of1(&locale.into()), &js_sys::Object::new())
            .compare();
    v.sort_by(|a, b| {
        let n = compare
            .call2(&JsValue::NULL, &a.1, &b.1)
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0);
        n.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    v.into_iter()
        .map(|(code, name)| (code.to_string(), name.as_string().unwrap_or_default()))
        .collect()
}

/// Natively (the prerender, tests): the build's own names and order.
#[cfg(not(target_arch = "wasm32"))]
pub fn country_names<'a>(
    codes: impl IntoIterator<Item = &'a str>,
    locale: &str,
) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = codes
        .into_iter()
        .map(|code| (code.to_string(), country_name(code, locale)))
        .collect();
    v.sort_by(|a, b| native::locale_compare(&a.1, &b.1, locale));
    v
}

/// A language's name in the UI language (`Intl.DisplayNames` with type "language").
pub fn language_name(code: &str, locale: &str) -> String {
    display_name("language", code, locale)
}

/// A culture (e.g. `zh-HK`) as people read it, with its code: "Chinese (Hong Kong) (zh-HK)".
pub fn culture_name(code: &str, locale: &str) -> String {
    let name = language_name(code, locale);
    if name == code {
        name
    } else {
        format!("{name} ({code})")
    }
}

#[cfg(not(target_arch = "wasm32"))]
use native::display_name;

/// An `Intl.DisplayNames` of `kind` for `locale` and its `of` method (none where the
/// browser has no `Intl.DisplayNames`: callers fall back to the code).
#[cfg(target_arch = "wasm32")]
fn display_names(kind: &str, locale: &str) -> Option<(JsValue, js_sys::Function)> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor = js_sys::Reflect::get(&intl, &"DisplayNames".into()).ok()?;
    let ctor: js_sys::Function = ctor.dyn_into().ok()?;
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"type".into(), &kind.into());
    let args = js_sys::Array::of2(&js_sys::Array::of1(&locale.into()), &opts);
    let dn = js_sys::Reflect::construct(&ctor, &args).ok()?;
    let of = js_sys::Reflect::get(&dn, &"of".into()).ok()?;
    Some((dn, of.dyn_into().ok()?))
}

#[cfg(target_arch = "wasm32")]
fn display_name(kind: &str, code: &str, locale: &str) -> String {
    display_names(kind, locale)
        .and_then(|(dn, of)| of.call1(&dn, &code.into()).ok()?.as_string())
        .unwrap_or_else(|| code.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_date(iso: &str, _locale: &str) -> String {
    iso.to_string()
}

/// A `YYYY-MM-DD` date in the UI language's long format (`Intl.DateTimeFormat`), in UTC so the
/// day never shifts; the input itself when it is not a date.
#[cfg(target_arch = "wasm32")]
pub fn format_date(iso: &str, locale: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(&format!("{iso}T00:00:00Z")));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    d.to_locale_date_string(locale, &opts).into()
}

/// Calls `f` when the page is hidden or unloaded (`pagehide`: reload, closed tab, navigation,
/// also on phones where `beforeunload` does not fire). The listener lives as long as the
/// returned guard.
#[cfg(not(target_arch = "wasm32"))]
pub fn on_page_hide(_: impl Fn() + 'static) -> impl Send + Sync {}

#[cfg(target_arch = "wasm32")]
pub fn on_page_hide(f: impl Fn() + 'static) -> impl Send + Sync {
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let window = window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("pagehide", cb.as_ref().unchecked_ref());
    }
    send_wrapper::SendWrapper::new(PageHide { window, cb })
}

#[cfg(target_arch = "wasm32")]
struct PageHide {
    window: Option<web_sys::Window>,
    cb: wasm_bindgen::closure::Closure<dyn Fn()>,
}

#[cfg(target_arch = "wasm32")]
impl Drop for PageHide {
    fn drop(&mut self) {
        if let Some(w) = &self.window {
            let _ =
                w.remove_event_listener_with_callback("pagehide", self.cb.as_ref().unchecked_ref());
        }
    }
}

/// Natively (the build's prerender, `--features ssr`) there is no `Intl`: the names and their
/// order come from the build's JavaScript runtime (scripts/prerender.mjs asks its `Intl`), so
/// the prerendered lists read as the browser's.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    thread_local! {
        /// (kind, locale, code) -> name; (locale, name) -> its place in the locale's order.
        static NAMES: RefCell<BTreeMap<(String, String, String), String>> = RefCell::default();
        static ORDER: RefCell<BTreeMap<(String, String), usize>> = RefCell::default();
    }

    /// Sets the names of one kind ("region", "language") in one locale, in collation order.
    pub fn set_display_names(kind: &str, locale: &str, sorted: &[(String, String)]) {
        NAMES.with(|n| {
            let mut n = n.borrow_mut();
            for (code, name) in sorted {
                n.insert((kind.into(), locale.into(), code.clone()), name.clone());
            }
        });
        ORDER.with(|o| {
            let mut o = o.borrow_mut();
            for (i, (_, name)) in sorted.iter().enumerate() {
                o.insert((locale.into(), name.clone()), i);
            }
        });
    }

    pub fn display_name(kind: &str, code: &str, locale: &str) -> String {
        NAMES
            .with(|n| {
                n.borrow()
                    .get(&(kind.into(), locale.into(), code.into()))
                    .cloned()
            })
            .unwrap_or_else(|| code.to_string())
    }

    pub fn locale_compare(a: &str, b: &str, locale: &str) -> std::cmp::Ordering {
        let rank = |s: &str| ORDER.with(|o| o.borrow().get(&(locale.into(), s.into())).copied());
        rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
    }
}
