//! Vietnamese alphabetical order for names: lists of party members are read by given
//! name (the last word, "tên"), then by the rest, in the Vietnamese alphabet
//! a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
//! Tone marks only break ties (the original text is the last key).

use crate::handbook::fold::fold_char;

/// The sort key of a person's name.
pub fn name_key(name: &str) -> (Vec<(char, u8)>, Vec<(char, u8)>, String) {
    let trimmed = name.trim();
    let given = trimmed.rsplit(char::is_whitespace).next().unwrap_or(trimmed);
    (letters(given), letters(trimmed), trimmed.to_owned())
}

/// Each letter as (base letter, modifier): ă = (a, 1), â = (a, 2), đ = (d, 1), ê = (e, 1),
/// ô = (o, 1), ơ = (o, 2), ư = (u, 1). Precomposed and combining forms give the same.
fn letters(text: &str) -> Vec<(char, u8)> {
    let mut out: Vec<(char, u8)> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match combining_modifier(c) {
            Some(modifier) => {
                if let Some(last) = out.last_mut() {
                    last.1 = last.1.max(modifier_for(last.0, modifier));
                }
            }
            None => {
                if let Some(base) = fold_char(c) {
                    out.push((base, precomposed_modifier(c, base)));
                }
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Mark {
    Breve,
    Circumflex,
    Horn,
}

fn combining_modifier(c: char) -> Option<Mark> {
    match c {
        '\u{306}' => Some(Mark::Breve),
        '\u{302}' => Some(Mark::Circumflex),
        '\u{31b}' => Some(Mark::Horn),
        _ => None,
    }
}

fn modifier_for(base: char, mark: Mark) -> u8 {
    match (base, mark) {
        ('a', Mark::Breve) | ('e', Mark::Circumflex) | ('o', Mark::Circumflex) | ('u', Mark::Horn) => 1,
        ('a', Mark::Circumflex) | ('o', Mark::Horn) => 2,
        _ => 0,
    }
}

fn precomposed_modifier(c: char, base: char) -> u8 {
    const BREVE: &str = "ăằắẳẵặĂẰẮẲẴẶ";
    const CIRCUMFLEX: &str = "âầấẩẫậÂẦẤẨẪẬêềếểễệÊỀẾỂỄỆôồốổỗộÔỒỐỔỖỘ";
    const HORN: &str = "ơờớởỡợƠỜỚỞỠỢưừứửữựƯỪỨỬỮỰ";
    if matches!(c, 'đ' | 'Đ' | 'ð' | 'Ð') {
        1
    } else if BREVE.contains(c) {
        modifier_for(base, Mark::Breve)
    } else if CIRCUMFLEX.contains(c) {
        modifier_for(base, Mark::Circumflex)
    } else if HORN.contains(c) {
        modifier_for(base, Mark::Horn)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut list: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        list.sort_by_key(|n| name_key(n));
        list
    }

    #[test]
    fn names_sort_by_given_name_in_the_vietnamese_alphabet() {
        assert_eq!(
            sorted(&["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Ân", "Vũ Văn Ăn", "Đỗ Văn Bình"]),
            vec!["Nguyễn Văn An", "Vũ Văn Ăn", "Phạm Thị Ân", "Đỗ Văn Bình", "Lê Thị Dung", "Trần Văn Đức"]
        );
    }

    #[test]
    fn same_given_name_sorts_by_family_name_and_forms_agree() {
        assert_eq!(sorted(&["Đặng Thị Hoa", "Bùi Thị Hoa", "Dương Thị Hoa"]), vec!["Bùi Thị Hoa", "Dương Thị Hoa", "Đặng Thị Hoa"]);
        // "Ơn" typed precomposed and as o + combining horn + combining grave.
        assert_eq!(name_key("Lê Ơn").0, name_key("Lê O\u{31b}n").0);
        assert!(name_key("Lê Ôn") < name_key("Lê Ơn"));
        assert!(name_key("Lê Ong") < name_key("Lê Ôn"), "o < ô decides before the next letter");
    }
}
