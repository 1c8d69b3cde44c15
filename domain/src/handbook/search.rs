//! Search over the handbook, as the user types, without needing diacritics.
//!
//! The index is built once per effective pack ([`SearchIndex::build`]): every item's
//! title and body (as plain text, see [`super::markup::plain_text`]) and every section
//! title are cut into words, each word folded ([`super::fold`]) and interned, and each
//! occurrence keeps its byte range in the original text for highlighting.
//!
//! An item's search keywords (`keywords` in the pack, not shown) are indexed too and
//! count as its title: "biểu hiện 12" finds the 12th of the 27 manifestations, numbered
//! "(3)" in its group.
//!
//! A query is folded and cut the same way, and common phone shorthand in it is expanded
//! (`SHORTHAND`: "ko" → "không", "dc" → "được", "dv" → "đảng viên"…). Every query word
//! must occur in the item (its title, keywords, body or its section's title); the last
//! word is a prefix while it is being typed (the query does not end with a space or
//! punctuation), the others are whole words. Ranking, highest first:
//! - the whole query as a phrase (consecutive words, in order) in the item's title (or a
//!   keyword), then in the section's title, then in the body; several of these add up,
//!   and a phrase whose last word matched only as a prefix ("Điều 1" in "Điều 19")
//!   counts half;
//! - otherwise, for each query word, where it occurs: title above section title above body;
//! - then how often the words occur in the body (capped), an exact whole-word match of
//!   the word being typed, and finally the reading order of the pack.
//!
//! Every range a [`SearchHit`] carries is a **byte** range into the string it goes with
//! (`title_ranges` into `title`, `snippet_ranges` into `snippet`), always on `char`
//! boundaries, sorted and not overlapping; [`segments`] cuts a string along them.

use std::ops::Range;

use super::fold::fold_char;
use super::markup;
use super::pack::{Section, SectionKind};
use crate::framework::Framework;

/// The search entry id of a framework in the scoring frameworks section (the reader puts
/// the same id on the framework's table, so a result opens at it).
pub fn framework_entry_id(framework_id: &str) -> String {
    format!("khung-{framework_id}")
}

/// What a framework is found by: its groups, criteria with their guidance, and guard
/// notes, one sentence each.
fn framework_text(framework: &Framework) -> String {
    let mut text = String::new();
    for group in &framework.groups {
        text.push_str(&group.label);
        text.push_str(". ");
        for criterion in &group.criteria {
            text.push_str(&criterion.label);
            text.push_str(". ");
            if !criterion.hint.is_empty() {
                text.push_str(&criterion.hint);
                text.push(' ');
            }
        }
    }
    for guard in &framework.guards {
        text.push_str(&guard.note);
        text.push(' ');
    }
    text
}

/// How many results the app asks for by default.
pub const DEFAULT_LIMIT: usize = 30;
/// A query is cut to this many characters.
const MAX_QUERY_CHARS: usize = 200;
/// At most this many query words are used.
const MAX_QUERY_WORDS: usize = 12;
/// Snippet: characters of context before the best match.
const SNIPPET_BEFORE_CHARS: usize = 50;
/// Snippet: total length aimed at, in characters.
const SNIPPET_CHARS: usize = 180;
/// Words in the window used to find the best snippet when there is no phrase.
const WINDOW_WORDS: usize = 12;

/// A search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The section's id.
    pub section_id: String,
    /// The item's id; `None` for a section without items of its own, which is found by its
    /// title and note. In the scoring frameworks section, each framework is an entry of
    /// its own with the id [`framework_entry_id`].
    pub item_id: Option<String>,
    /// The item's title (the section's, for a section without items).
    pub title: String,
    /// Byte ranges of the matched words in `title`.
    pub title_ranges: Vec<Range<usize>>,
    /// The section's title, to show where the item is.
    pub section_title: String,
    /// A passage of the body around the best match, whitespace collapsed, with `…` where
    /// it was cut. Empty when the body is empty.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet` (a phrase is one range).
    pub snippet_ranges: Vec<Range<usize>>,
    /// The ranking score (higher first); only meaningful within one search.
    pub score: u32,
}

