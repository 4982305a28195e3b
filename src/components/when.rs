//! `<When>`: what leptos's `<Show>` does, at a fraction of its size.
//!
//! `<Show>` is generic over its condition closure and its children's view type, so each of
//! the app's ~27 uses compiled its own memo and its own renderer for `Either<children,
//! fallback>`. Here the condition is boxed and the children are type-erased (`ChildrenFn`)
//! before anything generic happens: one memo and one renderer for all uses.

use std::sync::Arc;

use crate::reactive::memo;
use leptos::prelude::*;

type Condition = Arc<dyn Fn() -> bool + Send + Sync>;

/// Renders `children` while `when` is true, else `fallback` (nothing by default). The
/// condition is memoized, so the children are built once per change from false to true.
#[component]
pub fn When(
    when: impl Fn() -> bool + Send + Sync + 'static,
    children: ChildrenFn,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView {
    render(Arc::new(when), children, fallback)
}

fn render(when: Condition, children: ChildrenFn, fallback: ViewFn) -> AnyView {
    let shown = memo(move || when());
    (move || {
        if shown.get() {
            children()
        } else {
            fallback.run()
        }
    })
    .into_any()
}
