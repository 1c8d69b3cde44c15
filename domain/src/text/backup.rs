//! Vietnamese strings of backups, imports, previews, migrations and the stored data
//! ([`crate::backup`]).

mod dues;

use chrono::NaiveDate;

use super::{date, number, quoted};
use crate::backup::import::MAX_LISTED_PROBLEMS;
use crate::backup::import::{
    date_range, FrameworkUse, ImportError, ImportProblem, Issue, PersonRole, Place,
};
use crate::backup::merge::{Conflict, ImportPreview, KindPreview, RecordLabel, RecordRef, Side};
use crate::backup::migrate::MigrationError;
use crate::backup::storage::{KeyKind, KeyProblem, KeyReport, StoredIssue, SCHEMA_VERSION};
use crate::backup::{Backup, Expected, FieldIssue, RecordKind, Scope, FORMAT};
use crate::checks::MeetingProblem;
use crate::handbook::SyntaxProblem;

/// At most this many problems are listed in one message (the app can list all of them
/// with `ImportError::lines`).
const MAX_LISTED: usize = 20;
/// At most this many records are named in one preview line.
const MAX_NAMED: usize = 5;

pub use super::format::{moment, size};

/// The text with its first letter in lower or upper case. Only ASCII letters and
/// Đ/đ change, which covers every label this module builds ("Đảng viên", "buổi sinh
/// hoạt"…); `char::to_uppercase` would add Unicode's case tables (≈ 13 KB) to the wasm.
fn first_letter(text: &str, upper: bool) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let first = match (first, upper) {
        ('đ', true) => 'Đ',
        ('Đ', false) => 'đ',
        (c, true) => c.to_ascii_uppercase(),
        (c, false) => c.to_ascii_lowercase(),
    };
    std::iter::once(first).chain(chars).collect()
}

fn lowercase_first(text: &str) -> String {
    first_letter(text, false)
}

