//! Small stand-ins for leptos's reactive primitives, compiled once instead of once per use.
//!
//! [`Load`]: a value fetched asynchronously and fetched again when what it reads changes.
//! This is what the app used leptos's `LocalResource` for. `LocalResource` is built on
//! `AsyncDerived` (async locks, wakers, suspense bookkeeping) and compiled once per value
//! type; the app needs none of that, only "the latest answer, `None` until the first", and a
//! retry. Measured: smaller wasm (README "Size").

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;

/// The latest answer of `fetch`; `None` until the first one arrives. While a newer fetch is
/// under way the previous answer stays, and an answer that arrives after a newer fetch
/// started is dropped (the latest question wins).
pub struct Load<T: 'static> {
    value: RwSignal<Option<T>>,
    again: Trigger,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Calls `fetch` now and whenever a signal it reads changes (or on [`Load::refetch`]).
    pub fn new<Fut: Future<Output = T> + 'static>(fetch: impl Fn() -> Fut + 'static) -> Self {
        let value = RwSignal::new(None);
        let again = Trigger::new();
        let latest = StoredValue::new(0u32);
        Effect::new(move |_| {
            again.track();
            let answer = fetch();
            let n = latest.get_value().wrapping_add(1);
            latest.set_value(n);
            leptos::task::spawn_local(async move {
                let v = answer.await;
                // The wizard may have been unmounted meanwhile: `try_` does nothing then.
                if latest.try_get_value() == Some(n) {
                    value.try_set(Some(v));
                }
            });
        });
        Load { value, again }
    }

    /// The latest answer (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// The latest answer, untracked.
    pub fn get_untracked(&self) -> Option<T> {
        self.value.get_untracked()
    }

    /// Asks again (a "Try again" button).
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// `Memo::new` for a closure that does not look at the previous value. `Memo::new` compiles
/// its machinery for every closure type; here the closure is boxed first, so it is compiled
/// once per value type (measured: smaller wasm, README "Size").
pub fn memo<T: Clone + PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    boxed_memo(Arc::new(f))
}

fn boxed_memo<T: Clone + PartialEq + Send + Sync + 'static>(
    f: Arc<dyn Fn() -> T + Send + Sync>,
) -> Memo<T> {
    Memo::new(move |_| f())
}