impl SearchHit {
    /// `title` cut into (text, highlighted) pieces.
    pub fn title_segments(&self) -> Vec<(&str, bool)> {
        segments(&self.title, &self.title_ranges)
    }

    /// `snippet` cut into (text, highlighted) pieces.
    pub fn snippet_segments(&self) -> Vec<(&str, bool)> {
        segments(&self.snippet, &self.snippet_ranges)
    }
}

/// Cuts `text` into consecutive (piece, highlighted) pairs along sorted, non-overlapping
/// byte `ranges`. Ranges out of bounds or not on `char` boundaries are skipped.
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in ranges {
        let valid = range.start >= at
            && range.start < range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > at {
            pieces.push((&text[at..range.start], false));
        }
        pieces.push((&text[range.clone()], true));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

/// One word occurrence: an interned folded word and its byte range in the original text.
#[derive(Clone, Copy, Debug)]
struct Token {
    word: u32,
    start: u32,
    end: u32,
}

/// An indexed text.
#[derive(Clone, Debug, Default)]
struct Field {
    text: String,
    tokens: Vec<Token>,
}

/// An indexed item (or item-less section).
#[derive(Clone, Debug)]
struct Doc {
    section: usize,
    item_id: Option<String>,
    title: Field,
    /// The item's search keywords, one per line (matched like the title, never shown).
    keywords: Field,
    /// The token index where each keyword starts.
    keyword_starts: Vec<u32>,
    body: Field,
}

/// The search index of one effective pack.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    vocabulary: Vec<String>,
    ids: super::IdMap,
    sections: Vec<(String, Field)>,
    docs: Vec<Doc>,
    /// For each word of the vocabulary, the entries whose title, keywords or body hold
    /// it, ascending: a search scores only the entries that hold every query word.
    postings: Vec<Vec<u32>>,
}

/// Calls `found(word, start, end)` for each folded word of `text`, with its byte range
/// in `text`. One buffer is reused: no allocation per word.
fn for_each_word(text: &str, mut found: impl FnMut(&str, usize, usize)) {
    let mut current = String::new();
    let mut start = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        match fold_char(c) {
            // A combining mark belongs to the letter before it.
            None => {
                if !current.is_empty() {
                    end = at + c.len_utf8();
                }
            }
            Some(folded) if is_word_char(folded) => {
                if current.is_empty() {
                    start = at;
                }
                current.push(folded);
                end = at + c.len_utf8();
            }
            Some(_) => {
                if !current.is_empty() {
                    found(&current, start, end);
                    current.clear();
                }
            }
        }
    }
    if !current.is_empty() {
        found(&current, start, end);
    }
}

/// Shorthand commonly typed on phones, folded, and the folded words it stands for. Only
/// abbreviations that mean one thing in a party handbook: "k"/"ko" for "không", "dc"
/// (also typed "đc") for "được", "dv" ("đv") for "đảng viên", "cb" for "chi bộ"…
/// Ambiguous ones are left out ("bt": bí thư or bình thường; "dk": được or điều kiện;
/// "qd", "nq", "hd", "tw" need nothing: they are words of the documents' numbers).
const SHORTHAND: [(&str, &[&str]); 16] = [
    ("k", &["khong"]),
    ("ko", &["khong"]),
    ("kg", &["khong"]),
    ("khg", &["khong"]),
    ("hok", &["khong"]),
    ("dc", &["duoc"]),
    ("dv", &["dang", "vien"]),
    ("cb", &["chi", "bo"]),
    ("sh", &["sinh", "hoat"]),
    ("shcb", &["sinh", "hoat", "chi", "bo"]),
    ("nv", &["nhiem", "vu"]),
    ("bch", &["ban", "chap", "hanh"]),
    ("j", &["gi"]),
    ("ntn", &["nhu", "the", "nao"]),
    ("vs", &["voi"]),
    ("ng", &["nguoi"]),
];

