//! The layers hold (issue 30): in the domain crate no module outside `text/` uses
//! `crate::text` (computing returns facts; words are made at the edge), and in either crate
//! no import circle runs between modules.
//!
//! Written by hand over the source rather than with `cargo-modules`' acyclic check: that
//! tool builds on rust-analyzer (hundreds of crates, minutes to install on a fresh machine,
//! and CI has 90 minutes in all), while what is checked here is a small, stable part of the
//! language: `use` trees and `crate::`/`super::`/`self::` paths in code. Each module is a
//! source file; a path is resolved to the longest module it names, and an edge goes from
//! the file's module to that module. A module's edges to its own ancestors are not counted
//! (a child uses what its parent's file defines or re-exports for the family; the parent
//! declaring and re-exporting its children is the tree, not a dependency). Tests inside a
//! file (`#[cfg(test)] mod tests`) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's modules: path (`["backup", "import"]`) → its file's text, tests removed.
fn modules(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.insert(module_path(src, &path), without_tests(&strip(&std::fs::read_to_string(&path).unwrap())));
            }
        }
    }
    found
}

fn module_path(src: &Path, file: &PathBuf) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The text without comments, string literals and char literals (so a word in a doc or a
/// message is never read as a path).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !chars.get(i.wrapping_sub(1)).is_some_and(|p| p.is_alphanumeric() || *p == '_') {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The text without `#[cfg(test)]` items (a test module may reach anywhere).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut end = after.len();
        for (index, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + index + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every path the code names: `use` trees expanded, then `crate::`, `super::` and `self::`
/// paths elsewhere in the code.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let after = &rest[at + 3..];
        let Some(end) = after.find(';') else { break };
        expand(after[..end].trim(), &mut Vec::new(), &mut found);
        rest = &after[end..];
    }
    let flat: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    for root in ["crate::", "super::", "self::"] {
        let mut start = 0;
        while let Some(at) = flat[start..].find(root) {
            let begin = start + at;
            let preceded = flat[..begin].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_');
            let mut end = begin;
            while end < flat.len() {
                let tail = &flat[end..];
                let word: String = tail.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if word.is_empty() {
                    break;
                }
                end += word.len();
                if flat[end..].starts_with("::") && flat[end + 2..].starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                    end += 2;
                } else {
                    break;
                }
            }
            if !preceded {
                found.push(flat[begin..end].split("::").map(str::to_owned).collect());
            }
            start = end.max(begin + root.len());
        }
    }
    found
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut start = 0;
    while let Some(at) = text[start..].find(word) {
        let begin = start + at;
        let before = text[..begin].chars().last();
        let after = text[begin + word.len()..].chars().next();
        let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        if boundary(before) && boundary(after) {
            return Some(begin);
        }
        start = begin + word.len();
    }
    None
}

/// Expands a use tree (`crate::a::{b, c::{d, e}}`) into paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open].split("::").map(str::trim).filter(|part| !part.is_empty()).map(str::to_owned).collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut piece = String::new();
        let base = prefix.len();
        prefix.extend(head);
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&piece, prefix, out);
                    piece.clear();
                    continue;
                }
                _ => {}
            }
            piece.push(c);
        }
        expand(&piece, prefix, out);
        prefix.truncate(base);
    } else if !tree.is_empty() {
        let name = tree.split(" as ").next().unwrap_or(tree);
        let mut path = prefix.clone();
        path.extend(name.split("::").map(str::trim).filter(|part| !part.is_empty()).map(str::to_owned));
        out.push(path);
    }
}

/// The module a path names, from the module `at`: `crate`/`super`/`self` resolved, then the
/// longest prefix that is a module. `None` for paths outside the crate.
fn resolve(path: &[String], at: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut current: Vec<String> = match path.first()?.as_str() {
        "crate" => Vec::new(),
        "super" | "self" => at.to_vec(),
        // A path from a child module (`use score::*;` in `text/mod.rs`).
        first => {
            let mut child = at.to_vec();
            child.push(first.to_owned());
            if !known.contains(&child) {
                return None;
            }
            at.to_vec()
        }
    };
    let keyword = matches!(path[0].as_str(), "crate" | "super" | "self");
    let mut rest = if keyword { &path[1..] } else { path };
    if path[0] == "super" {
        current.pop();
    }
    while rest.first().is_some_and(|part| part == "super") {
        current.pop();
        rest = &rest[1..];
    }
    for part in rest {
        let mut next = current.clone();
        next.push(part.clone());
        if known.contains(&next) {
            current = next;
        } else {
            break;
        }
    }
    Some(current)
}

