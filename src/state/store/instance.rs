//! The instance: what one mounted wizard is, fixed for its lifetime (element-id prefix,
//! configuration, API handle, host element, today's date). Every other piece may hold it.

use crate::state::reactive::{Keep, Local};
use leptos::prelude::*;

use crate::api::Api;
use crate::domain::config::Config;
use crate::domain::model::FieldId;
use crate::state::browser;

#[derive(Clone, Copy)]
pub struct Instance {
    /// Prefix of every element id, unique per instance on the page.
    pub id: Keep<String>,
    pub config: Keep<Config>,
    pub api: Local<Api>,
    /// The element the wizard is mounted in: events are dispatched on it.
    pub host: Local<Option<web_sys::HtmlElement>>,
    pub today: Keep<String>,
}

impl Instance {
    pub fn new(
        id: String,
        config: Config,
        api: Api,
        host: Option<web_sys::HtmlElement>,
    ) -> Instance {
        Instance {
            id: Keep::new(id),
            config: Keep::new(config),
            api: Local::new(api),
            host: Local::new(host),
            today: Keep::new(browser::today()),
        }
    }

    /// Dispatches a DOM event for the host page on the mount element (see `events`).
    pub fn emit(&self, name: &str, detail: &[(&str, crate::state::events::Detail)]) {
        let host = self.host.try_with_value(|h| h.clone()).flatten();
        crate::state::events::emit(host.as_ref(), name, detail);
    }

    /// Element id for a field of this instance.
    pub fn field_id(&self, field: FieldId) -> String {
        format!("{}-{}", self.id.get_value(), field.slug())
    }

    pub fn el_id(&self, suffix: &str) -> String {
        format!("{}-{}", self.id.get_value(), suffix)
    }
}

pub fn use_instance() -> Instance {
    expect_context::<Instance>()
}