/// A query word after shorthand is expanded.
struct QueryWord<'a> {
    /// The folded word.
    text: &'a str,
    /// Matches every word starting with it (the word being typed).
    prefix: bool,
    /// Another whole word it also matches: what a one-word shorthand stands for.
    also: Option<&'static str>,
}

/// The query words, at most [`MAX_QUERY_WORDS`], with shorthand expanded: a one-word
/// shorthand matches itself or its word ("ko": "ko" or "không"; while typed, also any
/// word starting with "ko"); a several-word one is replaced by its words, whole ("dv":
/// "đảng viên"), so that it ranks as the phrase it stands for.
fn expand_shorthand(typed: &[(String, usize, usize)], last_is_prefix: bool) -> Vec<QueryWord<'_>> {
    let mut out = Vec::with_capacity(typed.len());
    for (at, (word, _, _)) in typed.iter().take(MAX_QUERY_WORDS).enumerate() {
        let prefix = last_is_prefix && at + 1 == typed.len();
        let expansion = SHORTHAND
            .iter()
            .find(|(short, _)| short == word)
            .map(|(_, words)| *words);
        match expansion {
            Some([single]) => out.push(QueryWord {
                text: word,
                prefix,
                also: Some(single),
            }),
            Some(words) => out.extend(words.iter().map(|&text| QueryWord {
                text,
                prefix: false,
                also: None,
            })),
            None => out.push(QueryWord {
                text: word,
                prefix,
                also: None,
            }),
        }
    }
    out.truncate(MAX_QUERY_WORDS);
    out
}

/// The folded words of `text` with their byte ranges.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for_each_word(text, |word, start, end| {
        out.push((word.to_string(), start, end))
    });
    out
}

/// A letter or digit (after folding). Every Vietnamese letter folds to ASCII; other
/// non-ASCII characters count as letters except spaces and the punctuation and symbol
/// blocks a Vietnamese text uses (“ ” « » – — … •, arrows, CJK punctuation…). Decided by
/// ranges rather than `char::is_alphanumeric`, whose Unicode tables would add to the wasm.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(c <= '\u{BF}'
        || c == '×'
        || c == '÷'
        || ('\u{2000}'..='\u{2BFF}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FE30}'..='\u{FE4F}').contains(&c)
        || ('\u{FF00}'..='\u{FF0F}').contains(&c)
        || c.is_whitespace())
}

/// The token index where each keyword starts in `field` (the keywords joined by "\n").
fn keyword_starts(keywords: &[String], field: &Field) -> Vec<u32> {
    let mut starts = Vec::with_capacity(keywords.len());
    let mut byte = 0;
    for keyword in keywords {
        let at = field.tokens.partition_point(|token| (token.start as usize) < byte);
        if at < field.tokens.len() && starts.last() != Some(&(at as u32)) {
            starts.push(at as u32);
        }
        byte += keyword.len() + 1;
    }
    starts
}

