//! The domain: plain data and rules, no web code; tested natively (`cargo test --lib`).
//! The model, the validation rules, the offer catalog, the list windowing's arithmetic, the
//! submission (its state machine and its run over an API), and the texts (i18n, messages,
//! examples).

pub mod catalog;
pub mod config;
pub mod examples;
pub mod i18n;
pub mod messages;
pub mod model;
pub mod submit;
pub mod validate;
pub mod windowing;
