//! The project's reactive values: leptos's own primitives, compiled once for all value types.
//!
//! **Convention.** State is kept in [`Var`] (a read-write signal), [`Calc`] (a memo), [`Keep`]
//! (a stored value), [`Load`] (a local resource) and [`ElementRef`] (a node ref). They are
//! used exactly like leptos's `RwSignal`, `Memo`, `StoredValue`, `LocalResource` and `NodeRef`:
//! they implement reactive_graph's traits (`Get`, `GetUntracked`, `With`, `WithUntracked`,
//! `Read`, `Track`, `Set`, `Update`, `Write`, `Notify`, `IsDisposed`; `GetValue`, `WithValue`,
//! `SetValue`, `UpdateValue` for [`Keep`]), so the Leptos book's code works on them unchanged,
//! and [`Var`] and [`Calc`] convert `Into<Signal<T>>` for any API that takes a `Signal` (props,
//! leptos-use). Everything else is leptos's own (`Signal`, `Effect`, `StoredValue::new_local`,
//! `<Show>`).
//!
//! **Why not `RwSignal<T>` itself.** Leptos compiles its signal and memo machinery (arena
//! slots, subscriber lists, locks, change checks) once for every value type. This app has
//! dozens of value types; here every value sits behind one concrete type ([`Erased`]), so that
//! machinery is compiled once, and per value type only a checked downcast remains. Measured
//! (docs/performance.md, same build otherwise): leptos's own `RwSignal`/`Memo`/`StoredValue`/
//! `Signal`/`LocalResource` for every value made the app 19.6 KB brotli larger; this facade
//! made it 4.4 KB smaller than the earlier stand-ins with their own method names.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::ops::DerefMut;
use std::panic::Location;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::reactive::signal::guards::{Derefable, Mapped, MappedMut, Plain, ReadGuard};

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

fn as_ref<T: 'static>(e: &Erased) -> &T {
    e.value.downcast_ref().unwrap_or_else(|| wrong_type())
}

fn as_mut<T: 'static>(e: &mut Erased) -> &mut T {
    e.value.downcast_mut().unwrap_or_else(|| wrong_type())
}

#[allow(clippy::borrowed_box)] // `Mapped` maps `&Box<Value>`: the stored value's own type
fn boxed_ref<T: 'static>(b: &Box<Value>) -> &T {
    b.downcast_ref().unwrap_or_else(|| wrong_type())
}

fn boxed_mut<T: 'static>(b: &mut Box<Value>) -> &mut T {
    b.downcast_mut().unwrap_or_else(|| wrong_type())
}

#[cold]
fn wrong_type() -> ! {
    panic!("reactive value read as another type")
}

/// `Clone`, `Copy` and the traits every handle forwards to the erased primitive it wraps.
macro_rules! handle {
    ($ty:ident) => {
        impl<T> Clone for $ty<T> {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<T> Copy for $ty<T> {}

        impl<T> DefinedAt for $ty<T> {
            fn defined_at(&self) -> Option<&'static Location<'static>> {
                self.inner.defined_at()
            }
        }
    };
}

/// A read-write signal: leptos's `RwSignal<T>`, compiled once for all `T`.
pub struct Var<T> {
    inner: RwSignal<Erased>,
    ty: PhantomData<fn() -> T>,
}

handle!(Var);

impl<T> IsDisposed for Var<T> {
    fn is_disposed(&self) -> bool {
        self.inner.is_disposed()
    }
}

impl<T: Send + Sync + 'static> Var<T> {
    #[track_caller]
    pub fn new(value: T) -> Self {
        Var {
            inner: RwSignal::new(Erased {
                value: Box::new(value),
                same: never,
            }),
            ty: PhantomData,
        }
    }
}

impl<T> Track for Var<T> {
    fn track(&self) {
        self.inner.track();
    }
}

impl<T> Notify for Var<T> {
    fn notify(&self) {
        self.inner.notify();
    }
}

impl<T: 'static> ReadUntracked for Var<T> {
    type Value = ReadGuard<T, Mapped<Plain<Erased>, T>>;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        let guard = self.inner.try_read_untracked()?.into_inner();
        Some(ReadGuard::new(Mapped::new_with_guard(guard, as_ref::<T>)))
    }
}

impl<T: 'static> Write for Var<T> {
    type Value = T;

    fn try_write(&self) -> Option<impl UntrackableGuard<Target = T>> {
        let guard = self.inner.try_write()?;
        Some(MappedMut::new(guard, as_ref::<T>, as_mut::<T>))
    }

    fn try_write_untracked(&self) -> Option<impl DerefMut<Target = T>> {
        let guard = self.inner.try_write_untracked()?;
        Some(MappedMut::new(guard, as_ref::<T>, as_mut::<T>))
    }
}