impl SearchIndex {
    /// Indexes the given sections (the effective pack's, in reading order); `frameworks`
    /// are indexed as entries of the scoring frameworks section, which has no text of its own.
    pub fn build(sections: &[Section], frameworks: &[&Framework]) -> SearchIndex {
        let mut index = SearchIndex::default();
        for (position, section) in sections.iter().enumerate() {
            let title = index.field(section.title.clone());
            index.sections.push((section.id.clone(), title));
            if section.kind == SectionKind::ScoringFrameworks || section.items.is_empty() {
                let doc = Doc {
                    section: position,
                    item_id: None,
                    title: index.field(section.title.clone()),
                    keywords: Field::default(),
                    keyword_starts: Vec::new(),
                    body: index.field(section.note.clone().unwrap_or_default()),
                };
                index.docs.push(doc);
            }
            if section.kind == SectionKind::ScoringFrameworks {
                for framework in frameworks {
                    let doc = Doc {
                        section: position,
                        item_id: Some(framework_entry_id(&framework.id)),
                        title: index.field(framework.name.clone()),
                        keywords: Field::default(),
                        keyword_starts: Vec::new(),
                        body: index.field(framework_text(framework)),
                    };
                    index.docs.push(doc);
                }
            }
            for item in &section.items {
                let body = markup::plain_text(&markup::parse(&item.body));
                let keywords = index.field(item.keywords.join("\n"));
                let keyword_starts = keyword_starts(&item.keywords, &keywords);
                let doc = Doc {
                    section: position,
                    item_id: Some(item.id.clone()),
                    title: index.field(item.title.clone()),
                    keywords,
                    keyword_starts,
                    body: index.field(body),
                };
                index.docs.push(doc);
            }
        }
        index.postings = vec![Vec::new(); index.vocabulary.len()];
        for (position, doc) in index.docs.iter().enumerate() {
            let position = position as u32;
            for token in doc.title.tokens.iter().chain(&doc.keywords.tokens).chain(&doc.body.tokens) {
                let list = &mut index.postings[token.word as usize];
                if list.last() != Some(&position) {
                    list.push(position);
                }
            }
        }
        index
    }

    fn field(&mut self, text: String) -> Field {
        let mut tokens = Vec::new();
        let vocabulary = &mut self.vocabulary;
        let ids = &mut self.ids;
        for_each_word(&text, |word, start, end| {
            let id = match ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = vocabulary.len() as u32;
                    vocabulary.push(word.to_string());
                    ids.insert(word.to_string(), id);
                    id
                }
            };
            tokens.push(Token {
                word: id,
                start: start as u32,
                end: end as u32,
            });
        });
        Field { text, tokens }
    }

    /// Number of distinct folded words (for the benchmark's report).
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Number of indexed entries (items, plus sections without items).
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The best `limit` results for `query`, best first. An empty query, or one with a
    /// word found nowhere, gives no results.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let typed = words(&query);
        let Some(&(_, _, last_end)) = typed.last() else {
            return Vec::new();
        };
        // The last word is still being typed unless the query ends after it (a space or
        // punctuation), or it was cut off.
        let last_is_prefix = last_end == query.len() && typed.len() <= MAX_QUERY_WORDS;
        let query_words = expand_shorthand(&typed, last_is_prefix);
        let count = query_words.len();
        // For each known word, the query words it matches (bit j: word j).
        let mut masks = vec![0u32; self.vocabulary.len()];
        for (j, word) in query_words.iter().enumerate() {
            let bit = 1u32 << j;
            let mut any = false;
            if word.prefix {
                for (id, known) in self.vocabulary.iter().enumerate() {
                    if known.starts_with(word.text) {
                        masks[id] |= bit;
                        any = true;
                    }
                }
            } else if let Some(&id) = self.ids.get(word.text) {
                masks[id as usize] |= bit;
                any = true;
            }
            if let Some(&id) = word.also.and_then(|also| self.ids.get(also)) {
                masks[id as usize] |= bit;
                any = true;
            }
            if !any {
                return Vec::new();
            }
        }
        let exact_last = query_words.last().and_then(|word| {
            self.ids
                .get(word.text)
                .or_else(|| word.also.and_then(|also| self.ids.get(also)))
                .copied()
        });
        let query = Query {
            count,
            masks,
            exact_last,
        };

        let section_matches: Vec<FieldMatch> = self
            .sections
            .iter()
            .map(|(_, field)| query.match_field(field))
            .collect();
        // The query words each entry holds, from the postings and its section's title:
        // only entries holding them all are scored.
        let mut holds = vec![0u32; self.docs.len()];
        for (word, &mask) in query.masks.iter().enumerate() {
            if mask != 0 {
                for &position in &self.postings[word] {
                    holds[position as usize] |= mask;
                }
            }
        }

        // The best `limit` so far, highest score first and the pack's reading order among
        // equals: each entry goes in after every entry with a score at least as high
        // (kept by insertion; cheaper in the wasm than a sort, and k ≤ limit is small).
        let mut best: Vec<(u32, usize, FieldMatch)> = Vec::new();
        for (position, doc) in self.docs.iter().enumerate() {
            if holds[position] | section_matches[doc.section].present != query.all() {
                continue;
            }
            let title = query.match_field(&doc.title);
            let mut keywords = query.match_field(&doc.keywords);
            // A keyword is a name the item is known by: the query is that name when it is
            // the keyword's beginning ("điều 4" in "điều 4 QĐ 37"), not any phrase in it
            // ("QĐ 37" there does not make every article the regulation).
            query.phrase_at_starts(&mut keywords, &doc.keywords, &doc.keyword_starts);
            let body = query.match_field(&doc.body);
            let section = &section_matches[doc.section];
            if title.present | keywords.present | section.present | body.present != query.all() {
                continue;
            }
            let score = query.score(&title, &keywords, section, &body);
            let at = best.partition_point(|entry| entry.0 >= score);
            if at < limit {
                best.insert(at, (score, position, body));
                best.truncate(limit);
            }
        }
        best.into_iter()
            .map(|(score, position, body)| self.hit(&query, position, score, &body))
            .collect()
    }

    fn hit(&self, query: &Query, position: usize, score: u32, body: &FieldMatch) -> SearchHit {
        let doc = &self.docs[position];
        let (section_id, section_field) = &self.sections[doc.section];
        let title_ranges = merge_ranges(
            &doc.title.text,
            query.matched_ranges(&doc.title, 0, usize::MAX),
        );
        let (snippet, snippet_ranges) = snippet(query, &doc.body, body);
        SearchHit {
            section_id: section_id.clone(),
            item_id: doc.item_id.clone(),
            title: doc.title.text.clone(),
            title_ranges,
            section_title: section_field.text.clone(),
            snippet,
            snippet_ranges,
            score,
        }
    }
}