/// A name from the file, shortened for a message.
fn short(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

// -- the whole file -----------------------------------------------------------------

/// The line after the listed problems of a long list: "và 12.345 lỗi khác.", or "và
/// ít nhất 12.345 lỗi khác." when records past the list were only counted.
pub fn more_problems(unlisted: usize, at_least: bool) -> String {
    let at_least = if at_least { "ít nhất " } else { "" };
    format!("và {at_least}{} lỗi khác.", number(unlisted))
}

/// The message of an import error.
pub fn import_error(error: &ImportError) -> String {
    match error {
        ImportError::TooLarge { bytes, max } => format!(
            "Tệp quá lớn ({}); tệp sao lưu chỉ được tối đa {}. Có thể đã chọn nhầm tệp.",
            size(*bytes),
            size(*max)
        ),
        ImportError::Empty => "Tệp trống, không có dữ liệu nào.".to_owned(),
        ImportError::Utf16 => "Tệp được lưu ở mã UTF-16, không phải UTF-8 như tệp sao lưu của ứng dụng; có thể tệp đã được mở rồi lưu lại bằng một trình soạn thảo. Xin dùng tệp gốc xuất từ ứng dụng.".to_owned(),
        ImportError::NotUtf8 { offset } => format!(
            "Tệp không phải văn bản UTF-8 (byte thứ {} không đọc được); có thể đây không phải tệp sao lưu của Sổ tay chi bộ, hoặc tệp đã bị hỏng.",
            offset.saturating_add(1)
        ),
        ImportError::NotJson { line, column, truncated: true, .. } => format!(
            "Tệp bị cắt cụt: nội dung kết thúc giữa chừng (dòng {line}, cột {column}); có thể tệp chưa tải về hoặc chưa gửi hết. Xin lấy lại tệp gốc."
        ),
        ImportError::NotJson { line, column, detail, .. } => format!(
            "Tệp không đúng định dạng JSON (dòng {line}, cột {column}); có thể tệp bị hỏng hoặc đã bị sửa tay. Chi tiết kỹ thuật: {detail}"
        ),
        ImportError::NotAnObject => format!(
            "Tệp là JSON nhưng không phải tệp sao lưu của Sổ tay chi bộ (cần một đối tượng có trường «format» là «{FORMAT}»)."
        ),
        ImportError::FrameworkFile => "Đây là tệp khung điểm, không phải tệp sao lưu. Xin nạp tệp này ở phần nạp khung điểm của cấp ủy.".to_owned(),
        ImportError::ContentPackFile => "Đây là tệp gói nội dung sổ tay, không phải tệp sao lưu. Xin nạp tệp này ở phần Sổ tay.".to_owned(),
        ImportError::RawDumpFile => "Đây là tệp dữ liệu thô (xuất khi dữ liệu trên máy bị lỗi), không phải tệp sao lưu, nên không nhập trực tiếp được. Tệp vẫn giữ nguyên mọi bản ghi để khôi phục thủ công.".to_owned(),
        ImportError::NotABackup => "Tệp không phải tệp sao lưu của Sổ tay chi bộ (không có trường «format»).".to_owned(),
        ImportError::WrongFormat { found } => format!(
            "Tệp có định dạng {}, không phải tệp sao lưu của Sổ tay chi bộ (định dạng «{FORMAT}»).",
            quoted(found)
        ),
        ImportError::MissingFormatVersion => "Tệp sao lưu thiếu số phiên bản định dạng (trường «format_version»).".to_owned(),
        ImportError::InvalidFormatVersion { found } => format!(
            "Tệp sao lưu ghi phiên bản định dạng {}; phiên bản phải là một số nguyên từ 1 trở lên.",
            quoted(found)
        ),
        ImportError::NewerFormatVersion { found, supported } => format!(
            "Tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng sao lưu phiên bản {found}; ứng dụng này đọc được đến phiên bản {supported}). Xin cập nhật ứng dụng rồi nhập lại tệp; dữ liệu trên máy chưa bị thay đổi."
        ),
        ImportError::Migration(error) => migration_error(error),
        ImportError::Invalid(problems) => match &problems[..] {
            [single] if problems.unlisted() == 0 => format!("Không nhập được tệp; dữ liệu trên máy chưa bị thay đổi. {}", problem(single)),
            _ => {
                let mut message =
                    format!("Tệp có {}{} lỗi cần sửa; chưa nhập gì vào máy:", if problems.at_least() { "ít nhất " } else { "" }, number(problems.total()));
                for item in problems.iter().take(MAX_LISTED) {
                    message.push_str("\n- ");
                    message.push_str(&problem(item));
                }
                if problems.total() > MAX_LISTED {
                    message.push_str(&format!("\n- … và {} lỗi khác.", number(problems.total() - MAX_LISTED)));
                }
                message
            }
        },
    }
}

/// The message of a migration error.
pub fn migration_error(error: &MigrationError) -> String {
    match error {
        MigrationError::NewerThanApp { found, supported } => format!(
            "Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}; ứng dụng này đọc được đến phiên bản {supported}). Xin cập nhật ứng dụng; dữ liệu chưa bị thay đổi."
        ),
        MigrationError::Unknown { found } => {
            format!("Phiên bản dữ liệu {found} không tồn tại; có thể dữ liệu đã bị hỏng.")
        }
        MigrationError::Step { from, message } => {
            format!("Không chuyển đổi được dữ liệu từ phiên bản {from}: {message}")
        }
    }
}

// -- places and problems ------------------------------------------------------------

fn with_id(head: String, id: &str) -> String {
    if id.is_empty() {
        head
    } else {
        format!("{head} (mã {})", quoted(&short(id)))
    }
}

/// "Buổi sinh hoạt ngày 03/05/2026", "Đảng viên «Nguyễn Văn An»", "Thông tin chi bộ"…
pub fn place(place: &Place) -> String {
    match place {
        Place::File => "Tệp sao lưu".to_owned(),
        Place::ChiBo => "Thông tin chi bộ".to_owned(),
        Place::Member {
            position,
            id,
            name,
            show_id,
        } => {
            if name.is_empty() {
                with_id(format!("Đảng viên thứ {position}"), id)
            } else if *show_id {
                with_id(format!("Đảng viên {}", quoted(&short(name))), id)
            } else {
                format!("Đảng viên {}", quoted(&short(name)))
            }
        }
        Place::Meeting {
            position,
            id,
            date: meeting_date,
            show_id,
        } => match meeting_date {
            Some(day) if *show_id => with_id(format!("Buổi sinh hoạt ngày {}", date(*day)), id),
            Some(day) => format!("Buổi sinh hoạt ngày {}", date(*day)),
            None => with_id(format!("Buổi sinh hoạt thứ {position}"), id),
        },
        Place::Plan { position, id, date: plan_date, show_id } => match plan_date {
            Some(day) if *show_id => with_id(format!("Kế hoạch chuẩn bị buổi sinh hoạt ngày {}", date(*day)), id),
            Some(day) => format!("Kế hoạch chuẩn bị buổi sinh hoạt ngày {}", date(*day)),
            None => with_id(format!("Kế hoạch chuẩn bị thứ {position}"), id),
        },
        Place::Mark { position, item_id } => {
            if item_id.is_empty() {
                format!("Ghi chú sổ tay thứ {position}")
            } else {
                format!("Ghi chú sổ tay cho mục {}", quoted(&short(item_id)))
            }
        }
        Place::Framework { position, id, name } => {
            if name.is_empty() {
                with_id(format!("Khung điểm thứ {position}"), id)
            } else {
                with_id(format!("Khung điểm {}", quoted(&short(name))), id)
            }
        }
        Place::Review { position, id, year } => match year {
            Some(year) => format!("Kiểm điểm cuối năm {year}"),
            None => with_id(format!("Bản kiểm điểm cuối năm thứ {position}"), id),
        },
        Place::Template { position, id, name } => {
            if name.is_empty() {
                with_id(format!("Mẫu báo cáo kiểm điểm thứ {position}"), id)
            } else {
                with_id(format!("Mẫu báo cáo kiểm điểm {}", quoted(&short(name))), id)
            }
        }
        Place::CommitteePack => "Gói nội dung của cấp ủy".to_owned(),
        Place::DuesRules | Place::DuesProfile { .. } | Place::DuesPayment { .. } => {
            dues::place(place).unwrap_or_default()
        }
        Place::Deletion { position, kind, id } => {
            let head = format!("Dấu xóa thứ {position}");
            match kind {
                Some(kind) if !id.is_empty() => format!(
                    "{head} ({} {})",
                    noun(kind.record_kind()),
                    quoted(&short(id))
                ),
                _ => head,
            }
        }
    }
}

/// The noun of a record's place ("đảng viên"…).
fn place_noun(place: &Place) -> Option<&'static str> {
    match place {
        Place::Member { .. } => Some("đảng viên"),
        Place::Meeting { .. } => Some("buổi sinh hoạt"),
        Place::Plan { .. } => Some("kế hoạch chuẩn bị"),
        Place::Mark { .. } => Some("ghi chú sổ tay"),
        Place::Framework { .. } => Some("khung điểm"),
        Place::Review { .. } => Some("bản kiểm điểm cuối năm"),
        Place::Template { .. } => Some("mẫu báo cáo kiểm điểm"),
        _ => dues::place_noun(place),
    }
}

/// "<place>: <message>".
pub fn problem(problem: &ImportProblem) -> String {
    let here = place(&problem.place);
    if let Issue::DuplicateId { id, first } = &problem.issue {
        // Two records with the same id often have the same name or date too: then
        // the first one is named by its position ("buổi sinh hoạt thứ 2").
        let there = place(first);
        if there == here {
            if let (Some(position), Some(noun)) = (first.position(), place_noun(first)) {
                return format!(
                    "{here}: Trùng mã {} với {noun} thứ {position} ở trước trong tệp.",
                    quoted(&short(id))
                );
            }
        }
    }
    if let (Place::Plan { .. }, Issue::OutsideScopeYear { year }) = (&problem.place, &problem.issue) {
        return format!("{here}: Kế hoạch không thuộc năm {year}, trong khi tệp ghi là dữ liệu năm {year}.");
    }
    format!("{here}: {}", issue(&problem.issue))
}

