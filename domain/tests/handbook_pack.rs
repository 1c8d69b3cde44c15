//! Content packs: the built-in pack, validation errors (one fixture per error kind under
//! `fixtures/handbook/`), committee pack merging, lookup by stable id.

use std::collections::BTreeSet;

use sotay_domain::handbook::markup::plain_text;
use sotay_domain::handbook::{
    builtin, limits, Block, Count, Field, Handbook, Inline, Item, Origin, Pack, PackError,
    PackLoadError, Place, Section, SectionKind, Status, SyntaxProblem,
};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/handbook/", $name))
    };
}

const VALID: &str = fixture!("valid-committee-pack.json");

fn load_errors(json: &str) -> Vec<PackError> {
    match Pack::from_json(json) {
        Ok(_) => panic!("pack was accepted"),
        Err(PackLoadError::Invalid(errors)) => errors,
        Err(other) => panic!("unexpected syntax error: {other}"),
    }
}

// ---------------------------------------------------------------------------------------
// The built-in pack
// ---------------------------------------------------------------------------------------

#[test]
fn the_builtin_pack_validates() {
    let pack = Pack::from_json(builtin::JSON).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(pack.id, builtin::PACK_ID);
    assert_eq!(pack, builtin::pack());
}

#[test]
fn the_builtin_pack_has_the_sections_of_the_issue_in_order() {
    let pack = builtin::pack();
    let titles: Vec<&str> = pack.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Lời Bác Hồ về chi bộ và đảng viên",
            "Nhận diện biểu hiện suy thoái, “tự diễn biến”, “tự chuyển hóa” (27 biểu hiện)",
            "Khung tiêu chí đánh giá chất lượng sinh hoạt chi bộ",
            "Chức năng, nhiệm vụ của chi bộ thôn, tổ dân phố",
            "Nhiệm vụ, quyền của đảng viên",
            "Những điều đảng viên không được làm",
            "Chuẩn mực đạo đức, liên hệ nơi cư trú",
            "Hướng dẫn sinh hoạt chi bộ",
            "Đánh giá, xếp loại hằng năm",
        ]
    );
    let frameworks = pack.section(builtin::FRAMEWORKS_SECTION_ID).unwrap();
    assert_eq!(frameworks.kind, SectionKind::ScoringFrameworks);
    assert!(frameworks.items.is_empty());
    let prohibitions = pack.section(builtin::PROHIBITIONS_SECTION_ID).unwrap();
    assert!(prohibitions.note.as_deref().unwrap().contains("207-QĐ/TW"));
}

/// The item ids of the built-in pack at commit bb94702, before the handbook grew to the
/// printed handbook's content (issue 14). Users' bookmarks and notes are stored under
/// them, so every one must keep resolving, in the built-in handbook, to an item under
/// that very id (`qd37-dieu-2-19`, once "Điều 2 đến Điều 19", is now Điều 2, the item
/// that continues it; the three group items of the 27 manifestations head their groups).
const IDS_AT_BB94702: [&str; 27] = [
    "bac-ho-chi-bo-goc-re",
    "bac-ho-dang-manh",
    "bac-ho-bai-chi-bo-1953",
    "bac-ho-nen-mong-chua-xac-minh",
    "nq04-gioi-thieu",
    "27-bieu-hien-nhom-1",
    "27-bieu-hien-nhom-2",
    "27-bieu-hien-nhom-3",
    "nhiem-vu-chi-bo-dieu-le",
    "noi-dung-trong-tam-thon-to-dan-pho",
    "qd37-gioi-thieu",
    "qd37-dieu-1",
    "qd37-dieu-2-19",
    "sh-can-cu",
    "sh-loai-thoi-luong",
    "sh-ngay-sinh-hoat",
    "sh-dang-vien-du",
    "sh-bo-sinh-hoat",
    "sh-chuan-bi",
    "sh-trinh-tu",
    "sh-bien-ban",
    "sh-chuyen-de",
    "sh-cham-diem",
    "dgxl-can-cu",
    "dgxl-thang-diem",
    "dgxl-cac-buoc",
    "dgxl-ket-qua-sinh-hoat",
];

#[test]
fn the_item_ids_of_earlier_versions_still_resolve() {
    let handbook = Handbook::builtin();
    for id in IDS_AT_BB94702 {
        let found = handbook
            .item(id)
            .unwrap_or_else(|| panic!("{id}: a bookmark or note on it would be orphaned"));
        assert_eq!(found.item.id, id);
        assert_eq!(found.origin, Origin::Builtin);
    }
    // What the split items continue as.
    assert!(handbook.item("qd37-dieu-2-19").unwrap().item.title.starts_with("Điều 2: "));
    for group in 1..=3 {
        let id = format!("27-bieu-hien-nhom-{group}");
        let found = handbook.item(&id).unwrap();
        assert!(found.item.title.starts_with(&format!("Nhóm {group}: ")), "{id}");
        assert_eq!(found.section.id, "27-bieu-hien");
    }
}

/// Bookmarks and notes are kept by these ids: changing one orphans users' notes, so a
/// change here must be deliberate. The ids of bb94702 stay, in their order; these were
/// added by version 2 of the built-in pack, in reading order.
#[test]
fn the_builtin_item_ids_are_stable() {
    let ids: Vec<String> = builtin::pack()
        .items()
        .map(|(_, item)| item.id.clone())
        .collect();
    let kept: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| IDS_AT_BB94702.contains(id))
        .collect();
    assert_eq!(kept, IDS_AT_BB94702);
    let mut added: Vec<String> = [
        "bac-ho-chi-bo-chua-tot",
        "bac-ho-xay-dung-chi-bo",
        "bac-ho-to-chuc-goc-re",
        "bac-ho-lam-quan-phat-tai",
        "bac-ho-loi-ich-cua-dang",
        "bac-ho-phuc-vu-nhan-dan",
        "bac-ho-tu-cai-tao",
        "bac-ho-phat-trien-dang",
        "bac-ho-tu-phe-binh",
    ]
    .map(String::from)
    .to_vec();
    for group in 1..=3 {
        added.extend((1..=9).map(|n| format!("nq04-nhom-{group}-bh-{n}")));
    }
    added.extend(
        ["chi-bo-vi-tri", "chi-bo-dai-hoi-bau-bi-thu", "dv-nhiem-vu", "dv-quyen", "dv-xoa-ten"]
            .map(String::from),
    );
    // Version 3 (December 2026): dues and exemption, ethics standards and residence.
    added.extend(["dang-phi-qd01", "mien-cong-tac-sinh-hoat-dang"].map(String::from));
    added.extend((3..=19).map(|n| format!("qd37-dieu-{n}")));
    added.extend(["qd207-thong-tin", "chuan-muc-dao-duc-qd144", "dang-vien-noi-cu-tru-qd213", "sh-vi-tri", "sh-so-tay-dien-tu"].map(String::from));
    let new: Vec<&String> = ids
        .iter()
        .filter(|id| !IDS_AT_BB94702.contains(&id.as_str()))
        .collect();
    assert_eq!(new, added.iter().collect::<Vec<_>>());
}