impl<T: Clone + Send + Sync + 'static> From<Var<T>> for Signal<T> {
    fn from(v: Var<T>) -> Self {
        Signal::derive(move || v.get())
    }
}

/// A derived value, recomputed when a signal it read changes; readers are notified only when
/// the result differs. Leptos's `Memo<T>`, compiled once for all `T`.
pub struct Calc<T> {
    inner: Memo<Erased>,
    ty: PhantomData<fn() -> T>,
}

handle!(Calc);

type CalcFn = Box<dyn Fn(Option<&Erased>) -> Erased + Send + Sync>;

fn new_calc(f: CalcFn) -> Memo<Erased> {
    Memo::new(f)
}

impl<T: PartialEq + Send + Sync + 'static> Calc<T> {
    /// `Memo::new`: `f` gets the previous result (`None` the first time).
    #[track_caller]
    pub fn new(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Self {
        Calc {
            inner: new_calc(Box::new(move |prev| Erased {
                value: Box::new(f(prev.map(as_ref::<T>))),
                same: equal::<T>,
            })),
            ty: PhantomData,
        }
    }
}

/// `Memo::new(move |_| f())`.
#[track_caller]
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Calc<T> {
    Calc::new(move |_| f())
}

impl<T> Track for Calc<T> {
    fn track(&self) {
        self.inner.track();
    }
}

impl<T: 'static> ReadUntracked for Calc<T> {
    type Value = ReadGuard<T, Mapped<Mapped<Plain<Option<Erased>>, Erased>, T>>;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        let guard = self.inner.try_read_untracked()?.into_inner();
        Some(ReadGuard::new(Mapped::new_with_guard(guard, as_ref::<T>)))
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> From<Calc<T>> for Signal<T> {
    fn from(c: Calc<T>) -> Self {
        Signal::derive(move || c.get())
    }
}

/// A value owned by the component, not reactive: leptos's `StoredValue<T>`, compiled once.
pub struct Keep<T> {
    inner: StoredValue<Box<Value>>,
    ty: PhantomData<fn() -> T>,
}

handle!(Keep);

impl<T> IsDisposed for Keep<T> {
    fn is_disposed(&self) -> bool {
        self.inner.is_disposed()
    }
}

impl<T: Send + Sync + 'static> Keep<T> {
    #[track_caller]
    pub fn new(value: T) -> Self {
        Keep {
            inner: StoredValue::new(Box::new(value)),
            ty: PhantomData,
        }
    }
}

impl<T: 'static> ReadValue for Keep<T> {
    type Value = ReadGuard<T, Mapped<Plain<Box<Value>>, T>>;

    fn try_read_value(&self) -> Option<Self::Value> {
        let guard = self.inner.try_read_value()?.into_inner();
        Some(ReadGuard::new(Mapped::new_with_guard(
            guard,
            boxed_ref::<T>,
        )))
    }
}

impl<T: 'static> UpdateValue for Keep<T> {
    type Value = T;

    fn try_update_value<U>(&self, fun: impl FnOnce(&mut T) -> U) -> Option<U> {
        self.inner.try_update_value(|b| fun(boxed_mut(b)))
    }
}

impl<T: 'static> SetValue for Keep<T> {
    type Value = T;

    fn try_set_value(&self, value: T) -> Option<T> {
        let mut value = Some(value);
        self.try_update_value(|v| *v = value.take().unwrap_or_else(|| wrong_type()));
        value
    }
}

/// The latest answer of `fetch`; `None` until the first one arrives: what `LocalResource`
/// gives to `.get()`, without its `AsyncDerived` machinery (async locks, wakers, suspense
/// bookkeeping) compiled per value type. While a newer fetch is under way the previous answer
/// stays, and an answer that arrives after a newer fetch started is dropped.
pub struct Load<T> {
    inner: Var<Option<T>>,
    again: Trigger,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Load<T> {}

impl<T> DefinedAt for Load<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.inner.defined_at()
    }
}

impl<T> IsDisposed for Load<T> {
    fn is_disposed(&self) -> bool {
        self.inner.is_disposed()
    }
}

impl<T> Track for Load<T> {
    fn track(&self) {
        self.inner.track();
    }
}

impl<T: 'static> ReadUntracked for Load<T> {
    type Value = ReadGuard<Option<T>, Mapped<Plain<Erased>, Option<T>>>;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.inner.try_read_untracked()
    }
}

