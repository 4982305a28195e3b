//! JSON text to and from the wire types and the saved draft, through their serde derives.
//!
//! One `Deserialize`/`Serialize` per type, two carriers: in the wasm the browser parses and
//! writes the text (`JSON.parse`/`JSON.stringify`; serde-wasm-bindgen writes the JS values,
//! the small deserializer [`js`] reads them), so no JSON parser or float formatter is compiled
//! in; natively (the tests) serde_json does it. Either way the same derived code runs, and an
//! error names the member it is about: `items[3].minimumQuantity: invalid type` in the wasm,
//! with serde's full message natively (serde_path_to_error); `missing field `iso2Code`` in
//! both. A wrong type or a missing required member is an error, never a
//! silent default; members the contract makes optional say so with `#[serde(default)]` or are
//! `Option`s.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads `text` as a `T`; the error says which member was wrong and how.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    imp::from_str(text)
}

/// `value` as compact JSON text (what `JSON.stringify` writes).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    imp::to_string(value)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsCast;

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        })?;
        T::deserialize(js::Value(value)).map_err(|e| e.to_string())
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
        // `json_compatible`: `None` as `null` and maps as objects, as serde_json writes them.
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .map(String::from)
            .unwrap_or_default()
    }
}

/// A serde `Deserializer` over a parsed JS value (what `JSON.parse` returns), with serde_json's
/// data model: unknown members ignored, `null` or absent for `None`, unit variants as strings,
/// newtypes transparent. Used instead of serde-wasm-bindgen's deserializer (which still
/// writes): that one formats serde's messages, linking float formatting and every type's
/// `expecting` text (6.7 KB brotli more than this), and serde_path_to_error on top of it,
/// which wraps every visitor, 9.6 KB more (docs/performance.md). Errors here still name the
/// member.
#[cfg(target_arch = "wasm32")]
mod js {
    use std::fmt;

    use serde::de::{self, IntoDeserializer, Visitor};
    use wasm_bindgen::{JsCast, JsValue};

    /// The value does not have the shape asked for, and where: the path of members and
    /// elements (`items[3].minimumQuantity`), and the member that was missing if one was.
    /// serde's own messages ("invalid type: floating point `1.5`, expected u32") are not
    /// formatted: that would link float formatting and every type's `expecting` text.
    #[derive(Debug, Default)]
    pub struct Invalid {
        /// Innermost first: pushed while the error travels out.
        path: Vec<Segment>,
        missing: Option<&'static str>,
    }

    #[derive(Debug)]
    enum Segment {
        Member(String),
        Element(u32),
    }

    impl Invalid {
        fn at(mut self, s: Segment) -> Self {
            self.path.push(s);
            self
        }
    }

    fn invalid() -> Invalid {
        Invalid::default()
    }