fn person_role(role: PersonRole) -> &'static str {
    match role {
        PersonRole::Chair => "Người chủ trì",
        PersonRole::Secretary => "Thư ký buổi sinh hoạt",
        PersonRole::Speaker => "Người phát biểu",
        PersonRole::CommitteeAttendee => "Người dự họp chi ủy chuẩn bị",
    }
}

pub(crate) const NOT_FOUND: &str = "không có trong tệp cũng như trên máy này";

/// The message of one issue (a sentence).
pub fn issue(issue: &Issue) -> String {
    let (earliest, latest) = date_range();
    match issue {
        Issue::Field(field) => field_issue(field),
        Issue::BlankField { field } => format!("Trường «{field}» đang để trống."),
        Issue::InvalidId { field, id } => format!(
            "Mã {} (trường «{field}») không hợp lệ: mã phải có từ 1 đến 128 ký tự và không có khoảng trắng.",
            quoted(&short(id))
        ),
        Issue::DuplicateId { id, first } => {
            format!("Trùng mã {} với {} ở trước trong tệp.", quoted(&short(id)), lowercase_first(&place(first)))
        }
        Issue::DateOutOfRange { field, date: day } => format!(
            "Ngày {} (trường «{field}») nằm ngoài khoảng {} – {}; có thể đã gõ nhầm năm.",
            date(*day),
            date(earliest),
            date(latest)
        ),
        Issue::DeletedButPresent => "Tệp vừa có bản ghi này vừa có dấu xóa của nó; một bản ghi chỉ được có một trong hai.".to_owned(),
        Issue::LeftBeforeJoined { joined, left } => format!(
            "Ngày rời chi bộ ({}) trước ngày vào chi bộ ({}).",
            date(*left),
            date(*joined)
        ),
        Issue::ExemptionReversed { position, from, to } => format!(
            "Thời gian miễn sinh hoạt thứ {position}: ngày kết thúc ({}) trước ngày bắt đầu ({}).",
            date(*to),
            date(*from)
        ),
        Issue::MeetingDayOutOfRange { day } => {
            format!("Ngày sinh hoạt thường kỳ hằng tháng ghi là {day}; phải từ 1 đến 31.")
        }
        Issue::Meeting { problem, member_name } => match problem {
            MeetingProblem::EndNotAfterStart => super::END_NOT_AFTER_START.to_owned(),
            MeetingProblem::DateInFuture => super::DATE_IN_FUTURE.to_owned(),
            MeetingProblem::MarkedTwice { .. } => super::marked_twice(member_name),
            MeetingProblem::UnknownMember { member_id } => format!(
                "Điểm danh có mã đảng viên {} {NOT_FOUND}.",
                quoted(&short(member_id))
            ),
        },
        Issue::UnknownPerson { role, member_id } => format!(
            "{} có mã đảng viên {} {NOT_FOUND}.",
            person_role(*role),
            quoted(&short(member_id))
        ),
        Issue::UnknownFramework { used_by, framework_id } => {
            let id = quoted(&short(framework_id));
            match used_by {
                FrameworkUse::ChiBo => format!(
                    "Khung điểm chi bộ dùng ({id}) không phải khung điểm có sẵn của ứng dụng, và {NOT_FOUND}."
                ),
                FrameworkUse::OwnSheet => format!(
                    "Phiếu tự chấm điểm dùng khung điểm {id}: không phải khung điểm có sẵn của ứng dụng, và {NOT_FOUND}."
                ),
                FrameworkUse::SuperiorSheet => format!(
                    "Phiếu chấm của cấp ủy cấp trên dùng khung điểm {id}: không phải khung điểm có sẵn của ứng dụng, và {NOT_FOUND}."
                ),
            }
        }
        Issue::UnknownPlan { plan_id } => format!(
            "Buổi sinh hoạt ghi được lập từ kế hoạch chuẩn bị có mã {} {NOT_FOUND}.",
            quoted(&short(plan_id))
        ),
        Issue::PlanMonthOutOfRange { month } => format!(
            "Tháng {}/{} nằm ngoài khoảng {}–{}.",
            month.month,
            month.year,
            chrono::Datelike::year(&earliest),
            chrono::Datelike::year(&latest)
        ),
        Issue::OutsideScopeYear { year } => {
            format!("Buổi sinh hoạt không thuộc năm {year}, trong khi tệp ghi là dữ liệu năm {year}.")
        }
        Issue::BuiltinFrameworkId { id } => format!(
            "Mã {} trùng với một khung điểm có sẵn của ứng dụng; khung điểm của cấp ủy phải có mã riêng.",
            quoted(&short(id))
        ),
        Issue::Framework(error) => error.to_string(),
        Issue::BuiltinTemplateId { id } => format!(
            "Mã {} trùng với mẫu báo cáo có sẵn của ứng dụng; mẫu của cấp ủy phải có mã riêng.",
            quoted(&short(id))
        ),
        Issue::Template(error) => error.to_string(),
        Issue::ReviewIdNotOfYear { expected } => format!(
            "Mã của bản kiểm điểm phải là {} theo năm của nó.",
            quoted(expected)
        ),
        Issue::ReviewYearOutOfRange { year } => format!(
            "Năm {year} nằm ngoài khoảng {}–{}.",
            chrono::Datelike::year(&earliest),
            chrono::Datelike::year(&latest)
        ),
        Issue::PackShape { problem, detail } => pack_shape(problem, detail),
        Issue::Pack(error) => error.to_string(),
        dues_issue => dues::issue(dues_issue).unwrap_or_default(),
    }
}

