//! JSON text to and from the wire types and the saved draft, through their serde derives.
//!
//! One `Deserialize`/`Serialize` per type, two carriers: in the wasm the browser parses and
//! writes the text (`JSON.parse`/`JSON.stringify`) and serde-wasm-bindgen walks its values, so
//! no JSON parser or float formatter is compiled in; natively (the tests) serde_json does it.
//! Either way the same derived code runs, and an error names the member it is about
//! (serde_path_to_error): `items[3].minimumQuantity: invalid type: string "x", expected u32`,
//! `missing field `iso2Code``. A wrong type or a missing required member is an error, never a
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
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value))
            .map_err(|e| e.to_string())
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