struct Query {
    /// Number of query words (at most 12, so a `u32` holds one bit per word).
    count: usize,
    /// For each word of the vocabulary, bit j set when it matches query word j.
    masks: Vec<u32>,
    /// The last query word as a whole known word, if it is one (for the bonus of a
    /// whole-word match while typing).
    exact_last: Option<u32>,
}

/// How a query matched one field.
#[derive(Clone, Copy, Debug, Default)]
struct FieldMatch {
    /// Bit j set: query word j occurs.
    present: u32,
    /// Token index where the whole query first occurs as a phrase (preferring an
    /// occurrence whose last word is whole, not only a prefix).
    phrase_at: Option<usize>,
    /// The phrase at `phrase_at` ends on a whole word.
    phrase_exact: bool,
    /// Tokens matching any query word.
    hits: usize,
    /// The word being typed occurs as a whole word.
    exact_last: bool,
}

const TITLE_WORD: u32 = 30;
const SECTION_WORD: u32 = 20;
const BODY_WORD: u32 = 10;
const TITLE_PHRASE: u32 = 100;
const SECTION_PHRASE: u32 = 75;
const BODY_PHRASE: u32 = 50;
const MAX_HITS_BONUS: u32 = 10;
const EXACT_LAST_BONUS: u32 = 3;

impl Query {
    fn all(&self) -> u32 {
        (1u32 << self.count) - 1
    }

    #[inline]
    fn mask(&self, word: u32) -> u32 {
        self.masks[word as usize]
    }

    fn match_field(&self, field: &Field) -> FieldMatch {
        let mut result = FieldMatch::default();
        let count = self.count;
        let tokens = &field.tokens;
        for (at, token) in tokens.iter().enumerate() {
            let mask = self.mask(token.word);
            if mask == 0 {
                continue;
            }
            result.present |= mask;
            result.hits += 1;
            if Some(token.word) == self.exact_last {
                result.exact_last = true;
            }
            if mask & 1 != 0
                && !result.phrase_exact
                && at + count <= tokens.len()
                && (1..count).all(|j| self.mask(tokens[at + j].word) & (1 << j) != 0)
            {
                // Keep the first occurrence, unless a later one ends on a whole word.
                let exact = Some(tokens[at + count - 1].word) == self.exact_last;
                if result.phrase_at.is_none() || exact {
                    result.phrase_at = Some(at);
                    result.phrase_exact = exact;
                }
            }
        }
        result
    }

