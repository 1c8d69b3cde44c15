//! The corpus of malformed backup files under `tests/fixtures/import/`: each file gives
//! its own specific error, with its exact Vietnamese message naming the place (the
//! record's name or date) where there is one. Every file of the folder must be in the
//! table, and the folder must hold at least 30.
//!
//! The files were derived from `tests/fixtures/migrations/backup-v1.json` (the valid
//! example), one change each (42 has several in several records, 53 several in one
//! record: all are reported); file 43 is a valid file read with a
//! 10 000-byte limit. File 54 is the 245-byte file of issue 16 (an `exported_at` in year
//! 262142 crashed the Vietnam-time formatting); 55 has moments out of range in three
//! records; 56–58 have wrong deletion markers. 59 and 60 are derived from
//! `backup-v4.json`: dues records over the bounds and wrong in several places, a payment's
//! month unreadable and a marker of a profile the file holds.

mod backup_support;

use std::collections::BTreeSet;

use backup_support::{fixture_file_names, fixture_path};
use sotay_domain::backup::{parse_backup, ImportError, ImportLimits};

/// (file, error code, the message lines: `ImportError::lines`, i.e. one per problem for
/// an invalid file). A line ending in "Chi tiết kỹ thuật: " is compared as a prefix (the
/// rest is the JSON parser's own English text).
type Case = (&'static str, &'static str, &'static [&'static str]);

