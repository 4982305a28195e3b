//! The number of licenses on a line, parsed from what the user typed.

/// Anything at or above this is "absurdly large", whatever the offer's maximum.
pub const ABSURD_QUANTITY: u64 = 1_000_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityError {
    Empty,
    NotANumber,
    /// A decimal point or comma (also thousands separators: "1.000" is ambiguous between
    /// English and Turkish, and licenses are whole).
    Decimal,
    Zero,
    Negative,
    BelowMin {
        min: u32,
    },
    AboveMax {
        max: u32,
    },
    TooLarge {
        max: u32,
    },
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{202f}' || c == '\u{2009}'
}

/// Parses a quantity typed as text: white space around and between digit groups is ignored
/// ("1 500"), a leading `+` is allowed; the result must be a whole number from `min` to `max`.
pub fn parse_quantity(input: &str, min: u32, max: u32) -> Result<u32, QuantityError> {
    let s = input.trim_matches(is_space);
    if s.is_empty() {
        return Err(QuantityError::Empty);
    }
    let (negative, body) = match s.chars().next() {
        Some('-' | '\u{2212}' | '\u{2013}') => {
            (true, &s[s.chars().next().map_or(1, char::len_utf8)..])
        }
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    let body = body.trim_start_matches(is_space);
    let digits: String = body.chars().filter(|c| !is_space(*c)).collect();
    // Spaces only between digits: "1 500", not "1 5 0 0"-like garbage is still digits, fine.
    let seps = digits.chars().filter(|c| matches!(c, '.' | ',')).count();
    let all_digits_or_sep = !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    let has_digit = digits.chars().any(|c| c.is_ascii_digit());
    if !all_digits_or_sep || !has_digit {
        return Err(QuantityError::NotANumber);
    }
    let is_zero = digits.chars().all(|c| matches!(c, '0' | '.' | ','));
    if negative && !is_zero {
        return Err(QuantityError::Negative);
    }
    if seps > 0 {
        if is_zero {
            return Err(QuantityError::Zero);
        }
        return Err(QuantityError::Decimal);
    }
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Err(QuantityError::Zero);
    }
    let too_large = QuantityError::TooLarge { max };
    if significant.len() > 18 {
        return Err(too_large);
    }
    let n: u64 = significant.parse().map_err(|_| too_large)?;
    if n >= ABSURD_QUANTITY {
        return Err(too_large);
    }
    let n = n as u32;
    if n < min {
        return Err(QuantityError::BelowMin { min });
    }
    if n > max {
        return Err(QuantityError::AboveMax { max });
    }
    Ok(n)
}

/// One step of the +/- buttons: from a valid number, one more or less within the bounds; from
/// a decimal, the whole number above or below it; from anything else, the nearest bound.
pub fn step_quantity(input: &str, min: u32, max: u32, up: bool) -> u32 {
    let min = min.max(1);
    let max = max.max(min);
    match parse_quantity(input, 0, u32::MAX) {
        Ok(n) if up => n.saturating_add(1).clamp(min, max),
        Ok(n) => n.saturating_sub(1).clamp(min, max),
        Err(QuantityError::TooLarge { .. }) => max,
        // "1.5": + goes to the next whole number up (2), - to the next one down (1), as
        // if stepping from a point between them. Not "1.000" or "1,000": a thousands
        // separator in one language and a decimal in the other.
        Err(QuantityError::Decimal) => {
            let mut parts = input.trim().split(['.', ',']);
            let whole = parts.next().and_then(|w| w.parse::<u32>().ok());
            let frac = parts.next().unwrap_or("");
            match whole {
                Some(w) if frac.len() != 3 && parts.next().is_none() => {
                    if up { w.saturating_add(1) } else { w }.clamp(min, max)
                }
                _ => min,
            }
        }
        Err(_) => min,
    }
}