    /// Keeps `found`'s phrase only where the query begins one of the keywords (at a token
    /// of `starts`, within that keyword), preferring one that ends on a whole word.
    fn phrase_at_starts(&self, found: &mut FieldMatch, field: &Field, starts: &[u32]) {
        if found.phrase_at.is_none() {
            return;
        }
        found.phrase_at = None;
        found.phrase_exact = false;
        let tokens = &field.tokens;
        for (k, &start) in starts.iter().enumerate() {
            let start = start as usize;
            let end = starts.get(k + 1).map_or(tokens.len(), |&next| next as usize);
            if start + self.count > end
                || !(0..self.count).all(|j| self.mask(tokens[start + j].word) & (1 << j) != 0)
            {
                continue;
            }
            let exact = Some(tokens[start + self.count - 1].word) == self.exact_last;
            if found.phrase_at.is_none() || exact {
                found.phrase_at = Some(start);
                found.phrase_exact = exact;
            }
            if exact {
                return;
            }
        }
    }

    /// The score of an entry; its keywords count as its title.
    fn score(
        &self,
        title: &FieldMatch,
        keywords: &FieldMatch,
        section: &FieldMatch,
        body: &FieldMatch,
    ) -> u32 {
        let count = self.count as u32;
        let mut score = 0;
        let title_present = title.present | keywords.present;
        for j in 0..self.count {
            let bit = 1 << j;
            score += if title_present & bit != 0 {
                TITLE_WORD
            } else if section.present & bit != 0 {
                SECTION_WORD
            } else {
                BODY_WORD
            };
        }
        // A single word is "a phrase" wherever it occurs: the word weights above rank it.
        // A phrase whose last word only matched as a prefix ("Điều 1" in "Điều 19")
        // counts half.
        if count > 1 {
            let phrase =
                |found: &FieldMatch, weight: u32| match (found.phrase_at, found.phrase_exact) {
                    (Some(_), true) => weight * count,
                    (Some(_), false) => weight * count / 2,
                    (None, _) => 0,
                };
            score += phrase(title, TITLE_PHRASE);
            score += phrase(keywords, TITLE_PHRASE);
            score += phrase(section, SECTION_PHRASE);
            score += phrase(body, BODY_PHRASE);
        }
        score += (body.hits as u32).min(MAX_HITS_BONUS);
        if title.exact_last || keywords.exact_last || body.exact_last || section.exact_last {
            score += EXACT_LAST_BONUS;
        }
        score
    }

    #[inline]
    fn matches_any(&self, word: u32) -> bool {
        self.mask(word) != 0
    }

    /// Byte ranges of the tokens matching any query word, within `[from, to)`.
    fn matched_ranges(&self, field: &Field, from: usize, to: usize) -> Vec<Range<usize>> {
        field
            .tokens
            .iter()
            .filter(|token| {
                token.start as usize >= from
                    && (token.end as usize) <= to
                    && self.matches_any(token.word)
            })
            .map(|token| token.start as usize..token.end as usize)
            .collect()
    }
}

/// Joins ranges separated only by whitespace (so a phrase is one highlight).
fn merge_ranges(text: &str, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        if let Some(last) = merged.last_mut() {
            if text[last.end..range.start].chars().all(char::is_whitespace) {
                last.end = range.end;
                continue;
            }
        }
        merged.push(range);
    }
    merged
}

