//! The small markup of handbook bodies, parsed into a node tree that the app renders as
//! text nodes. Nothing is ever interpreted as HTML: `<script>`, `<img onerror=…>` and
//! `&amp;` come out as literal text inside [`Inline::Text`], and the app puts text into
//! the page only through text nodes.
//!
//! The markup is a small subset of Markdown (described for authors in
//! `docs/content-pack.md`):
//! - blocks are separated by a blank line; the lines of a paragraph are joined with a space;
//! - `# `, `## `, `### ` start a heading (one line; levels 1–3);
//! - `- `, `* ` or `• ` start a bulleted list item, `1. ` or `1) ` a numbered one (the first
//!   number is kept as the list's start); a following line that does not start a new block
//!   continues the item; a blank line between items keeps the list going;
//! - `> ` starts a quotation (a line holding only `>` separates its paragraphs);
//! - `**strong**` and `*emphasis*` (nesting up to three levels); the opening mark must be
//!   followed, and the closing one preceded, by a non-space, so `5 * 3` stays as it is;
//! - a backslash before an ASCII punctuation mark keeps the mark as text (`\*`, `\#`,
//!   `1\.`); a backslash at the end of a line is a line break.
//!
//! The parser is total: any input gives a tree (unmatched marks stay as text), in time
//! linear in the input for practical purposes (a failed search for a closing mark is
//! remembered, so a body full of lone `*` does not go quadratic).
//!
//! Size decision: hand-written (about 400 lines of code) rather than `pulldown-cmark`.
//! Measured on tiny `wasm32-unknown-unknown` cdylibs (the app's release profile: opt-level "z", LTO,
//! one codegen unit, panic = abort, symbols stripped; rustc 1.95; sizes after `gzip -9`):
//! a baseline of 6.0 KB grew to 78.9 KB (+72.9 KB, over a third of the app's whole 200 KB
//! first-load budget) with `pulldown-cmark` 0.13.6 with default features off, iterating
//! its events. It also brings what a handbook must not have (raw HTML blocks, links,
//! images, tables, the HTML entity table). The whole handbook module (this parser, the
//! pack validation, search and the built-in pack) adds 32 KB; see `docs/content-pack.md`,
//! "Size".

/// A block of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 (`#`) to 3 (`###`). The app shows level 1 one step below the
    /// item's own title.
    Heading {
        /// 1 to 3.
        level: u8,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A quotation, as one or more paragraphs.
    Quote(Vec<Vec<Inline>>),
    /// A bulleted list; each entry is one item's content.
    BulletList(Vec<Vec<Inline>>),
    /// A numbered list starting at `start`.
    NumberedList {
        /// The number of the first item.
        start: u32,
        /// Each item's content.
        items: Vec<Vec<Inline>>,
    },
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Literal text, shown exactly as it is (never as HTML).
    Text(String),
    /// Strong importance (`**…**`), usually bold.
    Strong(Vec<Inline>),
    /// Emphasis (`*…*`), usually italic.
    Emphasis(Vec<Inline>),
    /// A line break inside a paragraph (a line ending with `\`).
    LineBreak,
}

/// How deep `**` and `*` may nest; deeper marks stay as text.
const MAX_INLINE_DEPTH: usize = 3;
/// The longest number a numbered list item may start with (more digits is a paragraph).
const MAX_LIST_NUMBER_DIGITS: usize = 9;

/// Parses a body into blocks.
pub fn parse(source: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for raw_line in source.split('\n') {
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        builder.line(line);
    }
    builder.finish()
}

/// Parses inline content only (no blocks): used for one-line texts.
pub fn parse_inline(source: &str) -> Vec<Inline> {
    let chars: Vec<char> = source.chars().collect();
    inline(&chars, 0)
}

/// The text of a body without marks, for copying, sharing and search: blocks separated
/// by a blank line, list items on their own lines as `• …` or `1. …`, line breaks kept.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                push_inline_text(&mut out, content)
            }
            Block::Quote(paragraphs) => {
                for (index, paragraph) in paragraphs.iter().enumerate() {
                    if index > 0 {
                        out.push_str("\n\n");
                    }
                    push_inline_text(&mut out, paragraph);
                }
            }
            Block::BulletList(items) => {
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push('\n');
                    }
                    out.push_str("• ");
                    push_inline_text(&mut out, item);
                }
            }
            Block::NumberedList { start, items } => {
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push('\n');
                    }
                    let number = u64::from(*start) + index as u64;
                    out.push_str(&number.to_string());
                    out.push_str(". ");
                    push_inline_text(&mut out, item);
                }
            }
        }
    }
    out
}