impl<T: Send + Sync + 'static> Load<T> {
    /// `LocalResource::new`: calls `fetch` now and whenever a signal it reads changes (or on
    /// [`Load::refetch`]).
    pub fn new<Fut: Future<Output = T> + 'static>(fetch: impl Fn() -> Fut + 'static) -> Self {
        // Boxed, so that the effect below is compiled once per value type, not per closure.
        Self::boxed(Box::new(move || Box::pin(fetch())))
    }

    #[allow(clippy::type_complexity)]
    fn boxed(fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = T>>>>) -> Self {
        let inner = Var::new(None);
        let again = Trigger::new();
        let latest = StoredValue::new(0u32);
        effect(move |_| {
            again.track();
            let answer = fetch();
            let n = latest.get_value().wrapping_add(1);
            latest.set_value(n);
            leptos::task::spawn_local(async move {
                let v = answer.await;
                // The wizard may have been unmounted meanwhile: `try_` does nothing then.
                if latest.try_get_value() == Some(n) {
                    inner.try_set(Some(v));
                }
            });
        });
        Load { inner, again }
    }

    /// Asks again (a "Try again" button), as `LocalResource::refetch`.
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// The element a `node_ref=` attribute points at, `None` until it is mounted: leptos's
/// `NodeRef<E>` for any element type (`.get()`, `.get_untracked()`, tracked like it).
#[derive(Clone, Copy)]
pub struct ElementRef(Var<Option<send_wrapper::SendWrapper<web_sys::HtmlElement>>>);

impl ElementRef {
    pub fn new() -> Self {
        ElementRef(Var::new(None))
    }
}

impl Default for ElementRef {
    fn default() -> Self {
        Self::new()
    }
}

impl DefinedAt for ElementRef {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.0.defined_at()
    }
}

impl Track for ElementRef {
    fn track(&self) {
        self.0.track();
    }
}

impl ReadUntracked for ElementRef {
    type Value = ReadGuard<Option<web_sys::HtmlElement>, Derefable<Option<web_sys::HtmlElement>>>;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0
            .try_with_untracked(|e| e.as_ref().map(|e| (**e).clone()))
            .map(|e| ReadGuard::new(Derefable(e)))
    }
}

impl<E: leptos::tachys::html::element::ElementType>
    leptos::tachys::html::node_ref::NodeRefContainer<E> for ElementRef
{
    fn load(self, el: &web_sys::Element) {
        use wasm_bindgen::JsCast;
        // Only ever runs in the browser's one thread, where the wrapper is sound.
        if let Ok(el) = el.clone().dyn_into::<web_sys::HtmlElement>() {
            self.0.set(Some(send_wrapper::SendWrapper::new(el)));
        }
    }
}

/// A read-only value computed on every read, for props that take either a fixed value or a
/// live one: leptos's `Signal<T>` from `Signal::derive`, without its per-type dispatch.
pub struct Derived<T: 'static>(Keep<std::sync::Arc<dyn Fn() -> T + Send + Sync>>);

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

/// A [`Derived`] of `f`.
pub fn derive<T: 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Derived<T> {
    Derived(Keep::new(std::sync::Arc::new(f)))
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

impl<T: Clone + Send + Sync + 'static> From<Var<T>> for Derived<T> {
    fn from(v: Var<T>) -> Self {
        derive(move || v.get())
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> From<Calc<T>> for Derived<T> {
    fn from(c: Calc<T>) -> Self {
        derive(move || c.get())
    }
}

/// A `Derived` goes wherever leptos takes a `Signal<T>` (a prop, leptos-use's options).
impl<T: Send + Sync + 'static> From<Derived<T>> for Signal<T> {
    fn from(d: Derived<T>) -> Self {
        Signal::derive(move || d.get())
    }
}

impl From<crate::domain::i18n::Key> for Derived<crate::domain::i18n::Key> {
    fn from(k: crate::domain::i18n::Key) -> Self {
        derive(move || k)
    }
}

/// A [`Keep`] for values that are not `Send` (JS handles): leptos's
/// `StoredValue<T, LocalStorage>`.
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

/// Calls `run` with the latest argument once calls have paused for `ms` milliseconds: the
/// project's one debounce (leptos-use's `use_debounce_fn_with_arg`), with [`Debounced::flush`]
/// to run a pending call at once (the draft's save when the page is hidden) and
/// [`Debounced::cancel`] to drop it. When the owner is cleaned up (the component unmounts) a
/// pending call is dropped, or run at once if made with [`Debounced::flush_on_cleanup`].
///
/// leptos-use's `use_debounce_fn` was not taken: it has no flush, which the autosave needs
/// (nothing typed may be lost in the last half second before a reload or unmount), so the
/// autosave would keep a second mechanism beside it, and the wasm would gain a dependency.
pub struct Debounced<A: 'static> {
    state: Keep<Debounce<A>>,
}

