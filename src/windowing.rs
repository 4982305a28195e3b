//! The offer list's geometry, without the web: row heights measured by offer, the height
//! assumed for rows not measured yet, row offsets for a result, and the row at a scroll
//! position. The list (`steps::subscriptions::list`) measures and renders; this decides where.

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
}