/// The wording the reference sheets give as verified verbatim text
/// (`shared/reference/handbook-facts.md` §5 and `domain.md` §4), each with the source
/// document and date an official item quoting it must name.
const VERIFIED: [(&str, &str, &str); 23] = [
    (
        // bac-ho-chi-bo-goc-re
        "Chi bộ là gốc rễ của Đảng ở trong quần chúng. Chi bộ tốt thì mọi chính sách của Đảng đều được thi hành tốt, mọi công việc đều tiến bộ không ngừng",
        "Chủ tịch Hồ Chí Minh, bài “Những chi bộ tốt và chi bộ chưa tốt”, báo Nhân Dân số 3503",
        "1963-10-31",
    ),
    (
        // bac-ho-chi-bo-chua-tot
        "Có tình trạng như thế là vì nhiều đồng chí cán bộ và đảng viên còn mang nặng chủ nghĩa cá nhân, tự tư, tự lợi và chủ nghĩa địa phương…",
        "Chủ tịch Hồ Chí Minh, bài “Những chi bộ tốt và chi bộ chưa tốt”, báo Nhân Dân số 3503",
        "1963-10-31",
    ),
    (
        // bac-ho-dang-manh
        "Đảng mạnh là do chi bộ tốt. Chi bộ tốt là do các đảng viên đều tốt",
        "Chủ tịch Hồ Chí Minh, nói tại lớp huấn luyện đảng viên mới do Thành ủy Hà Nội tổ chức tại Trường phổ thông cấp III Chu Văn An",
        "1966-05-14",
    ),
    (
        // bac-ho-xay-dung-chi-bo
        "Đối với Đảng ta, xây dựng chi bộ cho tốt, cho vững mạnh là một việc vô cùng quan trọng",
        "Chủ tịch Hồ Chí Minh, nói tại Hội nghị tổng kết ba năm xây dựng chi bộ và đảng bộ cơ sở “Bốn tốt”",
        "1966-04",
    ),
    (
        // bac-ho-to-chuc-goc-re
        "Tổ chức gốc rễ của Đảng là chi bộ",
        "Chủ tịch Hồ Chí Minh, tác phẩm “Thường thức chính trị”",
        "1953",
    ),
    (
        // bac-ho-lam-quan-phat-tai
        "Đảng không phải là một tổ chức để làm quan phát tài",
        "Chủ tịch Hồ Chí Minh (bút danh X.Y.Z.), tác phẩm “Sửa đổi lối làm việc”, phần “Tư cách và đạo đức cách mạng”",
        "1947-10",
    ),
    (
        // bac-ho-loi-ich-cua-dang
        "Vô luận lúc nào, vô luận việc gì, đảng viên và cán bộ phải đặt lợi ích của Đảng ra trước, lợi ích của cá nhân lại sau. Đó là nguyên tắc cao nhất của Đảng.",
        "Chủ tịch Hồ Chí Minh, tác phẩm “Sửa đổi lối làm việc”; Hồ Chí Minh Toàn tập, tập 5, trang 250–251",
        "1947-10",
    ),
    (
        // bac-ho-phuc-vu-nhan-dan
        "Đảng không phải là nơi để thăng quan tiến chức, để phát tài. Vào Đảng là để phục vụ nhân dân, phục vụ giai cấp…",
        "Chủ tịch Hồ Chí Minh, nói chuyện với cán bộ, học viên Phân hiệu 2, Trường Đảng Nguyễn Ái Quốc",
        "1955-07",
    ),
    (
        // bac-ho-tu-cai-tao
        "Muốn cải tạo xã hội mà đảng viên không tự cải tạo mình, không tự nâng cao mình thì không thể được",
        "Chủ tịch Hồ Chí Minh, bài nói khai mạc lớp lý luận khóa thứ nhất, Trường Nguyễn Ái Quốc",
        "1957-09-07",
    ),
    (
        // bac-ho-phat-trien-dang
        "Khi phát triển Đảng cần phải chọn lọc rất cẩn thận, phải xem trọng chất lượng…",
        "Chủ tịch Hồ Chí Minh, bài “Tiêu chuẩn của người đảng viên”, báo Nhân Dân số 2093",
        "1959-12-09",
    ),
    (
        // bac-ho-tu-phe-binh
        "Không chịu tự phê bình, tự chỉ trích thì không bao giờ tấn tới được",
        "Chủ tịch Hồ Chí Minh (bút danh Chiến Thắng), bài “Muốn thành cán bộ tốt, phải có tinh thần tự chỉ trích”, báo Cứu Quốc số 51",
        "1945-09-26",
    ),
    (
        // nq04-nhom-1-bh-1
        "Phai nhạt lý tưởng cách mạng; dao động, giảm sút niềm tin vào mục tiêu độc lập dân tộc và chủ nghĩa xã hội; hoài nghi, thiếu tin tưởng vào chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // nq04-nhom-1-bh-2
        "Xa rời tôn chỉ, mục đích của Đảng; không kiên định con đường đi lên chủ nghĩa xã hội; phụ hoạ theo những nhận thức lệch lạc, quan điểm sai trái.",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // nq04-nhom-1-bh-3
        "Nhận thức sai lệch về ý nghĩa, tầm quan trọng của lý luận và học tập lý luận chính trị; lười học tập chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, chủ trương, đường lối, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước.",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // nq04-nhom-1-bh-4
        "Không chấp hành nghiêm các nguyên tắc tổ chức của Đảng; sa sút ý chí phấn đấu, không gương mẫu trong công tác; né tránh trách nhiệm, thiếu trách nhiệm, trung bình chủ nghĩa, làm việc qua loa, đại khái, kém hiệu quả; không còn ý thức hết lòng vì nước, vì dân, không làm tròn chức trách, nhiệm vụ được giao.",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // nq04-nhom-1-bh-5
        "Trong tự phê bình còn giấu giếm, không dám nhận khuyết điểm; khi có khuyết điểm thì thiếu thành khẩn, không tự giác nhận kỷ luật. Trong phê bình thì nể nang, né tránh, ngại va chạm, thấy đúng không bảo vệ, thấy sai không đấu tranh…",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // nq04-nhom-1-bh-6
        "… Nói không đi đôi với làm; hứa nhiều làm ít; nói một đằng, làm một nẻo; nói trong hội nghị khác, nói ngoài hội nghị khác; nói và làm không nhất quán giữa khi đương chức với lúc về nghỉ hưu",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // nq04-nhom-2-bh-5
        "… thờ ơ, vô cảm, thiếu trách nhiệm trước những khó khăn, bức xúc và đòi hỏi chính đáng của nhân dân",
        "Nghị quyết số 04-NQ/TW, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "2016-10-30",
    ),
    (
        // qd37-dieu-1
        "Nói, viết, làm trái hoặc không thực hiện Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị, kết luận, quy định, quy chế, quyết định của Đảng; làm những việc mà pháp luật không cho phép",
        "Quy định số 37-QĐ/TW, Điều 1",
        "2021-10-25",
    ),
    (
        // qd37-dieu-2-19
        "Không chấp hành các nguyên tắc tổ chức và hoạt động của Đảng; tự ứng cử, nhận đề cử và đề cử các chức danh của tổ chức nhà nước, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, các tổ chức quần chúng được Đảng, Nhà nước giao nhiệm vụ khi chưa được tổ chức đảng có thẩm quyền cho phép",
        "Quy định số 37-QĐ/TW, Điều 2",
        "2021-10-25",
    ),
    (
        // qd37-dieu-3
        "Phản bác, phủ nhận, xuyên tạc chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh; không thực hiện trách nhiệm nêu gương; chủ nghĩa cá nhân, cơ hội, vụ lợi; “tư duy nhiệm kỳ”, đoàn kết xuôi chiều, dân chủ hình thức, thấy đúng không bảo vệ, thấy sai không đấu tranh; độc đoán, chuyên quyền, quan liêu, xa rời quần chúng.",
        "Quy định số 37-QĐ/TW, Điều 3",
        "2021-10-25",
    ),
    (
        // qd37-dieu-13
        "Can thiệp, tác động vào hoạt động kiểm tra, giám sát, thanh tra, kiểm toán, điều tra, truy tố, xét xử, thi hành án, xét đặc xá, giải quyết khiếu nại, tố cáo để bao che, tiếp tay cho các hành vi vi phạm quy định của Đảng, pháp luật của Nhà nước. Tác động, ép buộc, mua chuộc tổ chức, cá nhân để giảm trách nhiệm, hình phạt cho người khác",
        "Quy định số 37-QĐ/TW, Điều 13",
        "2021-10-25",
    ),
    (
        // qd37-dieu-19
        "Mê tín, hoạt động mê tín; ủng hộ hoặc tham gia các tôn giáo bất hợp pháp hoặc lợi dụng các hoạt động tôn giáo, tín ngưỡng để trục lợi",
        "Quy định số 37-QĐ/TW, Điều 19",
        "2021-10-25",
    ),
];

