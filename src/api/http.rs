//! The HTTP transport (gloo-net): base URL, Partner Center headers, host-supplied auth, a
//! timeout per call (AbortController), retries with backoff where safe, and cancellation.

use leptos::prelude::GetUntracked;
use std::cell::Cell;
use std::rc::Rc;

use crate::state::reactive::Var;
use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials};

use super::error::{backoff_ms, ApiError, MAX_RETRIES};
use crate::domain::i18n::Locale;

/// How the host authenticates calls.
#[derive(Clone, Default)]
pub enum Auth {
    #[default]
    None,
    /// Static headers, e.g. `Authorization: Bearer ...` set by the portal.
    Headers(Vec<(String, String)>),
    /// A JS function returning a token (or a promise of one), called per request.
    Token(js_sys::Function),
    /// Cookies of the portal's origin (`credentials: include`).
    Cookies,
}

/// Cancels every request started with it when dropped or when [`Cancel::cancel`] is called:
/// steps hold one so that leaving a step aborts its in-flight calls.
#[derive(Clone, Default)]
pub struct Cancel(Rc<Cell<bool>>, Rc<std::cell::RefCell<Vec<AbortController>>>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.set(true);
        for c in self.1.borrow_mut().drain(..) {
            c.abort();
        }
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.get()
    }
}

pub struct Transport {
    pub auth: Auth,
    pub correlation_id: String,
    pub locale: Var<Locale>,
    pub timeout_ms: u32,
}

/// One logical operation: its request id is fixed for all its attempts (idempotency key).
pub struct Call<'a> {
    pub method: Method,
    pub url: String,
    pub body: Option<String>,
    pub request_id: String,
    /// Safe to retry: reads, and writes carrying their idempotency key.
    pub retry: bool,
    pub cancel: Option<&'a Cancel>,
    /// Add Partner Center headers (not for the demo's static files).
    pub pc_headers: bool,
    /// `X-Locale` for this call when the answer is kept per language (the offers); else the
    /// UI's language when the call is sent.
    pub locale: Option<Locale>,
}

pub struct Answer {
    pub status: u16,
    pub body: String,
}

pub fn new_guid() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            // Non-secure contexts lack randomUUID; Math.random is enough for a request id.
            let r = || (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
            format!(
                "{:08x}-{:04x}-4{:03x}-a{:03x}-{:08x}{:04x}",
                r(),
                r() & 0xffff,
                r() & 0xfff,
                r() & 0xfff,
                r(),
                r() & 0xffff
            )
        })
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Runs one logical operation, retrying transient failures (network, timeout, 5xx, 429) with
/// exponential backoff and jitter, at most [`MAX_RETRIES`] times, honouring `Retry-After`.
/// Offline is not retried: the user is told at once.
pub async fn with_retries<T, F, Fut>(
    retry: bool,
    cancel: Option<&Cancel>,
    mut attempt_once: F,
) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let mut attempt = 0;
    loop {
        let result = attempt_once().await;
        let retry_after = match &result {
            Err(ApiError::Status { retry_after_s, .. }) => *retry_after_s,
            _ => None,
        };
        match result {
            Err(e)
                if retry && e.is_transient() && e != ApiError::Offline && attempt < MAX_RETRIES =>
            {
                sleep(backoff_ms(attempt, retry_after, js_sys::Math::random())).await;
                if cancel.is_some_and(Cancel::is_cancelled) {
                    return Err(ApiError::Aborted);
                }
                attempt += 1;
            }
            other => return other,
        }
    }
}

impl Transport {
    pub async fn send(&self, call: Call<'_>) -> Result<Answer, ApiError> {
        with_retries(call.retry, call.cancel, || self.attempt(&call)).await
    }

    async fn attempt(&self, call: &Call<'_>) -> Result<Answer, ApiError> {
        if !online() {
            return Err(ApiError::Offline);
        }
        if call.cancel.is_some_and(Cancel::is_cancelled) {
            return Err(ApiError::Aborted);
        }
        let controller = AbortController::new().map_err(|_| ApiError::Network("abort".into()))?;
        if let Some(c) = call.cancel {
            c.1.borrow_mut().push(controller.clone());
        }
        let mut req = RequestBuilder::new(&call.url)
            .method(call.method.clone())
            .abort_signal(Some(&controller.signal()))
            .header("Accept", "application/json");
        if call.pc_headers {
            req = req
                .header("MS-RequestId", &call.request_id)
                .header("MS-CorrelationId", &self.correlation_id)
                .header(
                    "X-Locale",
                    call.locale
                        .unwrap_or_else(|| self.locale.get_untracked())
                        .bcp47(),
                );
            match &self.auth {
                Auth::None => {}
                Auth::Headers(h) => {
                    for (k, v) in h {
                        req = req.header(k, v);
                    }
                }
                Auth::Token(f) => {
                    let token = token_from(f).await?;
                    req = req.header("Authorization", &format!("Bearer {token}"));
                }
                Auth::Cookies => req = req.credentials(RequestCredentials::Include),
            }
        }
        let request = match &call.body {
            Some(b) => req
                .header("Content-Type", "application/json")
                .body(b.clone()),
            None => req.build(),
        }
        .map_err(network)?;

        // The timer aborts the fetch; `timed_out` tells a timeout from a cancellation.
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (c, t) = (controller.clone(), timed_out.clone());
            let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
                t.set(true);
                c.abort();
            });
            web_sys::window().and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    self.timeout_ms as i32,
                )
                .ok()
            })
        };
        let response = request.send().await;
        let result = match response {
            Ok(r) => {
                let status = r.status();
                let retry_after = r
                    .headers()
                    .get("Retry-After")
                    .and_then(|v| v.trim().parse::<u32>().ok());
                match r.text().await {
                    Ok(body) if (200..300).contains(&status) => Ok(Answer { status, body }),
                    Ok(body) => Err(ApiError::from_status(status, &body, retry_after)),
                    Err(_) if timed_out.get() => Err(ApiError::Timeout),
                    Err(e) => Err(network(e)),
                }
            }
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            Err(_) if controller.signal().aborted() => Err(ApiError::Aborted),
            Err(_) if !online() => Err(ApiError::Offline),
            Err(e) => Err(network(e)),
        };
        if let (Some(id), Some(w)) = (timer, web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
        result
    }
}

/// The browser's own message for a failed fetch. Not gloo-net's `Display`: that one also
/// covers its JSON errors and would link serde_json's and std::io's messages into the wasm.
fn network(e: gloo_net::Error) -> ApiError {
    ApiError::Network(match e {
        gloo_net::Error::JsError(j) => j.message,
        _ => "request failed".into(),
    })
}

async fn token_from(f: &js_sys::Function) -> Result<String, ApiError> {
    let auth_err = |_| ApiError::Network("the host's token callback failed".into());
    let v = f.call0(&JsValue::NULL).map_err(auth_err)?;
    let v = if v.is_instance_of::<js_sys::Promise>() {
        JsFuture::from(js_sys::Promise::from(v))
            .await
            .map_err(auth_err)?
    } else {
        v
    };
    v.as_string()
        .ok_or_else(|| ApiError::Network("the host's token callback returned no string".into()))
}
