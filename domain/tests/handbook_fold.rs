//! Folding Vietnamese for search: every tone mark on every vowel, both cases, đ/Đ, and
//! precomposed (NFC) versus decomposed (NFD, combining marks) input.

use sotay_domain::handbook::{fold, fold_char};

/// Each vowel (with its own vowel mark) and its six tones, precomposed: level, huyền,
/// sắc, hỏi, ngã, nặng.
const VOWELS: [(&str, &str); 12] = [
    ("a", "aàáảãạ"),
    ("ă", "ăằắẳẵặ"),
    ("â", "âầấẩẫậ"),
    ("e", "eèéẻẽẹ"),
    ("ê", "êềếểễệ"),
    ("i", "iìíỉĩị"),
    ("o", "oòóỏõọ"),
    ("ô", "ôồốổỗộ"),
    ("ơ", "ơờớởỡợ"),
    ("u", "uùúủũụ"),
    ("ư", "ưừứửữự"),
    ("y", "yỳýỷỹỵ"),
];

/// Combining tone marks, in the order of `VOWELS`' rows (level has none).
const TONE_MARKS: [&str; 6] = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];

/// The base ASCII letter and the combining vowel mark of a vowel (breve, circumflex, horn).
fn decompose_vowel(vowel: &str) -> (char, &'static str) {
    match vowel {
        "ă" => ('a', "\u{306}"),
        "â" => ('a', "\u{302}"),
        "ê" => ('e', "\u{302}"),
        "ô" => ('o', "\u{302}"),
        "ơ" => ('o', "\u{31B}"),
        "ư" => ('u', "\u{31B}"),
        plain => (plain.chars().next().unwrap(), ""),
    }
}

#[test]
fn every_tone_on_every_vowel_folds_to_the_ascii_letter_in_both_cases() {
    let mut checked = 0;
    for (vowel, row) in VOWELS {
        let (base, vowel_mark) = decompose_vowel(vowel);
        let letters: Vec<char> = row.chars().collect();
        assert_eq!(letters.len(), 6, "row of {vowel}");
        for (tone, letter) in letters.iter().enumerate() {
            let upper: String = letter.to_uppercase().collect();
            assert_eq!(
                upper.chars().count(),
                1,
                "{letter} has a one-letter capital"
            );
            let upper = upper.chars().next().unwrap();
            assert_ne!(upper, *letter);
            assert_eq!(fold_char(*letter), Some(base), "lower {letter}");
            assert_eq!(fold_char(upper), Some(base), "upper {upper}");

            // Decomposed: base + vowel mark + tone mark, in lower and upper case.
            let nfd_lower = format!("{base}{vowel_mark}{}", TONE_MARKS[tone]);
            let nfd_upper = format!(
                "{}{vowel_mark}{}",
                base.to_ascii_uppercase(),
                TONE_MARKS[tone]
            );
            assert_eq!(fold(&nfd_lower), base.to_string(), "NFD of {letter}");
            assert_eq!(fold(&nfd_upper), base.to_string(), "NFD of {upper}");
            checked += 4;
        }
    }
    // 12 vowels × 6 tones × (lower, upper) × (precomposed, decomposed).
    assert_eq!(checked, 12 * 6 * 4);
}

#[test]
fn d_with_stroke_folds_to_d() {
    assert_eq!(fold("đ"), "d");
    assert_eq!(fold("Đ"), "d");
    assert_eq!(fold("ĐẢNG"), "dang");
    assert_eq!(fold("đảng"), "dang");
    // Eth, which some keyboards give instead of Đ.
    assert_eq!(fold("Ðảng"), "dang");
}

#[test]
fn precomposed_decomposed_and_mixed_text_fold_the_same() {
    let nfc = "Những điều đảng viên không được làm";
    // Fully decomposed: every mark a combining character.
    let nfd = "Nhu\u{31B}\u{303}ng đie\u{302}\u{300}u đa\u{309}ng vie\u{302}n kho\u{302}ng đu\u{31B}o\u{31B}\u{323}c la\u{300}m";
    // Mixed: precomposed vowel letters, combining tone marks (Unikey's "Unicode tổ hợp").
    let mixed = "Như\u{303}ng điê\u{300}u đa\u{309}ng viên không đươ\u{323}c la\u{300}m";
    assert_ne!(nfc, nfd);
    assert_eq!(fold(nfc), "nhung dieu dang vien khong duoc lam");
    assert_eq!(fold(nfd), fold(nfc));
    assert_eq!(fold(mixed), fold(nfc));
}

#[test]
fn everything_else_is_kept() {
    assert_eq!(fold("QĐ 37-QĐ/TW, 90%!"), "qd 37-qd/tw, 90%!");
    assert_eq!(fold("«Chi bộ» — “gốc rễ”"), "«chi bo» — “goc re”");
    assert_eq!(fold(""), "");
}