/// The message of a committee pack whose shape is wrong.
pub fn pack_shape(problem: &SyntaxProblem, detail: &str) -> String {
    match problem {
        SyntaxProblem::UnknownField(name) => format!(
            "Có trường {} không có trong định dạng gói nội dung; xin kiểm tra lỗi chính tả tên trường.",
            quoted(name)
        ),
        SyntaxProblem::WrongType | SyntaxProblem::NotJson => {
            format!("Có giá trị sai kiểu dữ liệu. Chi tiết kỹ thuật: {detail}")
        }
    }
}

/// The message of a problem with a record's fields (a sentence).
pub fn field_issue(issue: &FieldIssue) -> String {
    match issue {
        FieldIssue::NotAnObject { found } => {
            format!(
                "Không phải một đối tượng JSON (trong tệp là {}).",
                quoted(found)
            )
        }
        FieldIssue::Missing { field } => format!("Thiếu trường «{field}»."),
        FieldIssue::Invalid {
            field,
            element,
            expected,
            found,
            detail,
        } => {
            let head = match element {
                Some(position) => format!("Trường «{field}», mục thứ {position}"),
                None => format!("Trường «{field}»"),
            };
            let body = match expected {
                Expected::Date => format!(
                    "cần một ngày dạng năm-tháng-ngày (ví dụ 2026-05-03), trong tệp là {}.",
                    quoted(found)
                ),
                Expected::Time => format!(
                    "cần giờ dạng giờ:phút:giây (ví dụ 19:30:00), trong tệp là {}.",
                    quoted(found)
                ),
                Expected::Timestamp => format!(
                    "cần thời điểm dạng 2026-05-03T19:30:00Z, trong tệp là {}.",
                    quoted(found)
                ),
                Expected::Month => format!(
                    "cần một tháng dạng năm-tháng (ví dụ 2026-03), trong tệp là {}.",
                    quoted(found)
                ),
                Expected::DayOfMonth => {
                    format!(
                        "cần một ngày trong tháng, từ 1 đến 31; trong tệp là {}.",
                        quoted(found)
                    )
                }
                Expected::Other => serde_detail(detail),
            };
            format!("{head}: {body}")
        }
        FieldIssue::Unreadable { detail } => {
            format!("Không đọc được bản ghi. Chi tiết kỹ thuật: {detail}")
        }
    }
}

/// serde's English description of a wrong value, in Vietnamese (ends with a period).
pub(crate) fn serde_detail(detail: &str) -> String {
    let detail = match detail.rfind(" at line ") {
        Some(at) => &detail[..at],
        None => detail,
    };
    let ticked = |text: &str| text.replace('`', "");
    if let Some(rest) = detail.strip_prefix("missing field `") {
        return format!("thiếu trường «{}».", rest.trim_end_matches('`'));
    }
    if let Some(rest) = detail.strip_prefix("duplicate field `") {
        return format!("trường «{}» xuất hiện hai lần.", rest.trim_end_matches('`'));
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (value, allowed) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let allowed = ticked(allowed.trim_start_matches("one of ")).replace(" or ", ", ");
        return format!(
            "giá trị {} không hợp lệ; chỉ nhận: {allowed}.",
            quoted(value)
        );
    }
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!(
            "có trường {} không có trong định dạng (có thể gõ sai tên trường).",
            quoted(name)
        );
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "sai kiểu dữ liệu: cần {}, trong tệp là {}.",
            wanted_vi(wanted),
            found_vi(found)
        );
    }
    if let Some(rest) = detail.strip_prefix("invalid value: ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "giá trị {} không hợp lệ: cần {}.",
            found_vi(found),
            wanted_vi(wanted)
        );
    }
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "số phần tử ({found}) không đúng: cần {}.",
            wanted_vi(wanted)
        );
    }
    // chrono's descriptions of a date or time it cannot read.
    const CHRONO: [&str; 7] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
        "bad or unsupported format string",
    ];
    if CHRONO.contains(&detail) {
        return "có ngày hoặc giờ không hợp lệ (ngày ghi dạng năm-tháng-ngày, ví dụ 2026-05-03; giờ dạng giờ:phút:giây, ví dụ 19:30:00).".to_owned();
    }
    format!("không đọc được. Chi tiết kỹ thuật: {detail}.")
}

fn wanted_vi(wanted: &str) -> String {
    match wanted {
        "a string" => "văn bản".to_owned(),
        "u8" => "một số nguyên từ 0 đến 255".to_owned(),
        "u16" | "u32" | "u64" | "usize" => "một số nguyên không âm".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "một số nguyên".to_owned(),
        "a boolean" => "true hoặc false".to_owned(),
        "a sequence" => "một danh sách".to_owned(),
        "a map" => "một đối tượng".to_owned(),
        "a number" | "a decimal number" => "một số".to_owned(),
        "a formatted date string" => "một ngày dạng năm-tháng-ngày".to_owned(),
        "a formatted date and time string" | "an RFC 3339 formatted date and time string" => {
            "một thời điểm dạng 2026-05-03T19:30:00Z".to_owned()
        }
        "a year from 1930 to 2100" => "một năm từ 1930 đến 2100".to_owned(),
        other
            if other.starts_with("struct ") || other.starts_with("internally tagged enum ") =>
        {
            "một đối tượng".to_owned()
        }
        other => other.replace('`', ""),
    }
}

fn found_vi(found: &str) -> String {
    if let Some(text) = found
        .strip_prefix("string \"")
        .and_then(|rest| rest.strip_suffix('"'))
    {
        return quoted(&short(text));
    }
    if let Some(number) = found
        .strip_prefix("integer `")
        .or_else(|| found.strip_prefix("floating point `"))
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return format!("số {number}");
    }
    match found {
        "boolean `true`" => "true".to_owned(),
        "boolean `false`" => "false".to_owned(),
        "null" | "unit value" => "null (trống)".to_owned(),
        "map" => "một đối tượng".to_owned(),
        "sequence" => "một danh sách".to_owned(),
        other => other.replace('`', ""),
    }
}