/// The quotations (`> …`) of an item's body, as plain text.
fn quotations(item: &Item) -> Vec<String> {
    item.blocks()
        .iter()
        .filter_map(|block| match block {
            Block::Quote(paragraphs) => Some(
                paragraphs
                    .iter()
                    .map(|p| plain_text(&[Block::Paragraph(p.clone())]))
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
            _ => None,
        })
        .collect()
}

/// Content policy: official wording only where the reference gives the exact text as
/// verified, and then with that text's verified source and date; summaries never quote;
/// unverified items say so.
#[test]
fn official_items_quote_only_verified_wording_with_its_source() {
    let pack = builtin::pack();
    let mut quoted = BTreeSet::new();
    for (_, item) in pack.items() {
        let quotes = quotations(item);
        match item.source.status {
            Status::Official => {
                // The body is the quotation and nothing else (the source line names the
                // document; explanations go in the note).
                assert!(
                    item.blocks().iter().all(|block| matches!(block, Block::Quote(_))),
                    "{}: official body holds only quotations",
                    item.id
                );
                assert_eq!(quotes.len(), 1, "{}: official text is one quotation", item.id);
                let (_, document, date) = VERIFIED
                    .iter()
                    .find(|(text, _, _)| *text == quotes[0])
                    .unwrap_or_else(|| panic!("{}: not verified wording: {}", item.id, quotes[0]));
                assert_eq!(item.source.document, *document, "{}", item.id);
                assert_eq!(item.source.date.map(|d| d.to_string()).as_deref(), Some(*date), "{}", item.id);
                assert!(quoted.insert(quotes[0].clone()), "{}: quoted twice", item.id);
            }
            Status::Summary => {
                // A summary may not present a quotation as official wording.
                assert!(quotes.is_empty(), "{}: summary with a quotation", item.id);
                assert!(item.source.date.is_some(), "{}", item.id);
            }
            Status::Unverified => {
                let says_so = item.title.contains("chưa xác minh")
                    || item
                        .note
                        .as_deref()
                        .is_some_and(|note| note.to_lowercase().contains("đối chiếu văn bản gốc"));
                assert!(says_so, "{}: unverified without saying so", item.id);
            }
        }
    }
    // Every verified text is in the handbook, once.
    assert_eq!(quoted.len(), VERIFIED.len());
}

/// The one item of the pack whose title starts with `prefix` (panics if none or several).
fn only_item_titled<'a>(pack: &'a Pack, prefix: &str) -> (&'a Section, &'a Item) {
    let found: Vec<_> = pack
        .items()
        .filter(|(_, item)| item.title.starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "{prefix}");
    found[0]
}

/// The 27 manifestations of NQ 04-NQ/TW: each once, numbered in its group as in the
/// resolution ("nhóm 2, (3)") and with the app's own running index ("12/27", also a search
/// keyword), the resolution as source; as the check of 2026-12-05 found them: six of
/// group 1 and one of group 2 word for word, the topics no source gave unverified.
#[test]
fn the_27_manifestations_are_each_present_once() {
    let pack = builtin::pack();
    let section = pack.section("27-bieu-hien").unwrap();
    let official = [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (2, 5)];
    let unverified = [(1, 7), (1, 8), (1, 9), (2, 2), (2, 3), (2, 8), (3, 9)];
    let mut count = 0;
    for group in 1..=3 {
        for number in 1..=9 {
            let overall = (group - 1) * 9 + number;
            let (in_section, item) =
                only_item_titled(&pack, &format!("Nhóm {group}, biểu hiện ({number}): "));
            assert_eq!(in_section.id, section.id);
            assert_eq!(item.id, format!("nq04-nhom-{group}-bh-{number}"));
            assert!(item.source.document.starts_with("Nghị quyết số 04-NQ/TW"), "{}", item.id);
            assert_eq!(item.source.date.unwrap().to_string(), "2016-10-30");
            assert!(item.keywords.contains(&format!("biểu hiện {overall}")), "{}", item.id);
            let numbers = item.numbers.as_ref().unwrap();
            assert_eq!(numbers.document.as_deref(), Some(format!("nhóm {group}, ({number})").as_str()));
            assert_eq!(numbers.app.as_deref(), Some(format!("{overall}/27").as_str()));
            let expected = if official.contains(&(group, number)) {
                Status::Official
            } else if unverified.contains(&(group, number)) {
                Status::Unverified
            } else {
                Status::Summary
            };
            assert_eq!(item.source.status, expected, "{}", item.id);
            if expected == Status::Unverified {
                assert!(item.body.starts_with("Chủ đề: "), "{}: a topic line", item.id);
            }
            count += 1;
        }
    }
    assert_eq!(count, 27);
    // Each group is headed by its item of the earlier version, before its nine.
    let ids: Vec<&str> = section.items.iter().map(|item| item.id.as_str()).collect();
    for group in 1..=3 {
        let head = ids.iter().position(|id| *id == format!("27-bieu-hien-nhom-{group}")).unwrap();
        assert_eq!(ids[head + 1], format!("nq04-nhom-{group}-bh-1"));
        assert_eq!(ids[head + 9], format!("nq04-nhom-{group}-bh-9"));
    }
}

