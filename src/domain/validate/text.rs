//! Text normalization shared by validation and search.

/// Lower-cases and strips diacritics so that comparisons ignore case and accents, with
/// Turkish dotted/dotless i folded together: "İstanbul", "ISTANBUL", "istanbul" and "ıstanbul"
/// all fold to "istanbul"; "Çözüm" folds to "cozum".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'İ' | 'I' | 'ı' | 'i' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ì' | 'í' | 'î' | 'ï' => {
                out.push('i')
            }
            // Combining marks (e.g. the dot that `to_lowercase` leaves after 'i').
            '\u{0300}'..='\u{036f}' => {}
            _ => {
                for l in c.to_lowercase() {
                    out.push(base_letter(l));
                }
            }
        }
    }
    out
}

/// The base letter of common Latin letters with diacritics.
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ß' => 's',
        c => c,
    }
}

/// A single-line field's value as the user meant it: a tab or a line break (pasted, or typed
/// into a field that cannot show it) becomes a space; `"\r\n"` is one break.
pub fn single_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_cr = false;
    for c in s.chars() {
        match c {
            '\n' if after_cr => {}
            '\t' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
        after_cr = c == '\r';
    }
    out
}

/// Whether the text holds a control character (C0, DEL or C1: Unicode's `Cc`). None may reach
/// a request: Partner Center stores them invisibly or refuses the whole request.
pub fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}
