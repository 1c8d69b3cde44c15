//! Folding Vietnamese text for search: lower case, no tone marks, no vowel marks, and
//! `đ`/`Đ` → `d`, so that "khong duoc lam" finds "không được làm".
//!
//! Size decision: a hand table of the Vietnamese vowel letters (12 vowels × 5 tones, plus
//! the 6 marked vowels ă â ê ô ơ ư without tone, in both cases: 132 letters), and
//! dropping every combining mark in U+0300–U+036F, instead of the `unicode-normalization`
//! crate.
//! Measured on tiny `wasm32-unknown-unknown` cdylibs (the app's release profile:
//! opt-level "z", LTO, one codegen unit, panic = abort, symbols stripped; rustc 1.95;
//! sizes after `gzip -9`): a baseline of 6.0 KB grew to 61.4 KB (+55.4 KB, over a quarter
//! of the app's whole 200 KB first-load budget) with `unicode-normalization` 0.1.26
//! (default features off) doing NFD and stripping the marks; its tables cover all of
//! Unicode, which the app does not need. This table compiles to well under a kilobyte.
//!
//! Both input forms fold the same: precomposed (NFC, what most keyboards and the built-in
//! pack use) and decomposed (NFD, e.g. Unikey's "Unicode tổ hợp": a base letter followed
//! by combining marks), and any mix of the two ("ê" + U+0301).
//!
//! Each input character folds to at most one character, so a folded position maps back
//! to exactly one input character: the search uses that to highlight the original text.

/// The fold of one character: `None` for a combining mark (dropped), otherwise the
/// lower-case letter without marks (ASCII for every Vietnamese letter). Characters
/// outside the Vietnamese alphabet are only lower-cased when they are ASCII.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    Some(match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' | 'Ă' | 'Ằ' | 'Ắ' | 'Ẳ' | 'Ẵ' | 'Ặ' | 'Â'
        | 'Ầ' | 'Ấ' | 'Ẩ' | 'Ẫ' | 'Ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'È' | 'É' | 'Ẻ' | 'Ẽ'
        | 'Ẹ' | 'Ê' | 'Ề' | 'Ế' | 'Ể' | 'Ễ' | 'Ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'Ì' | 'Í' | 'Ỉ' | 'Ĩ' | 'Ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' | 'Ò' | 'Ó' | 'Ỏ' | 'Õ' | 'Ọ' | 'Ô' | 'Ồ' | 'Ố' | 'Ổ' | 'Ỗ' | 'Ộ' | 'Ơ'
        | 'Ờ' | 'Ớ' | 'Ở' | 'Ỡ' | 'Ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' | 'Ù' | 'Ú' | 'Ủ' | 'Ũ'
        | 'Ụ' | 'Ư' | 'Ừ' | 'Ứ' | 'Ử' | 'Ữ' | 'Ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ' => 'y',
        // Đ/đ, and Ð/ð (U+00D0/U+00F0, eth), which some keyboards produce for Đ/đ.
        'đ' | 'Đ' | 'Ð' | 'ð' => 'd',
        other => other,
    })
}

/// Folds a whole string (see the module documentation).
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}