struct Debounce<A> {
    run: std::sync::Arc<dyn Fn(A) + Send + Sync>,
    ms: u64,
    /// The argument of the call waiting for its timer.
    pending: Option<(A, Option<TimeoutHandle>)>,
    flush_on_cleanup: bool,
}

impl<A> Clone for Debounced<A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<A> Copy for Debounced<A> {}

impl<A: Send + Sync + 'static> Debounced<A> {
    pub fn new(ms: u64, run: impl Fn(A) + Send + Sync + 'static) -> Self {
        let d = Debounced {
            state: Keep::new(Debounce {
                run: std::sync::Arc::new(run),
                ms,
                pending: None,
                flush_on_cleanup: false,
            }),
        };
        on_cleanup(move || {
            if d.state.try_with_value(|s| s.flush_on_cleanup) == Some(true) {
                d.flush();
            } else {
                d.cancel();
            }
        });
        d
    }

    /// A call still pending when the owner is cleaned up runs then, instead of being dropped.
    pub fn flush_on_cleanup(self) -> Self {
        self.state.update_value(|s| s.flush_on_cleanup = true);
        self
    }

    /// Runs `run(arg)` in `ms` milliseconds, unless another call comes first (it replaces
    /// this one and starts the wait again).
    pub fn call(&self, arg: A) {
        self.cancel();
        let me = *self;
        let Some(ms) = self.state.try_with_value(|s| s.ms) else {
            return;
        };
        let timer =
            set_timeout_with_handle(move || me.flush(), std::time::Duration::from_millis(ms)).ok();
        self.state.update_value(|s| s.pending = Some((arg, timer)));
    }

    /// Drops the pending call, if any, and hands its argument back.
    pub fn cancel(&self) -> Option<A> {
        let (arg, timer) = self
            .state
            .try_update_value(|s| s.pending.take())
            .flatten()?;
        if let Some(t) = timer {
            t.clear();
        }
        Some(arg)
    }

    /// Runs the pending call now, if any (`try_`: also after the owner is gone, then nothing).
    pub fn flush(&self) {
        if let Some(arg) = self.cancel() {
            if let Some(run) = self.state.try_with_value(|s| s.run.clone()) {
                run(arg);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

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
        let fixed: Derived<crate::domain::i18n::Key> = crate::domain::i18n::Key::Country.into();
        assert_eq!(fixed.get(), crate::domain::i18n::Key::Country);
    }

    #[test]
    fn writes_after_the_owner_is_gone_do_nothing() {
        let owner = Owner::new();
        owner.set();
        let v = Var::new(1);
        let k = Keep::new(1);
        drop(owner);
        assert!(
            v.try_set(2).is_some(),
            "a write after disposal hands the value back"
        );
        assert_eq!(v.try_get_untracked(), None);
        assert_eq!(k.try_get_value(), None);
    }

    /// The handles go where leptos expects its own types: any `impl Get`/`With`/`Update`
    /// function, and `Into<Signal<T>>` props.
    #[test]
    fn handles_pass_where_leptos_expects_its_own_types() {
        let owner = Owner::new();
        owner.set();
        fn doubled(s: impl Into<Signal<u32>>) -> Signal<u32> {
            let s = s.into();
            Signal::derive(move || s.get() * 2)
        }
        fn read<S: Get<Value = u32>>(s: &S) -> u32 {
            s.get()
        }
        fn bump<S: Update<Value = u32>>(s: &S) {
            s.update(|n| *n += 1);
        }
        let v = Var::new(2u32);
        let c = memo(move || v.get() + 1);
        let (dv, dc) = (doubled(v), doubled(c));
        let dd = doubled(derive(move || v.get() + 10));
        assert_eq!((dv.get(), dc.get(), dd.get()), (4, 6, 24));
        assert_eq!((read(&v), read(&c)), (2, 3));
        bump(&v);
        assert_eq!((dv.get(), dc.get(), read(&c), dd.get()), (6, 8, 4, 26));
        assert_eq!(v.with(|n| n * 10), 30);
        let k = Keep::new(1u32);
        k.update_value(|n| *n += 1);
        assert_eq!(k.get_value(), 2);
        k.set_value(7);
        assert_eq!(k.with_value(|n| *n), 7);
    }
}
