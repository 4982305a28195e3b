//! JSON text to and from Rust values, in one place.
//!
//! In the browser the text is handled by the browser's own `JSON.parse` / `JSON.stringify`:
//! no JSON parser, writer or float formatting in the wasm (the size budget). Writing goes
//! through serde's `Serialize` (serde-wasm-bindgen to a JS value); reading walks the parsed
//! value with hand-written [`FromJson`] impls, which are a fraction of the code of derived
//! `Deserialize`s. Native builds (unit and contract tests) run the same code over serde_json,
//! which gives the same results for everything the app reads and writes: objects, arrays,
//! strings, booleans, numbers, and `Option`s as `null` or absent.
//!
//! Errors are strings: the app only ever turns them into "not the expected JSON".

use serde::Serialize;

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

/// Serializes `value` as compact JSON text (native builds: serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// A parsed JSON value, read member by member by [`FromJson`] impls written out by hand.
///
/// In the wasm it is the browser's own value from `JSON.parse`; natively (tests) serde_json's.
/// The answers of the API are read this way rather than through serde derives: a derived
/// `Deserialize` compiles a field-name visitor, a slot per field and a map loop for every type
/// (measured: smaller wasm, README "Size").
#[cfg(target_arch = "wasm32")]
pub struct Json(wasm_bindgen::JsValue);

#[cfg(not(target_arch = "wasm32"))]
pub struct Json(serde_json::Value);

#[cfg(target_arch = "wasm32")]
impl Json {
    pub fn parse(text: &str) -> Result<Json, String> {
        js_sys::JSON::parse(text)
            .map(Json)
            .map_err(|e| js_message(&e))
    }

    /// A member of an object; `None` when it is absent or `null`.
    pub fn get(&self, key: &str) -> Option<Json> {
        if !self.0.is_object() {
            return None;
        }
        let v = js_sys::Reflect::get(&self.0, &wasm_bindgen::JsValue::from_str(key)).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(Json(v))
    }

    pub fn as_string(&self) -> Option<String> {
        self.0.as_string()
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    pub fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    /// The elements of an array.
    pub fn items(&self) -> Option<Vec<Json>> {
        js_sys::Array::is_array(&self.0)
            .then(|| js_sys::Array::from(&self.0).iter().map(Json).collect())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Json {
    pub fn parse(text: &str) -> Result<Json, String> {
        serde_json::from_str(text)
            .map(Json)
            .map_err(|e| e.to_string())
    }

    /// A member of an object; `None` when it is absent or `null`.
    pub fn get(&self, key: &str) -> Option<Json> {
        self.0.get(key).filter(|v| !v.is_null()).cloned().map(Json)
    }

    pub fn as_string(&self) -> Option<String> {
        self.0.as_str().map(str::to_string)
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    pub fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    /// The elements of an array.
    pub fn items(&self) -> Option<Vec<Json>> {
        self.0
            .as_array()
            .map(|a| a.iter().cloned().map(Json).collect())
    }
}

impl Json {
    /// A member that must be there, of type `T`.
    pub fn req<T: FromJson>(&self, key: &str) -> Option<T> {
        T::from_json(&self.get(key)?)
    }

    /// A member that may be missing: its default when absent or `null`; `None` (a wrong
    /// shape, like serde) when present but not a `T`.
    pub fn opt<T: FromJson + Default>(&self, key: &str) -> Option<T> {
        self.or(key, T::default())
    }

    /// A member that may be missing, with the value it has then.
    pub fn or<T: FromJson>(&self, key: &str, absent: T) -> Option<T> {
        match self.get(key) {
            None => Some(absent),
            Some(v) => T::from_json(&v),
        }
    }

    /// A whole number that fits `[min, max]`.
    fn whole(&self, min: f64, max: f64) -> Option<f64> {
        self.as_f64()
            .filter(|n| n.trunc() == *n && (min..=max).contains(n))
    }
}

/// A value read from [`Json`]; `None` when the JSON does not have the expected shape.
pub trait FromJson: Sized {
    fn from_json(j: &Json) -> Option<Self>;
}

/// JSON text to `T` through [`FromJson`]. Malformed text and a wrong shape are both `Err`.
pub fn read<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json(&Json::parse(text)?).ok_or_else(|| "not the expected shape".into())
}

impl FromJson for String {
    fn from_json(j: &Json) -> Option<Self> {
        j.as_string()
    }
}

impl FromJson for bool {
    fn from_json(j: &Json) -> Option<Self> {
        j.as_bool()
    }
}

impl FromJson for f64 {
    fn from_json(j: &Json) -> Option<Self> {
        j.as_f64()
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(j: &Json) -> Option<Self> {
        match j.items()?.as_slice() {
            [a, b] => Some((A::from_json(a)?, B::from_json(b)?)),
            _ => None,
        }
    }
}

impl FromJson for u32 {
    fn from_json(j: &Json) -> Option<Self> {
        j.whole(0.0, f64::from(u32::MAX)).map(|n| n as u32)
    }
}

impl FromJson for u64 {
    fn from_json(j: &Json) -> Option<Self> {
        j.whole(0.0, 9_007_199_254_740_991.0).map(|n| n as u64)
    }
}

impl FromJson for i64 {
    fn from_json(j: &Json) -> Option<Self> {
        j.whole(-9_007_199_254_740_991.0, 9_007_199_254_740_991.0)
            .map(|n| n as i64)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(j: &Json) -> Option<Self> {
        T::from_json(j).map(Some)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    // A plain loop: `collect` into `Option<Vec<_>>` compiles an iterator adapter per `T`.
    fn from_json(j: &Json) -> Option<Self> {
        let items = j.items()?;
        let mut v = Vec::with_capacity(items.len());
        for item in &items {
            v.push(T::from_json(item)?);
        }
        Some(v)
    }
}