// -- the stored data ----------------------------------------------------------------

/// A stored record that is not JSON.
pub fn stored_not_json(line: usize, column: usize) -> String {
    format!("Không phải JSON hợp lệ (dòng {line}, cột {column}); bản ghi có thể đã bị hỏng.")
}

/// The problems of a stored record's fields, in one text.
pub fn stored_field_issues(issues: &[FieldIssue]) -> String {
    let lines: Vec<String> = issues.iter().map(field_issue).collect();
    lines.join(" ")
}

/// Why a stored key could not be read, in one text (as the raw export writes it).
pub fn key_problem(problem: &KeyProblem) -> String {
    match problem {
        KeyProblem::SchemaVersion(found) => unreadable_schema_version(found),
        KeyProblem::NotJson { line, column } => stored_not_json(*line, *column),
        KeyProblem::Record(issues) => {
            let lines: Vec<String> = issues
                .iter()
                .map(|issue| match issue {
                    StoredIssue::Field(field) => field_issue(field),
                    StoredIssue::Framework(error) => error.to_string(),
                    StoredIssue::Template(error) => error.to_string(),
                    StoredIssue::PackShape { problem, detail } => pack_shape(problem, detail),
                    StoredIssue::Pack(error) => error.to_string(),
                    StoredIssue::DuesRules(problem) => problem.to_string(),
                })
                .collect();
            lines.join(" ")
        }
        KeyProblem::IdMismatch { found, key_id } => stored_id_mismatch(found, key_id),
        KeyProblem::Layout(error) => error.to_string(),
    }
}

/// The raw export of the app's storage with every problem in Vietnamese (see
/// [`crate::backup::storage::raw_dump_with`]).
pub fn raw_dump(entries: &[(String, String)], now: crate::model::Timestamp, app_version: &str) -> crate::backup::RawDump {
    crate::backup::storage::raw_dump_with(entries, now, app_version, &key_problem)
}

/// A stored record whose id is not the one in its key.
pub fn stored_id_mismatch(found: &str, key_id: &str) -> String {
    format!(
        "Mã trong bản ghi ({}) khác mã trong khóa lưu trữ ({}).",
        quoted(&short(found)),
        quoted(&short(key_id))
    )
}

/// A schema version that is not a number.
pub fn unreadable_schema_version(found: &str) -> String {
    format!(
        "Số phiên bản dữ liệu {} không đọc được; ứng dụng đọc dữ liệu theo phiên bản {SCHEMA_VERSION}.",
        quoted(&short(found))
    )
}

fn key_kind_label(kind: KeyKind) -> &'static str {
    match kind {
        KeyKind::SchemaVersion => "Phiên bản dữ liệu",
        KeyKind::Settings => "Cài đặt",
        KeyKind::ChiBo => "Thông tin chi bộ",
        KeyKind::Member => "Đảng viên",
        KeyKind::Meeting => "Buổi sinh hoạt",
        KeyKind::Plan => "Kế hoạch chuẩn bị sinh hoạt",
        KeyKind::Mark => "Ghi chú sổ tay",
        KeyKind::Framework => "Khung điểm của cấp ủy",
        KeyKind::Review => "Kiểm điểm cuối năm",
        KeyKind::DossierTemplate => "Mẫu báo cáo kiểm điểm của cấp ủy",
        KeyKind::CommitteePack => "Gói nội dung của cấp ủy",
        KeyKind::DuesRules => "Quy định đảng phí của cấp ủy",
        KeyKind::DuesProfile => "Hồ sơ đảng phí",
        KeyKind::DuesPayment => "Khoản đóng đảng phí",
        KeyKind::Deletion => "Dấu xóa",
        KeyKind::Unknown => "Mục không rõ",
    }
}

/// "Buổi sinh hoạt (sotay.meeting.x): …why…".
fn unreadable_key(report: &KeyReport) -> String {
    format!(
        "{} ({}): {}",
        key_kind_label(report.kind),
        report.key,
        report.problem.as_ref().map(key_problem).unwrap_or_default()
    )
}

/// Lines for restoring a raw export: what is skipped (never written), one per key.
pub fn raw_restore_skipped_lines(skipped: &[KeyReport]) -> Vec<String> {
    if skipped.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "Bỏ qua {} mục không đọc được trong tệp dữ liệu thô (không ghi vào máy):",
        number(skipped.len())
    )];
    lines.extend(skipped.iter().take(MAX_LISTED_PROBLEMS).map(unreadable_key));
    if skipped.len() > MAX_LISTED_PROBLEMS {
        lines.push(more_problems(skipped.len() - MAX_LISTED_PROBLEMS, false));
    }
    lines
}

/// Lines for the start-up recovery screen.
pub fn raw_summary_lines(keys: &[KeyReport]) -> Vec<String> {
    let unreadable: Vec<&KeyReport> = keys
        .iter()
        .filter(|report| report.problem.is_some())
        .collect();
    let mut lines = vec![format!(
        "Đọc được {} trên {} mục dữ liệu của ứng dụng.",
        keys.len() - unreadable.len(),
        keys.len()
    )];
    if !unreadable.is_empty() {
        lines.push(format!(
            "Không đọc được {} mục; các mục này vẫn được giữ nguyên trên máy và có trong tệp dữ liệu thô:",
            number(unreadable.len())
        ));
        let more = unreadable.len().saturating_sub(MAX_LISTED_PROBLEMS);
        lines.extend(unreadable.into_iter().take(MAX_LISTED_PROBLEMS).map(unreadable_key));
        if more > 0 {
            lines.push(more_problems(more, false));
        }
    }
    lines
}