/// The 19 articles of QĐ 37-QĐ/TW: each once, numbered, with the regulation as source;
/// the five found word for word (Điều 1, 2, 3, 13, 19) official, those known only as topics
/// unverified; the reported 2026 successor shown apart, unverified, with its date.
#[test]
fn the_19_articles_are_each_present_once() {
    let pack = builtin::pack();
    let unverified = [5, 7, 8, 10, 12, 15, 16, 17];
    for number in 1..=19 {
        let (section, item) = only_item_titled(&pack, &format!("Điều {number}: "));
        assert_eq!(section.id, builtin::PROHIBITIONS_SECTION_ID);
        assert_eq!(item.source.document, format!("Quy định số 37-QĐ/TW, Điều {number}"));
        assert_eq!(item.source.date.unwrap().to_string(), "2021-10-25");
        let expected = match number {
            1 | 2 | 3 | 13 | 19 => Status::Official,
            n if unverified.contains(&n) => Status::Unverified,
            _ => Status::Summary,
        };
        assert_eq!(item.source.status, expected, "{}", item.id);
        // Every article points to a possibly newer regulation.
        assert!(item.note.as_deref().unwrap().contains("207-QĐ/TW"), "{}", item.id);
    }
    let (section, successor) = pack.item("qd207-thong-tin").unwrap();
    assert_eq!(section.id, builtin::PROHIBITIONS_SECTION_ID);
    assert_eq!(successor.source.status, Status::Unverified);
    assert_eq!(successor.source.date.unwrap().to_string(), "2026-07-26");
    assert!(successor.title.contains("chưa xác minh"));
}

#[test]
fn the_pack_round_trips_through_json() {
    let pack = builtin::pack();
    let again = Pack::from_json(&pack.to_json_pretty()).unwrap();
    assert_eq!(pack, again);
    let committee = Pack::from_json(VALID).unwrap();
    assert_eq!(
        Pack::from_json(&committee.to_json_pretty()).unwrap(),
        committee
    );
}

#[test]
fn provenance_lines_in_vietnamese() {
    let pack = builtin::pack();
    let (_, quote) = pack.item("bac-ho-chi-bo-goc-re").unwrap();
    assert_eq!(
        quote.source.line(),
        "Nguồn: Chủ tịch Hồ Chí Minh, bài “Những chi bộ tốt và chi bộ chưa tốt”, báo Nhân Dân số 3503, ngày 31/10/1963."
    );
    assert_eq!(quote.source.status.label(), "Nguyên văn của văn bản");
    let (_, speech) = pack.item("bac-ho-dang-manh").unwrap();
    assert!(speech.source.line().ends_with(", ngày 14/05/1966."), "{}", speech.source.line());
    let (_, unverified) = pack.item("bac-ho-nen-mong-chua-xac-minh").unwrap();
    assert_eq!(unverified.source.status, Status::Unverified);
    assert_eq!(
        unverified.source.line(),
        "Nguồn: Chưa xác định được văn bản gốc."
    );
    let (_, scoring) = pack.item("sh-cham-diem").unwrap();
    assert!(scoring.source.line().ends_with(", tháng 09/2025."));
    assert_eq!(
        pack.info().line(),
        "Sổ tay đảng viên (nội dung có sẵn) — Ứng dụng Sổ tay chi bộ (không phải văn bản của cấp ủy); phiên bản 3, phát hành ngày 05/12/2026."
    );
}

// ---------------------------------------------------------------------------------------
// Validation: one fixture per error kind
// ---------------------------------------------------------------------------------------

