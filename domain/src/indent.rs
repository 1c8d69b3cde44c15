//! A leaf: compact JSON indented like `serde_json::to_string_pretty`, used by every file the
//! app writes for people to keep (backups, frameworks, packs, templates, dues rules).

/// `value` as pretty JSON through the compact serialiser and [`indent`]: the same text as
/// `serde_json::to_string_pretty`, without a second, pretty copy of the type's serialiser
/// in the wasm. For plain structs with string keys, which cannot fail to serialise.
pub fn to_pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    indent(&serde_json::to_string(value).unwrap_or_default())
}

/// Indents compact JSON by two spaces, exactly as `serde_json::to_string_pretty` would
/// (`"key": value`, `[]` and `{}` for empty lists and objects). Writing compact JSON and
/// indenting it lets the wasm reuse the compact serialisers the app's storage already
/// needs, instead of a second, pretty copy of every record's serialiser (measured: tens of
/// kilobytes). Text inside strings is copied unchanged.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut index = 0;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', depth * 2));
    };
    while let Some(&byte) = bytes.get(index) {
        index += 1;
        if in_string {
            out.push(byte);
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                out.push(byte);
            }
            b'{' | b'[' => {
                let close = if byte == b'{' { b'}' } else { b']' };
                out.push(byte);
                if bytes.get(index) == Some(&close) {
                    out.push(close);
                    index += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(byte);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(byte),
        }
    }
    // Only ASCII bytes were added, between whole UTF-8 sequences.
    String::from_utf8(out).unwrap_or_else(|_| compact.to_owned())
}
