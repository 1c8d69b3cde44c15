//! Vietnamese strings of the handbook ([`crate::handbook`]): statuses, provenance lines,
//! pack validation errors.

use super::{date, quoted};
use crate::handbook::pack::{Check, CheckOutcome, CheckState, Numbers, OLDEST_FORMAT_VERSION};
use crate::handbook::{
    Count, Field, Origin, PackError, PackInfo, PackLoadError, Place, Source, SourceDate,
    Status, SyntaxProblem, FORMAT_VERSION,
};

/// At most this many problems are listed in one message.
const MAX_LISTED_ERRORS: usize = 20;

/// Label of a wording status (whether it was compared is the check's label).
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Official => "Nguyên văn của văn bản",
        Status::Summary => "Tóm tắt, không phải nguyên văn",
        Status::Unverified => "Chưa xác minh được với văn bản gốc, chỉ để tham khảo",
    }
}

/// Label of an item's check state.
pub fn check_label(state: CheckState) -> &'static str {
    match state {
        CheckState::Checked(CheckOutcome::WordForWord) => "Đã đối chiếu: đúng từng chữ",
        CheckState::Checked(CheckOutcome::FaithfulSummary) => "Đã đối chiếu: tóm tắt đúng ý",
        CheckState::Checked(CheckOutcome::NotConfirmed) => "Chưa xác nhận được với nguồn",
        CheckState::NotChecked => "Chưa đối chiếu",
    }
}

/// "Đối chiếu ngày 05/12/2026 với: Nghị quyết … (https://…)."
pub fn check_line(check: &Check) -> String {
    let address = check.address.as_deref().map(|address| format!(" ({address})")).unwrap_or_default();
    format!("Đối chiếu ngày {} với: {}{address}.", date(check.checked_on), check.compared_with)
}

/// "Số trong văn bản: nhóm 2, (3) · Số thứ tự của ứng dụng (không phải số của văn
/// bản): 12/27".
pub fn numbers_line(numbers: &Numbers) -> String {
    let document = numbers.document.as_deref().map(|number| format!("Số trong văn bản: {number}"));
    let app = numbers.app.as_deref().map(|number| format!("Số thứ tự do ứng dụng đặt để tra cứu (không phải số của văn bản): {number}"));
    document.into_iter().chain(app).collect::<Vec<_>>().join(" · ")
}

/// "31/10/1963", "10/2016", "1966".
pub fn source_date(value: SourceDate) -> String {
    match (value.month, value.day) {
        (Some(month), Some(day)) => format!("{day:02}/{month:02}/{}", value.year),
        (Some(month), None) => format!("{month:02}/{}", value.year),
        _ => value.year.to_string(),
    }
}

/// "Nguồn: Bài …, báo Nhân Dân số 3503, ngày 31/10/1963."
pub fn source_line(source: &Source) -> String {
    let when = match source.date {
        Some(value @ SourceDate { day: Some(_), .. }) => {
            format!(", ngày {}", source_date(value))
        }
        Some(value @ SourceDate { month: Some(_), .. }) => {
            format!(", tháng {}", source_date(value))
        }
        Some(value) => format!(", năm {}", source_date(value)),
        None => String::new(),
    };
    format!("Nguồn: {}{when}.", source.document)
}

/// "Sổ tay chi bộ — Ban Tuyên giáo…; phiên bản 2, phát hành ngày 01/03/2026."
pub fn pack_line(info: &PackInfo) -> String {
    format!(
        "{} — {}; phiên bản {}, phát hành ngày {}.",
        info.name,
        info.issuer,
        info.version,
        date(info.published)
    )
}

/// Where a section comes from.
pub fn origin_label(origin: Origin) -> &'static str {
    match origin {
        Origin::Builtin => "Nội dung có sẵn của ứng dụng",
        Origin::Committee => "Nội dung từ gói của cấp ủy",
    }
}

/// Shown beside a bookmark or note whose item is no longer in the handbook.
pub fn item_missing() -> &'static str {
    "Mục này không còn trong sổ tay (nội dung sổ tay đã được cập nhật). Ghi chú của đồng chí vẫn được giữ lại."
}

