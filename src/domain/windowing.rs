//! The offer list's geometry, without the web: row heights measured by offer, the height
//! assumed for rows not measured yet, row offsets for a result, the row at a scroll position,
//! which rows to render in which lane, where to scroll to show a row. The hook
//! (`use_windowed_list`) measures and the list renders; this decides where.

/// Height in CSS pixels of a row not measured while no row is. Heights are integers: CSS
/// lengths are formatted from integers (no float formatting in the wasm).
pub const ROW_PX: u32 = 76;

/// The position of the row that covers `y` (the last row starting at or above it).
pub fn row_at(offsets: &[u32], y: u32) -> usize {
    offsets.partition_point(|&o| o <= y).saturating_sub(1)
}

/// Measured row heights by offer index (0: not measured), and how many rows have each height.
/// A row not measured yet is assumed to have the most common height: most rows have one line
/// of name and one of description, so a new row then usually measures exactly as assumed and
/// the list is not laid out a second time (with the average, which no row has, every new row
/// moved the ones below it).
pub struct Heights {
    by_offer: Vec<u32>,
    /// (height, rows measured at it); a handful of distinct heights.
    tally: Vec<(u32, u32)>,
}

impl Heights {
    pub fn new(offers: usize) -> Heights {
        Heights {
            by_offer: vec![0; offers],
            tally: Vec::new(),
        }
    }

    pub fn get(&self, i: u32) -> Option<u32> {
        self.by_offer.get(i as usize).copied()
    }

    pub fn set(&mut self, i: u32, h: u32) {
        let Some(old) = self.by_offer.get_mut(i as usize) else {
            return;
        };
        let was = std::mem::replace(old, h);
        if let Some(t) = self.tally.iter_mut().find(|t| t.0 == was) {
            t.1 -= 1;
        }
        match self.tally.iter_mut().find(|t| t.0 == h) {
            Some(t) => t.1 += 1,
            None => self.tally.push((h, 1)),
        }
    }

    /// Forgets every measurement (the width, text size or language changed).
    pub fn clear(&mut self) {
        self.by_offer.iter_mut().for_each(|h| *h = 0);
        self.tally.clear();
    }

    /// Stores the heights of rendered rows, `(key, height)`, and says whether any row moved:
    /// only a height other than the one the layout assumed (the guess, for a row not measured
    /// before) moves rows, and so does a new guess. A measured row that changes height (other
    /// width, text size or language) drops every stored height: all are measured again.
    pub fn remeasure(&mut self, rows: &[(u32, u32)]) -> bool {
        let guess = self.guess();
        let mut changed = false;
        // A second pass after a measured row changed height and every height was dropped.
        'pass: for again in [false, true] {
            for &(i, h) in rows {
                let Some(old) = self.get(i) else {
                    continue;
                };
                if h != old {
                    if old != 0 && !again {
                        self.clear();
                        changed = true;
                        continue 'pass;
                    }
                    self.set(i, h);
                    changed |= h != if old == 0 { guess } else { old };
                }
            }
            break;
        }
        changed | (self.guess() != guess)
    }

    /// Whether measuring these rendered rows would store anything new.
    pub fn stale(&self, rows: &[(u32, u32)]) -> bool {
        rows.iter().any(|&(i, h)| self.get(i) != Some(h))
    }

    /// The height assumed for a row not measured yet: the most common measured height (the
    /// lower one of a tie), or a default before any is measured.
    pub fn guess(&self) -> u32 {
        self.tally
            .iter()
            .filter(|t| t.1 > 0)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(ROW_PX, |t| t.0)
    }
}

/// Row offsets for the offers `indices`: `offsets[p]` is the top of position `p`, the last
/// entry the total height.
pub fn layout(heights: &Heights, indices: &[u32]) -> Vec<u32> {
    let guess = heights.guess();
    let mut y = 0;
    let mut v = Vec::with_capacity(indices.len() + 1);
    v.push(0);
    for &i in indices {
        let h = heights.get(i).unwrap_or(0);
        y += if h > 0 { h } else { guess };
        v.push(y);
    }
    v
}

