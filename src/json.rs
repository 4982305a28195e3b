//! JSON text to and from Rust values, in one place.
//!
//! In the browser the text is handled by the browser's own `JSON.parse` / `JSON.stringify`,
//! and serde only converts between Rust values and JS values. That keeps serde_json's parser,
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
    T::deserialize(js::Value(value)).map_err(|_| "not the expected shape".into())
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

/// A serde `Deserializer` reading a parsed JS value (what `JSON.parse` returns), with the
/// data model serde_json has: unknown members ignored, `null` or absent for `None`, unit
/// variants as strings and other variants as `{ "Variant": value }`, newtypes transparent.
///
/// Used instead of serde-wasm-bindgen's deserializer because of its errors: those format
/// serde's messages ("invalid type: floating point `1.5`, expected u32"), which links float
/// formatting (~14 KB) and every type's `expecting` text into the wasm. Ours carry no message.
#[cfg(target_arch = "wasm32")]
mod js {
    use std::fmt;

    use serde::de::{self, IntoDeserializer, Visitor};
    use wasm_bindgen::{JsCast, JsValue};

    /// The value does not have the shape asked for. Deliberately without a message: every
    /// constructor below ignores its arguments, so no message is ever formatted.
    #[derive(Debug)]
    pub struct Invalid;

    impl fmt::Display for Invalid {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("not the expected shape")
        }
    }

    impl std::error::Error for Invalid {}

    impl de::Error for Invalid {
        fn custom<T: fmt::Display>(_: T) -> Self {
            Invalid
        }
        // serde's defaults build a message with `format_args!` first; skip that outright.
        fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
            Invalid
        }
        fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
            Invalid
        }
        fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
            Invalid
        }
        fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
            Invalid
        }
        fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
            Invalid
        }
        fn missing_field(_: &'static str) -> Self {
            Invalid
        }
        fn duplicate_field(_: &'static str) -> Self {
            Invalid
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
                .ok_or(Invalid)
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
            self.take().map(|v| seed.deserialize(Value(v))).transpose()
        }

        fn size_hint(&self) -> Option<usize> {
            Some(self.remaining())
        }
    }

    /// `Items` over `Object.entries`: each entry is a `[key, value]` array.
    struct Members {
        entries: Items,
        value: Option<JsValue>,
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
            seed.deserialize(Value(entry.get(0))).map(Some)
        }

        fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
            seed.deserialize(Value(self.value.take().ok_or(Invalid)?))
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
                })
            } else {
                Err(Invalid)
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
            let entries = self.entries().filter(|e| e.length() == 1).ok_or(Invalid)?;
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
            visitor.visit_bool(self.0.as_bool().ok_or(Invalid)?)
        }

        fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = self.whole()?;
            if n < 0.0 {
                return Err(Invalid);
            }
            visitor.visit_u64(n as u64)
        }

        fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_i64(self.whole()? as i64)
        }

        fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_f64(self.0.as_f64().ok_or(Invalid)?)
        }

        fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_string(self.0.as_string().ok_or(Invalid)?)
        }

        fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            if !js_sys::Array::is_array(&self.0) {
                return Err(Invalid);
            }
            visitor.visit_seq(Items::new(self.0.unchecked_into()))
        }

        fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let entries = self.entries().ok_or(Invalid)?;
            visitor.visit_map(Members {
                entries: Items::new(entries),
                value: None,
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