/// The reminder shown with rules taken from documents.
pub fn review_reminder() -> &'static str {
    "Đối chiếu với hướng dẫn của cấp ủy cấp trên; có thể đã có văn bản mới hơn."
}

/// Label of a field in messages.
pub fn field_label(field: Field) -> &'static str {
    match field {
        Field::Id => "mã (id)",
        Field::Name => "tên gói",
        Field::Issuer => "cơ quan ban hành",
        Field::Version => "phiên bản",
        Field::Published => "ngày phát hành",
        Field::Note => "ghi chú",
        Field::Sections => "danh sách phần",
        Field::Kind => "loại phần",
        Field::Title => "tiêu đề",
        Field::Items => "danh sách mục",
        Field::Body => "nội dung",
        Field::Source => "nguồn văn bản",
        Field::SourceDocument => "tên văn bản nguồn",
        Field::SourceDate => "ngày của văn bản nguồn",
        Field::SourceStatus => "trạng thái lời văn (nguyên văn hay tóm tắt)",
        Field::Keywords => "từ khóa tra cứu",
        Field::Numbers => "số thứ tự",
        Field::SourceCheck => "ghi chép đối chiếu",
        Field::CheckOutcome => "kết quả đối chiếu",
        Field::CheckedOn => "ngày đối chiếu",
        Field::ComparedWith => "văn bản, nguồn đã đối chiếu",
        Field::CheckAddress => "địa chỉ trang nguồn",
    }
}

/// "Gói nội dung", "Phần «…» (id …)", "Mục «…» (id …)".
pub fn place(place: &Place) -> String {
    match place {
        Place::Pack => "Gói nội dung".to_string(),
        Place::Section {
            position,
            id,
            title,
        } => named("Phần", &format!("Phần thứ {position}"), id, title),
        Place::Item {
            section_title,
            position,
            id,
            title,
            ..
        } => {
            let fallback = if section_title.is_empty() {
                format!("Mục thứ {position}")
            } else {
                format!("Mục thứ {position} của phần {}", quoted(section_title))
            };
            named("Mục", &fallback, id, title)
        }
    }
}

fn named(noun: &str, fallback: &str, id: &str, title: &str) -> String {
    let head = if title.is_empty() {
        fallback.to_string()
    } else {
        format!("{noun} {}", quoted(title))
    };
    if id.is_empty() {
        head
    } else {
        format!("{head} (id {id})")
    }
}

