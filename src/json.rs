//! JSON text to and from Rust values, in one place.
//!
//! No serde in the wasm: derived `Serialize`/`Deserialize` impls were about 12 KB brotli of it.
//! Reading: the browser's `JSON.parse`, then hand-written [`FromJson`] impls walk the parsed
//! value (natively, in tests, the same impls walk serde_json's value). Writing: hand-written
//! [`ToJson`] impls emit the text directly (strings escaped, whole numbers only: no float
//! formatting). What is read and written: objects, arrays, strings, booleans, whole numbers,
//! and `Option`s as `null` or absent.
//!
//! Errors are strings: the app only ever turns them into "not the expected JSON".

/// JSON text of `value`, written by its [`ToJson`] impl: compact, like `JSON.stringify`.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// The message of a thrown JS error (empty for anything else).
#[cfg(target_arch = "wasm32")]
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// A value written as JSON text by hand. Derived serde `Serialize`s and serde-wasm-bindgen's
/// serializer were 5 KB brotli of the wasm for the nine request bodies and the saved draft;
/// these impls write the same text (field names, `null` for `None` unless left out with
/// [`Obj::some`], unit variants as their names) in a fraction of that.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// An object being written: `obj(out).field("a", &x).some("b", &y).end()`.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

pub fn obj(out: &mut String) -> Obj<'_> {
    out.push('{');
    Obj { out, first: true }
}

impl Obj<'_> {
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(key, self.out);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    /// A member left out when `None` (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn some<T: ToJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if let Some(v) = value {
            self.field(key, v);
        }
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                out.push(char::from(HEX[(u32::from(c) & 15) as usize]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

/// Only whole numbers are written (timestamps in milliseconds): no float formatting is
/// compiled into the wasm.
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&(*self as i64).to_string());
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

/// [`ToJson`] and [`FromJson`] for a struct saved under its Rust field names (the saved draft,
/// the demo's session state), from one field list so that the two cannot drift apart: the
/// fields before `;` must be present, the ones after take their default when absent (a draft
/// saved by an older version).
macro_rules! json_record {
    ($ty:ident { $($req:ident),* ; $($opt:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let mut o = $crate::json::obj(out);
                $(o.field(stringify!($req), &self.$req);)*
                $(o.field(stringify!($opt), &self.$opt);)*
                o.end();
            }
        }

        impl $crate::json::FromJson for $ty {
            fn from_json(j: &$crate::json::Json) -> Option<Self> {
                Some($ty {
                    $($req: j.req(stringify!($req))?,)*
                    $($opt: j.opt(stringify!($opt))?,)*
                })
            }
        }
    };
}
pub(crate) use json_record;

/// [`ToJson`] and [`FromJson`] for an enum of unit variants saved as their names, from one
/// list of the variants.
macro_rules! json_names {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let name = match self {
                    $($ty::$variant => stringify!($variant),)*
                };
                $crate::json::ToJson::write_json(name, out);
            }
        }

        impl $crate::json::FromJson for $ty {
            fn from_json(j: &$crate::json::Json) -> Option<Self> {
                match j.as_string()?.as_str() {
                    $(stringify!($variant) => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use json_names;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_read_back() {
        let s = "a \"quoted\" \\ line\nnext\ttab \u{1} İş ğ";
        let text = to_string(s);
        assert_eq!(
            text,
            "\"a \\\"quoted\\\" \\\\ line\\nnext\\ttab \\u0001 İş ğ\""
        );
        assert_eq!(serde_json::from_str::<String>(&text).unwrap(), s);
        assert_eq!(read::<String>(&text).unwrap(), s);
    }

    #[test]
    fn objects_leave_out_some_none_and_write_null_for_field_none() {
        let mut out = String::new();
        obj(&mut out)
            .field("a", &1u32)
            .some("b", &None::<String>)
            .field("c", &None::<String>)
            .field("d", &vec![(String::from("k"), String::from("v"))])
            .field("e", &1_764_650_000_123.0f64)
            .end();
        assert_eq!(out, r#"{"a":1,"c":null,"d":[["k","v"]],"e":1764650000123}"#);
    }

    #[test]
    fn a_member_of_the_wrong_type_is_a_wrong_shape() {
        let j = Json::parse(r#"{"n": 1.5, "s": "x", "z": null}"#).unwrap();
        assert_eq!(j.opt::<u32>("n"), None);
        assert_eq!(j.opt::<u32>("missing"), Some(0));
        assert_eq!(j.opt::<Option<String>>("z"), Some(None));
        assert_eq!(j.req::<String>("s").as_deref(), Some("x"));
    }
}