/// The snippet of a body and its highlight ranges.
fn snippet(query: &Query, body: &Field, found: &FieldMatch) -> (String, Vec<Range<usize>>) {
    let text = body.text.as_str();
    if text.is_empty() {
        return (String::new(), Vec::new());
    }
    // The token the snippet is built around, and the byte where the match ends.
    let anchor = match found.phrase_at {
        Some(at) => Some((at, body.tokens[at + query.count - 1].end as usize)),
        None => best_window(query, body).map(|at| (at, body.tokens[at].end as usize)),
    };
    let (start, end) = match anchor {
        Some((at, match_end)) => {
            let match_start = body.tokens[at].start as usize;
            let start = back_chars(text, match_start, SNIPPET_BEFORE_CHARS);
            let end = forward_chars(text, start, SNIPPET_CHARS).max(word_end(text, match_end));
            (start, end)
        }
        None => (0, forward_chars(text, 0, SNIPPET_CHARS)),
    };
    let ranges = if anchor.is_some() {
        merge_ranges(text, query.matched_ranges(body, start, end))
    } else {
        Vec::new()
    };
    collapse(text, start, end, &ranges)
}

/// The token starting the window of [`WINDOW_WORDS`] tokens that holds the most distinct
/// query words (the earliest among equals), if any token matches.
fn best_window(query: &Query, body: &Field) -> Option<usize> {
    let mut best: Option<(u32, usize)> = None;
    for (at, token) in body.tokens.iter().enumerate() {
        if !query.matches_any(token.word) {
            continue;
        }
        let present = body.tokens[at..]
            .iter()
            .take(WINDOW_WORDS)
            .fold(0u32, |present, other| present | query.mask(other.word));
        let distinct = present.count_ones();
        if best.is_none_or(|(count, _)| distinct > count) {
            best = Some((distinct, at));
            if distinct as usize == query.count {
                break; // Every word is there: no later window can be better.
            }
        }
    }
    best.map(|(_, at)| at)
}

/// The start of the word at or before `chars` characters back from `from` (0 if near the
/// start).
fn back_chars(text: &str, from: usize, chars: usize) -> usize {
    let before = &text[..from];
    let Some((cut, _)) = before.char_indices().rev().nth(chars) else {
        return 0;
    };
    // Move forward to the next whitespace so no word is cut.
    match text[cut..from].find(char::is_whitespace) {
        Some(space) => cut + space,
        None => from,
    }
}

/// The end of the word at or after `chars` characters forward from `from`.
fn forward_chars(text: &str, from: usize, chars: usize) -> usize {
    match text[from..].char_indices().nth(chars) {
        Some((offset, _)) => word_end(text, from + offset),
        None => text.len(),
    }
}

/// The first whitespace at or after `at` (or the end).
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |offset| at + offset)
}

/// `text[start..end]` with runs of ASCII whitespace (the plain text's spaces and line
/// breaks) made one space, trimmed, with `…` where it was cut; the ranges (sorted, inside
/// `start..end`, starting and ending on words) moved to the new string. Works on whole
/// runs of text, not character by character.
fn collapse(
    text: &str,
    start: usize,
    end: usize,
    ranges: &[Range<usize>],
) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let prefix = out.len();
    // Sorted already: the ranges are sorted and do not overlap.
    let boundaries: Vec<usize> = ranges.iter().flat_map(|r| [r.start, r.end]).collect();
    let mut mapped = Vec::with_capacity(boundaries.len());
    let mut next = 0;
    let bytes = text.as_bytes();
    let mut at = start;
    while at < end {
        while at < end && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let word_start = at;
        while at < end && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if word_start == at {
            break;
        }
        if out.len() > prefix {
            out.push(' ');
        }
        let out_start = out.len();
        out.push_str(&text[word_start..at]);
        // Every boundary is inside a run of text or at its end.
        while next < boundaries.len() && boundaries[next] <= at {
            mapped.push(out_start + boundaries[next].saturating_sub(word_start));
            next += 1;
        }
    }
    if end < text.len() {
        out.push('…');
    }
    let ranges = mapped
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| pair[0]..pair[1])
        .collect();
    (out, ranges)
}