/// "50.000" (Vietnamese thousands separator).
fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// The Vietnamese message of a pack error, naming the place.
pub fn pack_error(error: &PackError) -> String {
    match error {
        PackError::TooLarge { bytes, max } => format!(
            "Tệp quá lớn ({} KB); gói nội dung chỉ được tối đa {} KB.",
            thousands(bytes.div_ceil(1000)),
            thousands(max / 1000)
        ),
        PackError::MissingFormatVersion => "Gói nội dung: thiếu số phiên bản định dạng (trường \"format_version\"). Có thể tệp này không phải gói nội dung sổ tay.".to_string(),
        PackError::UnsupportedFormatVersion { found } if found.is_empty() => format!(
            "Gói nội dung ghi phiên bản định dạng không hợp lệ (trường \"format_version\"); ứng dụng đọc được phiên bản {OLDEST_FORMAT_VERSION} đến {FORMAT_VERSION}."
        ),
        PackError::UnsupportedFormatVersion { found } => format!(
            "Gói nội dung ghi phiên bản định dạng {found}; ứng dụng đọc được phiên bản {OLDEST_FORMAT_VERSION} đến {FORMAT_VERSION}."
        ),
        PackError::NewerFormatVersion { found } => format!(
            "Gói nội dung này được soạn cho phiên bản ứng dụng mới hơn (định dạng phiên bản {found}; ứng dụng này đọc được phiên bản {FORMAT_VERSION}). Xin cập nhật ứng dụng rồi nạp lại gói."
        ),
        PackError::Missing { place: at, field } => format!(
            "{}: thiếu {} (trường \"{}\").",
            place(at),
            field_label(*field),
            field.key()
        ),
        PackError::InvalidDate {
            place: at,
            field,
            value,
        } => {
            let form = if *field == Field::Published {
                "cần ghi theo dạng năm-tháng-ngày, ví dụ 2026-03-01"
            } else {
                "cần ghi theo dạng năm-tháng-ngày (1963-10-31), năm-tháng (2016-10) hoặc chỉ năm (1966)"
            };
            format!(
                "{}: {} {} không hợp lệ; {form}.",
                place(at),
                field_label(*field),
                quoted(value)
            )
        }
        PackError::UnknownStatus { place: at, value } => format!(
            "{}: trạng thái lời văn {} không hợp lệ; chỉ dùng \"official\" (nguyên văn), \"summary\" (tóm tắt) hoặc \"unverified\" (câu trích dẫn chưa xác minh nguồn gốc).",
            place(at),
            quoted(value)
        ),
        PackError::UnknownSectionKind { place: at, value } => format!(
            "{}: loại phần {} không hợp lệ; chỉ dùng \"text\" (phần có nội dung) hoặc \"scoring_frameworks\" (phần khung tiêu chí chấm điểm).",
            place(at),
            quoted(value)
        ),
        PackError::InvalidId { place: at, id } => format!(
            "{}: mã (id) {} không hợp lệ; mã chỉ gồm chữ cái không dấu, chữ số và các dấu - _ . (tối đa {} ký tự).",
            place(at),
            quoted(id),
            crate::handbook::limits::MAX_ID_CHARS
        ),
        PackError::DuplicateSectionId { place: at, id } => format!(
            "{}: mã (id) {} đã dùng cho một phần khác trong gói; mỗi phần cần một mã riêng.",
            place(at),
            quoted(id)
        ),
        PackError::DuplicateItemId {
            place: at,
            id,
            first_section_title,
        } => format!(
            "{}: mã (id) {} đã dùng cho một mục khác (trong phần {}); mỗi mục cần một mã riêng.",
            place(at),
            quoted(id),
            quoted(first_section_title)
        ),
        PackError::NoSections => {
            "Gói nội dung không có phần nào (trường \"sections\").".to_string()
        }
        PackError::EmptySection { place: at } => {
            format!("{}: chưa có mục nào (trường \"items\").", place(at))
        }
        PackError::ItemsInFrameworkSection { place: at } => format!(
            "{}: phần khung tiêu chí được ứng dụng hiển thị từ dữ liệu khung điểm, nên không có mục nội dung riêng (xin bỏ trường \"items\").",
            place(at)
        ),
        PackError::SeveralFrameworkSections { place: at } => format!(
            "{}: gói chỉ được có một phần khung tiêu chí (loại \"scoring_frameworks\").",
            place(at)
        ),
        PackError::TooMany {
            place: at,
            what,
            count,
            max,
        } => match what {
            Count::Sections => format!(
                "Gói nội dung có {} phần, vượt giới hạn {} phần.",
                thousands(*count),
                thousands(*max)
            ),
            Count::Items => format!(
                "Gói nội dung có {} mục, vượt giới hạn {} mục.",
                thousands(*count),
                thousands(*max)
            ),
            Count::ItemsInSection => format!(
                "{}: có {} mục, vượt giới hạn {} mục trong một phần.",
                place(at),
                thousands(*count),
                thousands(*max)
            ),
            Count::Keywords => format!(
                "{}: có {} từ khóa tra cứu, vượt giới hạn {} từ khóa.",
                place(at),
                thousands(*count),
                thousands(*max)
            ),
        },
        PackError::TooLong {
            place: at,
            field,
            length,
            max,
        } => format!(
            "{}: {} dài {} ký tự, vượt giới hạn {} ký tự.",
            place(at),
            field_label(*field),
            thousands(*length),
            thousands(*max)
        ),
        PackError::UnknownCheckOutcome { place: at, value } => format!(
            "{}: kết quả đối chiếu {} không hợp lệ; chỉ dùng \"word_for_word\" (đúng từng chữ), \"faithful_summary\" (tóm tắt đúng ý) hoặc \"not_confirmed\" (chưa xác nhận được).",
            place(at),
            quoted(value)
        ),
        PackError::OfficialWithoutWordForWordCheck { place: at } => format!(
            "{}: mục ghi là nguyên văn (\"official\") phải có ghi chép đối chiếu đúng từng chữ với văn bản (\"check\" với kết quả \"word_for_word\"). Nếu chưa đối chiếu được từng chữ, xin ghi là tóm tắt (\"summary\").",
            place(at)
        ),
        PackError::InvalidAddress { place: at, value } => format!(
            "{}: địa chỉ trang nguồn {} không hợp lệ; cần một địa chỉ web bắt đầu bằng https:// (hoặc để trống nếu là tài liệu in).",
            place(at),
            quoted(value)
        ),
    }
}