/// The position lane `lane` shows when `lanes` lanes render the window that starts at
/// position `first`: lane `s` always shows the position `p` with `p % lanes == s`, so that
/// scrolling by one row moves one lane and the others keep their offer.
pub fn lane_position(first: usize, lanes: usize, lane: usize) -> usize {
    let n = lanes.max(1);
    first + (lane + n - first % n) % n
}

/// The first position to render: the row at the top of the view, less the overscan.
pub fn first_rendered(offsets: &[u32], top: u32, overscan: usize) -> usize {
    row_at(offsets, top).saturating_sub(overscan)
}

/// How many lanes to render for a view of height `view` scrolled to `top`: the rows it
/// covers plus `overscan` each side, at most `count`, never fewer than `most` (the count only
/// grows: a lane count that changes re-maps every row), at least one.
pub fn lanes_needed(
    offsets: &[u32],
    top: u32,
    view: u32,
    overscan: usize,
    count: usize,
    most: usize,
) -> usize {
    let covered = offsets.partition_point(|&y| y < top + view) - row_at(offsets, top);
    (covered + 2 * overscan).min(count).max(most).max(1)
}

/// The scroll position that shows row `p` in a view of height `view` scrolled to `top`, or
/// `None` when it is in view already. A row taller than the view (large text) shows its top.
pub fn reveal_scroll(offsets: &[u32], p: usize, top: u32, view: u32) -> Option<u32> {
    let (start, end) = (*offsets.get(p)?, *offsets.get(p + 1)?);
    if start < top || end - start > view {
        Some(start)
    } else if end > top + view {
        Some(end - view)
    } else {
        None
    }
}

/// Whether row `p` lies wholly inside a view of height `view` scrolled to `top`.
pub fn in_view(offsets: &[u32], p: usize, top: u32, view: u32) -> bool {
    matches!((offsets.get(p), offsets.get(p + 1)), (Some(&t), Some(&b)) if t >= top && b <= top + view)
}

/// The row at the top of a view scrolled to `top`, and how far into that row the view starts:
/// what keeps the row in place when the rows above it change height.
pub fn anchor(offsets: &[u32], top: u32) -> (usize, u32) {
    let row = row_at(offsets, top);
    (row, top - offsets.get(row).copied().unwrap_or(0))
}