/// (fixture, expected error code, the whole Vietnamese message of that error)
fn cases() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (
            fixture!("missing-format-version.json"),
            "missing_format_version",
            "Gói nội dung: thiếu số phiên bản định dạng (trường \"format_version\"). Có thể tệp này không phải gói nội dung sổ tay.",
        ),
        (
            fixture!("unsupported-format-version.json"),
            "unsupported_format_version",
            "Gói nội dung ghi phiên bản định dạng 0; ứng dụng đọc được phiên bản 1 đến 2.",
        ),
        (
            fixture!("newer-format-version.json"),
            "newer_format_version",
            "Gói nội dung này được soạn cho phiên bản ứng dụng mới hơn (định dạng phiên bản 3; ứng dụng này đọc được phiên bản 2). Xin cập nhật ứng dụng rồi nạp lại gói.",
        ),
        (
            fixture!("official-without-check.json"),
            "official_without_word_for_word_check",
            "Mục «Điều 1» (id xa-dieu-1): mục ghi là nguyên văn (\"official\") phải có ghi chép đối chiếu đúng từng chữ với văn bản (\"check\" với kết quả \"word_for_word\"). Nếu chưa đối chiếu được từng chữ, xin ghi là tóm tắt (\"summary\").",
        ),
        (
            fixture!("official-with-a-summary-check.json"),
            "official_without_word_for_word_check",
            "Mục «Điều 1» (id xa-dieu-1): mục ghi là nguyên văn (\"official\") phải có ghi chép đối chiếu đúng từng chữ với văn bản (\"check\" với kết quả \"word_for_word\"). Nếu chưa đối chiếu được từng chữ, xin ghi là tóm tắt (\"summary\").",
        ),
        (
            fixture!("unknown-check-outcome.json"),
            "unknown_check_outcome",
            "Mục «Điều 1» (id xa-dieu-1): kết quả đối chiếu «verbatim» không hợp lệ; chỉ dùng \"word_for_word\" (đúng từng chữ), \"faithful_summary\" (tóm tắt đúng ý) hoặc \"not_confirmed\" (chưa xác nhận được).",
        ),
        (
            fixture!("invalid-address.json"),
            "invalid_address",
            "Mục «Lịch sinh hoạt của xã» (id xa-lich): địa chỉ trang nguồn «javascript:alert(1)» không hợp lệ; cần một địa chỉ web bắt đầu bằng https:// (hoặc để trống nếu là tài liệu in).",
        ),
        (
            fixture!("missing-source.json"),
            "missing",
            "Mục «Điều 1» (id xa-dieu-1): thiếu nguồn văn bản (trường \"source\").",
        ),
        (
            fixture!("missing-source-date.json"),
            "missing",
            "Mục «Điều 1» (id xa-dieu-1): thiếu ngày của văn bản nguồn (trường \"source.date\").",
        ),
        (
            fixture!("empty-title.json"),
            "missing",
            "Mục thứ 1 của phần «Tài liệu của xã» (id xa-lich): thiếu tiêu đề (trường \"title\").",
        ),
        (
            fixture!("invalid-date.json"),
            "invalid_date",
            "Mục «Lịch sinh hoạt của xã» (id xa-lich): ngày của văn bản nguồn «31/10/1963» không hợp lệ; cần ghi theo dạng năm-tháng-ngày (1963-10-31), năm-tháng (2016-10) hoặc chỉ năm (1966).",
        ),
        (
            fixture!("invalid-published-date.json"),
            "invalid_date",
            "Gói nội dung: ngày phát hành «2026-02-30» không hợp lệ; cần ghi theo dạng năm-tháng-ngày, ví dụ 2026-03-01.",
        ),
        (
            fixture!("unknown-status.json"),
            "unknown_status",
            "Mục «Điều 1» (id xa-dieu-1): trạng thái lời văn «verbatim» không hợp lệ; chỉ dùng \"official\" (nguyên văn), \"summary\" (tóm tắt) hoặc \"unverified\" (câu trích dẫn chưa xác minh nguồn gốc).",
        ),
        (
            fixture!("unknown-section-kind.json"),
            "unknown_section_kind",
            "Phần «Tài liệu của xã» (id tai-lieu-cua-xa): loại phần «video» không hợp lệ; chỉ dùng \"text\" (phần có nội dung) hoặc \"scoring_frameworks\" (phần khung tiêu chí chấm điểm).",
        ),
        (
            fixture!("invalid-id.json"),
            "invalid_id",
            "Mục «Lịch sinh hoạt của xã» (id lịch sinh hoạt): mã (id) «lịch sinh hoạt» không hợp lệ; mã chỉ gồm chữ cái không dấu, chữ số và các dấu - _ . (tối đa 64 ký tự).",
        ),
        (
            fixture!("duplicate-section-id.json"),
            "duplicate_section_id",
            "Phần «Tài liệu của xã» (id dieu-khong-duoc-lam): mã (id) «dieu-khong-duoc-lam» đã dùng cho một phần khác trong gói; mỗi phần cần một mã riêng.",
        ),
        (
            fixture!("duplicate-item-id.json"),
            "duplicate_item_id",
            "Mục «Thử nội dung có thẻ HTML» (id xa-dieu-1): mã (id) «xa-dieu-1» đã dùng cho một mục khác (trong phần «Những điều đảng viên không được làm (bản của xã)»); mỗi mục cần một mã riêng.",
        ),
        (
            fixture!("no-sections.json"),
            "no_sections",
            "Gói nội dung không có phần nào (trường \"sections\").",
        ),
        (
            fixture!("empty-section.json"),
            "empty_section",
            "Phần «Tài liệu của xã» (id tai-lieu-cua-xa): chưa có mục nào (trường \"items\").",
        ),
        (
            fixture!("items-in-framework-section.json"),
            "items_in_framework_section",
            "Phần «Tài liệu của xã» (id tai-lieu-cua-xa): phần khung tiêu chí được ứng dụng hiển thị từ dữ liệu khung điểm, nên không có mục nội dung riêng (xin bỏ trường \"items\").",
        ),
        (
            fixture!("several-framework-sections.json"),
            "several_framework_sections",
            "Phần «Khung tiêu chí 2» (id khung-2): gói chỉ được có một phần khung tiêu chí (loại \"scoring_frameworks\").",
        ),
        (
            fixture!("too-long-title.json"),
            "too_long",
            // The title is "Tiêu đề rất dài " and 190 × "x": 206 characters.
            Box::leak(
                format!(
                    "Mục «Tiêu đề rất dài {}» (id xa-lich): tiêu đề dài 206 ký tự, vượt giới hạn 200 ký tự.",
                    "x".repeat(190)
                )
                .into_boxed_str(),
            ),
        ),
    ]
}

#[test]
fn each_fixture_gives_its_specific_error() {
    for (json, code, message) in cases() {
        let errors = load_errors(json);
        assert_eq!(errors.len(), 1, "{code}: {errors:?}");
        assert_eq!(errors[0].code(), code);
        assert_eq!(errors[0].to_string(), message);
        // A single problem is reported as "could not load" + the problem.
        let whole = Pack::from_json(json).unwrap_err().to_string();
        assert_eq!(whole, format!("Không nạp được gói nội dung. {message}"));
    }
}

#[test]
fn several_problems_are_all_listed() {
    let errors = load_errors(fixture!("missing-pack-fields.json"));
    assert_eq!(
        errors,
        vec![
            PackError::Missing {
                place: Place::Pack,
                field: Field::Name
            },
            PackError::Missing {
                place: Place::Pack,
                field: Field::Issuer
            },
        ]
    );
    let message = Pack::from_json(fixture!("missing-pack-fields.json"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "Gói nội dung có 2 lỗi cần sửa:\n- Gói nội dung: thiếu tên gói (trường \"name\").\n- Gói nội dung: thiếu cơ quan ban hành (trường \"issuer\")."
    );
}

#[test]
fn bad_json_gives_line_and_column() {
    match Pack::from_json(fixture!("not-json.json")) {
        Err(PackLoadError::Syntax {
            line,
            column,
            problem: SyntaxProblem::NotJson,
            ..
        }) => {
            // Cut short: the error is at the end of the file.
            assert_eq!(line, 10);
            assert_eq!(column, 0);
        }
        other => panic!("{other:?}"),
    }
    let message = Pack::from_json(fixture!("not-json.json"))
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("Tệp không đúng định dạng JSON (dòng 10, cột 0); có thể tệp bị hỏng hoặc chép thiếu. Chi tiết kỹ thuật: "), "{message}");
    let message = Pack::from_json("").unwrap_err().to_string();
    assert!(
        message.starts_with("Tệp không đúng định dạng JSON (dòng 1, cột 0)"),
        "{message}"
    );
}