/// The Vietnamese message of a pack load error (all problems, one per line).
pub fn pack_load_error(error: &PackLoadError) -> String {
    match error {
        PackLoadError::Syntax {
            line,
            column,
            problem,
            detail,
        } => match problem {
            SyntaxProblem::NotJson => format!(
                "Tệp không đúng định dạng JSON (dòng {line}, cột {column}); có thể tệp bị hỏng hoặc chép thiếu. Chi tiết kỹ thuật: {detail}"
            ),
            SyntaxProblem::UnknownField(name) => format!(
                "Tệp có trường {} không có trong định dạng gói nội dung (dòng {line}, cột {column}); xin kiểm tra lỗi chính tả tên trường.",
                quoted(name)
            ),
            SyntaxProblem::WrongType => format!(
                "Tệp có giá trị sai kiểu dữ liệu (dòng {line}, cột {column}), ví dụ chữ ở chỗ cần một danh sách. Chi tiết kỹ thuật: {detail}"
            ),
        },
        PackLoadError::Invalid(errors) => match errors.as_slice() {
            [single] => format!("Không nạp được gói nội dung. {}", pack_error(single)),
            _ => {
                let mut message =
                    format!("Gói nội dung có {} lỗi cần sửa:", thousands(errors.len()));
                for error in errors.iter().take(MAX_LISTED_ERRORS) {
                    message.push_str("\n- ");
                    message.push_str(&pack_error(error));
                }
                if errors.len() > MAX_LISTED_ERRORS {
                    message.push_str(&format!(
                        "\n- … và {} lỗi khác.",
                        thousands(errors.len() - MAX_LISTED_ERRORS)
                    ));
                }
                message
            }
        },
    }
}

impl crate::handbook::Source {
    /// "Nguồn: …, ngày 31/10/1963."
    pub fn line(&self) -> String {
        crate::text::handbook::source_line(self)
    }
}

impl crate::handbook::Status {
    /// Vietnamese label, e.g. "Tóm tắt, không phải nguyên văn".
    pub fn label(self) -> &'static str {
        crate::text::handbook::status_label(self)
    }
}

impl crate::handbook::SourceDate {
    /// Vietnamese form: "31/10/1963", "10/2016", "1966".
    pub fn display(self) -> String {
        crate::text::handbook::source_date(self)
    }
}

impl crate::handbook::PackInfo {
    /// One line: "Tên gói — Cơ quan ban hành, phiên bản 2, phát hành ngày 01/03/2026".
    pub fn line(&self) -> String {
        crate::text::handbook::pack_line(self)
    }
}

impl crate::handbook::Origin {
    /// Vietnamese label ("Nội dung có sẵn của ứng dụng", "Nội dung do cấp ủy ban hành").
    pub fn label(self) -> &'static str {
        crate::text::handbook::origin_label(self)
    }
}

impl std::fmt::Display for crate::handbook::PackLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::handbook::pack_load_error(self))
    }
}

impl std::fmt::Display for crate::handbook::PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::handbook::pack_error(self))
    }
}