// -- describing a file and a preview ------------------------------------------------

/// "ngày 03/05/2026": a meeting in a preview.
pub fn meeting_label(day: NaiveDate) -> String {
    format!("ngày {}", date(day))
}

/// How a preview names a review: "năm 2025".
pub fn review_label(year: i32) -> String {
    format!("năm {year}")
}

/// How a preview names a record: its name, "ngày 03/05/2026", "năm 2025".
pub fn record_label(label: &RecordLabel) -> String {
    match label {
        RecordLabel::Name(name) => name.clone(),
        RecordLabel::MeetingOn(day) => meeting_label(*day),
        RecordLabel::ReviewOf(year) => review_label(*year),
        RecordLabel::DuesProfileOf(name) => name.clone(),
        RecordLabel::DuesPaymentOf { member, month, amount_dong } => dues::payment_label(member, *month, *amount_dong),
    }
}

/// One line about a backup file.
pub fn backup_description(backup: &Backup) -> String {
    let what = match backup.scope {
        Scope::All => "Tệp sao lưu toàn bộ dữ liệu".to_owned(),
        Scope::Year { year } => format!("Tệp dữ liệu năm {year}"),
    };
    let of = backup
        .data
        .chi_bo
        .as_ref()
        .map(|chi_bo| format!(" của {}", quoted(&short(&chi_bo.name))))
        .unwrap_or_default();
    let data = &backup.data;
    let mut contents = vec![
        format!("{} đảng viên", data.members.len()),
        format!("{} buổi sinh hoạt", data.meetings.len()),
    ];
    if !data.plans.is_empty() {
        contents.push(format!("{} kế hoạch chuẩn bị sinh hoạt", data.plans.len()));
    }
    if !data.reviews.is_empty() {
        contents.push(format!("{} bản kiểm điểm cuối năm", data.reviews.len()));
    }
    if !data.dues_profiles.is_empty() {
        contents.push(format!("{} hồ sơ đảng phí", data.dues_profiles.len()));
    }
    if !data.dues_payments.is_empty() {
        contents.push(format!("{} khoản đóng đảng phí", data.dues_payments.len()));
    }
    if !data.marks.is_empty() {
        contents.push(format!("{} ghi chú, đánh dấu sổ tay", data.marks.len()));
    }
    if !data.frameworks.is_empty() {
        contents.push(format!("{} khung điểm của cấp ủy", data.frameworks.len()));
    }
    if !data.templates.is_empty() {
        contents.push(format!("{} mẫu báo cáo kiểm điểm của cấp ủy", data.templates.len()));
    }
    if data.dues_rules.is_some() {
        contents.push("quy định đảng phí của cấp ủy".to_owned());
    }
    if data.committee_pack.is_some() {
        contents.push("gói nội dung của cấp ủy".to_owned());
    }
    if !data.deletions.is_empty() {
        contents.push(format!("{} dấu xóa", data.deletions.len()));
    }
    let mut line = format!(
        "{what}{of}, xuất lúc {} (ứng dụng phiên bản {}): {}.",
        moment(backup.exported_at),
        short(&backup.app_version),
        contents.join(", ")
    );
    if backup.source_format_version < crate::backup::FORMAT_VERSION {
        line.push_str(&format!(
            " Tệp ở định dạng cũ (phiên bản {}) đã được chuyển sang định dạng hiện tại.",
            backup.source_format_version
        ));
    }
    line
}

fn noun(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::ChiBo => "thông tin chi bộ",
        RecordKind::Member => "đảng viên",
        RecordKind::Meeting => "buổi sinh hoạt",
        RecordKind::Plan => "kế hoạch chuẩn bị sinh hoạt",
        RecordKind::Mark => "ghi chú, đánh dấu sổ tay",
        RecordKind::Framework => "khung điểm của cấp ủy",
        RecordKind::CommitteePack => "gói nội dung của cấp ủy",
        RecordKind::Review => "bản kiểm điểm cuối năm",
        RecordKind::DossierTemplate => "mẫu báo cáo kiểm điểm của cấp ủy",
        RecordKind::DuesRules => "quy định đảng phí của cấp ủy",
        RecordKind::DuesProfile => "hồ sơ đảng phí",
        RecordKind::DuesPayment => "khoản đóng đảng phí",
    }
}

fn conflict(conflict: &Conflict) -> String {
    let kept = match conflict.kept {
        Side::Current => "giữ bản trên máy",
        Side::Incoming => "lấy bản trong tệp",
    };
    if conflict.current_updated_at == conflict.incoming_updated_at {
        format!(
            "{} (cùng sửa lúc {} nhưng nội dung khác nhau; {kept})",
            short(&record_label(&conflict.record.label)),
            moment(conflict.current_updated_at)
        )
    } else {
        format!(
            "{} (bản trên máy sửa lúc {}, bản trong tệp sửa lúc {}; {kept})",
            short(&record_label(&conflict.record.label)),
            moment(conflict.current_updated_at),
            moment(conflict.incoming_updated_at)
        )
    }
}

fn conflicts(list: &[Conflict]) -> String {
    let mut named: Vec<String> = list.iter().take(MAX_NAMED).map(conflict).collect();
    if list.len() > MAX_NAMED {
        named.push(format!("và {} xung đột khác", list.len() - MAX_NAMED));
    }
    named.join("; ")
}

fn capitalise(text: &str) -> String {
    first_letter(text, true)
}

fn single_line(preview: &KindPreview) -> Option<String> {
    let head = capitalise(noun(preview.kind));
    let what = if !preview.added.is_empty() {
        "thêm mới từ tệp.".to_owned()
    } else if !preview.updated.is_empty() {
        "cập nhật theo tệp (bản trong tệp mới hơn).".to_owned()
    } else if !preview.unchanged.is_empty() {
        "giữ nguyên (giống trong tệp).".to_owned()
    } else if let Some(first) = preview.conflicts.first() {
        format!("xung đột: {}.", conflict(first))
    } else {
        return None;
    };
    let name = preview
        .added
        .iter()
        .chain(&preview.updated)
        .chain(&preview.unchanged)
        .map(|record| record_label(&record.label))
        .next()
        .filter(|label| !label.is_empty());
    Some(match name {
        Some(name) => format!("{head} {}: {what}", quoted(&short(&name))),
        None => format!("{head}: {what}"),
    })
}

