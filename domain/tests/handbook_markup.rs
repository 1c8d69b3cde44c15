//! The body markup: blocks, inline marks, and HTML that must stay text.

use sotay_domain::handbook::markup::{inline_text, parse, parse_inline, plain_text};
use sotay_domain::handbook::{Block, Inline};

fn text(value: &str) -> Inline {
    Inline::Text(value.to_string())
}

/// Every piece of text in the tree, concatenated.
fn all_text(blocks: &[Block]) -> String {
    plain_text(blocks)
}

#[test]
fn html_looking_input_stays_literal_text() {
    let body = "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)> và &amp; <b>đậm</b>\n\n- <a href=\"javascript:alert(1)\">bấm</a>";
    let blocks = parse(body);
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![text("<script>alert('x')</script>")]),
            Block::Paragraph(vec![text(
                "<img src=x onerror=alert(1)> và &amp; <b>đậm</b>"
            )]),
            Block::BulletList(vec![vec![text("<a href=\"javascript:alert(1)\">bấm</a>")]]),
        ]
    );
    // Nothing was dropped or decoded.
    assert!(all_text(&blocks).contains("<script>alert('x')</script>"));
    assert!(all_text(&blocks).contains("onerror=alert(1)"));
    assert!(all_text(&blocks).contains("&amp;"));
}

#[test]
fn headings_paragraphs_and_lists() {
    let body = "# Chuẩn bị\n\nBí thư chuẩn bị nội dung\nvà dự thảo nghị quyết.\n\n## Các bước\n\n1. Chi ủy họp trước.\n2) Thông báo cho đảng viên.\n\n- Tài liệu\n* Biên bản\n• Phiếu chấm\n\n#### không phải tiêu đề";
    let blocks = parse(body);
    assert_eq!(
        blocks,
        vec![
            Block::Heading {
                level: 1,
                content: vec![text("Chuẩn bị")]
            },
            Block::Paragraph(vec![text(
                "Bí thư chuẩn bị nội dung và dự thảo nghị quyết."
            )]),
            Block::Heading {
                level: 2,
                content: vec![text("Các bước")]
            },
            Block::NumberedList {
                start: 1,
                items: vec![
                    vec![text("Chi ủy họp trước.")],
                    vec![text("Thông báo cho đảng viên.")]
                ]
            },
            Block::BulletList(vec![
                vec![text("Tài liệu")],
                vec![text("Biên bản")],
                vec![text("Phiếu chấm")]
            ]),
            Block::Paragraph(vec![text("#### không phải tiêu đề")]),
        ]
    );
}

#[test]
fn numbered_list_keeps_its_start_and_continuation_lines() {
    let blocks = parse("3. Thảo luận,\n   tổng hợp ý kiến.\n\n4. Kết luận.\nSau danh sách");
    assert_eq!(
        blocks,
        vec![Block::NumberedList {
            start: 3,
            items: vec![
                vec![text("Thảo luận, tổng hợp ý kiến.")],
                vec![text("Kết luận. Sau danh sách")]
            ]
        }]
    );
    // After a blank line, a plain line ends the list.
    let blocks = parse("- một\n\nđoạn văn");
    assert_eq!(
        blocks,
        vec![
            Block::BulletList(vec![vec![text("một")]]),
            Block::Paragraph(vec![text("đoạn văn")])
        ]
    );
}

#[test]
fn strong_and_emphasis_nest() {
    assert_eq!(
        parse_inline("Chi bộ **tốt** thì *mọi **việc** đều* tốt"),
        vec![
            text("Chi bộ "),
            Inline::Strong(vec![text("tốt")]),
            text(" thì "),
            Inline::Emphasis(vec![
                text("mọi "),
                Inline::Strong(vec![text("việc")]),
                text(" đều")
            ]),
            text(" tốt"),
        ]
    );
    assert_eq!(
        parse_inline("**trên 85%** đảng viên"),
        vec![Inline::Strong(vec![text("trên 85%")]), text(" đảng viên")]
    );
}

#[test]
fn unmatched_or_spaced_marks_stay_text() {
    assert_eq!(parse_inline("5 * 3 = 15"), vec![text("5 * 3 = 15")]);
    assert_eq!(parse_inline("**chưa đóng"), vec![text("**chưa đóng")]);
    assert_eq!(parse_inline("a * b*"), vec![text("a * b*")]);
    assert_eq!(
        parse_inline("\\*không nghiêng\\*"),
        vec![text("*không nghiêng*")]
    );
    // Escaped block markers.
    assert_eq!(
        parse("\\# 1\\. không phải danh sách"),
        vec![Block::Paragraph(vec![text("# 1. không phải danh sách")])]
    );
    // A pathological body (many lone marks) is parsed quickly and kept as text.
    let many = "*a ".repeat(20_000);
    let blocks = parse(&many);
    assert_eq!(all_text(&blocks).matches('*').count(), 20_000);
}

#[test]
fn quotes_and_line_breaks() {
    let blocks = parse("> Chi bộ là gốc rễ\n> của Đảng.\n>\n> Đoạn hai\n\nDòng một\\\nDòng hai");
    assert_eq!(
        blocks,
        vec![
            Block::Quote(vec![
                vec![text("Chi bộ là gốc rễ của Đảng.")],
                vec![text("Đoạn hai")]
            ]),
            Block::Paragraph(vec![text("Dòng một"), Inline::LineBreak, text("Dòng hai")]),
        ]
    );
}

#[test]
fn plain_text_for_sharing() {
    let blocks = parse("## Tiêu đề\n\nĐoạn **một**.\n\n- a\n- b\n\n7. bảy\n8. tám");
    assert_eq!(
        plain_text(&blocks),
        "Tiêu đề\n\nĐoạn một.\n\n• a\n• b\n\n7. bảy\n8. tám"
    );
    assert_eq!(inline_text(&parse_inline("*x* **y**")), "x y");
    assert!(parse("").is_empty());
    assert!(parse("\n  \n\r\n").is_empty());
}
