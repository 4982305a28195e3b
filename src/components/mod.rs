//! Reusable pieces of the wizard's UI.

mod copy;
mod error_summary;
mod field;
mod stepper;

pub use copy::CopyButton;
pub use error_summary::ErrorSummary;
pub use field::{ChoiceField, FieldMessage, TextField};
pub use stepper::{step_title, Stepper};

/// Id of the current step's `<h1>`.
pub fn step_heading_id(w: &crate::store::Wizard) -> String {
    w.el_id("heading")
}
