//! Small stand-ins for leptos's reactive primitives, compiled once instead of once per use.
//!
//! Leptos compiles its signal, memo and effect machinery (arena slots, subscriber lists,
//! locks, change checks) once for every value type and every closure type. This app has
//! dozens of value types, so that machinery was the largest part of the wasm after the
//! views. Here every value is kept behind one concrete type ([`Erased`]): leptos's code is
//! compiled once, and per value type only a cast and a clone remain.
//! Measured: README "Size".
//!
//! - [`Var`]: a read-write signal (leptos's `RwSignal`).
//! - [`Calc`]: a derived value recomputed when what it reads changes, notifying only when the
//!   result differs (leptos's `Memo`).
//! - [`Keep`]: a non-reactive value owned by the component (leptos's `StoredValue`).
//! - [`Derived`]: a value computed on each read (leptos's `Signal::derive`).
//! - [`ElementRef`]: an element of the view, once mounted (leptos's `NodeRef`).
//! - [`Local`]: a kept value that is not `Send` (leptos's `StoredValue<T, LocalStorage>`).
//! - [`effect`]: leptos's `Effect::new` with the closure boxed.
//! - [`Load`]: a value fetched asynchronously and fetched again when what it reads changes.
//!   This is what the app used leptos's `LocalResource` for. `LocalResource` is built on
//!   `AsyncDerived` (async locks, wakers, suspense bookkeeping); the app needs none of that,
//!   only "the latest answer, `None` until the first", and a retry.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

type Value = dyn Any + Send + Sync;

/// A value of any type behind one concrete type, with the equality a [`Calc`] needs to tell
/// whether its result changed ([`Var`] writes always notify, as `RwSignal` writes do).
pub struct Erased {
    value: Box<Value>,
    same: fn(&Value, &Value) -> bool,
}

impl PartialEq for Erased {
    fn eq(&self, other: &Self) -> bool {
        (self.same)(&*self.value, &*other.value)
    }
}

fn never(_: &Value, _: &Value) -> bool {
    false
}

fn equal<T: PartialEq + 'static>(a: &Value, b: &Value) -> bool {
    a.downcast_ref::<T>() == b.downcast_ref::<T>()
}

// The value's type is fixed by the typed handle that made it: `Var<T>`, `Calc<T>` and
// `Keep<T>` keep their erased slot private and only ever put a `T` in it. The downcasts below
// are checked all the same (no `unsafe` in the app); a failed one would be a bug here.

fn cast<T: 'static>(v: &Value) -> &T {
    v.downcast_ref().unwrap_or_else(|| wrong_type())
}

fn cast_mut<T: 'static>(v: &mut Value) -> &mut T {
    v.downcast_mut().unwrap_or_else(|| wrong_type())
}

#[cold]
fn wrong_type() -> ! {
    panic!("reactive value read as another type")
}

#[cold]
fn disposed() -> ! {
    panic!("reactive value used after its owner was disposed")
}

// The only places where leptos's machinery is instantiated: with the one value type and one
// closure type each.

fn read_var(s: RwSignal<Erased>, track: bool, f: &mut dyn FnMut(&Value)) -> bool {
    let f = move |v: &Erased| f(&*v.value);
    if track {
        s.try_with(f)
    } else {
        s.try_with_untracked(f)
    }
    .is_some()
}

fn write_var(s: RwSignal<Erased>, f: &mut dyn FnMut(&mut Value)) -> bool {
    s.try_update(|v| f(&mut *v.value)).is_some()
}

fn read_calc(s: Memo<Erased>, track: bool, f: &mut dyn FnMut(&Value)) -> bool {
    let f = move |v: &Erased| f(&*v.value);
    if track {
        s.try_with(f)
    } else {
        s.try_with_untracked(f)
    }
    .is_some()
}

/// Calls `f` with the value as `T`, through the non-generic `read`.
fn read_as<T: 'static, R>(
    f: impl FnOnce(&T) -> R,
    read: impl FnOnce(&mut dyn FnMut(&Value)) -> bool,
) -> Option<R> {
    let mut f = Some(f);
    let mut out = None;
    read(&mut |v| {
        if let Some(f) = f.take() {
            out = Some(f(cast(v)));
        }
    });
    out
}