/// The text of inline content without marks.
pub fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(&mut out, content);
    out
}

fn push_inline_text(out: &mut String, content: &[Inline]) {
    for node in content {
        match node {
            Inline::Text(text) => out.push_str(text),
            Inline::Strong(inner) | Inline::Emphasis(inner) => push_inline_text(out, inner),
            Inline::LineBreak => out.push('\n'),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------

/// The kind of list an item line starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Bullet,
    Numbered,
}

/// What a line starts, with the rest of the line after the marker.
enum LineStart<'a> {
    Blank,
    Heading(u8, &'a str),
    Item(ListKind, u32, &'a str),
    Quote(&'a str),
    Text(&'a str),
}

fn classify(line: &str) -> LineStart<'_> {
    let trimmed = line.trim_start();
    if trimmed.trim_end().is_empty() {
        return LineStart::Blank;
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=3).contains(&hashes) {
        let rest = &trimmed[hashes..];
        if rest.starts_with([' ', '\t']) {
            return LineStart::Heading(hashes as u8, rest.trim());
        }
    }
    for bullet in ["- ", "* ", "• ", "-\t", "*\t"] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return LineStart::Item(ListKind::Bullet, 0, rest.trim_start());
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=MAX_LIST_NUMBER_DIGITS).contains(&digits) {
        let rest = &trimmed[digits..];
        if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            let number = trimmed[..digits].parse().unwrap_or(1);
            return LineStart::Item(ListKind::Numbered, number, after.trim_start());
        }
    }
    if let Some(rest) = trimmed.strip_prefix('>') {
        return LineStart::Quote(rest.strip_prefix(' ').unwrap_or(rest));
    }
    LineStart::Text(trimmed)
}

/// Raw text of a block being collected: lines joined with a space, or with `\n` after a
/// line that ended with a backslash (a line break).
#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    fn push(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        match strip_break(line) {
            Some(before) => {
                self.text.push_str(before.trim_end());
                self.text.push('\n');
            }
            None => self.text.push_str(line),
        }
    }

    fn take(&mut self) -> Option<Vec<Inline>> {
        let text = std::mem::take(&mut self.text);
        let text = text.trim_end_matches('\n');
        if text.trim().is_empty() {
            None
        } else {
            Some(parse_inline(text))
        }
    }
}

/// A line ending with an unescaped backslash: the text before it.
fn strip_break(line: &str) -> Option<&str> {
    let backslashes = line.bytes().rev().take_while(|&b| b == b'\\').count();
    if backslashes % 2 == 1 {
        Some(&line[..line.len() - 1])
    } else {
        None
    }
}

enum Open {
    Paragraph,
    Quote(Vec<Vec<Inline>>),
    List {
        kind: ListKind,
        start: u32,
        items: Vec<Vec<Inline>>,
        /// A blank line was seen: only a new item of the same kind continues the list.
        after_blank: bool,
    },
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    open: Option<Open>,
    lines: Lines,
}

impl Builder {
    fn line(&mut self, line: &str) {
        match classify(line) {
            LineStart::Blank => {
                if matches!(self.open, Some(Open::List { .. })) {
                    self.flush_list_item();
                    if let Some(Open::List { after_blank, .. }) = &mut self.open {
                        *after_blank = true;
                    }
                } else {
                    self.close();
                }
            }
            LineStart::Heading(level, rest) => {
                self.close();
                let content = parse_inline(rest);
                self.blocks.push(Block::Heading { level, content });
            }
            LineStart::Item(kind, number, rest) => {
                let continues =
                    matches!(&self.open, Some(Open::List { kind: open, .. }) if *open == kind);
                if continues {
                    self.flush_list_item();
                    if let Some(Open::List { after_blank, .. }) = &mut self.open {
                        *after_blank = false;
                    }
                } else {
                    self.close();
                    self.open = Some(Open::List {
                        kind,
                        start: number,
                        items: Vec::new(),
                        after_blank: false,
                    });
                }
                self.lines.push(rest);
            }
            LineStart::Quote(rest) => {
                if !matches!(self.open, Some(Open::Quote(_))) {
                    self.close();
                    self.open = Some(Open::Quote(Vec::new()));
                }
                if rest.trim().is_empty() {
                    self.flush_quote_paragraph();
                } else {
                    self.lines.push(rest);
                }
            }
            LineStart::Text(rest) => match &self.open {
                Some(Open::List {
                    after_blank: true, ..
                })
                | None => {
                    self.close();
                    self.open = Some(Open::Paragraph);
                    self.lines.push(rest);
                }
                // A lazy continuation of the open paragraph, quote or list item.
                Some(_) => self.lines.push(rest),
            },
        }
    }