const CASES: &[Case] = &[
        (
            "01-not-json.json",
            "not_json",
            &[
                "Tệp không đúng định dạng JSON (dòng 1, cột 3); có thể tệp bị hỏng hoặc đã bị sửa tay. Chi tiết kỹ thuật: ",
            ],
        ),
        (
            "02-empty.json",
            "empty",
            &[
                "Tệp trống, không có dữ liệu nào.",
            ],
        ),
        (
            "03-only-spaces.json",
            "empty",
            &[
                "Tệp trống, không có dữ liệu nào.",
            ],
        ),
        (
            "04-truncated.json",
            "truncated",
            &[
                "Tệp bị cắt cụt: nội dung kết thúc giữa chừng (dòng 306, cột 29); có thể tệp chưa tải về hoặc chưa gửi hết. Xin lấy lại tệp gốc.",
            ],
        ),
        (
            "05-not-utf8.json",
            "not_utf8",
            &[
                "Tệp không phải văn bản UTF-8 (byte thứ 201 không đọc được); có thể đây không phải tệp sao lưu của Sổ tay chi bộ, hoặc tệp đã bị hỏng.",
            ],
        ),
        (
            "06-utf16.json",
            "utf16",
            &[
                "Tệp được lưu ở mã UTF-16, không phải UTF-8 như tệp sao lưu của ứng dụng; có thể tệp đã được mở rồi lưu lại bằng một trình soạn thảo. Xin dùng tệp gốc xuất từ ứng dụng.",
            ],
        ),
        (
            "07-json-array.json",
            "not_an_object",
            &[
                "Tệp là JSON nhưng không phải tệp sao lưu của Sổ tay chi bộ (cần một đối tượng có trường «format» là «so-tay-chi-bo-backup»).",
            ],
        ),
        (
            "08-no-format.json",
            "not_a_backup",
            &[
                "Tệp không phải tệp sao lưu của Sổ tay chi bộ (không có trường «format»).",
            ],
        ),
        (
            "09-other-format.json",
            "wrong_format",
            &[
                "Tệp có định dạng «so-tay-dang-vien-backup», không phải tệp sao lưu của Sổ tay chi bộ (định dạng «so-tay-chi-bo-backup»).",
            ],
        ),
        (
            "10-framework-file.json",
            "framework_file",
            &[
                "Đây là tệp khung điểm, không phải tệp sao lưu. Xin nạp tệp này ở phần nạp khung điểm của cấp ủy.",
            ],
        ),
        (
            "11-content-pack-file.json",
            "content_pack_file",
            &[
                "Đây là tệp gói nội dung sổ tay, không phải tệp sao lưu. Xin nạp tệp này ở phần Sổ tay.",
            ],
        ),
        (
            "12-newer-version.json",
            "newer_format_version",
            &[
                "Tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng sao lưu phiên bản 5; ứng dụng này đọc được đến phiên bản 4). Xin cập nhật ứng dụng rồi nhập lại tệp; dữ liệu trên máy chưa bị thay đổi.",
            ],
        ),
        (
            "13-version-zero.json",
            "invalid_format_version",
            &[
                "Tệp sao lưu ghi phiên bản định dạng «0»; phiên bản phải là một số nguyên từ 1 trở lên.",
            ],
        ),
        (
            "14-version-text.json",
            "invalid_format_version",
            &[
                "Tệp sao lưu ghi phiên bản định dạng «1.0»; phiên bản phải là một số nguyên từ 1 trở lên.",
            ],
        ),
        (
            "15-missing-version.json",
            "missing_format_version",
            &[
                "Tệp sao lưu thiếu số phiên bản định dạng (trường «format_version»).",
            ],
        ),
        (
            "16-missing-data.json",
            "invalid",
            &[
                "Tệp sao lưu: Thiếu trường «data».",
            ],
        ),
        (
            "17-bad-exported-at.json",
            "invalid",
            &[
                "Tệp sao lưu: Trường «exported_at»: cần thời điểm dạng 2026-05-03T19:30:00Z, trong tệp là «20/05/2026 20:15».",
            ],
        ),
        (
            "18-unknown-scope.json",
            "invalid",
            &[
                "Tệp sao lưu: Trường «scope»: giá trị «month» không hợp lệ; chỉ nhận: all, year.",
            ],
        ),
        (
            "19-members-not-a-list.json",
            "invalid",
            &[
                "Tệp sao lưu: Trường «data.members»: sai kiểu dữ liệu: cần một danh sách, trong tệp là một đối tượng.",
            ],
        ),
        (
            "20-member-missing-name.json",
            "invalid",
            &[
                "Đảng viên thứ 2 (mã «m2»): Thiếu trường «name».",
            ],
        ),
        (
            "21-member-unknown-role.json",
            "invalid",
            &[
                "Đảng viên «Trần Thị Bình»: Trường «role»: giá trị «chu_tich» không hợp lệ; chỉ nhận: bi_thu, pho_bi_thu, chi_uy_vien, dang_vien.",
            ],
        ),
        (
            "22-duplicate-member-id.json",
            "invalid",
            &[
                "Đảng viên «Lê Văn Cường»: Trùng mã «m1» với đảng viên «Nguyễn Văn An» ở trước trong tệp.",
                "Buổi sinh hoạt ngày 03/04/2026: Điểm danh có mã đảng viên «m3» không có trong tệp cũng như trên máy này.",
                "Buổi sinh hoạt ngày 03/05/2026: Điểm danh có mã đảng viên «m3» không có trong tệp cũng như trên máy này.",
            ],
        ),
        (
            "23-end-before-start.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Giờ kết thúc phải sau giờ bắt đầu.",
            ],
        ),
        (
            "24-attendance-marked-twice.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Đảng viên Nguyễn Văn An được điểm danh hai lần.",
            ],
        ),
        (
            "25-attendance-unknown-member.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Điểm danh có mã đảng viên «m9» không có trong tệp cũng như trên máy này.",
            ],
        ),
        (
            "26-meeting-impossible-date.json",
            "invalid",
            &[
                "Buổi sinh hoạt thứ 2 (mã «meeting-2026-05»): Trường «date»: cần một ngày dạng năm-tháng-ngày (ví dụ 2026-05-03), trong tệp là «2026-02-30».",
            ],
        ),
        (
            "27-meeting-date-out-of-range.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/1890: Ngày 03/05/1890 (trường «date») nằm ngoài khoảng 01/01/1930 – 31/12/2100; có thể đã gõ nhầm năm.",
            ],
        ),
        (
            "28-meeting-unknown-framework.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Phiếu tự chấm điểm dùng khung điểm «khung-diem-la»: không phải khung điểm có sẵn của ứng dụng, và không có trong tệp cũng như trên máy này.",
            ],
        ),
        (
            "29-meeting-unknown-chair.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Người chủ trì có mã đảng viên «m7» không có trong tệp cũng như trên máy này.",
            ],
        ),
        (
            "30-attendance-unknown-status.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Trường «attendance», mục thứ 3: giá trị «late» không hợp lệ; chỉ nhận: present, absent_with_reason, absent_without_reason, exempt.",
            ],
        ),
        (
            "31-meeting-bad-time.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Trường «start_time»: cần giờ dạng giờ:phút:giây (ví dụ 19:30:00), trong tệp là «7h30».",
            ],
        ),
        (
            "32-duplicate-meeting.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026 (mã «meeting-2026-05»): Trùng mã «meeting-2026-05» với buổi sinh hoạt thứ 2 ở trước trong tệp.",
            ],
        ),
        (
            "33-chi-bo-meeting-day-zero.json",
            "invalid",
            &[
                "Thông tin chi bộ: Ngày sinh hoạt thường kỳ hằng tháng ghi là 0; phải từ 1 đến 31.",
            ],
        ),
        (
            "34-chi-bo-unknown-framework.json",
            "invalid",
            &[
                "Thông tin chi bộ: Khung điểm chi bộ dùng («hd42-anphu-2024») không phải khung điểm có sẵn của ứng dụng, và không có trong tệp cũng như trên máy này.",
            ],
        ),
        (
            "35-custom-framework-invalid.json",
            "invalid",
            &[
                "Khung điểm «Khung điểm của Đảng ủy xã An Phú năm 2026» (mã «xa-an-phu-2026»): Điểm tối đa của các nhóm cộng lại là 30 nhưng khung điểm ghi tổng điểm 40.",
            ],
        ),
        (
            "36-custom-framework-builtin-id.json",
            "invalid",
            &[
                "Khung điểm «Khung điểm của Đảng ủy xã An Phú năm 2026» (mã «hd42-anphu-2025»): Mã «hd42-anphu-2025» trùng với một khung điểm có sẵn của ứng dụng; khung điểm của cấp ủy phải có mã riêng.",
            ],
        ),
        (
            "37-committee-pack-missing-source.json",
            "invalid",
            &[
                "Gói nội dung của cấp ủy: Mục «Lịch sinh hoạt chi bộ» (id xa-lich-sinh-hoat): thiếu nguồn văn bản (trường \"source\").",
            ],
        ),
        (
            "38-committee-pack-unknown-field.json",
            "invalid",
            &[
                "Gói nội dung của cấp ủy: Có trường «tieu_de» không có trong định dạng gói nội dung; xin kiểm tra lỗi chính tả tên trường.",
            ],
        ),
        (
            "39-mark-missing-updated-at.json",
            "invalid",
            &[
                "Ghi chú sổ tay cho mục «xa-lich-sinh-hoat»: Thiếu trường «updated_at».",
            ],
        ),
        (
            "40-member-left-before-joined.json",
            "invalid",
            &[
                "Đảng viên «Lê Văn Cường»: Ngày rời chi bộ (31/01/2025) trước ngày vào chi bộ (02/09/2025).",
            ],
        ),
        (
            "41-year-file-with-other-year.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/05/2026: Buổi sinh hoạt không thuộc năm 2025, trong khi tệp ghi là dữ liệu năm 2025.",
            ],
        ),
        (
            "42-several-problems.json",
            "invalid",
            &[
                "Đảng viên thứ 2 (mã «m2»): Trường «name» đang để trống.",
                "Buổi sinh hoạt ngày 03/04/2026: Giờ kết thúc phải sau giờ bắt đầu.",
                "Buổi sinh hoạt ngày 03/05/2026: Đảng viên m2 được điểm danh hai lần.",
                "Ghi chú sổ tay cho mục «qd37-dieu-1»: Trường «updated_at»: cần thời điểm dạng 2026-05-03T19:30:00Z, trong tệp là «hôm qua».",
            ],
        ),
        (
            "43-too-large.json",
            "too_large",
            &[
                "Tệp quá lớn (13 KB); tệp sao lưu chỉ được tối đa 10 KB. Có thể đã chọn nhầm tệp.",
            ],
        ),
        (
            "44-raw-storage-export.json",
            "raw_dump_file",
            &[
                "Đây là tệp dữ liệu thô (xuất khi dữ liệu trên máy bị lỗi), không phải tệp sao lưu, nên không nhập trực tiếp được. Tệp vẫn giữ nguyên mọi bản ghi để khôi phục thủ công.",
            ],
        ),
        (
            "45-id-with-spaces.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/04/2026: Mã «buổi tháng 4» (trường «id») không hợp lệ: mã phải có từ 1 đến 128 ký tự và không có khoảng trắng.",
            ],
        ),
        (
            "46-exemption-reversed.json",
            "invalid",
            &[
                "Đảng viên «Phạm Thị Dung»: Thời gian miễn sinh hoạt thứ 1: ngày kết thúc (31/12/2025) trước ngày bắt đầu (01/01/2026).",
            ],
        ),
        (
            "47-member-not-an-object.json",
            "invalid",
            &[
                "Đảng viên thứ 5: Không phải một đối tượng JSON (trong tệp là «Hoàng Văn Em»).",
            ],
        ),
        (
            "48-scope-year-as-text.json",
            "invalid",
            &[
                "Tệp sao lưu: Trường «scope»: sai kiểu dữ liệu: cần một số nguyên, trong tệp là «2026».",
            ],
        ),
        (
            "49-meeting-day-too-big.json",
            "invalid",
            &[
                "Thông tin chi bộ: Trường «usual_meeting_day»: cần một ngày trong tháng, từ 1 đến 31; trong tệp là «300».",
            ],
        ),
        (
            "50-speaker-unknown.json",
            "invalid",
            &[
                "Buổi sinh hoạt ngày 03/04/2026: Người phát biểu có mã đảng viên «m5» không có trong tệp cũng như trên máy này.",
            ],
        ),
        (
            "51-duplicate-framework-id.json",
            "invalid",
            &[
                "Khung điểm «Khung điểm của Đảng ủy xã An Phú năm 2026» (mã «xa-an-phu-2026»): Trùng mã «xa-an-phu-2026» với khung điểm thứ 1 ở trước trong tệp.",
            ],
        ),
        (
            "52-blank-chi-bo-name.json",
            "invalid",
            &[
                "Thông tin chi bộ: Trường «name» đang để trống.",
            ],
        ),
    (
        "53-member-several-wrong-fields.json",
        "invalid",
        &[
            "Đảng viên «Phạm Thị Dung»: Thiếu trường «status».",
            "Đảng viên «Phạm Thị Dung»: Trường «exemptions», mục thứ 1: có ngày hoặc giờ không hợp lệ (ngày ghi dạng năm-tháng-ngày, ví dụ 2026-05-03; giờ dạng giờ:phút:giây, ví dụ 19:30:00).",
            "Đảng viên «Phạm Thị Dung»: Trường «joined_on»: cần một ngày dạng năm-tháng-ngày (ví dụ 2026-05-03), trong tệp là «02/09/2025».",
            "Đảng viên «Phạm Thị Dung»: Trường «role»: giá trị «chu_tich» không hợp lệ; chỉ nhận: bi_thu, pho_bi_thu, chi_uy_vien, dang_vien.",
        ],
    ),
    (
        "54-exported-at-far-future.json",
        "invalid",
        &["Tệp sao lưu: Ngày 31/12/+262142 (trường «exported_at») nằm ngoài khoảng 01/01/1930 – 31/12/2100; có thể đã gõ nhầm năm."],
    ),
    (
        "55-updated-at-out-of-range.json",
        "invalid",
        &[
            "Đảng viên «Trần Thị Bình»: Ngày 31/12/+262142 (trường «updated_at») nằm ngoài khoảng 01/01/1930 – 31/12/2100; có thể đã gõ nhầm năm.",
            "Buổi sinh hoạt ngày 03/05/2026: Ngày 31/12/1929 (trường «updated_at») nằm ngoài khoảng 01/01/1930 – 31/12/2100; có thể đã gõ nhầm năm.",
            "Khung điểm «Khung điểm của Đảng ủy xã An Phú năm 2026» (mã «xa-an-phu-2026»): Ngày 01/01/2101 (trường «updated_at») nằm ngoài khoảng 01/01/1930 – 31/12/2100; có thể đã gõ nhầm năm.",
        ],
    ),
    (
        "56-deletion-of-a-record-in-the-file.json",
        "invalid",
        &[
            "Dấu xóa thứ 4 (buổi sinh hoạt «meeting-2026-05»): Tệp vừa có bản ghi này vừa có dấu xóa của nó; một bản ghi chỉ được có một trong hai.",
        ],
    ),
    (
        "57-deletion-twice.json",
        "invalid",
        &[
            "Dấu xóa thứ 4 (đảng viên «m-nham»): Trùng mã «m-nham» với dấu xóa thứ 1 (đảng viên «m-nham») ở trước trong tệp.",
        ],
    ),
    (
        "58-deletion-wrong-kind-and-moment.json",
        "invalid",
        &[
            "Dấu xóa thứ 4: Trường «kind»: giá trị «chi_bo» không hợp lệ; chỉ nhận: member, meeting, plan, mark, framework, committee_pack, review, dossier_template, dues_rules, dues_profile, dues_payment.",
            "Dấu xóa thứ 5 (buổi sinh hoạt «meeting 2026»): Mã «meeting 2026» (trường «id») không hợp lệ: mã phải có từ 1 đến 128 ký tự và không có khoảng trắng.",
            "Dấu xóa thứ 5 (buổi sinh hoạt «meeting 2026»): Ngày 01/02/2206 (trường «deleted_at») nằm ngoài khoảng 01/01/1930 – 31/12/2100; có thể đã gõ nhầm năm.",
        ],
    ),
    (
        "59-dues-several-problems.json",
        "invalid",
        &[
            "Quy định đảng phí của cấp ủy: Cảnh báo, trường \"months\": số tháng 0 không hợp lệ (phải từ 1 đến 12).",
            "Hồ sơ đảng phí của đảng viên «Nguyễn Văn An»: Số tiền 450.000.000 đ (trường «usual_amount_dong») vượt mức tối đa ứng dụng nhận (100.000.000 đ; mỗi tháng tối đa 100.000.000 đ); có thể đã gõ thừa chữ số 0.",
            "Hồ sơ đảng phí của đảng viên «Trần Thị Bình»: Khoảng miễn, giảm thứ 1: tháng kết thúc (tháng 3/2026) trước tháng bắt đầu (tháng 4/2026).",
            "Khoản đóng đảng phí thứ 1 (tháng 4/2026, đảng viên «Nguyễn Văn An»): Số tiền 45.000.000.000 đ (trường «amount_dong») vượt mức tối đa ứng dụng nhận (100.000.000 đ; mỗi tháng tối đa 100.000.000 đ); có thể đã gõ thừa chữ số 0.",
            "Khoản đóng đảng phí thứ 3 (tháng 4/2026, đảng viên «Lê Văn Cường»): Số tháng đóng (trường «months_covered») ghi là 120; phải từ 1 đến 60 tháng.",
        ],
    ),
    (
        "60-dues-wrong-month-and-marker.json",
        "invalid",
        &[
            "Khoản đóng đảng phí thứ 2 (mã đảng viên «m99»): Trường «month»: cần một tháng dạng năm-tháng (ví dụ 2026-03), trong tệp là «2026-13».",
            "Dấu xóa thứ 6 (hồ sơ đảng phí «m3»): Tệp vừa có bản ghi này vừa có dấu xóa của nó; một bản ghi chỉ được có một trong hai.",
        ],
    ),
];