/// `get`, `get_untracked` and `track` of a reactive value, from its `with` and
/// `with_untracked` (the same for [`Var`] and [`Calc`]).
macro_rules! reads_from_with {
    () => {
        pub fn get(&self) -> T
        where
            T: Clone,
        {
            self.with(T::clone)
        }

        pub fn get_untracked(&self) -> T
        where
            T: Clone,
        {
            self.with_untracked(T::clone)
        }

        /// Subscribes the running effect or memo without reading.
        pub fn track(&self) {
            self.with(|_| ());
        }
    };
}

/// A read-write signal: leptos's `RwSignal<T>`, compiled once for all `T`.
pub struct Var<T> {
    inner: RwSignal<Erased>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Var<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Var<T> {}

impl<T: Send + Sync + 'static> Var<T> {
    pub fn new(value: T) -> Self {
        Var {
            inner: RwSignal::new(Erased {
                value: Box::new(value),
                same: never,
            }),
            ty: PhantomData,
        }
    }

    /// Reads without cloning (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.try_with(f).unwrap_or_else(|| disposed())
    }

    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        read_as(f, |g| read_var(self.inner, true, g))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.try_with_untracked(f).unwrap_or_else(|| disposed())
    }

    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        read_as(f, |g| read_var(self.inner, false, g))
    }

    /// The value, or `None` once the owner is disposed (untracked).
    pub fn try_get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with_untracked(T::clone)
    }

    reads_from_with!();

    /// Changes the value in place and notifies.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        if !self.try_update(f) {
            disposed()
        }
    }

    /// Like [`Var::update`]; does nothing (and returns `false`) once the owner is disposed.
    pub fn try_update(&self, f: impl FnOnce(&mut T)) -> bool {
        let mut f = Some(f);
        write_var(self.inner, &mut |v| {
            if let Some(f) = f.take() {
                f(cast_mut(v));
            }
        })
    }

    pub fn set(&self, value: T) {
        self.update(|v| *v = value);
    }

    pub fn try_set(&self, value: T) -> bool {
        self.try_update(|v| *v = value)
    }
}

impl<T: Clone + Send + Sync + 'static> From<Var<T>> for Derived<T> {
    fn from(v: Var<T>) -> Self {
        derive(move || v.get())
    }
}

/// A derived value, recomputed when a signal it read changes; readers are notified only when
/// the result differs. Leptos's `Memo<T>`, compiled once for all `T`.
pub struct Calc<T> {
    inner: Memo<Erased>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Calc<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Calc<T> {}

/// A [`Calc`] of `f`.
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Calc<T> {
    Calc::new(move |_| f())
}

#[allow(clippy::type_complexity)]
fn new_calc(f: Arc<dyn Fn(Option<&Erased>) -> Erased + Send + Sync>) -> Memo<Erased> {
    Memo::new(move |prev| f(prev))
}

impl<T: PartialEq + Send + Sync + 'static> Calc<T> {
    /// `f` gets the previous result (`None` the first time), e.g. to keep it when nothing
    /// it depends on changed in a way that matters.
    pub fn new(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Self {
        Calc {
            inner: new_calc(Arc::new(move |prev| Erased {
                value: Box::new(f(prev.map(|p| cast(&*p.value)))),
                same: equal::<T>,
            })),
            ty: PhantomData,
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        read_as(f, |g| read_calc(self.inner, true, g)).unwrap_or_else(|| disposed())
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        read_as(f, |g| read_calc(self.inner, false, g)).unwrap_or_else(|| disposed())
    }

    reads_from_with!();
}

impl<T: Clone + PartialEq + Send + Sync + 'static> From<Calc<T>> for Derived<T> {
    fn from(c: Calc<T>) -> Self {
        derive(move || c.get())
    }
}

/// A read-only value computed on every read, for props that take either a fixed value or a
/// live one: leptos's `Signal<T>` from `Signal::derive`, without its per-type dispatch.
pub struct Derived<T: 'static>(Keep<Arc<dyn Fn() -> T + Send + Sync>>);

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

/// A [`Derived`] of `f`.
pub fn derive<T: 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Derived<T> {
    Derived(Keep::new(Arc::new(f)))
}

impl<T: 'static> Derived<T> {
    /// Calls the function (tracked by whatever it reads).
    pub fn get(&self) -> T {
        // Cloned out first: the function may read or create other reactive values.
        (self.0.get_value())()
    }