/// Edges module → module (to ancestors not counted), with one example path each.
fn graph(src: &Path) -> BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> {
    let modules = modules(src);
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let mut edges: BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> = BTreeMap::new();
    for (module, code) in &modules {
        for path in paths(code) {
            let Some(target) = resolve(&path, module, &known) else { continue };
            let ancestor = target.len() <= module.len() && module[..target.len()] == target[..];
            if target != *module && !ancestor {
                edges.entry(module.clone()).or_default().entry(target).or_insert_with(|| path.join("::"));
            }
        }
    }
    edges
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

/// Strongly connected components of more than one module (Tarjan).
fn circles(edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>) -> Vec<Vec<Vec<String>>> {
    struct State<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>,
        index: BTreeMap<Vec<String>, usize>,
        low: BTreeMap<Vec<String>, usize>,
        stack: Vec<Vec<String>>,
        on_stack: BTreeSet<Vec<String>>,
        next: usize,
        found: Vec<Vec<Vec<String>>>,
    }
    fn visit(state: &mut State, node: &Vec<String>) {
        state.index.insert(node.clone(), state.next);
        state.low.insert(node.clone(), state.next);
        state.next += 1;
        state.stack.push(node.clone());
        state.on_stack.insert(node.clone());
        let targets: Vec<Vec<String>> = state.edges.get(node).map(|t| t.keys().cloned().collect()).unwrap_or_default();
        for target in targets {
            if !state.index.contains_key(&target) {
                visit(state, &target);
                let low = state.low[&target].min(state.low[node]);
                state.low.insert(node.clone(), low);
            } else if state.on_stack.contains(&target) {
                let low = state.index[&target].min(state.low[node]);
                state.low.insert(node.clone(), low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(&top);
                let done = top == *node;
                component.push(top);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.found.push(component);
            }
        }
    }
    let mut state = State { edges, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on_stack: BTreeSet::new(), next: 0, found: Vec::new() };
    let nodes: Vec<Vec<String>> = edges.keys().cloned().collect();
    for node in nodes {
        if !state.index.contains_key(&node) {
            visit(&mut state, &node);
        }
    }
    state.found
}

fn describe(circles: &[Vec<Vec<String>>], edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>) -> String {
    let mut out = String::new();
    for circle in circles {
        out.push_str(&format!("\n- circle of {} modules:", circle.len()));
        for from in circle {
            for (to, example) in edges.get(from).into_iter().flatten() {
                if circle.contains(to) {
                    out.push_str(&format!("\n    {} → {} ({example})", name(from), name(to)));
                }
            }
        }
    }
    out
}

fn domain_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../src")
}

/// The rules, for a crate's source folder: the modules using `crate::text` from outside
/// `text/` (when `text_is_the_edge`), and the import circles.
fn violations(src: &Path, text_is_the_edge: bool) -> (Vec<String>, String) {
    let edges = graph(src);
    let mut text_users = Vec::new();
    if text_is_the_edge {
        for (from, targets) in &edges {
            if from.first().is_some_and(|first| first == "text") {
                continue;
            }
            for (to, example) in targets {
                if to.first().is_some_and(|first| first == "text") {
                    text_users.push(format!("{} uses {example}", name(from)));
                }
            }
        }
    }
    (text_users, describe(&circles(&edges), &edges))
}

#[test]
fn no_computing_module_of_the_domain_uses_the_text_layer() {
    let (text_users, _) = violations(&domain_src(), true);
    assert!(text_users.is_empty(), "words belong to text/; these modules use it:\n{}", text_users.join("\n"));
}

#[test]
fn the_domain_crate_has_no_import_circle() {
    let (_, circles) = violations(&domain_src(), true);
    assert!(circles.is_empty(), "import circles in the domain crate:{circles}");
}

#[test]
fn the_app_crate_has_no_import_circle() {
    let (_, circles) = violations(&app_src(), false);
    assert!(circles.is_empty(), "import circles in the app crate:{circles}");
}

/// The checker itself: a use of the text layer from the engine, and a circle, are found.
#[test]
fn the_checker_finds_a_text_use_and_a_circle() {
    let dir = std::env::temp_dir().join(format!("layering-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::write(dir.join("lib.rs"), "pub mod text;\npub mod scoring;\npub mod model;\n").unwrap();
    std::fs::write(dir.join("text/mod.rs"), "use crate::scoring::Score;\npub fn words() {}\n").unwrap();
    std::fs::write(dir.join("scoring.rs"), "use crate::model::{Meeting, Member};\nfn f() { crate::text::words(); } // crate::model in a comment\n").unwrap();
    std::fs::write(dir.join("model.rs"), "pub struct Meeting; use super::scoring;\nconst S: &str = \"crate::text::words\";\n").unwrap();
    let (text_users, circles) = violations(&dir, true);
    assert_eq!(text_users, ["scoring uses crate::text::words"]);
    assert!(circles.contains("scoring → text"), "{circles}");
    assert!(circles.contains("model → scoring"), "{circles}");
    std::fs::remove_dir_all(&dir).unwrap();
}