    fn flush_list_item(&mut self) {
        if let Some(content) = self.lines.take() {
            if let Some(Open::List { items, .. }) = &mut self.open {
                items.push(content);
            }
        }
    }

    fn flush_quote_paragraph(&mut self) {
        if let Some(content) = self.lines.take() {
            if let Some(Open::Quote(paragraphs)) = &mut self.open {
                paragraphs.push(content);
            }
        }
    }

    fn close(&mut self) {
        match self.open.take() {
            None => {}
            Some(Open::Paragraph) => {
                if let Some(content) = self.lines.take() {
                    self.blocks.push(Block::Paragraph(content));
                }
            }
            Some(Open::Quote(mut paragraphs)) => {
                if let Some(content) = self.lines.take() {
                    paragraphs.push(content);
                }
                if !paragraphs.is_empty() {
                    self.blocks.push(Block::Quote(paragraphs));
                }
            }
            Some(Open::List {
                kind,
                start,
                mut items,
                ..
            }) => {
                if let Some(content) = self.lines.take() {
                    items.push(content);
                }
                if !items.is_empty() {
                    self.blocks.push(match kind {
                        ListKind::Bullet => Block::BulletList(items),
                        ListKind::Numbered => Block::NumberedList { start, items },
                    });
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close();
        self.blocks
    }
}

// ---------------------------------------------------------------------------------------
// Inline content
// ---------------------------------------------------------------------------------------

fn inline(chars: &[char], depth: usize) -> Vec<Inline> {
    let mut nodes = Vec::new();
    let mut text = String::new();
    // For runs of 1 and 2 stars: the position from which a search for a closing mark
    // already failed (no later search can succeed either).
    let mut failed_from = [usize::MAX; 2];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            if let Some(&next) = chars.get(i + 1) {
                if next.is_ascii_punctuation() {
                    text.push(next);
                    i += 2;
                    continue;
                }
            }
            text.push(c);
            i += 1;
            continue;
        }
        if c == '\n' {
            flush_text(&mut text, &mut nodes);
            nodes.push(Inline::LineBreak);
            i += 1;
            continue;
        }
        if c == '*' {
            let run = if chars.get(i + 1) == Some(&'*') { 2 } else { 1 };
            let opens = depth < MAX_INLINE_DEPTH
                && chars.get(i + run).is_some_and(|next| !next.is_whitespace());
            if opens {
                if let Some(close) = find_closer(chars, i + run, run, &mut failed_from) {
                    flush_text(&mut text, &mut nodes);
                    let inner = inline(&chars[i + run..close], depth + 1);
                    nodes.push(if run == 2 {
                        Inline::Strong(inner)
                    } else {
                        Inline::Emphasis(inner)
                    });
                    i = close + run;
                    continue;
                }
            }
            for _ in 0..run {
                text.push('*');
            }
            i += run;
            continue;
        }
        text.push(c);
        i += 1;
    }
    flush_text(&mut text, &mut nodes);
    nodes
}

/// The position of the mark closing a run of `run` stars whose content starts at `from`.
fn find_closer(
    chars: &[char],
    from: usize,
    run: usize,
    failed_from: &mut [usize; 2],
) -> Option<usize> {
    if from >= failed_from[run - 1] {
        return None;
    }
    let mut j = from;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            '*' => {
                let here = if chars.get(j + 1) == Some(&'*') { 2 } else { 1 };
                if here == run && j > from && !chars[j - 1].is_whitespace() {
                    return Some(j);
                }
                j += here;
            }
            _ => j += 1,
        }
    }
    failed_from[run - 1] = from;
    None
}

fn flush_text(text: &mut String, nodes: &mut Vec<Inline>) {
    if !text.is_empty() {
        nodes.push(Inline::Text(std::mem::take(text)));
    }
}