    pub fn get_untracked(&self) -> T {
        untrack(|| self.get())
    }

    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.get())
    }
}

impl From<crate::i18n::Key> for Derived<crate::i18n::Key> {
    fn from(k: crate::i18n::Key) -> Self {
        derive(move || k)
    }
}

/// A value owned by the component, not reactive: leptos's `StoredValue<T>`, compiled once.
pub struct Keep<T> {
    inner: StoredValue<Box<Value>>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Keep<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Keep<T> {}

fn read_kept(s: StoredValue<Box<Value>>, f: &mut dyn FnMut(&Value)) -> bool {
    s.try_with_value(|v| f(&**v)).is_some()
}

fn write_kept(s: StoredValue<Box<Value>>, f: &mut dyn FnMut(&mut Value)) -> bool {
    s.try_update_value(|v| f(&mut **v)).is_some()
}

impl<T: Send + Sync + 'static> Keep<T> {
    pub fn new(value: T) -> Self {
        Keep {
            inner: StoredValue::new(Box::new(value)),
            ty: PhantomData,
        }
    }

    pub fn with_value<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.try_with_value(f).unwrap_or_else(|| disposed())
    }

    pub fn try_with_value<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        read_as(f, |g| read_kept(self.inner, g))
    }

    pub fn get_value(&self) -> T
    where
        T: Clone,
    {
        self.with_value(T::clone)
    }

    pub fn try_get_value(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with_value(T::clone)
    }

    pub fn update_value(&self, f: impl FnOnce(&mut T)) {
        let mut f = Some(f);
        write_kept(self.inner, &mut |v| {
            if let Some(f) = f.take() {
                f(cast_mut(v));
            }
        });
    }

    pub fn set_value(&self, value: T) {
        self.update_value(|v| *v = value);
    }
}

/// A [`Keep`] for values that are not `Send` (JS handles): leptos's
/// `StoredValue<T, LocalStorage>`. The browser runs the app on one thread, where the
/// wrapper is sound.
pub struct Local<T: 'static>(Keep<send_wrapper::SendWrapper<T>>);

impl<T> Clone for Local<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Local<T> {}

impl<T: 'static> Local<T> {
    pub fn new(value: T) -> Self {
        Local(Keep::new(send_wrapper::SendWrapper::new(value)))
    }

    pub fn with_value<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.0.with_value(|v| f(v))
    }

    pub fn try_with_value<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.0.try_with_value(|v| f(v))
    }

    pub fn get_value(&self) -> T
    where
        T: Clone,
    {
        self.with_value(T::clone)
    }
}

/// `Effect::new` with the closure boxed, so leptos's effect is compiled once. `f` gets
/// `true` on its first run.
pub fn effect(f: impl FnMut(bool) + 'static) {
    new_effect(Box::new(f));
}

fn new_effect(mut f: Box<dyn FnMut(bool)>) {
    Effect::new(move |prev: Option<()>| f(prev.is_none()));
}