#[test]
fn unknown_fields_and_wrong_types_are_named() {
    match Pack::from_json(fixture!("unknown-field.json")) {
        Err(
            error @ PackLoadError::Syntax {
                problem: SyntaxProblem::UnknownField(_),
                ..
            },
        ) => {
            let message = error.to_string();
            assert!(
                message.starts_with(
                    "Tệp có trường «titel» không có trong định dạng gói nội dung (dòng "
                ),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    match Pack::from_json(fixture!("wrong-type.json")) {
        Err(
            error @ PackLoadError::Syntax {
                problem: SyntaxProblem::WrongType,
                ..
            },
        ) => {
            assert!(error
                .to_string()
                .starts_with("Tệp có giá trị sai kiểu dữ liệu (dòng "));
        }
        other => panic!("{other:?}"),
    }
    // Not an object at all.
    for (json, line, column) in [("[1, 2]", 1, 1), ("\n  \"sổ tay\"", 2, 3), ("[]", 1, 1)] {
        match Pack::from_json(json) {
            Err(PackLoadError::Syntax {
                problem: SyntaxProblem::WrongType,
                line: l,
                column: c,
                ..
            }) => assert_eq!((l, c), (line, column), "{json}"),
            other => panic!("{json}: {other:?}"),
        }
    }
    // A byte-order mark (Notepad) is accepted.
    assert!(Pack::from_json(&format!("\u{FEFF}{VALID}")).is_ok());
}

#[test]
fn size_limits() {
    // A file over the byte limit is refused before parsing.
    let padded = VALID.replacen(
        "\"Gói nội dung thử nghiệm\"",
        &format!("\"{}\"", " ".repeat(limits::MAX_PACK_BYTES)),
        1,
    );
    let errors = load_errors(&padded);
    assert_eq!(errors[0].code(), "too_large");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "Tệp quá lớn ({}.{:03} KB); gói nội dung chỉ được tối đa 2.000 KB.",
            padded.len().div_ceil(1000) / 1000,
            padded.len().div_ceil(1000) % 1000
        )
    );

    // Too many items in one section: the valid fixture's section repeated.
    let mut value: serde_json::Value = serde_json::from_str(VALID).unwrap();
    let template = value["sections"][1]["items"][0].clone();
    let items: Vec<serde_json::Value> = (0..=limits::MAX_ITEMS_PER_SECTION)
        .map(|n| {
            let mut item = template.clone();
            item["id"] = serde_json::json!(format!("muc-{n}"));
            item
        })
        .collect();
    value["sections"][1]["items"] = serde_json::Value::Array(items);
    let errors = load_errors(&value.to_string());
    assert_eq!(
        errors,
        vec![PackError::TooMany {
            place: Place::Section {
                position: 2,
                id: "tai-lieu-cua-xa".to_string(),
                title: "Tài liệu của xã".to_string()
            },
            what: Count::ItemsInSection,
            count: 501,
            max: 500
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "Phần «Tài liệu của xã» (id tai-lieu-cua-xa): có 501 mục, vượt giới hạn 500 mục trong một phần."
    );
}

/// `keywords` is optional (packs without it stay valid), trimmed, blank ones dropped,
/// and limited in count and length; it is searchable but not part of the text.
#[test]
fn item_keywords_are_optional_and_limited() {
    let committee = Pack::from_json(VALID).unwrap();
    assert!(committee.items().all(|(_, item)| item.keywords.is_empty()));
    assert!(!committee.to_json_pretty().contains("keywords"));

    let mut value: serde_json::Value = serde_json::from_str(VALID).unwrap();
    value["sections"][1]["items"][0]["keywords"] = serde_json::json!([" lịch họp ", "", "ngày mồng 3"]);
    let pack = Pack::from_json(&value.to_string()).unwrap();
    let (_, item) = pack.item("xa-lich").unwrap();
    assert_eq!(item.keywords, ["lịch họp", "ngày mồng 3"]);
    assert_eq!(Pack::from_json(&pack.to_json_pretty()).unwrap(), pack);
    let handbook = Handbook::resolve(&builtin::pack(), Some(&pack));
    assert_eq!(handbook.search("lich hop", 5)[0].item_id.as_deref(), Some("xa-lich"));

    let place = Place::Item {
        section_position: 2,
        section_title: "Tài liệu của xã".to_string(),
        position: 1,
        id: "xa-lich".to_string(),
        title: "Lịch sinh hoạt của xã".to_string(),
    };
    let many: Vec<String> = (0..=limits::MAX_KEYWORDS).map(|n| format!("từ {n}")).collect();
    value["sections"][1]["items"][0]["keywords"] = serde_json::json!(many);
    let errors = load_errors(&value.to_string());
    assert_eq!(
        errors,
        vec![PackError::TooMany { place: place.clone(), what: Count::Keywords, count: 21, max: 20 }]
    );
    assert_eq!(
        errors[0].to_string(),
        "Mục «Lịch sinh hoạt của xã» (id xa-lich): có 21 từ khóa tra cứu, vượt giới hạn 20 từ khóa."
    );
    value["sections"][1]["items"][0]["keywords"] = serde_json::json!(["x".repeat(limits::MAX_KEYWORD_CHARS + 1)]);
    let errors = load_errors(&value.to_string());
    assert_eq!(
        errors,
        vec![PackError::TooLong { place, field: Field::Keywords, length: 101, max: 100 }]
    );
    // Not a list of texts: a wrong type, with its place.
    value["sections"][1]["items"][0]["keywords"] = serde_json::json!("lịch họp");
    assert!(matches!(
        Pack::from_json(&value.to_string()),
        Err(PackLoadError::Syntax { problem: SyntaxProblem::WrongType, .. })
    ));
}

#[test]
fn every_error_code_is_produced_by_a_fixture() {
    let mut produced = BTreeSet::new();
    for (json, _, _) in cases() {
        for error in load_errors(json) {
            produced.insert(error.code());
        }
    }
    // The two built in `size_limits` (too large to keep as files).
    produced.insert("too_large");
    produced.insert("too_many");
    let all: BTreeSet<&str> = PackError::ALL_CODES.iter().copied().collect();
    assert_eq!(produced, all);
}

// ---------------------------------------------------------------------------------------
// Committee packs: merge, revert, lookup by id
// ---------------------------------------------------------------------------------------

#[test]
fn a_committee_pack_replaces_sections_by_id_and_adds_new_ones() {
    let base = builtin::pack();
    let committee = Pack::from_json(VALID).unwrap();
    let handbook = Handbook::resolve(&base, Some(&committee));

    assert_eq!(
        handbook.committee_info().unwrap().issuer,
        "Đảng ủy xã Thử Nghiệm"
    );
    assert_eq!(
        handbook.committee_info().unwrap().line(),
        "Gói nội dung thử nghiệm — Đảng ủy xã Thử Nghiệm; phiên bản 2, phát hành ngày 01/03/2026."
    );
    assert_eq!(handbook.builtin_info().id, builtin::PACK_ID);

    let ids: Vec<(&str, Origin)> = handbook
        .sections_with_origin()
        .map(|(section, origin)| (section.id.as_str(), origin))
        .collect();
    // Replaced in place; the new section last.
    assert_eq!(
        ids,
        vec![
            ("loi-bac-ho", Origin::Builtin),
            ("27-bieu-hien", Origin::Builtin),
            ("khung-tieu-chi", Origin::Builtin),
            ("chuc-nang-nhiem-vu-chi-bo", Origin::Builtin),
            ("nhiem-vu-quyen-dang-vien", Origin::Builtin),
            ("dieu-khong-duoc-lam", Origin::Committee),
            ("chuan-muc-lien-he", Origin::Builtin),
            ("huong-dan-sinh-hoat", Origin::Builtin),
            ("danh-gia-xep-loai", Origin::Builtin),
            ("tai-lieu-cua-xa", Origin::Committee),
        ]
    );
    let replaced = handbook.section("dieu-khong-duoc-lam").unwrap();
    assert_eq!(
        replaced.title,
        "Những điều đảng viên không được làm (bản của xã)"
    );
    assert_eq!(handbook.section_origin("loi-bac-ho"), Some(Origin::Builtin));
    assert_eq!(Origin::Committee.label(), "Nội dung từ gói của cấp ủy");

    // Search runs over the effective handbook.
    let hits = handbook.search("khong duoc lam", 10);
    assert_eq!(hits[0].item_id.as_deref(), Some("xa-dieu-1"));
    assert_eq!(
        handbook.search("lich sinh hoat", 10)[0].item_id.as_deref(),
        Some("xa-lich")
    );
}

#[test]
fn item_lookup_survives_pack_updates_by_id() {
    let base = builtin::pack();
    let committee = Pack::from_json(VALID).unwrap();
    let with_committee = Handbook::resolve(&base, Some(&committee));

    // An item kept from the built-in pack is still found.
    let kept = with_committee.item("bac-ho-chi-bo-goc-re").unwrap();
    assert_eq!(kept.section.id, "loi-bac-ho");
    assert_eq!(kept.origin, Origin::Builtin);
    // An item of a replaced section is gone: None (the app keeps the note and says so).
    assert!(with_committee.item("qd37-dieu-1").is_none());
    assert_eq!(
        sotay_domain::text::handbook::item_missing(),
        "Mục này không còn trong sổ tay (nội dung sổ tay đã được cập nhật). Ghi chú của đồng chí vẫn được giữ lại."
    );
    // The committee's items are found by their ids.
    let added = with_committee.item("xa-lich").unwrap();
    assert_eq!(added.origin, Origin::Committee);
    assert_eq!(added.section.id, "tai-lieu-cua-xa");

    // Reverting to the built-in pack brings the item back under the same id.
    let reverted = Handbook::resolve(&base, None);
    assert!(reverted.committee_info().is_none());
    assert_eq!(
        reverted.item("qd37-dieu-1").unwrap().item.title,
        "Điều 1: Nói, viết, làm trái Cương lĩnh, Điều lệ, nghị quyết của Đảng"
    );
    assert!(reverted.item("xa-lich").is_none());
    assert_eq!(reverted.sections(), base.sections.as_slice());
}

#[test]
fn a_committee_item_with_a_builtin_id_wins() {
    let base = builtin::pack();
    let json = VALID.replace("\"xa-lich\"", "\"sh-bien-ban\"");
    let committee = Pack::from_json(&json).unwrap();
    let handbook = Handbook::resolve(&base, Some(&committee));
    let found = handbook.item("sh-bien-ban").unwrap();
    assert_eq!(found.origin, Origin::Committee);
    assert_eq!(found.item.title, "Lịch sinh hoạt của xã");
    assert_eq!(handbook.hidden_builtin_items(), ["sh-bien-ban".to_string()]);
    // The built-in section that held it is kept with its other items.
    let guidance = handbook.section("huong-dan-sinh-hoat").unwrap();
    assert!(guidance.items.iter().all(|item| item.id != "sh-bien-ban"));
    assert!(!guidance.items.is_empty());
}

#[test]
fn an_invalid_committee_pack_leaves_the_current_handbook() {
    let base = builtin::pack();
    let current = Handbook::resolve(&base, None);
    let result = Handbook::with_committee_json(&base, fixture!("missing-source.json"));
    let error = result.unwrap_err();
    assert!(error.to_string().contains("thiếu nguồn văn bản"));
    // Nothing happened to the handbook the app holds.
    assert!(current.item("qd37-dieu-1").is_some());
    let ok = Handbook::with_committee_json(&base, VALID).unwrap();
    assert!(ok.committee_info().is_some());
}

#[test]
fn html_in_a_committee_body_is_only_text() {
    let committee = Pack::from_json(VALID).unwrap();
    let (_, item) = committee.item("xa-html").unwrap();
    assert_eq!(
        item.blocks(),
        vec![
            Block::Paragraph(vec![Inline::Text(
                "<script>alert('x')</script>".to_string()
            )]),
            Block::Paragraph(vec![Inline::Text(
                "<img src=x onerror=alert(1)>".to_string()
            )]),
        ]
    );
    assert_eq!(
        item.plain_text(),
        "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>"
    );
}

#[test]
fn the_example_pack_in_the_docs_is_valid() {
    let doc = include_str!("../../docs/content-pack.md");
    let start = doc
        .find("<!-- example-pack -->")
        .expect("docs/content-pack.md marks its example");
    let block = &doc[start..];
    let json_start = block.find("```json\n").unwrap() + "```json\n".len();
    let json_end = block[json_start..].find("\n```").unwrap();
    let json = &block[json_start..json_start + json_end];
    let pack = Pack::from_json(json).unwrap_or_else(|error| panic!("{error}"));
    let handbook = Handbook::resolve(&builtin::pack(), Some(&pack));
    assert!(handbook.committee_info().is_some());
}

/// Format 2: every item may carry its check record and numbers; they read back, and a pack
/// of format 1 (no records) still loads, its items shown as not yet compared.
#[test]
fn check_records_and_numbers_read_back_and_older_packs_still_load() {
    use sotay_domain::handbook::{CheckOutcome, CheckState, SourceOrder};
    let pack = Pack::from_json(fixture!("valid-committee-pack-v2.json")).unwrap();
    assert_eq!(pack.format_version, 2);
    let (_, official) = pack.item("xa-dieu-1").unwrap();
    let check = official.source.check.as_ref().unwrap();
    assert_eq!(check.outcome, CheckOutcome::WordForWord);
    assert_eq!(check.checked_on.to_string(), "2026-11-20");
    assert_eq!(
        sotay_domain::text::handbook::check_line(check),
        "Đối chiếu ngày 20/11/2026 với: Văn bản thử nghiệm số 1 của Đảng ủy xã Thử Nghiệm, ngày 15/01/2026, bản in lưu tại văn phòng đảng ủy."
    );
    let (_, summary) = pack.item("xa-lich").unwrap();
    let numbers = summary.numbers.as_ref().unwrap();
    assert_eq!(
        sotay_domain::text::handbook::numbers_line(numbers),
        "Số trong văn bản: mục 2 · Số thứ tự do ứng dụng đặt để tra cứu (không phải số của văn bản): 2/3"
    );
    assert_eq!(Pack::from_json(&pack.to_json_pretty()).unwrap(), pack);

    let older = Pack::from_json(VALID).unwrap();
    assert_eq!(older.format_version, 1);
    assert!(older.items().all(|(_, item)| item.source.check_state() == CheckState::NotChecked));
    assert_eq!(sotay_domain::text::handbook::check_label(CheckState::NotChecked), "Chưa đối chiếu");
    // Written back, it stays a format-1 pack and reads again.
    assert_eq!(Pack::from_json(&older.to_json_pretty()).unwrap(), older);

    // The sources list: counts per state, least certain first.
    let handbook = Handbook::resolve(&pack, None);
    let counts = handbook.check_counts(None);
    assert_eq!((counts.word_for_word, counts.faithful_summary, counts.not_checked), (1, 1, 1));
    let ordered: Vec<&str> = handbook.sources(SourceOrder::ByCheck).iter().map(|found| found.item.id.as_str()).collect();
    assert_eq!(ordered, ["xa-html", "xa-lich", "xa-dieu-1"]);
}

/// Every built-in item carries the record of its check (issue 29: checked on 2026-12-05
/// against public sources), and only a word-for-word check lets wording be official.
#[test]
fn every_builtin_item_has_a_check_record() {
    use sotay_domain::handbook::{CheckOutcome, CheckState};
    let pack = builtin::pack();
    assert_eq!(pack.format_version, 2);
    assert_eq!(pack.version, "3");
    let mut counts = [0usize; 3];
    for (_, item) in pack.items() {
        let check = item.source.check.as_ref().unwrap_or_else(|| panic!("{}: no check record", item.id));
        assert_eq!(check.checked_on.to_string(), "2026-12-05", "{}", item.id);
        assert!(!check.compared_with.trim().is_empty(), "{}", item.id);
        assert_eq!(item.source.status == Status::Official, check.outcome == CheckOutcome::WordForWord, "{}", item.id);
        counts[CheckOutcome::ALL.iter().position(|o| *o == check.outcome).unwrap()] += 1;
        assert_ne!(item.source.check_state(), CheckState::NotChecked);
    }
    // The counts of the note of issue 29: 23 word for word, 45 faithful, 24 not confirmed.
    assert_eq!(counts, [23, 45, 24]);
}

/// The six corrections of issue 29, each pinned to the words the sources give.
#[test]
fn the_corrected_items_read_as_the_sources_say() {
    let pack = builtin::pack();
    let body = |id: &str| pack.item(id).unwrap().1.body.clone();
    // QĐ 37 Điều 1: "quy chế" in its place, the sentence alone (tuyengiaokontum.org.vn).
    assert_eq!(
        body("qd37-dieu-1"),
        "> Nói, viết, làm trái hoặc không thực hiện Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị, kết luận, quy định, quy chế, quyết định của Đảng; làm những việc mà pháp luật không cho phép"
    );
    // QĐ 37 Điều 2: nominating others is banned too (noichinh.vn, 13/02/2022).
    assert!(body("qd37-dieu-2-19").contains("tự ứng cử, nhận đề cử và đề cử các chức danh của tổ chức nhà nước"));
    // NQ 04 group 1 (1): "thiếu tin tưởng", not "không còn tin" (danviet.vn, 22/6/2023).
    assert!(body("nq04-nhom-1-bh-1").contains("hoài nghi, thiếu tin tưởng vào chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh"));
    assert!(!body("nq04-nhom-1-bh-1").contains("không còn tin"));
    // NQ 04 group 2: the "bệnh thành tích" manifestation (qdnd.vn, 26/4/2017).
    let (_, achievement) = pack.item("nq04-nhom-2-bh-4").unwrap();
    assert!(achievement.title.contains("bệnh thành tích"), "{}", achievement.title);
    assert!(achievement.body.contains("chạy khen thưởng"));
    assert!(!achievement.body.contains("khoe khoang"));
    // Xóa tên: under QĐ 294-QĐ/TW, which replaced the rules the pack cited.
    let (_, removal) = pack.item("dv-xoa-ten").unwrap();
    assert!(removal.source.document.contains("294-QĐ/TW"), "{}", removal.source.document);
    assert!(!removal.source.document.contains("29-QĐ/TW năm 2016"));
    // 120 minutes for a combined meeting is HD 42's rule (luatvietnam.vn), not HD 12's.
    let length = body("sh-loai-thoi-luong");
    assert!(length.contains("120"));
    assert!(!length.contains("giữ nguyên"), "{length}");
    let (_, length_item) = pack.item("sh-loai-thoi-luong").unwrap();
    assert!(length_item.source.document.contains("42-HD/BTCTW"));
}

/// The items printed handbooks carry that version 3 adds, found without diacritics.
#[test]
fn the_new_items_are_found_by_search_without_diacritics() {
    let handbook = Handbook::builtin();
    for (query, id) in [
        ("dang phi", "dang-phi-qd01"),
        ("quy dinh 01", "dang-phi-qd01"),
        ("mien sinh hoat dang", "mien-cong-tac-sinh-hoat-dang"),
        ("chuan muc dao duc", "chuan-muc-dao-duc-qd144"),
        ("qd 144", "chuan-muc-dao-duc-qd144"),
        ("noi cu tru", "dang-vien-noi-cu-tru-qd213"),
        ("quy dinh 213", "dang-vien-noi-cu-tru-qd213"),
    ] {
        let hits = handbook.search(query, 5);
        assert!(hits.iter().any(|hit| hit.item_id.as_deref() == Some(id)), "{query}: {:?}", hits.iter().map(|h| &h.item_id).collect::<Vec<_>>());
    }
}