fn list_line(preview: &KindPreview) -> Option<String> {
    let noun = noun(preview.kind);
    let mut parts: Vec<String> = Vec::new();
    for (count, verb) in [
        (preview.added.len(), "thêm"),
        (preview.updated.len(), "cập nhật"),
        (preview.unchanged.len(), "giữ nguyên"),
    ] {
        if count == 0 {
            continue;
        }
        if parts.is_empty() {
            parts.push(format!("{} {count} {noun}", capitalise(verb)));
        } else {
            parts.push(format!("{verb} {count}"));
        }
    }
    let mut line = parts.join(", ");
    if !preview.conflicts.is_empty() {
        let count = preview.conflicts.len();
        if line.is_empty() {
            line = format!(
                "{count} xung đột về {noun}: {}",
                conflicts(&preview.conflicts)
            );
        } else {
            line.push_str(&format!(
                "; {count} xung đột: {}",
                conflicts(&preview.conflicts)
            ));
        }
    }
    if line.is_empty() {
        return None;
    }
    line.push('.');
    Some(line)
}

/// "buổi sinh hoạt ngày 03/05/2026", "đảng viên «Lê Văn Cường»": each record a merge
/// deletes, at most `MAX_NAMED` of them and a count of the rest.
fn deleted_names(preview: &KindPreview) -> Vec<String> {
    named_records(preview.kind, &preview.deleted)
}

/// `records` of `kind` named as [`deleted_names`] does.
fn named_records(kind: RecordKind, records: &[RecordRef]) -> Vec<String> {
    let noun = noun(kind);
    let mut named: Vec<String> = records
        .iter()
        .take(MAX_NAMED)
        .map(|record| match kind {
            RecordKind::Meeting => format!("{noun} {}", record_label(&record.label)),
            RecordKind::DuesPayment => format!("{noun} của {}", short(&record_label(&record.label))),
            _ => format!("{noun} {}", quoted(&short(&record_label(&record.label)))),
        })
        .collect();
    if records.len() > MAX_NAMED {
        named.push(format!("và {} {noun} khác", records.len() - MAX_NAMED));
    }
    named
}

/// "Sẽ xóa: buổi sinh hoạt ngày 03/05/2026, buổi sinh hoạt ngày 10/05/2026 (…)."
fn deleted_line(preview: &KindPreview) -> Option<String> {
    if preview.deleted.is_empty() {
        return None;
    }
    Some(format!(
        "Sẽ xóa: {} (đã bị xóa trên máy khác sau lần sửa cuối trên máy này).",
        deleted_names(preview).join(", ")
    ))
}

/// The question to ask before a merge that deletes records, or `None`.
pub fn merge_delete_question(preview: &ImportPreview) -> Option<String> {
    let count: usize = preview.kinds().iter().map(|kind| kind.deleted.len()).sum();
    if count == 0 {
        return None;
    }
    let names: Vec<String> = preview.kinds().iter().flat_map(|kind| deleted_names(kind)).collect();
    Some(format!(
        "Gộp tệp này sẽ xóa {count} mục trên máy vì đã bị xóa trên máy khác: {}. Đồng chí có chắc muốn gộp không?",
        names.join(", ")
    ))
}

/// The question before a replace that removes records from the device (those the
/// file does not hold, deleted in it or never there), or `None` when it removes none.
pub fn replace_delete_question(preview: &ImportPreview) -> Option<String> {
    let count: usize = preview
        .kinds()
        .iter()
        .map(|kind| kind.only_current.len())
        .sum();
    if count == 0 {
        return None;
    }
    let names: Vec<String> = preview
        .kinds()
        .iter()
        .flat_map(|kind| named_records(kind.kind, &kind.only_current))
        .collect();
    Some(format!(
        "Thay toàn bộ sẽ xóa {count} mục trên máy mà tệp không có: {}. Ứng dụng giữ một bản sao để có thể hoàn tác. Đồng chí có chắc muốn thay không?",
        names.join(", ")
    ))
}

/// The warning about moments ahead of this phone's clock, if any.
fn ahead_of_clock_line(preview: &ImportPreview) -> Option<String> {
    let ahead = preview.ahead_of_clock.as_ref()?;
    let what = match (ahead.records, ahead.exported_at) {
        (0, _) => "thời điểm xuất tệp".to_owned(),
        (count, true) => format!("thời điểm xuất tệp và {count} bản ghi"),
        (count, false) => format!("{count} bản ghi"),
    };
    Some(format!(
        "Chú ý: {what} trong tệp ghi thời điểm muộn hơn giờ trên máy này quá một ngày (muộn nhất {}); có thể đồng hồ của máy đã xuất tệp hoặc của máy này bị sai. Tệp vẫn nhập được, nhưng các bản ghi đó sẽ được coi là mới hơn mọi sửa đổi trên máy này cho đến thời điểm ấy.",
        moment(ahead.latest)
    ))
}

/// Lines describing a merge.
pub fn merge_summary_lines(preview: &ImportPreview) -> Vec<String> {
    let mut lines = Vec::new();
    lines.extend(ahead_of_clock_line(preview));
    if let Some(other) = &preview.other_chi_bo {
        lines.push(format!(
            "Chú ý: tệp là dữ liệu của {}, khác chi bộ trên máy ({}). Chỉ nhập khi đồng chí chắc chắn đây là dữ liệu của chi bộ mình.",
            quoted(&short(&other.incoming_name)),
            quoted(&short(&other.current_name))
        ));
    }
    for kind in preview.kinds() {
        let line = if kind.kind.is_single() {
            single_line(kind)
        } else {
            list_line(kind)
        };
        lines.extend(line);
        lines.extend(deleted_line(kind));
    }
    if preview.merge_changes_nothing() {
        lines.push(
            "Tệp không có gì mới: nhập tệp sẽ không thay đổi dữ liệu trên máy.".to_owned(),
        );
    }
    lines
}

