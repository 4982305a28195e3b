//! JSON text to and from Rust values, in one place.
//!
//! In the browser the text is handled by the browser's own `JSON.parse` / `JSON.stringify`,
//! and serde only converts between Rust values and JS values (`serde-wasm-bindgen`). That keeps serde_json's parser,
//! writer and float formatting out of the wasm (the size budget). Native builds (unit and
//! contract tests) use serde_json, which gives the same results for everything the app reads
//! and writes: objects, arrays, strings, booleans, integers, and `Option`s as `null` or absent.
//!
//! Errors are strings: the app only ever turns them into "not the expected JSON".

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses JSON text into `T`. Malformed text and a wrong shape are both `Err`, never a panic.
#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    // `JSON.parse` throws a SyntaxError on malformed text: wasm-bindgen catches it as `Err`.
    let value = js_sys::JSON::parse(text).map_err(|e| js_message(&e))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Serializes `value` as compact JSON text, the same text serde_json would write (up to
/// number formatting: `1.0` is written `1`, which reads back the same).
#[cfg(target_arch = "wasm32")]
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    // Plain objects for maps (not JS `Map`s, which stringify as `{}`), and `null` for `None`
    // like serde_json (the default, `undefined`, would drop the member). Fields marked
    // `skip_serializing_if` are left out either way.
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    let value = value.serialize(&serializer).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value)
        .map_err(|e| js_message(&e))?
        .as_string()
        .ok_or_else(|| "not serializable as JSON".into())
}

/// The message of a thrown JS error (empty for anything else).
#[cfg(target_arch = "wasm32")]
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// Parses JSON text into `T` (native builds: serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Serializes `value` as compact JSON text (native builds: serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}