/// The row one view height below (`down`) or above the top of row `from` (PageDown/PageUp).
pub fn page_from(offsets: &[u32], from: usize, view: u32, down: bool) -> usize {
    let y = offsets.get(from).copied().unwrap_or(0);
    row_at(
        offsets,
        if down {
            y + view
        } else {
            y.saturating_sub(view)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_not_measured_are_assumed_as_tall_as_most_measured_rows() {
        let mut h = Heights::new(10);
        assert_eq!(h.guess(), ROW_PX);
        h.set(0, 77);
        h.set(1, 96);
        h.set(2, 77);
        assert_eq!(h.guess(), 77);
        // A row measured again counts once, at its new height.
        h.set(0, 96);
        h.set(3, 96);
        assert_eq!(h.guess(), 96);
        assert_eq!(layout(&h, &[0, 4, 2]), vec![0, 96, 192, 269]);
        h.clear();
        assert_eq!(h.guess(), ROW_PX);
        assert_eq!(h.get(0), Some(0));
    }

    #[test]
    fn the_row_at_a_scroll_position_is_the_last_one_starting_at_or_above_it() {
        let offsets = [0, 96, 192, 269];
        assert_eq!(row_at(&offsets, 0), 0);
        assert_eq!(row_at(&offsets, 95), 0);
        assert_eq!(row_at(&offsets, 96), 1);
        assert_eq!(row_at(&offsets, 268), 2);
    }

    #[test]
    fn remeasuring_moves_rows_only_when_a_height_differs_from_the_assumed_one() {
        let mut h = Heights::new(6);
        // First rows, all of the default height: nothing moves.
        assert!(!h.remeasure(&[(0, ROW_PX), (1, ROW_PX)]));
        assert!(!h.stale(&[(0, ROW_PX), (1, ROW_PX)]));
        // A new row as tall as the guess: nothing moves; a taller one does.
        assert!(!h.remeasure(&[(2, ROW_PX)]));
        assert!(h.stale(&[(3, 120)]));
        assert!(h.remeasure(&[(3, 120)]));
        assert_eq!(h.get(3), Some(120));
        // Two more tall rows make tall the guess: every row not measured moves.
        assert!(h.remeasure(&[(4, 120), (5, 120)]));
        assert_eq!(h.guess(), ROW_PX);
        assert!(
            h.remeasure(&[(1, 120)]),
            "a measured row that changes height"
        );
        // ... drops every stored height: only the rows measured now are kept.
        assert_eq!(
            (0..6).map(|i| h.get(i).unwrap()).collect::<Vec<_>>(),
            vec![0, 120, 0, 0, 0, 0]
        );
        assert_eq!(h.guess(), 120);
    }

    #[test]
    fn lanes_are_recycled_so_that_scrolling_one_row_moves_one_lane() {
        // Four lanes from position 0: lane s shows s.
        assert_eq!(
            (0..4).map(|s| lane_position(0, 4, s)).collect::<Vec<_>>(),
            vec![0, 1, 2, 3]
        );
        // One row down: lane 0 shows 4, the others keep theirs.
        assert_eq!(
            (0..4).map(|s| lane_position(1, 4, s)).collect::<Vec<_>>(),
            vec![4, 1, 2, 3]
        );
        assert_eq!(
            (0..4).map(|s| lane_position(6, 4, s)).collect::<Vec<_>>(),
            vec![8, 9, 6, 7]
        );
        assert_eq!(lane_position(3, 0, 0), 3);
    }

    #[test]
    fn enough_lanes_to_fill_the_view_and_the_overscan_and_never_fewer() {
        // Rows of 100 px; a view of 250 px from the top covers rows 0..=2.
        let offsets: Vec<u32> = (0..=20).map(|p| p * 100).collect();
        assert_eq!(lanes_needed(&offsets, 0, 250, 2, 20, 0), 7);
        // Halfway into a row, it covers one more.
        assert_eq!(lanes_needed(&offsets, 50, 250, 2, 20, 0), 7);
        assert_eq!(lanes_needed(&offsets, 60, 250, 2, 20, 0), 8);
        // A short result: no more lanes than rows, but never fewer than before, and one.
        assert_eq!(lanes_needed(&offsets[..4], 0, 250, 2, 3, 0), 3);
        assert_eq!(lanes_needed(&offsets[..4], 0, 250, 2, 3, 9), 9);
        assert_eq!(lanes_needed(&[0], 0, 250, 2, 0, 0), 1);
        assert_eq!(first_rendered(&offsets, 550, 2), 3);
        assert_eq!(first_rendered(&offsets, 50, 2), 0);
    }

    #[test]
    fn revealing_a_row_scrolls_as_little_as_needed() {
        let offsets = [0, 100, 200, 300, 700, 800];
        // In view: no scroll.
        assert_eq!(reveal_scroll(&offsets, 1, 50, 200), None);
        assert!(in_view(&offsets, 1, 50, 200));
        // Above: its top; below: its bottom at the view's bottom.
        assert_eq!(reveal_scroll(&offsets, 0, 50, 200), Some(0));
        assert_eq!(reveal_scroll(&offsets, 2, 50, 200), Some(100));
        assert!(!in_view(&offsets, 2, 50, 200));
        // Taller than the view: its top.
        assert_eq!(reveal_scroll(&offsets, 3, 0, 200), Some(300));
        assert_eq!(reveal_scroll(&offsets, 9, 0, 200), None);
        assert_eq!(anchor(&offsets, 250), (2, 50));
        assert_eq!(page_from(&offsets, 0, 250, true), 2);
        assert_eq!(page_from(&offsets, 4, 250, false), 3);
        assert_eq!(page_from(&offsets, 1, 250, false), 0);
    }
}