fn limits_for(file: &str) -> ImportLimits {
    if file.starts_with("43-") {
        ImportLimits { max_bytes: 10_000 }
    } else {
        ImportLimits::default()
    }
}

fn read(file: &str) -> Vec<u8> {
    std::fs::read(fixture_path("import").join(file))
        .unwrap_or_else(|error| panic!("{file}: {error}"))
}

#[test]
fn every_malformed_file_gives_its_specific_message() {
    for (file, code, expected) in CASES {
        let error = match parse_backup(&read(file), &limits_for(file)) {
            Ok(_) => panic!("{file}: accepted"),
            Err(error) => error,
        };
        assert_eq!(error.code(), *code, "{file}: {error}");
        let lines = error.lines();
        assert_eq!(lines.len(), expected.len(), "{file}: {lines:#?}");
        for (line, want) in lines.iter().zip(expected.iter()) {
            if want.ends_with("Chi tiết kỹ thuật: ") {
                assert!(line.starts_with(want), "{file}:\n{line}\n{want}");
            } else {
                assert_eq!(line, want, "{file}");
            }
        }
        // The whole message (what the app shows first) holds every line.
        let message = error.to_string();
        for line in lines.iter().take(20) {
            assert!(message.contains(line.as_str()), "{file}: {message}");
        }
    }
}