fn labels(records: &[crate::backup::RecordRef]) -> String {
    let mut named: Vec<String> = records
        .iter()
        .take(MAX_NAMED)
        .map(|r| short(&record_label(&r.label)))
        .collect();
    if records.len() > MAX_NAMED {
        named.push(format!("và {} mục khác", records.len() - MAX_NAMED));
    }
    named.join(", ")
}

/// Lines describing a replace.
pub fn replace_summary_lines(preview: &ImportPreview) -> Vec<String> {
    let mut lines = Vec::new();
    lines.extend(ahead_of_clock_line(preview));
    if let Some(other) = &preview.other_chi_bo {
        lines.push(format!(
            "Chú ý: tệp là dữ liệu của {}, khác chi bộ trên máy ({}).",
            quoted(&short(&other.incoming_name)),
            quoted(&short(&other.current_name))
        ));
    }
    let counts: Vec<String> = preview
        .kinds()
        .iter()
        .filter(|kind| !kind.kind.is_single() && kind.incoming_count() > 0)
        .map(|kind| format!("{} {}", kind.incoming_count(), noun(kind.kind)))
        .collect();
    lines.push(if counts.is_empty() {
        "Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong tệp.".to_owned()
    } else {
        format!(
            "Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong tệp: {}.",
            counts.join(", ")
        )
    });
    for kind in preview.kinds() {
        if !kind.only_current.is_empty() {
            let line = if kind.kind.is_single() {
                format!("Sẽ xóa {} trên máy (tệp không có).", noun(kind.kind))
            } else {
                format!(
                    "Sẽ xóa {} {} chỉ có trên máy: {}.",
                    kind.only_current.len(),
                    noun(kind.kind),
                    labels(&kind.only_current)
                )
            };
            lines.push(line);
        }
        if !kind.conflicts.is_empty() {
            lines.push(format!(
                "Sẽ thay {} {} trên máy bằng bản cũ hơn hoặc cùng lúc trong tệp: {}.",
                kind.conflicts.len(),
                noun(kind.kind),
                labels(
                    &kind
                        .conflicts
                        .iter()
                        .map(|c| c.record.clone())
                        .collect::<Vec<_>>()
                )
            ));
        }
    }
    lines
}

impl crate::backup::Backup {
    /// One line describing the file, for the top of the preview.
    pub fn description(&self) -> String {
        backup_description(self)
    }
}

impl crate::backup::ImportError {
    /// One Vietnamese line per listed problem (for a scrollable report), then "và N lỗi
    /// khác." when more were found; for the kinds without a list, the message itself.
    pub fn lines(&self) -> Vec<String> {
        match self {
            crate::backup::ImportError::Invalid(problems) => {
                let mut lines: Vec<String> = problems.iter().map(crate::backup::ImportProblem::message).collect();
                if problems.unlisted() > 0 {
                    lines.push(more_problems(problems.unlisted(), problems.at_least()));
                }
                lines
            }
            other => vec![other.to_string()],
        }
    }
}

impl std::fmt::Display for crate::backup::ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&import_error(self))
    }
}

impl crate::backup::Place {
    /// The Vietnamese name of the place: "Buổi sinh hoạt ngày 03/05/2026", "Đảng viên «…»".
    pub fn label(&self) -> String {
        place(self)
    }
}

impl crate::backup::ImportProblem {
    /// "Buổi sinh hoạt ngày 03/05/2026: Giờ kết thúc phải sau giờ bắt đầu."
    pub fn message(&self) -> String {
        problem(self)
    }
}

impl std::fmt::Display for crate::backup::ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::fmt::Display for crate::backup::MigrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&migration_error(self))
    }
}

impl crate::backup::ImportPreview {
    /// Vietnamese lines for a merge: one per kind present in the file or on the device
    /// ("Thêm 3 buổi sinh hoạt, cập nhật 1, giữ nguyên 10; 1 xung đột: …"), a warning
    /// first when the file is another chi bộ's, and a closing line when nothing changes.
    pub fn summary_lines(&self) -> Vec<String> {
        merge_summary_lines(self)
    }
}

impl crate::backup::ImportPreview {
    /// The question the app asks before a merge that deletes records on the device
    /// ("Gộp tệp này sẽ xóa 1 mục trên máy …"), or `None` when it deletes nothing.
    pub fn merge_delete_question(&self) -> Option<String> {
        merge_delete_question(self)
    }
}

impl crate::backup::ImportPreview {
    /// The question the app asks before a replace that removes records from the device
    /// ("Thay toàn bộ sẽ xóa 2 mục trên máy mà tệp không có: …"), or `None`.
    pub fn replace_delete_question(&self) -> Option<String> {
        replace_delete_question(self)
    }
}

impl crate::backup::ImportPreview {
    /// Vietnamese lines for a replace: what the device will hold, and what it loses.
    pub fn replace_summary_lines(&self) -> Vec<String> {
        replace_summary_lines(self)
    }
}

impl crate::backup::RawDump {
    /// Vietnamese lines for the recovery screen: a count, then one line per unreadable key.
    pub fn summary_lines(&self) -> Vec<String> {
        raw_summary_lines(&self.keys)
    }
}

impl crate::backup::RawRestore {
    /// Vietnamese lines naming the skipped keys (empty when every key was read).
    pub fn skipped_lines(&self) -> Vec<String> {
        raw_restore_skipped_lines(&self.skipped)
    }
}

impl std::fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&key_problem(self))
    }
}
