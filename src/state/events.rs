//! Events for the host page: DOM `CustomEvent`s dispatched on the mount element (they bubble,
//! so a host may also listen higher up). Payloads never contain the password.
//!
//! | event | detail |
//! |---|---|
//! | `cw-step-change` | `{ step: "account" \| "subscriptions" \| "review" \| "done", number: 1-3 \| null }` |
//! | `cw-draft-saved` | `{ savedAt: <ms since epoch> }` |
//! | `cw-submitted` | `{ customerId, domain, companyName, orderIds: [...] }` |
//! | `cw-cancel` | `{ step }` |
//! | `cw-error` | `{ stage, status, code, message, retryable }` |

//!
//! This module knows only the host element, not the wizard's state: the store calls it
//! (`Wizard::emit`), never the other way round.

use wasm_bindgen::JsValue;

/// A value in an event's `detail`.
pub enum Detail<'a> {
    Str(&'a str),
    Num(f64),
    Bool(bool),
    Null,
    List(Vec<String>),
}

/// Dispatches `name` with `detail` on `host` (nothing when the wizard has no host element).
pub fn emit(host: Option<&web_sys::HtmlElement>, name: &str, detail: &[(&str, Detail)]) {
    let Some(host) = host else {
        return;
    };
    let obj = js_sys::Object::new();
    for (k, v) in detail {
        let v = match v {
            Detail::Str(s) => JsValue::from_str(s),
            Detail::Num(n) => JsValue::from_f64(*n),
            Detail::Bool(b) => JsValue::from_bool(*b),
            Detail::Null => JsValue::NULL,
            Detail::List(l) => l
                .iter()
                .map(|s| JsValue::from_str(s))
                .collect::<js_sys::Array>()
                .into(),
        };
        let _ = js_sys::Reflect::set(&obj, &(*k).into(), &v);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&obj);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}