#[test]
fn the_corpus_has_at_least_30_files_and_each_is_in_the_table() {
    let on_disk = fixture_file_names("import");
    let in_table: BTreeSet<String> = CASES
        .iter()
        .map(|(file, _, _)| (*file).to_owned())
        .collect();
    assert!(on_disk.len() >= 30, "{} files", on_disk.len());
    assert_eq!(on_disk, in_table);
}

#[test]
fn problems_of_an_invalid_file_name_their_place() {
    // Every problem of every invalid file starts with a place ("Buổi sinh hoạt ngày …:",
    // "Đảng viên «…»:", "Tệp sao lưu:"…), never with a bare message.
    let places = [
        "Tệp sao lưu: ",
        "Thông tin chi bộ: ",
        "Đảng viên ",
        "Buổi sinh hoạt ",
        "Ghi chú sổ tay ",
        "Khung điểm ",
        "Gói nội dung của cấp ủy: ",
        "Quy định đảng phí của cấp ủy: ",
        "Hồ sơ đảng phí ",
        "Khoản đóng đảng phí thứ ",
        "Dấu xóa thứ ",
    ];
    for (file, _, _) in CASES {
        if let Err(ImportError::Invalid(problems)) = parse_backup(&read(file), &limits_for(file)) {
            for problem in problems.iter() {
                let message = problem.message();
                assert!(
                    places.iter().any(|place| message.starts_with(place)),
                    "{file}: {message}"
                );
            }
        }
    }
}

#[test]
fn a_newer_file_has_its_own_message() {
    let error = parse_backup(&read("12-newer-version.json"), &ImportLimits::default()).unwrap_err();
    assert!(error
        .to_string()
        .starts_with("Tệp được tạo bởi phiên bản mới hơn của ứng dụng"));
}

#[test]
fn the_same_file_read_against_the_device_accepts_references_to_its_members() {
    // File 19 cannot name members (its list is broken); file 25's roll call names m9.
    // With a device that has m9, file 25 is accepted.
    let mut current = backup_support::sample();
    current.members.push(sotay_domain::Member::new(
        "m9",
        "Đinh Văn Chín",
        backup_support::exported_at(),
    ));
    let file = read("25-attendance-unknown-member.json");
    assert!(parse_backup(&file, &ImportLimits::default()).is_err());
    let backup =
        sotay_domain::backup::parse_backup_against(&file, &ImportLimits::default(), &current)
            .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(backup.data.meetings.len(), 2);
}
