//! One sort for the whole app.
//!
//! Every `sort_by` / `sort_by_key` call instantiates the standard library's stable sort for its
//! element type and comparator: 2–3 KB of wasm each, and the app sorts seven kinds of lists.
//! Here the standard sort runs once, on `u32` indices with a comparator behind `&dyn`, and the
//! elements are then moved into that order: one instantiation in all (measured in README
//! "Size"). Stable like `sort_by`: equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a as usize], &v[b as usize]));
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| old[i as usize].take()));
}

/// Sorts `v` by the key `key` gives, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `0..n` in the order `cmp` gives (indices compared, ties kept in index order).
#[inline(never)]
pub fn sorted_indices(n: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn sorts_by_comparator_and_handles_empty() {
        let mut v = vec!["pear", "apple", "fig"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["pear", "fig", "apple"]);
        let mut e: Vec<u8> = Vec::new();
        sort_by(&mut e, |a, b| a.cmp(b));
        assert!(e.is_empty());
    }
}