    impl fmt::Display for Invalid {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            let mut path = String::new();
            for s in self.path.iter().rev() {
                match s {
                    Segment::Member(m) => {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(m);
                    }
                    Segment::Element(i) => {
                        path.push('[');
                        path.push_str(&i.to_string());
                        path.push(']');
                    }
                }
            }
            if !path.is_empty() {
                f.write_str(&path)?;
                f.write_str(": ")?;
            }
            match self.missing {
                Some(m) => {
                    f.write_str("missing field `")?;
                    f.write_str(m)?;
                    f.write_str("`")
                }
                None => f.write_str("invalid type"),
            }
        }
    }

    impl std::error::Error for Invalid {}

    impl de::Error for Invalid {
        fn custom<T: fmt::Display>(_: T) -> Self {
            invalid()
        }
        // serde's defaults build a message with `format_args!` first; skip that outright.
        fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
            invalid()
        }
        fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
            invalid()
        }
        fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
            invalid()
        }
        fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
            invalid()
        }
        fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
            invalid()
        }
        fn missing_field(field: &'static str) -> Self {
            Invalid {
                path: Vec::new(),
                missing: Some(field),
            }
        }
        fn duplicate_field(_: &'static str) -> Self {
            invalid()
        }
    }

    type Result<T> = std::result::Result<T, Invalid>;

    /// A JS value as serde input.
    pub struct Value(pub JsValue);

    impl Value {
        /// A whole number a JS number holds exactly.
        fn whole(&self) -> Result<f64> {
            self.0
                .as_f64()
                .filter(|n| n.trunc() == *n && n.abs() <= MAX_SAFE)
                .ok_or_else(invalid)
        }

        fn is_nullish(&self) -> bool {
            self.0.is_null() || self.0.is_undefined()
        }

        /// The members of a plain object (not an array), in order.
        fn entries(&self) -> Option<js_sys::Array> {
            (self.0.is_object() && !js_sys::Array::is_array(&self.0))
                .then(|| js_sys::Object::entries(self.0.unchecked_ref()))
        }
    }

    /// Elements of an array, or `[key, value]` pairs of `Object.entries` read as a map.
    struct Items {
        array: js_sys::Array,
        next: u32,
    }

    impl Items {
        fn new(array: js_sys::Array) -> Items {
            Items { array, next: 0 }
        }

        fn take(&mut self) -> Option<JsValue> {
            (self.next < self.array.length()).then(|| {
                self.next += 1;
                self.array.get(self.next - 1)
            })
        }

        fn remaining(&self) -> usize {
            (self.array.length() - self.next) as usize
        }
    }

    impl<'de> de::SeqAccess<'de> for Items {
        type Error = Invalid;

        fn next_element_seed<S: de::DeserializeSeed<'de>>(
            &mut self,
            seed: S,
        ) -> Result<Option<S::Value>> {
            let at = self.next;
            self.take()
                .map(|v| {
                    seed.deserialize(Value(v))
                        .map_err(|e| e.at(Segment::Element(at)))
                })
                .transpose()
        }

        fn size_hint(&self) -> Option<usize> {
            Some(self.remaining())
        }
    }

    /// `Items` over `Object.entries`: each entry is a `[key, value]` array.
    struct Members {
        entries: Items,
        value: Option<JsValue>,
        /// The member being read, for the error's path.
        key: String,
    }

    impl<'de> de::MapAccess<'de> for Members {
        type Error = Invalid;

        fn next_key_seed<K: de::DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>> {
            let Some(entry) = self.entries.take() else {
                return Ok(None);
            };
            let entry: js_sys::Array = entry.unchecked_into();
            self.value = Some(entry.get(1));
            let key = entry.get(0);
            self.key = key.as_string().unwrap_or_default();
            seed.deserialize(Value(key)).map(Some)
        }

        fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
            let value = self.value.take().ok_or_else(invalid)?;
            seed.deserialize(Value(value))
                .map_err(|e| e.at(Segment::Member(std::mem::take(&mut self.key))))
        }

        fn size_hint(&self) -> Option<usize> {
            Some(self.entries.remaining())
        }
    }

    /// `{ "Variant": value }`.
    struct Variant {
        name: JsValue,
        value: JsValue,
    }

    impl<'de> de::EnumAccess<'de> for Variant {
        type Error = Invalid;
        type Variant = Value;

        fn variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Value)> {
            Ok((seed.deserialize(Value(self.name))?, Value(self.value)))
        }
    }

    impl<'de> de::VariantAccess<'de> for Value {
        type Error = Invalid;

        fn unit_variant(self) -> Result<()> {
            Ok(())
        }

        fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
            seed.deserialize(self)
        }

        fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
            de::Deserializer::deserialize_any(self, visitor)
        }

        fn struct_variant<V: Visitor<'de>>(
            self,
            _fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value> {
            de::Deserializer::deserialize_any(self, visitor)
        }
    }

    /// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

    impl<'de> de::Deserializer<'de> for Value {
        type Error = Invalid;

        /// Self-describing, like serde_json: whole numbers as integers (so that `u32`, `u64`
        /// and `i64` fields read them), arrays as sequences, objects as maps (so that structs
        /// ignore unknown members).
        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            if self.is_nullish() {
                visitor.visit_unit()
            } else if let Some(b) = self.0.as_bool() {
                visitor.visit_bool(b)
            } else if let Some(n) = self.0.as_f64() {
                if n.trunc() == n && n.abs() <= MAX_SAFE {
                    if n >= 0.0 {
                        visitor.visit_u64(n as u64)
                    } else {
                        visitor.visit_i64(n as i64)
                    }
                } else {
                    visitor.visit_f64(n)
                }
            } else if let Some(s) = self.0.as_string() {
                visitor.visit_string(s)
            } else if js_sys::Array::is_array(&self.0) {
                visitor.visit_seq(Items::new(self.0.unchecked_into()))
            } else if let Some(entries) = self.entries() {
                visitor.visit_map(Members {
                    entries: Items::new(entries),
                    value: None,
                    key: String::new(),
                })
            } else {
                Err(invalid())
            }
        }

        fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            if self.is_nullish() {
                visitor.visit_none()
            } else {
                visitor.visit_some(self)
            }
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            visitor: V,
        ) -> Result<V::Value> {
            visitor.visit_newtype_struct(self)
        }

        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _variants: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value> {
            if let Some(s) = self.0.as_string() {
                return visitor.visit_enum(s.into_deserializer());
            }
            let entries = self
                .entries()
                .filter(|e| e.length() == 1)
                .ok_or_else(invalid)?;
            let entry: js_sys::Array = entries.get(0).unchecked_into();
            visitor.visit_enum(Variant {
                name: entry.get(0),
                value: entry.get(1),
            })
        }

        /// Unknown members are skipped without looking at them.
        fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_unit()
        }

        // The type-directed methods below call only the one visitor method their type
        // needs. Forwarding them to `deserialize_any` would instantiate every derived visitor
        // with all its methods (a struct's `visit_seq`, a field name's `visit_u64`...) and
        // inline them into one large `deserialize_any` per type (measured in README "Size").

        fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_bool(self.0.as_bool().ok_or_else(invalid)?)
        }

        fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = self.whole()?;
            if n < 0.0 {
                return Err(invalid());
            }
            visitor.visit_u64(n as u64)
        }

        fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_i64(self.whole()? as i64)
        }

        fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_f64(self.0.as_f64().ok_or_else(invalid)?)
        }

        fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_string(self.0.as_string().ok_or_else(invalid)?)
        }

        fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            if !js_sys::Array::is_array(&self.0) {
                return Err(invalid());
            }
            visitor.visit_seq(Items::new(self.0.unchecked_into()))
        }

        fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let entries = self.entries().ok_or_else(invalid)?;
            visitor.visit_map(Members {
                entries: Items::new(entries),
                value: None,
                key: String::new(),
            })
        }

        fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_unit()
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value> {
            self.deserialize_map(visitor)
        }

        fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
            self.deserialize_seq(visitor)
        }

        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _len: usize,
            visitor: V,
        ) -> Result<V::Value> {
            self.deserialize_seq(visitor)
        }

        fn deserialize_unit_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            visitor: V,
        ) -> Result<V::Value> {
            visitor.visit_unit()
        }

        fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_string(visitor)
        }

        fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_u64(visitor)
        }

        fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_u64(visitor)
        }

        fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_u64(visitor)
        }

        fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_i64(visitor)
        }

        fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_i64(visitor)
        }

        fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_i64(visitor)
        }

        fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_f64(visitor)
        }

        fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_string(visitor)
        }

        fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_string(visitor)
        }

        serde::forward_to_deserialize_any! {
            i128 u128 bytes byte_buf
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(value)
    }

    // The one place serde_json writes text (clippy.toml points everything else here).
    #[allow(clippy::disallowed_methods)]
    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(value).expect("the app's types serialize to JSON")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        name: String,
        count: u32,
        #[serde(default)]
        tags: Vec<String>,
        note: Option<String>,
    }

    #[test]
    fn strings_are_escaped_and_read_back() {
        let s = "a \"quoted\" \\ line\nnext\ttab \u{1} İş ğ";
        let text = to_string(s);
        assert_eq!(
            text,
            "\"a \\\"quoted\\\" \\\\ line\\nnext\\ttab \\u0001 İş ğ\""
        );
        assert_eq!(from_str::<String>(&text).unwrap(), s);
    }

    #[test]
    fn a_member_of_the_wrong_type_is_an_error_naming_it() {
        let e = from_str::<Sample>(r#"{"name": "x", "count": 1.5}"#).unwrap_err();
        assert!(e.starts_with("count: "), "{e}");
        let e = from_str::<Vec<Sample>>(r#"[{"name": "x", "count": 1}, {"name": 2, "count": 1}]"#)
            .unwrap_err();
        assert!(e.starts_with("[1].name: "), "{e}");
    }

    #[test]
    fn a_missing_required_member_is_an_error_naming_it() {
        let e = from_str::<Sample>(r#"{"name": "x"}"#).unwrap_err();
        assert!(e.contains("missing field `count`"), "{e}");
    }

    #[test]
    fn optional_members_may_be_missing_and_none_is_written_as_null() {
        let s: Sample = from_str(r#"{"name": "x", "count": 2}"#).unwrap();
        assert_eq!(
            s,
            Sample {
                name: "x".into(),
                count: 2,
                tags: vec![],
                note: None
            }
        );
        assert_eq!(
            to_string(&s),
            r#"{"name":"x","count":2,"tags":[],"note":null}"#
        );
    }

    #[test]
    fn text_that_is_not_json_is_an_error() {
        assert!(from_str::<Sample>("<html>").is_err());
        assert!(from_str::<Sample>(r#"{"name": "x", "count": 2} trailing"#).is_err());
    }
}