/// The latest answer of `fetch`; `None` until the first one arrives. While a newer fetch is
/// under way the previous answer stays, and an answer that arrives after a newer fetch
/// started is dropped (the latest question wins).
pub struct Load<T: 'static> {
    value: Var<Option<T>>,
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
        // Boxed, so that the effect below is compiled once per value type, not per closure.
        Self::boxed(Box::new(move || Box::pin(fetch())))
    }

    #[allow(clippy::type_complexity)]
    fn boxed(fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = T>>>>) -> Self {
        let value = Var::new(None);
        let again = Trigger::new();
        let latest = Keep::new(0u32);
        effect(move |_| {
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

/// The element a `node_ref=` attribute points at, `None` until it is mounted: leptos's
/// `NodeRef<E>`, whose own signal type would be compiled in for each element type.
pub struct ElementRef(Var<Option<send_wrapper::SendWrapper<web_sys::HtmlElement>>>);

impl Clone for ElementRef {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for ElementRef {}

impl ElementRef {
    pub fn new() -> Self {
        ElementRef(Var::new(None))
    }

    /// The element (tracked: an effect reading it runs again once it is mounted).
    pub fn get(&self) -> Option<web_sys::HtmlElement> {
        self.0.with(|e| e.as_ref().map(|e| (**e).clone()))
    }

    pub fn get_untracked(&self) -> Option<web_sys::HtmlElement> {
        self.0.with_untracked(|e| e.as_ref().map(|e| (**e).clone()))
    }
}

impl Default for ElementRef {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: leptos::tachys::html::element::ElementType>
    leptos::tachys::html::node_ref::NodeRefContainer<E> for ElementRef
{
    fn load(self, el: &web_sys::Element) {
        use wasm_bindgen::JsCast;
        // Only ever runs in the browser's one thread, where the wrapper is sound.
        self.0.set(Some(send_wrapper::SendWrapper::new(
            el.clone().unchecked_into(),
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn counter() -> (Arc<AtomicUsize>, impl Fn() -> usize) {
        let n = Arc::new(AtomicUsize::new(0));
        let m = n.clone();
        (n, move || m.load(Ordering::SeqCst))
    }

    #[test]
    fn a_var_reads_what_was_written() {
        let owner = Owner::new();
        owner.set();
        let v = Var::new(vec![1, 2]);
        v.update(|v| v.push(3));
        assert_eq!(v.get(), vec![1, 2, 3]);
        assert_eq!(v.with(|v| v.len()), 3);
        v.set(vec![]);
        assert_eq!(v.get_untracked(), Vec::<i32>::new());
    }

    #[test]
    fn a_calc_notifies_readers_only_when_its_result_changes() {
        let owner = Owner::new();
        owner.set();
        let v = Var::new(1u32);
        let tens = memo(move || v.get() / 10);
        let (runs, count) = counter();
        let reader = memo(move || {
            runs.fetch_add(1, Ordering::SeqCst);
            tens.get() * 2
        });
        assert_eq!(reader.get(), 0);
        assert_eq!(count(), 1);
        // 1 -> 2: `tens` is still 0, so `reader` is not computed again.
        v.set(2);
        assert_eq!(reader.get(), 0);
        assert_eq!(count(), 1);
        // 2 -> 25: `tens` becomes 2.
        v.set(25);
        assert_eq!(reader.get(), 4);
        assert_eq!(count(), 2);
    }

    #[test]
    fn a_calc_gets_its_previous_result() {
        let owner = Owner::new();
        owner.set();
        let v = Var::new(3u32);
        // The largest value seen so far.
        let max = Calc::new(move |prev: Option<&u32>| v.get().max(prev.copied().unwrap_or(0)));
        assert_eq!(max.get(), 3);
        v.set(1);
        assert_eq!(max.get(), 3);
        v.set(7);
        assert_eq!(max.get(), 7);
    }

    #[test]
    fn kept_values_and_derived_values() {
        let owner = Owner::new();
        owner.set();
        let k = Keep::new(String::from("a"));
        k.update_value(|s| s.push('b'));
        assert_eq!(k.get_value(), "ab");
        let v = Var::new(2);
        let d = derive(move || v.get() * 10);
        assert_eq!(d.get(), 20);
        v.set(3);
        assert_eq!(d.get(), 30);
        let fixed: Derived<crate::i18n::Key> = crate::i18n::Key::Country.into();
        assert_eq!(fixed.get(), crate::i18n::Key::Country);
    }

    #[test]
    fn writes_after_the_owner_is_gone_do_nothing() {
        let owner = Owner::new();
        owner.set();
        let v = Var::new(1);
        let k = Keep::new(1);
        drop(owner);
        assert!(!v.try_set(2));
        assert_eq!(v.try_get_untracked(), None);
        assert_eq!(k.try_get_value(), None);
    }
}
