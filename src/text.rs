//! Every Vietnamese string the app shows, in one place.

pub const APP_NAME: &str = "Sổ tay chi bộ";
pub const NO_CHI_BO_YET: &str = "Chưa thiết lập chi bộ";

pub mod nav {
    pub const HOME: &str = "Trang chủ";
    pub const MEETINGS: &str = "Sinh hoạt";
    pub const HANDBOOK: &str = "Sổ tay";
    pub const DATA: &str = "Dữ liệu";
    pub const SETTINGS: &str = "Cài đặt";
    pub const MAIN_MENU: &str = "Chuyển màn hình";
    pub const OPEN_SETTINGS: &str = "Mở cài đặt";
}

pub mod home {
    pub const TITLE: &str = "Trang chủ";
    pub const INTRO: &str = "Sổ tay chi bộ giúp bí thư ghi biên bản sinh hoạt, chấm điểm chất lượng sinh hoạt theo khung của cấp ủy, và mang theo sổ tay đảng viên — ngay trên điện thoại, không cần mạng, không cần tài khoản.";
    pub const OFFLINE_NOTE: &str = "Mọi dữ liệu được lưu trên chính điện thoại này. Không có máy chủ nào nhận dữ liệu của chi bộ.";
    pub const START_TITLE: &str = "Bắt đầu";
    pub const START: &str = "Thiết lập chi bộ (tên, loại hình, đảng ủy cấp trên, ngày sinh hoạt, khung chấm điểm), rồi nhập danh sách đảng viên.";
    pub const START_BUTTON: &str = "Thiết lập chi bộ";
    pub const NEXT_MEETING: &str = "Ghi buổi sinh hoạt";
    pub const LAST_MEETING: &str = "Buổi sinh hoạt gần nhất";
    pub const NO_MEETING_YET: &str = "Chưa ghi buổi sinh hoạt nào.";
    pub const MEMBERS_COUNT: &str = "đảng viên đang sinh hoạt";
}

/// What a refused write names, on the notice every screen shows.
pub mod storage_problems {
    pub const DUES_RULES: &str = "quy định đảng phí của cấp ủy";
    pub const DUES_PROFILE: &str = "mức đóng đảng phí của một đảng viên";
    pub const DUES_PAYMENT: &str = "một khoản đóng đảng phí";
    pub const TITLE: &str = "Không lưu được vào bộ nhớ của trình duyệt (có thể bộ nhớ đã đầy). Những thay đổi sau CHƯA được lưu:";
    pub const HINT: &str = "Dữ liệu đã lưu trước đó vẫn còn. Ứng dụng sẽ thử lưu lại ở lần thay đổi tiếp theo; hãy sao lưu dữ liệu rồi giải phóng bộ nhớ.";
    pub const RETRY: &str = "Thử lưu lại";
    pub const RETRY_FAILED: &str = "Vẫn chưa lưu được.";
    pub const CHI_BO: &str = "thông tin chi bộ";
    pub const A_MEETING: &str = "một buổi sinh hoạt";
    pub const A_MEMBER: &str = "một đảng viên";
    pub const A_PLAN: &str = "một kế hoạch chuẩn bị sinh hoạt";
    pub const A_REVIEW: &str = "bản kiểm điểm";
    pub const MARK: &str = "đánh dấu, ghi chú sổ tay";
    pub const FRAMEWORK: &str = "khung chấm điểm của cấp ủy";
    pub const TEMPLATE: &str = "mẫu báo cáo kiểm điểm của cấp ủy";
    pub const PACK: &str = "bộ nội dung sổ tay của cấp ủy";
    pub const DELETION: &str = "một việc xóa (dấu xóa)";
    pub const SETTINGS: &str = "cài đặt";

    pub fn meeting(date: chrono::NaiveDate) -> String {
        format!("buổi sinh hoạt ngày {}", sotay_domain::text::date(date))
    }

    pub fn plan(date: chrono::NaiveDate) -> String {
        format!("kế hoạch chuẩn bị buổi sinh hoạt ngày {}", sotay_domain::text::date(date))
    }

    pub fn member(name: &str) -> String {
        format!("đảng viên «{name}»")
    }

    pub fn review(year: i32) -> String {
        format!("bản kiểm điểm năm {year}")
    }
}

pub mod meetings {
    pub const TITLE: &str = "Sinh hoạt chi bộ";
    pub const OPEN_DATA: &str = "Xem ở phần Dữ liệu";
    pub const NEW_MEETING: &str = "Ghi buổi sinh hoạt mới";
    pub const ROSTER: &str = "Danh sách đảng viên";
    pub const CHI_BO_INFO: &str = "Thông tin chi bộ";
    pub const NO_MEETINGS: &str = "Chưa có buổi sinh hoạt nào được ghi. Bấm «Ghi buổi sinh hoạt mới» để bắt đầu.";
    pub const NEED_CHI_BO: &str = "Cần thiết lập chi bộ trước khi ghi buổi sinh hoạt.";
    pub const NEED_MEMBERS: &str = "Chi bộ chưa có đảng viên nào. Hãy nhập danh sách đảng viên để điểm danh.";
    pub const YEAR: &str = "Năm";
    pub const YEAR_SUMMARY: &str = "Tổng hợp năm";
    pub const DRAFT: &str = "Nháp";
    pub const FINALISED: &str = "Đã hoàn tất";
    pub const NOT_SCORED: &str = "chưa chấm";
    pub const POINTS: &str = "điểm";
    pub const UNKNOWN_MEMBER: &str = "(không rõ)";
    pub const NOT_FOUND: &str = "Không tìm thấy buổi sinh hoạt này. Có thể nó đã bị xóa.";
    pub const BACK_TO_LIST: &str = "Về danh sách sinh hoạt";
    pub const DELETED: &str = "Đã xóa buổi sinh hoạt ngày";
    pub const UNDO: &str = "Hoàn tác";
    pub const SAVE_FAILED: &str = "Không lưu được vào bộ nhớ của trình duyệt (có thể bộ nhớ đã đầy). Thay đổi vừa rồi CHƯA được lưu; dữ liệu đã lưu trước đó vẫn còn. Hãy sao lưu dữ liệu rồi giải phóng bộ nhớ.";
    pub const UNREADABLE_RECORDS: &str = "Có bản ghi trong bộ nhớ không đọc được. Ứng dụng không xóa chúng; chúng sẽ được xử lý ở phần Dữ liệu. Số bản ghi:";
}

pub mod setup {
    pub const PLACE_NAME: &str = "Địa danh ghi trên văn bản";
    pub const PLACE_NAME_EXAMPLE: &str = "Ví dụ: Đông Tâm";
    pub const PLACE_NAME_HINT: &str = "Ghi ở đầu biên bản, trước ngày tháng: «Đông Tâm, ngày 03 tháng 12 năm 2025». Để trống thì dùng địa điểm của buổi sinh hoạt.";
    pub const TITLE_NEW: &str = "Thiết lập chi bộ";
    pub const TITLE_EDIT: &str = "Thông tin chi bộ";
    pub const INTRO: &str = "Nhập vài thông tin về chi bộ. Có thể sửa lại bất cứ lúc nào.";
    pub const NAME: &str = "Tên chi bộ";
    pub const NAME_EXAMPLE: &str = "Ví dụ: Chi bộ thôn Đồng Tâm";
    pub const KIND: &str = "Loại hình chi bộ";
    pub const SUPERIOR: &str = "Đảng ủy cấp trên";
    pub const SUPERIOR_EXAMPLE: &str = "Ví dụ: Đảng ủy xã Tân Lập";
    pub const MEETING_DAY: &str = "Ngày sinh hoạt hằng tháng";
    pub const MEETING_DAY_HINT: &str = "Ví dụ: 3 nếu chi bộ sinh hoạt vào mùng 3 hằng tháng.";
    pub const FRAMEWORK: &str = "Khung chấm điểm chất lượng sinh hoạt";
    pub const FRAMEWORK_HINT: &str = "Dùng khung của cấp ủy cấp trên. Các khung có sẵn dưới đây lấy từ nguồn công khai; hãy đối chiếu với hướng dẫn của cấp ủy cấp trên.";
    pub const SAVE: &str = "Lưu thông tin chi bộ";
    pub const SAVED: &str = "Đã lưu.";
    pub const NAME_REQUIRED: &str = "Hãy nhập tên chi bộ.";
    pub const DAY_INVALID: &str = "Ngày sinh hoạt phải là một số từ 1 đến 31.";
    pub const NEXT_STEP: &str = "Tiếp theo: nhập danh sách đảng viên";
    pub const LOAD_FRAMEWORK: &str = "Nạp khung của cấp ủy từ tệp (.json)";
    pub const LOAD_FRAMEWORK_HINT: &str = "Khi cấp ủy cấp trên gửi tệp khung chấm điểm của mình, nạp tệp đó ở đây. Ứng dụng kiểm tra toàn bộ tệp và cho xem trước, rồi mới lưu.";
    pub const FRAMEWORK_FILE_TOO_BIG: &str = "Tệp quá lớn (trên 1 MB), không phải tệp khung chấm điểm.";
    pub const FRAMEWORK_FILE_UNREADABLE: &str = "Không đọc được tệp đã chọn.";
    pub const FRAMEWORK_REFUSED: &str = "Không nạp được khung chấm điểm. Các khung đang có không thay đổi.";
    pub const FRAMEWORK_PREVIEW: &str = "Xem trước khung chấm điểm";
    pub const FRAMEWORK_NEW: &str = "Khung mới, chưa có trên máy.";
    pub const USE_FRAMEWORK: &str = "Lưu khung này";
    pub const CANCEL: &str = "Hủy";
    pub const FRAMEWORK_SAVE_FAILED: &str = "Không lưu được khung vào máy (bộ nhớ trình duyệt từ chối).";

    pub const DELETE_FRAMEWORK: &str = "Xóa khung này";

    pub fn confirm_delete_framework(name: &str) -> String {
        format!("Xóa khung «{name}» của cấp ủy khỏi máy? Ngay sau khi xóa vẫn có thể hoàn tác.")
    }

    /// A committee framework still used: by the chi bộ (as saved) or by scored meetings.
    pub fn framework_in_use(name: &str, chi_bo_uses: bool, scored_meetings: usize) -> String {
        let mut reasons = Vec::new();
        if chi_bo_uses {
            reasons.push("chi bộ đang dùng khung này (hãy chọn khung khác rồi bấm «Lưu thông tin chi bộ» trước)".to_owned());
        }
        if scored_meetings > 0 {
            reasons.push(format!("{scored_meetings} buổi sinh hoạt đã chấm theo khung này (khung được giữ để các buổi đó vẫn tính được điểm)"));
        }
        format!("Không xóa được khung «{name}»: {}.", reasons.join("; "))
    }

    pub fn framework_deleted(name: &str) -> String {
        format!("Đã xóa khung {name}")
    }

    /// A file whose framework id is one of the app's own frameworks.
    pub fn framework_id_is_builtin(id: &str) -> String {
        format!("Mã khung «{id}» trùng với một khung có sẵn trong ứng dụng. Cấp ủy cần đặt cho khung của mình một mã khác (trường \"id\" trong tệp).")
    }

    /// The preview of a framework that replaces one already loaded.
    pub fn framework_replaces(name: &str, scored_meetings: usize) -> String {
        if scored_meetings == 0 {
            format!("Thay cho khung «{name}» đã nạp trước đây (cùng mã).")
        } else {
            format!("Thay cho khung «{name}» đã nạp trước đây (cùng mã). {scored_meetings} buổi sinh hoạt đang chấm theo khung này sẽ được tính điểm lại theo bản mới.")
        }
    }

    /// After loading: the framework is chosen in the form, saved with it.
    pub fn framework_loaded(name: &str) -> String {
        format!("Đã lưu khung «{name}» và chọn nó ở trên. Bấm «Lưu thông tin chi bộ» để chi bộ dùng khung này.")
    }

    pub fn framework_applies_to(kinds: &str) -> String {
        format!("Áp dụng cho: {kinds}.")
    }

    pub fn framework_max_points(points: &str) -> String {
        format!("Tổng điểm tối đa: {points}.")
    }
}

pub mod roster {
    pub const TITLE: &str = "Danh sách đảng viên";
    pub const ADD: &str = "Thêm đảng viên";
    pub const ACTIVE_COUNT: &str = "đảng viên đang sinh hoạt";
    pub const EMPTY: &str = "Chưa có đảng viên nào. Bấm «Thêm đảng viên».";
    pub const LEFT: &str = "Đã rời chi bộ (giữ lại trong lịch sử)";
    pub const EXEMPT_NOW: &str = "đang miễn sinh hoạt";
    pub const NEW_TITLE: &str = "Thêm đảng viên";
    pub const EDIT_TITLE: &str = "Sửa thông tin đảng viên";
    pub const NAME: &str = "Họ và tên";
    pub const ROLE: &str = "Chức vụ trong chi bộ";
    pub const STATUS: &str = "Loại đảng viên";
    pub const JOINED: &str = "Ngày về sinh hoạt tại chi bộ (không bắt buộc)";
    pub const EXEMPTIONS: &str = "Miễn công tác và sinh hoạt đảng";
    pub const EXEMPTIONS_HINT: &str = "Đảng viên được miễn không tính vào tỷ lệ dự sinh hoạt trong thời gian được miễn.";
    pub const EXEMPTION_REASON: &str = "Lý do miễn";
    pub const EXEMPTION_REASON_EXAMPLE: &str = "Ví dụ: tuổi cao, sức yếu";
    pub const EXEMPTION_FROM: &str = "Từ ngày";
    pub const EXEMPTION_TO: &str = "Đến ngày (để trống nếu chưa hết)";
    pub const ADD_EXEMPTION: &str = "Thêm thời gian miễn";
    pub const REMOVE: &str = "Bỏ";
    pub const LEFT_ON: &str = "Ngày rời chi bộ (chuyển sinh hoạt, từ trần…)";
    pub const LEFT_HINT: &str = "Đảng viên đã rời vẫn được giữ trong lịch sử các buổi sinh hoạt trước đó.";
    pub const SAVE: &str = "Lưu";
    pub const SAVE_AND_ADD: &str = "Lưu và thêm người khác";
    pub const SAVED: &str = "Đã lưu.";
    pub const NAME_REQUIRED: &str = "Hãy nhập họ và tên.";
    pub const EXEMPTION_INCOMPLETE: &str = "Thời gian miễn cần có lý do và ngày bắt đầu.";
    pub const EXEMPTION_ORDER: &str = "Ngày kết thúc miễn phải sau ngày bắt đầu.";
    pub const LEFT_BEFORE_JOINED: &str = "Ngày rời chi bộ phải sau ngày về sinh hoạt.";
    pub const NOT_FOUND: &str = "Không tìm thấy đảng viên này.";
    pub const CHANGED_ELSEWHERE: &str = "Thông tin đảng viên này vừa được sửa ở một thẻ (cửa sổ) khác của ứng dụng. Thay đổi của bạn CHƯA được lưu; hãy mở lại đảng viên này để xem bản mới nhất.";
    pub const BACK: &str = "Về danh sách đảng viên";
    pub const DELETE: &str = "Xóa đảng viên này";
    pub const RECORD_LEAVING: &str = "Ghi ngày rời chi bộ";

    pub fn confirm_delete_member(name: &str) -> String {
        format!("Xóa đảng viên «{name}» khỏi danh sách? Chỉ nên xóa người nhập nhầm. Ngay sau khi xóa vẫn có thể hoàn tác.")
    }

    /// The member is in meetings already recorded: their record stays, leaving is recorded instead.
    pub fn cannot_delete_member(name: &str, meetings: usize) -> String {
        format!("Không xóa được: đồng chí «{name}» có tên trong {meetings} buổi sinh hoạt đã ghi (điểm danh, chủ trì, thư ký, phát biểu hoặc nhiệm vụ). Chỉ xóa được người nhập nhầm. Nếu đồng chí đã chuyển sinh hoạt, từ trần…, hãy ghi «Ngày rời chi bộ» ở trên rồi bấm «Lưu»: tên vẫn được giữ trong lịch sử các buổi sinh hoạt.")
    }

    pub fn member_deleted(name: &str) -> String {
        format!("Đã xóa đảng viên {name}")
    }
}

pub mod meeting {
    pub const TITLE: &str = "Buổi sinh hoạt";
    pub const CHANGED_ELSEWHERE: &str = "Buổi sinh hoạt này vừa được sửa ở một thẻ (cửa sổ) khác của ứng dụng. Đang hiện bản mới nhất; thay đổi vừa rồi CHƯA được lưu, hãy nhập lại.";
    pub const UPDATED_ELSEWHERE: &str = "Đã cập nhật theo thay đổi ở một thẻ (cửa sổ) khác của ứng dụng.";
    pub const WEEKDAYS: [&str; 7] = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];
    pub const AUTOSAVED: &str = "Mọi thay đổi được lưu ngay trên máy.";
    pub const NOT_AUTOSAVED: &str = "Thay đổi mới nhất CHƯA được lưu (bộ nhớ trình duyệt từ chối); ứng dụng sẽ thử lại ở lần thay đổi tiếp theo.";
    pub const FINALISED_NOTE: &str = "Buổi sinh hoạt đã hoàn tất. Muốn sửa, bấm «Mở lại để sửa».";
    pub const GENERAL: &str = "Thông tin chung";
    pub const DATE: &str = "Ngày sinh hoạt";
    pub const KIND: &str = "Hình thức";
    pub const START: &str = "Giờ bắt đầu";
    pub const END: &str = "Giờ kết thúc";
    pub const DURATION: &str = "Thời lượng";
    pub const MINUTES: &str = "phút";
    pub const PLACE: &str = "Địa điểm";
    pub const CHAIR: &str = "Chủ trì";
    pub const SECRETARY: &str = "Thư ký";
    pub const CHOOSE: &str = "— Chọn —";
    pub const GUESTS: &str = "Khách mời";
    pub const GUEST_NAME: &str = "Họ tên khách mời";
    pub const GUEST_ROLE: &str = "Chức vụ";
    pub const GUEST_SUPERIOR: &str = "Cấp ủy viên cấp trên phụ trách chi bộ";
    pub const ADD_GUEST: &str = "Thêm khách mời";
    pub const REMOVE: &str = "Bỏ";
    pub const ATTENDANCE: &str = "Điểm danh";
    pub const ALL_PRESENT: &str = "Những người chưa điểm danh: có mặt";
    pub const PRESENT: &str = "Có mặt";
    pub const ABSENT_WITH_REASON: &str = "Vắng có lý do";
    pub const ABSENT_WITHOUT_REASON: &str = "Vắng không lý do";
    pub const EXEMPT: &str = "Miễn";
    pub const NOT_MARKED: &str = "Chưa điểm danh";
    pub const REASON: &str = "Lý do";
    pub const REASON_DETAIL: &str = "Ghi rõ (không bắt buộc)";
    pub const COUNTED: &str = "Đảng viên phải dự";
    pub const RATE: &str = "Tỷ lệ dự";
    pub const AGENDA: &str = "Trình tự sinh hoạt";
    pub const AGENDA_OPTIONAL: &str = "(khi có)";
    pub const PREVIOUS_TASKS: &str = "Kiểm điểm nhiệm vụ tháng trước";
    pub const PREVIOUS_TASKS_HINT: &str = "Nhiệm vụ của nghị quyết kỳ trước được chuyển sang tự động. Đánh dấu việc đã xong.";
    pub const NO_PREVIOUS_TASKS: &str = "Không có nhiệm vụ nào từ kỳ trước. Có thể thêm tay.";
    pub const TASK_DONE: &str = "Đã xong";
    pub const TASK_RESULT: &str = "Kết quả";
    pub const TASK_WHAT: &str = "Nội dung nhiệm vụ";
    pub const ADD_PREVIOUS_TASK: &str = "Thêm nhiệm vụ kỳ trước";
    pub const TASKS_MET: &str = "Đã hoàn thành";
    pub const SPEAKERS: &str = "Đảng viên phát biểu";
    pub const SPEAKERS_HINT: &str = "Đánh dấu những người có mặt đã phát biểu ý kiến.";
    pub const SPOKE: &str = "đã phát biểu";
    pub const NEXT_TASKS: &str = "Nhiệm vụ tháng tới";
    pub const TASK_WHO: &str = "Người thực hiện";
    pub const TASK_DEADLINE: &str = "Thời hạn";
    pub const ADD_NEXT_TASK: &str = "Thêm nhiệm vụ";
    pub const RESOLUTION: &str = "Nghị quyết / kết luận";
    pub const VOTE: &str = "Biểu quyết thông qua nghị quyết";
    pub const VOTE_FOR: &str = "Tán thành";
    pub const VOTE_AGAINST: &str = "Không tán thành";
    pub const VOTE_ABSTAIN: &str = "Không biểu quyết";
    pub const NOTES: &str = "Ghi chú, ý kiến phát biểu";
    pub const FINALISE: &str = "Hoàn tất";
    pub const REOPEN: &str = "Mở lại để sửa";
    pub const PRINT: &str = "In biên bản và phiếu chấm";
    pub const SHARE: &str = "Chia sẻ biên bản";
    pub const MINUTES_COPIED: &str = "Đã chép biên bản, có thể dán vào Zalo hoặc tin nhắn.";
    pub const DELETE: &str = "Xóa buổi sinh hoạt";
    pub const CONFIRM_DELETE: &str = "Xóa buổi sinh hoạt này? Ngay sau khi xóa vẫn có thể hoàn tác.";
    pub const CANNOT_FINALISE: &str = "Chưa hoàn tất được, hãy sửa các lỗi đánh dấu ở trên:";
    pub const END_BEFORE_START: &str = "Giờ kết thúc phải sau giờ bắt đầu.";
    pub const DATE_IN_FUTURE: &str = "Ngày sinh hoạt không được ở tương lai.";
    pub const MARKED_TWICE: &str = "được điểm danh hai lần; hãy điểm danh lại người này.";
    pub const NOT_IN_ROSTER: &str = "Có điểm danh của người không còn trong danh sách.";
}

pub mod sheet {
    pub const TITLE: &str = "Phiếu chấm điểm chất lượng sinh hoạt";
    pub const OWN: &str = "Chi bộ tự chấm";
    pub const SUPERIOR: &str = "Cấp ủy cấp trên chấm";
    pub const ADD_SUPERIOR: &str = "Thêm phiếu chấm của cấp ủy cấp trên";
    pub const REMOVE_SUPERIOR: &str = "Bỏ phiếu chấm của cấp trên";
    pub const SCORED_BY: &str = "Người chấm";
    pub const TOTAL: &str = "Tổng điểm";
    pub const RATING: &str = "Xếp loại";
    pub const TICK: &str = "Đạt";
    pub const COMPUTED: &str = "Tính tự động";
    pub const OVERRIDE: &str = "Sửa điểm";
    pub const OVERRIDE_POINTS: &str = "Điểm chấm tay";
    pub const OVERRIDE_NOTE: &str = "Lý do sửa";
    pub const OVERRIDDEN: &str = "Đã sửa tay; máy tính được";
    pub const CLEAR_OVERRIDE: &str = "Dùng lại điểm tự tính";
    pub const NEEDS_INPUT: &str = "Cần nhập thêm";
    pub const GRANTED: &str = "Tháng không có chuyên đề: tính đủ điểm";
    pub const LEFT_OUT: &str = "Tháng không có chuyên đề: không tính";
    pub const SCALED: &str = "Điểm quy về thang đầy đủ (dùng để xếp loại)";
    pub const COMPARE: &str = "So sánh hai phiếu";
    pub const GROUP: &str = "Nhóm tiêu chí";
    pub const FRAMEWORK: &str = "Khung chấm";
    pub const CHECK_SUPERIOR: &str = "Đối chiếu với hướng dẫn của cấp ủy cấp trên; có thể đã có văn bản mới hơn.";
    pub const UNKNOWN_FRAMEWORK: &str = "Không tìm thấy khung chấm điểm của buổi sinh hoạt này trong ứng dụng.";
}

pub mod summary {
    pub const TITLE: &str = "Tổng hợp năm";
    pub const HELD: &str = "Số buổi sinh hoạt thường kỳ đã ghi";
    pub const MISSING_MONTHS: &str = "Tháng chưa có buổi sinh hoạt";
    pub const THEMATIC: &str = "Sinh hoạt chuyên đề (ít nhất 1 lần mỗi quý)";
    pub const MISSING_QUARTERS: &str = "Quý chưa có chuyên đề";
    pub const NONE_MISSING: &str = "Không có";
    pub const RATINGS: &str = "Số buổi theo xếp loại";
    pub const AVERAGE_SCORE: &str = "Điểm bình quân";
    pub const AVERAGE_ATTENDANCE: &str = "Tỷ lệ dự bình quân";
    pub const CHART: &str = "Điểm và tỷ lệ dự theo tháng";
    pub const CHART_SCORE: &str = "Điểm";
    pub const CHART_ATTENDANCE: &str = "Tỷ lệ dự (%)";
    pub const MEMBERS: &str = "Điểm danh từng đảng viên";
    pub const MEMBER: &str = "Đảng viên";
    pub const EXPECTED: &str = "Phải dự";
    pub const PRESENT: &str = "Có mặt";
    pub const WITH_REASON: &str = "Vắng có lý do";
    pub const WITHOUT_REASON: &str = "Vắng không lý do";
    pub const WARNINGS: &str = "Cần xem xét";
    pub const NO_WARNINGS: &str = "Không có cảnh báo nào.";
    pub const NOT_A_DECISION: &str = "Đây là gợi ý để chi bộ xem xét, không phải quyết định.";
    pub const EVIDENCE_NOTE: &str = "Không có công thức chung chuyển điểm hằng tháng thành xếp loại cuối năm; bảng này là căn cứ để chi bộ tự đánh giá.";
    pub const PRINT: &str = "In tổng hợp năm";
    pub const PREVIOUS_YEAR: &str = "Năm trước";
    pub const NEXT_YEAR: &str = "Năm sau";
}

pub mod review {
    pub const TITLE: &str = "Kiểm điểm cuối năm";
    pub const OPEN: &str = "Kiểm điểm cuối năm";
    pub const INTRO: &str = "Số liệu sinh hoạt của năm là căn cứ để chi bộ viết báo cáo kiểm điểm và tự đề nghị mức xếp loại (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW).";
    pub const AUTOSAVED: &str = "Mọi thay đổi được lưu ngay trên máy.";
    pub const NOT_AUTOSAVED: &str = "Thay đổi mới nhất CHƯA được lưu (bộ nhớ trình duyệt từ chối); ứng dụng sẽ thử lại ở lần thay đổi tiếp theo.";
    pub const DELETE: &str = "Xóa bản kiểm điểm này";
    pub fn confirm_delete(year: i32) -> String {
        format!("Xóa bản kiểm điểm năm {year} đang soạn? Ngay sau khi xóa vẫn có thể hoàn tác.")
    }
    pub fn deleted(year: i32) -> String {
        format!("Đã xóa bản kiểm điểm năm {year}")
    }
    pub const CHANGED_ELSEWHERE: &str = "Bản kiểm điểm này vừa được sửa ở một thẻ (cửa sổ) khác của ứng dụng. Đang hiện bản mới nhất; thay đổi vừa rồi CHƯA được lưu, hãy nhập lại.";
    pub const EVIDENCE: &str = "Số liệu sinh hoạt của năm";
    pub const HELD: &str = "Số tháng có sinh hoạt";
    pub const MISSING_MONTHS: &str = "Tháng chưa sinh hoạt";
    pub const THEMATIC: &str = "Số quý có sinh hoạt chuyên đề";
    pub const MISSING_QUARTERS: &str = "Quý chưa có chuyên đề";
    pub const NONE_MISSING: &str = "Không có";
    pub const AVERAGE_SCORE: &str = "Điểm bình quân các buổi";
    pub const AVERAGE_ATTENDANCE: &str = "Tỷ lệ dự bình quân";
    pub const MONTHS: &str = "Xếp loại từng buổi";
    pub const MONTH: &str = "Tháng";
    pub const DAY: &str = "Ngày";
    pub const KIND: &str = "Loại";
    pub const OWN: &str = "Chi bộ tự chấm";
    pub const SUPERIOR: &str = "Cấp trên chấm";
    pub const ATTENDANCE: &str = "Dự";
    pub const NO_MEETING: &str = "Không sinh hoạt";
    pub const NOT_SCORED: &str = "—";
    pub const MEMBERS: &str = "Từng đảng viên trong năm";
    pub const MEMBER: &str = "Đảng viên";
    pub const PRESENT: &str = "Có mặt";
    pub const WITH_REASON: &str = "Vắng có lý do";
    pub const WITHOUT_REASON: &str = "Vắng không lý do";
    pub const SPOKE: &str = "Phát biểu";
    pub const TASKS: &str = "Nhiệm vụ (xong/giao)";
    pub const MEMBER_PAGE: &str = "In trang";
    pub const MEMBER_PAGE_COLUMN: &str = "Trang riêng";
    /// A meeting kind in a table column a phone is narrow for.
    pub fn kind_short(kind: sotay_domain::MeetingKind) -> &'static str {
        match kind {
            sotay_domain::MeetingKind::ThuongKy => "Thường kỳ",
            sotay_domain::MeetingKind::ChuyenDe => "Chuyên đề",
            sotay_domain::MeetingKind::KetHop => "Kết hợp chuyên đề",
        }
    }
    pub const WARNINGS: &str = "Cần xem xét";
    pub const NO_WARNINGS: &str = "Không có cảnh báo nào.";
    pub const NOT_A_DECISION: &str = "Đây là việc để chi bộ xem xét, không phải quyết định.";
    pub const TEMPLATE: &str = "Mẫu báo cáo";
    pub const SECTIONS_NOTE: &str = "Chi bộ tự viết các phần dưới đây; số liệu ở trên đã có sẵn.";
    pub const OLD_SECTIONS: &str = "Phần của mẫu cũ (vẫn giữ nguyên)";
    pub const LEVEL: &str = "Mức chi bộ tự đề nghị";
    pub const LEVEL_NOTE: &str = "Chi bộ tự chọn một trong bốn mức, đối chiếu với điều kiện của từng mức. Ứng dụng không tính mức xếp loại; cấp có thẩm quyền quyết định.";
    pub const CONDITIONS: &str = "Điều kiện";
    pub const VOTE: &str = "Biểu quyết mức đề nghị";
    pub const REVIEWED_ON: &str = "Ngày họp kiểm điểm";
    pub const VOTE_FOR: &str = "Tán thành";
    pub const VOTE_AGAINST: &str = "Không tán thành";
    pub const VOTE_ABSTAIN: &str = "Không biểu quyết";
    pub const FINALISE: &str = "Hoàn tất bản kiểm điểm";
    pub const REOPEN: &str = "Mở lại để sửa";
    pub const FINALISED_NOTE: &str = "Bản kiểm điểm đã hoàn tất. Muốn sửa, bấm «Mở lại để sửa».";
    pub const CANNOT_FINALISE: &str = "Chưa hoàn tất được:";
    pub const PRINT: &str = "In báo cáo kiểm điểm";
    pub const PRINT_MEMBERS: &str = "In trang của từng đảng viên";
    pub const SHEET_SUMMARY: &str = "Tải bảng tổng hợp năm (Excel)";
    pub const SHEET_ATTENDANCE: &str = "Tải bảng điểm danh đảng viên (Excel)";
    pub const DOWNLOADED: &str = "Đã tải tệp";
    pub const DOWNLOAD_FAILED: &str = "Không tạo được tệp trên trình duyệt này.";
    pub const YEAR_SUMMARY: &str = "Tổng hợp năm";
    pub const NEED_CHI_BO: &str = "Hãy thiết lập chi bộ trước.";
    // Loading a committee's template file.
    pub const LOAD_TEMPLATE: &str = "Nạp mẫu báo cáo của cấp ủy (tệp .json)";
    pub const LOAD_TEMPLATE_HINT: &str = "Nếu đảng ủy ban hành mẫu báo cáo kiểm điểm riêng, nạp tệp ở đây. Các phần đã viết được giữ nguyên.";
    pub const TEMPLATE_TOO_BIG: &str = "Tệp quá lớn, không phải tệp mẫu báo cáo.";
    pub const TEMPLATE_UNREADABLE: &str = "Không đọc được tệp này.";
    pub const TEMPLATE_REFUSED: &str = "Chưa dùng được tệp mẫu báo cáo này:";
    pub const TEMPLATE_PREVIEW: &str = "Xem trước mẫu báo cáo";
    pub const USE_TEMPLATE: &str = "Dùng mẫu này";
    pub const CANCEL: &str = "Thôi";
    pub const TEMPLATE_SAVE_FAILED: &str = "Chưa lưu được mẫu báo cáo trên máy.";
    pub fn template_sections(count: usize) -> String {
        format!("{count} đề mục:")
    }
    pub fn template_id_is_builtin(id: &str) -> String {
        format!("Mã «{id}» là mã của mẫu có sẵn trong ứng dụng; mẫu của cấp ủy phải có mã riêng.")
    }
    pub const DELETE_TEMPLATE: &str = "Xóa mẫu này khỏi máy, dùng mẫu có sẵn";
    pub fn confirm_delete_template(name: &str) -> String {
        format!("Xóa mẫu «{name}» khỏi máy và viết bản kiểm điểm theo mẫu có sẵn? Những phần đã viết vẫn giữ nguyên. Ngay sau khi xóa vẫn có thể hoàn tác.")
    }
    pub fn template_deleted(name: &str) -> String {
        format!("Đã xóa mẫu «{name}»")
    }
    pub fn template_loaded(name: &str) -> String {
        format!("Đã nạp mẫu «{name}».")
    }
    pub fn voters(count: u32) -> String {
        format!("Số đảng viên chính thức có quyền biểu quyết: {count}.")
    }
    pub fn title(year: i32) -> String {
        format!("{TITLE} {year}")
    }
    // Printed documents.
    pub const DOSSIER_TITLE: &str = "BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ";
    pub const DOSSIER_YEAR: &str = "Năm";
    pub const EVIDENCE_HEADING: &str = "Số liệu sinh hoạt chi bộ trong năm";
    pub const PROPOSAL_HEADING: &str = "Chi bộ tự đề nghị mức xếp loại";
    pub const PROPOSED: &str = "Mức đề nghị";
    pub const NOT_CHOSEN: &str = "(chưa chọn)";
    pub const NOT_WRITTEN: &str = "(chưa viết)";
    pub const VOTE_RESULT: &str = "Kết quả biểu quyết";
    pub const SIGN_FOR_CHI_BO: &str = "T/M CHI BỘ";
    pub const SIGN_BI_THU: &str = "BÍ THƯ";
    pub const SIGN_MEMBER: &str = "NGƯỜI TỰ KIỂM ĐIỂM";
    pub const SIGN_HINT: &str = "(Ký, ghi rõ họ tên)";
    pub const MEMBER_TITLE: &str = "SỐ LIỆU SINH HOẠT ĐẢNG CỦA ĐẢNG VIÊN";
    pub const MEMBER_NOTE: &str = "Số liệu lấy từ sổ ghi chép các buổi sinh hoạt của chi bộ, làm căn cứ cho bản tự kiểm điểm của đảng viên (đảng viên không công tác trong hệ thống chính trị dùng Mẫu 2C).";
    pub const NAME: &str = "Họ và tên";
    pub const ROLE: &str = "Chức vụ trong chi bộ";
    pub const EXPECTED: &str = "Số buổi sinh hoạt phải dự";
    pub const ATTENDED: &str = "Số buổi có mặt";
    pub const ABSENT_WITH_REASON_ON: &str = "Vắng có lý do";
    pub const ABSENT_WITHOUT_REASON_ON: &str = "Vắng không lý do";
    pub const TIMES_SPOKE: &str = "Số buổi có phát biểu ý kiến";
    pub const TASKS_ASSIGNED: &str = "Nhiệm vụ được chi bộ giao";
    pub const NO_TASKS: &str = "Không có nhiệm vụ nào được ghi tên.";
    pub const MEMBER_NOT_FOUND: &str = "Không tìm thấy đảng viên này trong số liệu của năm.";
    pub const BACK: &str = "Quay lại";
    pub const PRINT_NOW: &str = "In hoặc lưu PDF";
    pub fn count_on(count: usize, dates: &str) -> String {
        if count == 0 { "0".to_owned() } else { format!("{count} (ngày {dates})") }
    }
    pub fn tasks_done(done: u32, assigned: u32) -> String {
        format!("{assigned} nhiệm vụ, đã hoàn thành {done}")
    }
    pub fn vote_line(in_favour: u32, against: u32, abstain: u32, voters: u32) -> String {
        format!("{in_favour}/{voters} tán thành, {against} không tán thành, {abstain} không biểu quyết")
    }
    pub fn summary_file(year: i32) -> String {
        format!("tong-hop-nam-{year}.csv")
    }
    pub fn attendance_file(year: i32) -> String {
        format!("diem-danh-dang-vien-nam-{year}.csv")
    }
}

pub mod print {
    pub const MINUTES_TITLE: &str = "BIÊN BẢN SINH HOẠT CHI BỘ";
    pub const PARTY: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
    pub const PRINT_NOW: &str = "In hoặc lưu PDF";
    pub const BACK: &str = "Quay lại";
    pub const TIME_PLACE: &str = "Thời gian, địa điểm";
    pub const FROM: &str = "từ";
    pub const TO: &str = "đến";
    pub const AT: &str = "tại";
    pub const DAY: &str = "ngày";
    pub const TOTAL_MEMBERS: &str = "Tổng số đảng viên";
    pub const ABSENT_LIST: &str = "Vắng";
    pub const CONTENT: &str = "Nội dung";
    pub const SIGN_CHAIR: &str = "CHỦ TRÌ";
    pub const SIGN_SECRETARY: &str = "THƯ KÝ";
    pub const SIGN_HINT: &str = "(Ký, ghi rõ họ tên)";
    pub const SHEET_TITLE: &str = "PHIẾU CHẤM ĐIỂM CHẤT LƯỢNG SINH HOẠT CHI BỘ";
    pub const CRITERION: &str = "Tiêu chí";
    pub const MAX: &str = "Tối đa";
    pub const SCORE: &str = "Điểm";
    pub const NONE: &str = "Không có";
}

pub mod handbook {
    pub const TITLE: &str = "Sổ tay đảng viên";
    pub const SEARCH: &str = "Tra cứu trong sổ tay";
    pub const SEARCH_HINT: &str = "Gõ có dấu hoặc không dấu đều được.";
    pub const SEARCH_EXAMPLE: &str = "Ví dụ: khong duoc lam";
    pub const NO_RESULTS: &str = "Không tìm thấy mục nào khớp với từ cần tìm.";
    pub const RESULTS: &str = "kết quả";

    /// The button under the first search results.
    pub fn show_more_results(hidden: usize) -> String {
        format!("Xem thêm {hidden} kết quả")
    }
    pub const CONTENTS: &str = "Mục lục";
    pub const MARKS: &str = "Đánh dấu và ghi chú";
    pub const MARKS_EMPTY: &str = "Chưa có mục nào được đánh dấu hoặc ghi chú. Trong mỗi mục của sổ tay, bấm «Đánh dấu» hoặc «Ghi chú».";
    pub const PACKS: &str = "Bộ nội dung sổ tay";
    pub const BOOKMARK: &str = "Đánh dấu";
    pub const BOOKMARKED: &str = "Đã đánh dấu";
    pub const NOTE: &str = "Ghi chú của tôi";
    pub const NOTE_HINT: &str = "Ghi chú được lưu ngay trên máy này.";
    pub const SHARE: &str = "Chia sẻ";
    pub const COPIED: &str = "Đã chép nội dung, có thể dán vào Zalo hoặc tin nhắn.";
    pub const SHARE_FAILED: &str = "Không chia sẻ được trên trình duyệt này. Hãy chọn đoạn chữ rồi chép.";
    pub const SECTION_NOT_FOUND: &str = "Không có phần này trong sổ tay. Có thể bộ nội dung đã thay đổi.";
    pub const BACK_TO_CONTENTS: &str = "Về mục lục sổ tay";
    pub const NOTE_ON: &str = "Ghi chú";
    pub const OPEN_ITEM: &str = "Mở mục này";
    pub const FRAMEWORKS_INTRO: &str = "Khung tiêu chí dưới đây lấy đúng từ dữ liệu chấm điểm mà ứng dụng dùng (một nguồn duy nhất).";
    pub const MAX_POINTS: &str = "tối đa";
    pub const THRESHOLDS: &str = "Xếp loại";
    pub const GUARDS: &str = "Quy tắc khống chế";
    pub const CURRENT_PACK: &str = "Đang dùng";
    pub const BUILTIN_PACK: &str = "Bộ nội dung có sẵn";
    pub const COMMITTEE_PACK: &str = "Bộ nội dung của cấp ủy";
    pub const NO_COMMITTEE_PACK: &str = "Chưa nạp bộ nội dung của cấp ủy.";
    pub const IMPORT_PACK: &str = "Nạp bộ nội dung của cấp ủy (tệp .json)";
    pub const IMPORT_HINT: &str = "Bộ nội dung do cấp ủy ban hành sẽ thay thế hoặc bổ sung các phần của sổ tay. Dấu trang và ghi chú vẫn được giữ.";
    pub const IMPORTED: &str = "Đã nạp bộ nội dung:";
    pub const IMPORT_FAILED: &str = "Không nạp được bộ nội dung. Sổ tay vẫn giữ nội dung đang dùng.";
    pub const FILE_TOO_BIG: &str = "Tệp quá lớn (trên 2 MB), không phải bộ nội dung sổ tay.";
    pub const FILE_UNREADABLE: &str = "Không đọc được tệp đã chọn.";
    pub const REVERT: &str = "Bỏ bộ nội dung của cấp ủy, dùng lại nội dung có sẵn";
    pub const REVERTED: &str = "Đã dùng lại nội dung có sẵn.";
    pub const CONFIRM_REVERT: &str = "Bỏ bộ nội dung của cấp ủy? Dấu trang và ghi chú vẫn được giữ.";
    pub const READ_ALOUD: &str = "Đọc to";
    pub const READ_SECTION_ALOUD: &str = "Đọc to cả phần";
    pub const PAUSE: &str = "Tạm dừng";
    pub const RESUME: &str = "Đọc tiếp";
    pub const STOP: &str = "Dừng đọc";
    pub const NEXT_ITEM: &str = "Mục tiếp theo:";
    pub const CONTINUE_READING: &str = "Đọc tiếp từ chỗ đã dừng:";
    pub const SOURCES_TITLE: &str = "Nguồn và đối chiếu";
    pub const SOURCES_INTRO: &str = "Mọi mục của sổ tay với văn bản nguồn, ngày đối chiếu và kết quả: mục nào đúng từng chữ với văn bản, mục nào là tóm tắt đúng ý, mục nào chưa xác nhận được hoặc chưa đối chiếu. Cấp ủy xem ở đây những mục cần đối chiếu thêm.";
    pub const SOURCES_TOTAL: &str = "Tổng số mục";
    pub const SOURCES_ORDER: &str = "Sắp xếp";
    pub const SOURCES_BY_READING: &str = "Theo thứ tự trong sổ tay";
    pub const SOURCES_BY_CHECK: &str = "Mục cần đối chiếu lên trước";
}

pub mod data {
    pub const TITLE: &str = "Dữ liệu";
    pub const SAFETY: &str = "An toàn dữ liệu";
    pub const PROTECTED: &str = "Trình duyệt đã đồng ý giữ dữ liệu, không tự xóa khi máy thiếu bộ nhớ.";
    pub const NOT_PROTECTED: &str = "Trình duyệt CHƯA cam kết giữ dữ liệu: khi máy thiếu bộ nhớ, dữ liệu có thể bị xóa. Hãy cài ứng dụng lên màn hình chính và sao lưu thường xuyên.";
    pub const PROTECTION_UNKNOWN: &str = "Trình duyệt này không cho biết có giữ dữ liệu hay không. Hãy sao lưu thường xuyên.";
    pub const ASK_PROTECTION: &str = "Yêu cầu trình duyệt giữ dữ liệu";
    pub const RECORDS_SIZE: &str = "Dữ liệu của chi bộ trên máy";
    pub const SITE_SIZE: &str = "Toàn bộ ứng dụng (gồm tệp để chạy khi không có mạng)";
    pub const OF_ABOUT: &str = "trên khoảng";
    pub const LAST_BACKUP: &str = "Lần sao lưu gần nhất";
    pub const NEVER_BACKED_UP: &str = "Chưa sao lưu lần nào.";
    pub const FOR_DANG_UY: &str = "Gửi cho đảng ủy";
    pub const FOR_DANG_UY_HINT: &str = "Tệp của một năm: thông tin chi bộ, đảng viên, các buổi sinh hoạt với phiếu chấm và bản kiểm điểm của năm đó — những gì đảng ủy cần để tổng hợp. Tệp này KHÔNG có đánh dấu và ghi chú sổ tay cá nhân.";
    pub const SHARE_YEAR: &str = "Gửi tệp năm cho đảng ủy (Zalo…)";
    pub const BACKUP: &str = "Sao lưu cho máy này";
    pub const BACKUP_HINT: &str = "Tệp sao lưu toàn bộ (.json) giữ an toàn mọi dữ liệu của máy này, gồm cả đánh dấu và ghi chú sổ tay cá nhân: cất ở nơi an toàn hoặc chuyển sang máy mới. Không cần gửi tệp này cho đảng ủy.";
    pub const EXPORT_ALL: &str = "Tải tệp sao lưu toàn bộ";
    pub const SHARE_ALL: &str = "Gửi tệp sao lưu (Zalo…)";
    pub const EXPORT_YEAR: &str = "Tải tệp năm cho đảng ủy về máy";
    pub const YEAR: &str = "Năm";
    pub const EXPORTED: &str = "Đã tạo tệp:";
    pub const SHARE_UNAVAILABLE: &str = "Trình duyệt này không gửi tệp được; tệp đã được tải về máy, hãy gửi tệp đó bằng Zalo.";
    pub const IMPORT: &str = "Khôi phục hoặc gộp từ tệp";
    pub const IMPORT_HINT: &str = "Chọn tệp sao lưu, hoặc tệp dữ liệu thô đã tải khi dữ liệu trên máy bị hỏng. Ứng dụng đọc và kiểm tra toàn bộ tệp trước, cho xem trước những gì sẽ thay đổi, rồi mới ghi.";
    pub const RAW_FILE: &str = "Tệp dữ liệu thô (tải khi dữ liệu trên máy bị hỏng): các bản ghi đọc được sẽ được gộp như một tệp sao lưu.";
    pub const CHOOSE_FILE: &str = "Chọn tệp sao lưu (.json)";
    pub const FILE_TOO_BIG: &str = "Tệp quá lớn (trên 10 MB), không phải tệp sao lưu của Sổ tay chi bộ.";
    pub const FILE_UNREADABLE: &str = "Không đọc được tệp đã chọn.";
    pub const INVALID_FILE: &str = "Tệp không nhập được. Dữ liệu trên máy không thay đổi.";
    pub const PREVIEW: &str = "Xem trước";
    pub const FILE_FROM: &str = "Tệp";
    pub const IF_MERGE: &str = "Nếu gộp (bản nào sửa sau thì giữ bản đó):";
    pub const IF_REPLACE: &str = "Nếu thay toàn bộ:";
    pub const MERGE: &str = "Gộp vào dữ liệu hiện có";
    pub const REPLACE: &str = "Thay toàn bộ bằng dữ liệu trong tệp";
    pub const CANCEL: &str = "Hủy";
    pub const CONFIRM_REPLACE: &str = "Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong tệp? Ứng dụng sẽ giữ một bản sao để có thể hoàn tác.";
    pub const NOTHING_TO_CHANGE: &str = "Tệp không có gì mới: dữ liệu trên máy đã giống hệt, không cần thay đổi.";
    pub const MERGED: &str = "Đã gộp dữ liệu từ tệp.";
    pub const REPLACED: &str = "Đã thay dữ liệu bằng dữ liệu trong tệp.";
    pub const UNDO_IMPORT: &str = "Hoàn tác (trở lại như trước khi nhập)";
    pub const UNDONE: &str = "Đã trở lại dữ liệu như trước khi nhập.";
    pub const NO_ROOM_FOR_SNAPSHOT: &str = "Bộ nhớ của trình duyệt đã đầy, không tạo được bản sao an toàn trước khi nhập. Chưa thay đổi gì. Hãy giải phóng bộ nhớ rồi thử lại.";
    pub const IMPORT_WRITE_FAILED: &str = "Bộ nhớ của trình duyệt đã đầy giữa chừng; đã trả dữ liệu về như trước khi nhập. Hãy giải phóng bộ nhớ rồi thử lại.";
    pub const PROBLEMS: &str = "Dữ liệu bị hỏng trên máy";
    pub const PROBLEMS_HINT: &str = "Những bản ghi sau không đọc được. Ứng dụng không tự xóa gì: hãy tải dữ liệu thô để giữ lại, rồi khôi phục từ bản sao hoặc tệp sao lưu.";
    pub const RAW_EXPORT: &str = "Tải dữ liệu thô (giữ nguyên mọi bản ghi)";
    pub const SNAPSHOT: &str = "Bản sao an toàn";
    pub const SNAPSHOT_FROM: &str = "Bản sao dữ liệu trước lần nhập gần nhất, lúc";
    pub const RESTORE_SNAPSHOT: &str = "Khôi phục bản sao này";
    pub const CONFIRM_RESTORE: &str = "Khôi phục dữ liệu về bản sao? Dữ liệu hiện có sẽ được thay bằng bản sao.";
    pub const RESTORED: &str = "Đã khôi phục bản sao: dữ liệu trên máy đã trở lại như trước lần nhập đó (đã kiểm tra từng mục).";
    pub const SNAPSHOT_KEPT_UNTIL: &str = "Bản sao được giữ đến hết ngày";
    pub const SNAPSHOT_KEPT_AFTER: &str = ", sau đó tự xóa; lần nhập tệp tiếp theo sẽ thay bằng bản sao mới.";
    pub const DROP_SNAPSHOT: &str = "Xóa bản sao này";
    pub const CONFIRM_DROP_SNAPSHOT: &str = "Xóa bản sao an toàn? Sau khi xóa sẽ không trở lại được dữ liệu như trước lần nhập gần nhất.";
    pub const SNAPSHOT_DROPPED: &str = "Đã xóa bản sao an toàn.";
    pub const NO_SNAPSHOT: &str = "Không còn bản sao an toàn để khôi phục (đã xóa hoặc đã hết hạn giữ). Dữ liệu trên máy không thay đổi.";
    pub const RESTORE_WRITE_FAILED: &str = "KHÔNG khôi phục được bản sao: bộ nhớ của trình duyệt từ chối ghi (có thể đã đầy). Dữ liệu trên máy vẫn như trước khi bấm, bản sao vẫn được giữ. Hãy giải phóng bộ nhớ rồi thử lại.";
    pub const RESTORE_NOT_AS_SNAPSHOT: &str = "KHÔNG khôi phục trọn vẹn được bản sao: sau khi ghi, dữ liệu trên máy không khớp với bản sao. Bản sao vẫn được giữ; hãy sao lưu dữ liệu hiện có rồi thử lại.";
    pub const BLOCKED: &str = "Dữ liệu trên máy được tạo bởi phiên bản mới hơn của ứng dụng, phiên bản này không đọc được và sẽ không ghi gì. Hãy mở bằng phiên bản mới nhất, hoặc tải dữ liệu thô để giữ lại.";
    pub const REMIND_NEVER: &str = "Chưa có bản sao lưu nào. Nếu mất hoặc hỏng điện thoại, dữ liệu của chi bộ sẽ mất.";
    pub const REMIND_OLD: &str = "Đã lâu chưa sao lưu dữ liệu";
    pub const REMIND_CHANGES: &str = "thay đổi chưa được sao lưu";
    pub const BACKUP_NOW: &str = "Sao lưu ngay";
}

pub mod settings {
    pub const TITLE: &str = "Cài đặt";
    pub const TEXT_SIZE: &str = "Cỡ chữ";
    pub const TEXT_SIZE_HINT: &str = "Áp dụng cho toàn bộ ứng dụng và được ghi nhớ trên máy này.";
    pub const SIZE_NORMAL: &str = "Bình thường";
    pub const SIZE_LARGE: &str = "Lớn";
    pub const SIZE_XLARGE: &str = "Rất lớn";
    pub const PREVIEW: &str = "Xem trước: Chi bộ là gốc rễ của Đảng ở trong quần chúng.";
    pub const SAVE_FAILED: &str = "Không lưu được lựa chọn cỡ chữ trên máy này. Cỡ chữ vẫn áp dụng cho lần dùng này.";
    pub const READ_ALOUD: &str = "Đọc to sổ tay";
    pub const VOICE_FOUND: &str = "Máy có giọng đọc tiếng Việt: mỗi mục của sổ tay có nút «Đọc to».";
    pub const NO_VOICE: &str = "Máy này chưa có giọng đọc tiếng Việt nên nút «Đọc to» không hiện. Có thể cài giọng tiếng Việt trong phần Cài đặt của điện thoại (Chuyển văn bản thành giọng nói).";
    pub const VOICE_CHECKING: &str = "Đang kiểm tra giọng đọc tiếng Việt của máy…";
}

pub mod update {
    pub const READY: &str = "Đã có phiên bản mới của Sổ tay chi bộ.";
    pub const SAFE: &str = "Những gì đang nhập đã được lưu, cập nhật không làm mất dữ liệu.";
    pub const APPLY: &str = "Cập nhật ngay";
    pub const LATER: &str = "Để sau";
}

pub mod lazy {
    pub const LOADING: &str = "Đang mở…";
    pub const FAILED_TITLE: &str = "Chưa mở được phần này";
    pub const FAILED: &str = "Phần này của ứng dụng chưa tải được về máy (có thể do mất mạng trong lần mở đầu tiên). Dữ liệu đã lưu vẫn còn nguyên. Khi có mạng, hãy bấm «Thử lại».";
    pub const RETRY: &str = "Thử lại";
}

pub mod not_found {
    pub const TITLE: &str = "Không tìm thấy trang";
    pub const BODY: &str = "Địa chỉ này không có trong Sổ tay chi bộ.";
    pub const BACK_HOME: &str = "Về Trang chủ";
}

pub mod errors {
    pub const CRASH: &str = "Ứng dụng gặp lỗi và phải dừng. Dữ liệu đã lưu trên máy vẫn còn nguyên. Hãy tải lại trang.";
}

pub mod dang_uy {
    /// Before a month's dues count in the year table: "ĐP 36/40".
    pub const DUES_SHORT: &str = "ĐP";
    pub const PREPARATION: &str = "Chuẩn bị sinh hoạt (thông báo, tài liệu)";
    pub const NO_PREPARATION: &str = "Tệp của chi bộ chưa có buổi sinh hoạt hay kế hoạch chuẩn bị nào trong năm này.";
    pub const TITLE: &str = "Tổng hợp của đảng ủy";
    pub const INTRO: &str = "Nhận tệp sao lưu của các chi bộ (qua Zalo, thư điện tử, USB…), chọn nhiều tệp một lần; ứng dụng kiểm tra từng tệp, gộp theo chi bộ và tính lại điểm bằng khung của từng chi bộ. Mọi thứ lưu trên máy này, không cần mạng.";
    pub const NAME_LABEL: &str = "Tên đảng ủy (in ở đầu bảng)";
    pub const NAME_PLACEHOLDER: &str = "Ví dụ: Đảng ủy xã An Phú";
    pub const PICK_FILES: &str = "Chọn tệp của các chi bộ (.json)";
    pub const LOADING: &str = "Đang đọc tổng hợp đã lưu…";
    pub const LOADING_CHI_BO: &str = "Đang mở chi bộ…";
    pub const LOAD_FAILED: &str = "Không đọc được tổng hợp đã lưu trên máy này:";
    pub const UNAVAILABLE: &str = "Trình duyệt này không cho lưu tổng hợp (IndexedDB bị tắt, ví dụ trong cửa sổ ẩn danh). Hãy mở ứng dụng trong cửa sổ thường của Chrome hoặc Cốc Cốc.";
    pub const STORAGE_FULL: &str = "Bộ nhớ của trình duyệt đã đầy: tệp này chưa được lưu, tổng hợp giữ nguyên như trước.";
    pub const STORAGE_FAILED: &str = "Không lưu được tệp này (lỗi trình duyệt); tổng hợp giữ nguyên như trước:";
    pub const UNREADABLE_FILE: &str = "Không đọc được tệp này từ máy.";
    pub const STORAGE_BLOCKED: &str = "Chưa mở được tổng hợp đã lưu: một thẻ (cửa sổ) khác của ứng dụng đang giữ dữ liệu này ở phiên bản khác. Hãy đóng các thẻ khác của Sổ tay chi bộ rồi tải lại trang này.";
    pub const STORAGE_CLOSED: &str = "Một thẻ khác vừa mở phiên bản mới của ứng dụng, nên thẻ này đã đóng dữ liệu tổng hợp để không làm hỏng nó. Hãy tải lại trang này; mọi tệp đã nhận vẫn được giữ.";
    pub const RELOAD: &str = "Tải lại trang";
    pub const PROGRESS: &str = "Đang kiểm tra và gộp tệp";
    pub const COMPUTING: &str = "Đang tính điểm các chi bộ";
    pub const STOP: &str = "Dừng nhận tệp";
    pub const STOPPING: &str = "Đang dừng…";

    /// After "Dừng": what was taken, and what to do with the rest.
    pub fn stopped(taken: usize, total: usize) -> String {
        format!(
            "Đã dừng sau {taken}/{total} tệp: những tệp đã nhận vẫn được giữ. {} tệp còn lại chưa được xem — chọn lại các tệp đó để nhận tiếp (tệp đã nhận rồi sẽ không bị tính hai lần).",
            total - taken
        )
    }
    pub const RESULTS: &str = "Kết quả nhận tệp";
    pub const TAKEN: &str = "tệp được nhận";
    pub const REFUSED: &str = "tệp bị từ chối";
    pub const UNREADABLE_ENTRIES: &str = "Một số chi bộ đã lưu không đọc được (vẫn được giữ nguyên, không bị xóa):";
    pub const EMPTY: &str = "Chưa có tệp nào. Hãy chọn các tệp sao lưu mà chi bộ gửi lên.";
    pub const YEAR: &str = "Năm";
    pub const PERIOD: &str = "Kỳ";
    pub const MONTH: &str = "Tháng";
    pub const QUARTER: &str = "Quý";
    pub const SUMMARY: &str = "Toàn đảng ủy";
    pub const HELD: &str = "Chi bộ đã sinh hoạt";
    pub const HELD_QUARTER: &str = "Chi bộ sinh hoạt đủ các tháng";
    pub const NOT_RECEIVED: &str = "Chi bộ chưa gửi tệp";
    pub const RATINGS: &str = "Xếp loại các buổi sinh hoạt";
    pub const UNSCORED: &str = "Chưa chấm";
    pub const AVERAGE_SCORE: &str = "Điểm bình quân";
    pub const AVERAGE_ATTENDANCE: &str = "Tỷ lệ dự họp bình quân";
    pub const WITHOUT_THEMATIC: &str = "Chưa sinh hoạt chuyên đề trong";
    pub const NONE: &str = "Không có";
    pub const ATTENTION: &str = "Chi bộ cần lưu ý";
    pub const NO_ATTENTION: &str = "Không có chi bộ nào cần lưu ý trong kỳ này.";
    pub const TABLE: &str = "Bảng theo tháng";
    pub const FILTER: &str = "Lọc theo tên chi bộ (gõ không dấu cũng được)";
    pub const SORT_BY: &str = "Sắp xếp theo";
    pub const COLUMN_NAME: &str = "Chi bộ";
    pub const COLUMN_LATEST: &str = "Tệp mới nhất";
    pub const COLUMN_HELD: &str = "Số tháng";
    pub const COLUMN_THEMATIC: &str = "Chuyên đề";
    pub const COLUMN_SCORE: &str = "Điểm TB";
    pub const COLUMN_ATTENDANCE: &str = "Dự họp TB";
    pub const MONTH_SHORT: &str = "T";
    pub const SUPERIOR_SHORT: &str = "Cấp trên";
    pub const OLD_FILE: &str = "tệp cũ";
    pub const NO_MATCH: &str = "Không có chi bộ nào khớp với tên đã gõ.";
    pub const PRINT: &str = "In bảng (A4 ngang)";
    pub const EXPORT_YEAR: &str = "Tải bảng năm (Excel, .csv)";
    pub const EXPORT_SUMMARY: &str = "Tải bảng theo chi bộ (Excel, .csv)";
    pub const EXPORT_NOTE: &str = "Tệp .csv mở bằng Excel (bấm đúp) hoặc LibreOffice, giữ nguyên dấu tiếng Việt; số dùng dấu phẩy thập phân.";
    pub const PRINTED_ON: &str = "Ngày in";
    pub const OPEN: &str = "Xem chi bộ";
    pub const BACK: &str = "Về bảng tổng hợp";
    pub const BACK_TO_CHI_BO: &str = "Về chi bộ";
    pub const READ_ONLY: &str = "Chỉ xem: đây là dữ liệu chi bộ gửi lên, không sửa được ở đây. Muốn sửa, chi bộ sửa trên máy của mình rồi gửi lại tệp.";
    pub const FILES: &str = "Các tệp đã nhận";
    pub const RECEIVED: &str = "nhận ngày";
    pub const WRITTEN: &str = "chi bộ ghi ngày";
    pub const MEETINGS: &str = "Các buổi sinh hoạt trong năm";
    pub const NO_MEETINGS: &str = "Không có buổi sinh hoạt nào trong năm này.";
    pub const COLUMN_DATE: &str = "Ngày";
    pub const COLUMN_KIND: &str = "Loại";
    pub const COLUMN_OWN: &str = "Chi bộ tự chấm";
    pub const COLUMN_SUPERIOR: &str = "Cấp trên chấm";
    pub const COLUMN_PRESENT: &str = "Dự họp";
    pub const COLUMN_STATUS: &str = "Tình trạng";
    pub const DRAFT: &str = "Đang ghi";
    pub const FINALISED: &str = "Đã hoàn tất";
    pub const REMOVE: &str = "Bỏ chi bộ này khỏi tổng hợp";
    pub const CONFIRM_REMOVE: &str = "Bỏ chi bộ này khỏi tổng hợp trên máy này? Dữ liệu trên máy của chi bộ không bị ảnh hưởng; có thể hoàn tác ngay sau đó.";
    pub const REMOVED: &str = "Đã bỏ khỏi tổng hợp:";
    pub const NOT_IN_COLLECTION: &str = "Chi bộ này không có trong tổng hợp.";
    pub const SHARE: &str = "Gửi khung chấm điểm và sổ tay cho chi bộ";
    pub const SHARE_INTRO: &str = "Khung chấm điểm và bộ nội dung sổ tay của đảng ủy đã nạp trên máy này được gửi thành tệp .json; chi bộ nạp ở Thông tin chi bộ và Sổ tay → Bộ nội dung.";
    pub const SHARE_NOTHING: &str = "Máy này chưa có khung chấm điểm hay bộ nội dung sổ tay riêng của đảng ủy.";
    pub const SHARE_FRAMEWORK: &str = "Gửi khung";
    pub const SHARE_PACK: &str = "Gửi bộ nội dung sổ tay";
    pub const LOAD_FRAMEWORK: &str = "Nạp khung chấm điểm của đảng ủy (Thông tin chi bộ)";
    pub const LOAD_PACK: &str = "Nạp bộ nội dung sổ tay (Sổ tay → Bộ nội dung)";
    pub const HOME_LINK: &str = "Tổng hợp nhiều chi bộ (dành cho đảng ủy)";
    pub const HOME_CHOICE: &str = "Máy này dùng để làm gì?";
    pub const HOME_CHI_BO: &str = "Ghi sinh hoạt của chi bộ";
    pub const HOME_DANG_UY: &str = "Tổng hợp nhiều chi bộ";
    pub const HOME_DANG_UY_HINT: &str = "Cán bộ đảng ủy xã, phường: nhận tệp của các chi bộ và xem một bảng chung.";
    pub const EDIT_FRAMEWORK: &str = "Soạn khung chấm điểm";
    pub const EDIT_PACK: &str = "Soạn bộ nội dung sổ tay";
}

/// The committee's authoring editors: "Soạn khung chấm điểm", "Soạn bộ nội dung sổ tay".
pub mod authoring {
    pub const FRAMEWORK_TITLE: &str = "Soạn khung chấm điểm";
    pub const PACK_TITLE: &str = "Soạn bộ nội dung sổ tay";
    pub const OPEN_FRAMEWORK_EDITOR: &str = "Soạn khung chấm điểm của cấp ủy";
    pub const OPEN_PACK_EDITOR: &str = "Soạn bộ nội dung sổ tay";
    pub const FRAMEWORK_EDITOR_HINT: &str = "Cấp ủy chưa có tệp khung? Có thể soạn khung ngay trên máy này (sao chép một khung có sẵn rồi sửa), lưu vào máy và xuất tệp gửi các chi bộ.";
    pub const PACK_EDITOR_HINT: &str = "Cấp ủy có thể soạn bộ nội dung ngay trên máy này, xem trước như trong sổ tay, rồi xuất tệp gửi các chi bộ.";
    pub const FRAMEWORK_INTRO: &str = "Cấp ủy soạn khung chấm điểm của mình ngay trên máy này, không cần viết tệp bằng tay. Bản nháp được lưu tự động; khung chỉ xuất ra tệp khi không còn lỗi nào.";
    pub const PACK_INTRO: &str = "Soạn bộ nội dung sổ tay của cấp ủy: các phần, các mục, nguồn văn bản. Bản nháp được lưu tự động; chỉ xuất ra tệp khi không còn lỗi nào.";
    pub const START_FROM: &str = "Bắt đầu từ";
    pub const COPY_OF: &str = "Sao chép khung";
    pub const START_EMPTY: &str = "Khung trống";
    pub const START_FROM_BUILTIN_PACK: &str = "Sao chép nội dung có sẵn của ứng dụng";
    pub const START_FROM_COMMITTEE_PACK: &str = "Sao chép bộ nội dung cấp ủy đang dùng";
    pub const START_EMPTY_PACK: &str = "Bộ nội dung trống";
    pub const DISCARD: &str = "Bỏ bản nháp";
    pub const CONFIRM_DISCARD: &str = "Bỏ bản nháp đang soạn? Không thể hoàn tác.";
    pub const DRAFT_SAVED: &str = "Bản nháp được lưu tự động trên máy này.";
    pub const DRAFT_NOT_SAVED: &str = "Không lưu được bản nháp (bộ nhớ trình duyệt từ chối).";

    pub const ABOUT: &str = "Thông tin khung";
    pub const NAME: &str = "Tên khung";
    pub const ID: &str = "Mã khung (chữ không dấu, số, dấu gạch)";
    pub const ISSUED_BY: &str = "Cấp ủy ban hành";
    pub const ISSUED_ON: &str = "Ngày ban hành";
    pub const LEGAL_BASIS: &str = "Căn cứ";
    pub const BASIS_LINE: &str = "Văn bản căn cứ";
    pub const ADD_BASIS: &str = "Thêm căn cứ";
    pub const EFFECTIVE_FROM: &str = "Có hiệu lực từ ngày";
    pub const EFFECTIVE_TO: &str = "Hết hiệu lực ngày";
    pub const SOURCE: &str = "Nguồn (lấy từ đâu)";
    pub const WORDING_STATUS: &str = "Độ tin cậy của lời văn";
    pub const OUTSIDE_THEMATIC_MONTH: &str = "Tiêu chí chỉ chấm trong tháng có chuyên đề, ở tháng không có chuyên đề";
    pub const NOTE: &str = "Ghi chú";
    pub const APPLIES_TO: &str = "Áp dụng cho buổi sinh hoạt";
    pub const TOTAL_POINTS: &str = "Tổng điểm tối đa";
    pub const THRESHOLDS: &str = "Ngưỡng xếp loại (từ số điểm này trở lên)";

    pub const GROUPS: &str = "Nhóm tiêu chí";
    pub const GROUP: &str = "Nhóm";
    pub const GROUP_ID: &str = "Số thứ tự nhóm";
    pub const GROUP_LABEL: &str = "Tên nhóm";
    pub const GROUP_MAX: &str = "Điểm tối đa của nhóm";
    pub const ADD_GROUP: &str = "Thêm nhóm";
    pub const CRITERION: &str = "Tiêu chí";
    pub const CRITERION_ID: &str = "Số hiệu";
    pub const CRITERION_LABEL: &str = "Nội dung tiêu chí";
    pub const CRITERION_MAX: &str = "Điểm tối đa";
    pub const CRITERION_KIND: &str = "Cách chấm";
    // Short enough for the select at 360 px in "Rất lớn"; the sentence under it says the rest.
    pub const KIND_TICK: &str = "Đánh dấu";
    pub const KIND_TICK_MEANS: &str = "Người chấm đánh dấu: đạt thì được điểm tối đa.";
    pub const KIND_PICK_ONE: &str = "Chọn mức";
    pub const KIND_PICK_ONE_MEANS: &str = "Người chấm chọn một trong các mức có sẵn.";
    pub const KIND_ATTENDANCE: &str = "Tỷ lệ dự họp";
    pub const KIND_ATTENDANCE_MEANS: &str = "Tự tính: tỷ lệ đảng viên dự.";
    pub const KIND_DURATION: &str = "Thời lượng";
    pub const KIND_DURATION_MEANS: &str = "Tự tính: thời lượng sinh hoạt.";
    pub const KIND_SPEAKERS: &str = "Phát biểu";
    pub const KIND_SPEAKERS_MEANS: &str = "Tự tính: tỷ lệ đảng viên phát biểu.";
    pub const KIND_TASKS: &str = "Việc kỳ trước";
    pub const KIND_TASKS_MEANS: &str = "Tự tính: tỷ lệ nhiệm vụ kỳ trước hoàn thành.";
    pub const KIND_AGENDA: &str = "Trình tự";
    pub const KIND_AGENDA_MEANS: &str = "Tự tính: thực hiện đủ các bước của trình tự.";
    pub const KIND_CONTENT_PREPARED: &str = "Chuẩn bị nội dung";
    pub const KIND_CONTENT_PREPARED_MEANS: &str = "Tự tính từ kế hoạch chuẩn bị: kế hoạch có nội dung sinh hoạt.";
    pub const KIND_OUTLINE_AND_DRAFT: &str = "Đề cương và dự thảo";
    pub const KIND_OUTLINE_AND_DRAFT_MEANS: &str = "Tự tính từ kế hoạch chuẩn bị: có cả đề cương gợi ý thảo luận và dự thảo nghị quyết (kết luận).";
    pub const KIND_COMMITTEE_PREPARED: &str = "Chi ủy chuẩn bị";
    pub const KIND_COMMITTEE_PREPARED_MEANS: &str = "Tự tính từ kế hoạch chuẩn bị: chi ủy họp chuẩn bị trước buổi sinh hoạt, hoặc chi bộ chỉ có bí thư.";
    pub const KIND_NOTICE_SENT: &str = "Thông báo";
    pub const KIND_NOTICE_SENT_MEANS: &str = "Tự tính từ kế hoạch chuẩn bị: đã gửi thông báo cho đảng viên trước giờ sinh hoạt.";
    pub const KIND_DOCUMENTS_SENT: &str = "Gửi tài liệu";
    pub const KIND_DOCUMENTS_SENT_MEANS: &str = "Tự tính từ kế hoạch chuẩn bị: tài liệu được gửi trước buổi sinh hoạt ít nhất số ngày quy định.";
    pub const REQUIRES_MINUTES: &str = "Cuộc họp chi ủy phải có biên bản";
    pub const REQUIRES_SUPERIOR: &str = "Phải thông báo cả đồng chí cấp ủy viên cấp trên phụ trách";
    pub const MIN_DAYS_BEFORE: &str = "Gửi trước ít nhất (ngày)";
    pub const ONLY_THEMATIC: &str = "Chỉ chấm trong tháng có sinh hoạt chuyên đề";
    pub const HINT: &str = "Gợi ý cho người chấm";
    pub const ADD_CRITERION: &str = "Thêm tiêu chí";
    pub const OPTIONS: &str = "Các lựa chọn";
    pub const OPTION_LABEL: &str = "Lựa chọn";
    pub const OPTION_POINTS: &str = "Điểm";
    pub const ADD_OPTION: &str = "Thêm lựa chọn";
    pub const BANDS: &str = "Các mức (mức cao nhất trước, mức cuối là «còn lại»)";
    pub const BAND: &str = "Mức";
    pub const BAND_CONDITION: &str = "Điều kiện";
    // Each condition's name is short enough for its select at 360 px in "Rất lớn" (a select
    // shows one line); what the number means is said by the value field's label.
    pub const BAND_PERCENT_AT_LEAST: &str = "Từ (≥) … %";
    pub const BAND_PERCENT_ABOVE: &str = "Trên (>) … %";
    pub const BAND_SHORTFALL_AT_MOST: &str = "Thiếu tối đa";
    pub const BAND_DURATION_AT_LEAST: &str = "Đạt tối thiểu";
    pub const BAND_OTHERWISE: &str = "Còn lại";
    pub const BAND_VALUE_PERCENT: &str = "Tỷ lệ (%)";
    pub const BAND_VALUE_SHORTFALL: &str = "Số phút thiếu";
    pub const BAND_VALUE_DURATION_PERCENT: &str = "% thời lượng quy định";
    pub const BAND_POINTS: &str = "Điểm";
    pub const ADD_BAND: &str = "Thêm mức";
    pub const ABSENT_FORCES_LOWEST: &str = "Có người vắng không lý do thì tính mức thấp nhất";
    pub const STREAK_BONUS: &str = "Điểm cộng khi không ai vắng có lý do quá số lần liên tiếp";
    pub const STREAK_POINTS: &str = "Điểm cộng";
    pub const STREAK_LIMIT: &str = "Số lần vắng liên tiếp tối đa";
    pub const REQUIRED_MINUTES: &str = "Thời lượng yêu cầu (phút)";
    pub const IF_MEMBERS: &str = "Chi bộ từ bao nhiêu đảng viên";
    pub const IF_MEMBERS_MINUTES: &str = "thì yêu cầu (phút)";
    pub const IF_COMBINED: &str = "Buổi kết hợp chuyên đề (phút)";
    pub const IF_THEMATIC: &str = "Buổi chuyên đề riêng (phút)";
    pub const EMPTY_MEANS_NONE: &str = "Để trống nếu không áp dụng.";

    pub const GUARDS: &str = "Quy tắc khống chế xếp loại";
    pub const GUARDS_HINT: &str = "Ví dụ: xếp loại Tốt cần đạt điểm tối đa ở tiêu chí tỷ lệ dự, thời lượng; nếu không thì cao nhất là Khá.";
    pub const GUARD: &str = "Quy tắc";
    pub const GUARD_RATING: &str = "Muốn xếp loại";
    pub const GUARD_CRITERIA: &str = "phải đạt điểm tối đa ở các tiêu chí";
    pub const GUARD_OTHERWISE: &str = "Nếu không, cao nhất là";
    pub const ADD_GUARD: &str = "Thêm quy tắc khống chế";

    pub const STEPS: &str = "Trình tự sinh hoạt (dùng cho tiêu chí «đủ các bước»)";
    pub const STEP_LABEL: &str = "Bước";
    pub const STEP_OPTIONAL: &str = "Chỉ khi có việc (không bắt buộc)";
    pub const ADD_STEP: &str = "Thêm bước";

    pub const MOVE_UP: &str = "Lên";
    pub const MOVE_DOWN: &str = "Xuống";
    pub const REMOVE: &str = "Xóa";

    pub const NOT_A_NUMBER: &str = "Hãy nhập một số (ví dụ 2 hoặc 2,5).";
    pub const NOT_A_WHOLE_NUMBER: &str = "Hãy nhập một số nguyên.";
    pub const PROBLEMS: &str = "Cần sửa trước khi xuất tệp";
    pub const NO_PROBLEMS: &str = "Không còn lỗi. Có thể xuất tệp.";
    pub const PREVIEW: &str = "Xem trước phiếu chấm";
    pub const PREVIEW_HINT: &str = "Phiếu chấm như bí thư sẽ thấy, chấm thử trên một buổi sinh hoạt mẫu: 10 đảng viên, 9 có mặt (1 vắng có lý do), 95 phút, 6 người phát biểu, 4/5 nhiệm vụ kỳ trước hoàn thành, mọi tiêu chí đánh dấu đều được đánh dấu.";
    pub const PREVIEW_NEEDS_VALID: &str = "Sửa hết các lỗi để xem trước phiếu chấm.";
    pub const SAVE_ON_DEVICE: &str = "Lưu khung này vào máy";
    pub const SAVED_ON_DEVICE: &str = "Đã lưu khung vào máy. Chọn khung ở «Thông tin chi bộ» để chấm điểm theo khung này.";
    pub const SAVE_FAILED: &str = "Không lưu được khung vào máy (bộ nhớ trình duyệt từ chối).";
    pub const EXPORT: &str = "Xuất tệp (.json)";
    pub const SHARE: &str = "Gửi tệp (Zalo…)";
    pub const EXPORTED: &str = "Đã xuất tệp.";
    pub const EXPORT_FAILED: &str = "Không xuất được tệp.";
    pub const BACK_TO_CHI_BO: &str = "Về Thông tin chi bộ";

    pub const PACK_ABOUT: &str = "Thông tin bộ nội dung";
    pub const PACK_NAME: &str = "Tên bộ nội dung";
    pub const PACK_ID: &str = "Mã bộ nội dung (chữ không dấu, số, dấu gạch)";
    pub const PACK_ISSUER: &str = "Cơ quan ban hành";
    pub const PACK_VERSION: &str = "Phiên bản";
    pub const PACK_PUBLISHED: &str = "Ngày phát hành";
    pub const SECTIONS: &str = "Các phần";
    pub const SECTION: &str = "Phần";
    pub const SECTION_TITLE: &str = "Tên phần";
    pub const SECTION_KIND: &str = "Loại phần";
    pub const KIND_TEXT: &str = "Các mục có nội dung";
    pub const KIND_FRAMEWORKS: &str = "Khung chấm điểm (lấy từ các khung trong ứng dụng)";
    pub const ADD_SECTION: &str = "Thêm phần";
    pub const ITEMS: &str = "Các mục";
    pub const ITEM: &str = "Mục";
    pub const ITEM_TITLE: &str = "Tiêu đề mục";
    pub const ITEM_BODY: &str = "Nội dung";
    pub const ITEM_DOCUMENT: &str = "Văn bản nguồn";
    pub const ITEM_DATE: &str = "Ngày của văn bản (năm, tháng-năm hoặc ngày đầy đủ, ví dụ 2025-10-28)";
    pub const ITEM_STATUS: &str = "Loại nội dung";
    pub const ITEM_NUMBERS: &str = "Số thứ tự (nếu có)";
    pub const ITEM_NUMBERS_HINT: &str = "Số của văn bản (ví dụ «Điều 4», «nhóm 2, (3)») và số thứ tự riêng của bộ nội dung (ví dụ «12/27»); màn hình đọc ghi rõ số nào là của văn bản.";
    pub const NUMBER_IN_DOCUMENT: &str = "Số trong văn bản";
    pub const NUMBER_IN_APP: &str = "Số thứ tự riêng của bộ nội dung";
    pub const ITEM_CHECK: &str = "Đối chiếu với văn bản nguồn";
    pub const ITEM_CHECK_HINT: &str = "Mục ghi «Nguyên văn» phải được đối chiếu đúng từng chữ với văn bản: ghi ngày đối chiếu, văn bản hay trang đã đối chiếu (cơ quan, số, ngày; trang báo, sách in) và địa chỉ trang nếu có.";
    pub const CHECK_OUTCOME: &str = "Kết quả đối chiếu";
    pub const CHECKED_ON: &str = "Ngày đối chiếu";
    pub const COMPARED_WITH: &str = "Đã đối chiếu với (văn bản, cơ quan, số, ngày; trang hoặc sách in)";
    pub const CHECK_ADDRESS: &str = "Địa chỉ trang nguồn (https://…, nếu có)";
    pub const ADD_ITEM: &str = "Thêm mục";
    pub const EDIT_ITEM: &str = "Sửa mục";
    pub const CLOSE_ITEM: &str = "Thu gọn";
    pub const TOOLBAR: &str = "Định dạng nội dung";
    pub const TOOL_PARAGRAPH: &str = "Đoạn mới";
    pub const TOOL_LIST: &str = "Gạch đầu dòng";
    pub const TOOL_EMPHASIS: &str = "Nhấn mạnh";
    pub const TOOL_HEADING: &str = "Tiêu đề nhỏ";
    pub const TOOL_QUOTE: &str = "Trích dẫn";
    pub const BODY_PREVIEW: &str = "Xem trước (như trong sổ tay)";
    pub const USE_ON_DEVICE: &str = "Dùng bộ nội dung này trên máy";
    pub const USED_ON_DEVICE: &str = "Đã dùng bộ nội dung này trên máy.";
    pub const OPEN_HANDBOOK: &str = "Mở sổ tay";
    pub const USE_FAILED: &str = "Không lưu được bộ nội dung vào máy (bộ nhớ trình duyệt từ chối).";
    pub const BACK_TO_PACKS: &str = "Về trang bộ nội dung sổ tay";

    pub fn problem_count(count: usize) -> String {
        format!("Còn {count} lỗi cần sửa. Chưa thể xuất tệp hay lưu.")
    }

    pub fn running_total(sum: &str, declared: &str) -> String {
        format!("Các nhóm cộng lại: {sum} / tổng khai báo {declared} điểm")
    }

    pub fn group_total(sum: &str, declared: &str) -> String {
        format!("Các tiêu chí cộng lại: {sum} / {declared} điểm")
    }

    pub fn confirm_replace_stored(name: &str, id: &str, meetings_scored: usize) -> String {
        let used = if meetings_scored > 0 { format!(", đã dùng chấm {meetings_scored} buổi sinh hoạt trên máy này") } else { String::new() };
        format!("Máy này đã có khung «{name}» cùng mã «{id}»{used}. Lưu sẽ thay khung đó bằng khung đang soạn. Lưu và thay?")
    }

    pub fn id_is_builtin(id: &str) -> String {
        format!("Mã «{id}» trùng với một khung có sẵn trong ứng dụng; hãy đặt mã khác.")
    }

    pub fn numbered(noun: &str, number: usize) -> String {
        format!("{noun} {number}")
    }

    pub fn file_name(id: &str) -> String {
        format!("{id}.json")
    }
}

pub mod preparation {
    pub const TITLE: &str = "Chuẩn bị sinh hoạt";
    pub const NOT_FOUND: &str = "Không tìm thấy kế hoạch chuẩn bị này (có thể đã bị xóa).";
    pub const FRAMEWORK_TICKS: &str = "Khung chấm điểm chi bộ đang dùng chưa tính nhóm \"Công tác chuẩn bị\" từ kế hoạch này (vẫn phải đánh dấu bằng tay). Có thể chọn khung phiên bản 2 trong";
    pub const WHEN_WHERE: &str = "Thời gian, địa điểm";
    pub const KIND: &str = "Loại sinh hoạt";
    pub const DATE: &str = "Ngày sinh hoạt";
    pub const START: &str = "Bắt đầu";
    pub const END: &str = "Kết thúc";
    pub const PLACE: &str = "Địa điểm";
    pub const TOPIC: &str = "Chuyên đề";
    pub const CONTENT: &str = "Nội dung sinh hoạt";
    pub const CONTENT_HINT: &str = "Gợi ý từ trình tự sinh hoạt, nhiệm vụ của nghị quyết kỳ trước và chuyên đề; sửa, thêm, bớt cho phù hợp.";
    pub const CONTENT_ITEM: &str = "Nội dung";
    pub const ADD_CONTENT: &str = "Thêm nội dung";
    pub const PROPOSE_AGAIN: &str = "Lấy lại nội dung gợi ý";
    pub const REMOVE: &str = "Bỏ";
    pub const REMOVE_CONTENT: &str = "Bỏ nội dung";
    pub const DOCUMENTS: &str = "Tài liệu sinh hoạt";
    pub const COMMITTEE: &str = "Chi ủy chuẩn bị";
    pub const COMMITTEE_NOT_YET: &str = "Chưa ghi";
    pub const COMMITTEE_MEETING: &str = "Chi ủy họp chuẩn bị";
    pub const ONLY_SECRETARY: &str = "Chi bộ chỉ có bí thư (không có chi ủy)";
    pub const COMMITTEE_DATE: &str = "Ngày chi ủy họp";
    pub const COMMITTEE_WHO: &str = "Đồng chí dự họp chi ủy";
    pub const COMMITTEE_MINUTES: &str = "Biên bản tóm tắt cuộc họp chi ủy";
    pub const SEND: &str = "Thông báo và gửi tài liệu";
    pub const SEND_HINT: &str = "Bấm nút gửi để chia sẻ qua Zalo hoặc ứng dụng khác; ứng dụng ghi lại lúc gửi. Nếu đã gửi bằng cách khác, bấm \"Đã gửi\".";
    pub const NOTICE_PREVIEW: &str = "Thông báo sẽ gửi";
    pub const NOTICE_TO_MEMBERS: &str = "Thông báo cho đảng viên";
    pub const NOTICE_TO_SUPERIOR: &str = "Thông báo cho đồng chí cấp ủy viên cấp trên phụ trách";
    pub const DOCUMENTS_SENT: &str = "Gửi tài liệu cho đảng viên";
    pub const SEND_NOTICE: &str = "Gửi thông báo";
    pub const SEND_TO_SUPERIOR: &str = "Gửi cho đồng chí phụ trách";
    pub const SEND_DOCUMENTS: &str = "Gửi tài liệu";
    pub const PRINT_DOCUMENTS: &str = "In tài liệu (A4)";
    pub const NOT_SENT: &str = "Chưa gửi";
    pub const MARK_SENT: &str = "Đã gửi";
    pub const UNDO_SENT: &str = "Bỏ ghi nhận";
    pub const SHARE_CANCELLED: &str = "Chưa gửi (đã đóng bảng chia sẻ).";
    pub const COPIED_AND_DOWNLOADED: &str = "Máy này không chia sẻ được: đã chép nội dung và tải tệp xuống. Gửi xong, bấm \"Đã gửi\".";
    pub const OPEN_MEETING: &str = "Ghi biên bản buổi sinh hoạt từ kế hoạch";
    pub const OPEN_MEETING_HINT: &str = "Khi họp: biên bản lấy ngày, giờ, địa điểm và dự thảo nghị quyết từ kế hoạch này.";
    pub const MEETING_MADE: &str = "Đã ghi biên bản buổi sinh hoạt:";
    pub const CONFIRM_DELETE: &str = "Xóa kế hoạch chuẩn bị này?";
    pub const DELETED: &str = "Đã xóa kế hoạch chuẩn bị";
    pub const DELETE: &str = "Xóa kế hoạch";
    pub const OPEN_PLANS: &str = "Kế hoạch chuẩn bị chưa họp";
    pub const PLAN_BADGE: &str = "Chuẩn bị";
    pub const START_PLAN: &str = "Chuẩn bị buổi sinh hoạt tới";
    pub const PLAN_OF_MEETING: &str = "Kế hoạch chuẩn bị buổi này";
    pub const PLAN_MISSING: &str = "Buổi này được ghi từ một kế hoạch chuẩn bị không còn trên máy (đã xóa hoặc chưa nhận từ máy khác).";
    pub const PRINT_TITLE: &str = "Tài liệu sinh hoạt";
    pub const PRINT_HEADING: &str = "TÀI LIỆU SINH HOẠT CHI BỘ";
    pub const NO_DOCUMENTS: &str = "Kế hoạch chưa có đề cương gợi ý thảo luận và dự thảo nghị quyết.";
    pub const PRINT: &str = "In";
    pub const BACK_TO_PLAN: &str = "Về kế hoạch";
}

pub mod dues {
    pub const TITLE: &str = "Sổ thu nộp đảng phí";
    pub const OPEN_BOOK: &str = "Sổ đảng phí";
    pub const SET_UP: &str = "Nhập thông tin chi bộ";
    pub const MONTH: &str = "Tháng";
    pub const PREVIOUS_MONTH: &str = "Tháng trước";
    pub const NEXT_MONTH: &str = "Tháng sau";
    pub const NO_CHI_BO: &str = "Chưa có thông tin chi bộ. Hãy nhập thông tin chi bộ và danh sách đảng viên trước.";
    pub const NO_MEMBERS: &str = "Tháng này chi bộ chưa có đảng viên nào trong danh sách.";
    pub const HINT: &str = "Bấm \"Tiền mặt\" khi đồng chí nộp tiền cho chi bộ, \"Cổng DVC\" khi đồng chí đã đóng trên Cổng Dịch vụ công quốc gia. Bấm lại để bỏ. Ứng dụng chỉ ghi sổ, không thu tiền và không đăng nhập vào đâu.";
    pub const WAY: &str = "Hình thức nộp";
    pub const CASH: &str = "Tiền mặt";
    pub const PORTAL: &str = "Cổng DVC";
    pub const DETAILS: &str = "Chi tiết";
    pub const CLOSE_DETAILS: &str = "Đóng chi tiết";
    pub const UNPAID: &str = "Chưa đóng";
    pub const EXEMPT: &str = "Miễn đóng";
    pub const USUAL: &str = "Mức thường đóng";
    pub const NO_USUAL: &str = "Chưa có mức đóng: mở \"Chi tiết\" để nhập";
    pub const AMOUNT: &str = "Số tiền (đồng)";
    pub const MONTHS_COVERED: &str = "Số tháng đóng (đóng gộp)";
    pub const MONTHS_COVERED_HINT: &str = "Đóng một lần cho nhiều tháng liền, tính từ tháng này.";
    pub const NOTE: &str = "Ghi chú";
    pub const PAID_ON: &str = "Ngày nộp";
    pub const RECORD_PAYMENT: &str = "Ghi đã đóng";
    pub const SAVE_PAYMENT: &str = "Lưu khoản đóng";
    pub const REMOVE_PAYMENT: &str = "Bỏ khoản đóng";
    pub const REMOVED: &str = "Đã bỏ khoản đóng đảng phí";
    pub const UNDO: &str = "Hoàn tác";
    pub const AMOUNT_NEEDED: &str = "Nhập số tiền (lớn hơn 0) rồi bấm \"Ghi đã đóng\".";
    pub const AMOUNT_INVALID: &str = "Số tiền phải là số nguyên đồng, lớn hơn 0, không quá 100.000.000 đ.";
    pub const MONTHS_INVALID: &str = "Số tháng đóng gộp phải từ 1 đến 60.";
    pub const COVERED_EARLIER: &str = "Đã đóng gộp từ";
    pub const COVERED_EARLIER_EDIT: &str = "Sửa khoản đóng gộp ở tháng";
    pub const PROFILE: &str = "Mức đóng của đồng chí";
    pub const CATEGORY: &str = "Đối tượng";
    pub const CHOOSE_CATEGORY: &str = "— Chọn đối tượng —";
    pub const BASE: &str = "Căn cứ tính (đồng/tháng)";
    pub const REGION: &str = "Vùng lương tối thiểu nơi sinh hoạt";
    pub const SUGGESTED: &str = "Theo quy định";
    pub const USE_SUGGESTED: &str = "Dùng mức này";
    pub const SAVE_PROFILE: &str = "Lưu mức đóng";
    pub const PROFILE_SAVED: &str = "Đã lưu mức đóng.";
    pub const SAVE_FAILED: &str = "Chưa lưu được (bộ nhớ của trình duyệt từ chối). Hãy sao lưu dữ liệu và giải phóng bộ nhớ.";
    pub const TOTALS: &str = "Tổng hợp tháng";
    pub const BEHIND: &str = "Chưa đóng";
    pub const EVERYONE_PAID: &str = "Tất cả đồng chí phải đóng đã đóng.";
    pub const NO_BOOK_YET: &str = "Chưa ghi khoản đóng nào trong tháng.";
    pub const PRINT_MONTH: &str = "In sổ tháng (A4)";
    pub const CSV_MONTH: &str = "Tải bảng tháng (Excel)";
    pub const YEAR_BOOK: &str = "Cả năm";
    pub const YEAR_TITLE: &str = "Đảng phí năm";
    pub const PRINT_YEAR: &str = "In sổ năm (A4)";
    pub const CSV_YEAR: &str = "Tải bảng năm (Excel)";
    pub const DOWNLOADED: &str = "Đã tải tệp";
    pub const DOWNLOAD_FAILED: &str = "Không tải được tệp trên máy này.";
    pub const WARNINGS: &str = "Cần chi bộ xem xét";
    pub const NO_WARNINGS: &str = "Không có đồng chí nào chưa đóng đảng phí từ 3 tháng trở lên trong năm.";
    pub const RULE: &str = "Quy định đang dùng";
    pub const RULE_OF_COMMITTEE: &str = "Quy định do cấp ủy nạp";
    pub const RULE_BUILTIN: &str = "Quy định có sẵn trong ứng dụng";
    pub const REMOVE_RULE: &str = "Bỏ quy định của cấp ủy, dùng quy định có sẵn";
    pub const BACK_TO_BOOK: &str = "Về sổ đảng phí";
    pub const PRINT: &str = "In";
    pub const PRINT_HEADING: &str = "SỔ THU NỘP ĐẢNG PHÍ";
    pub const SIGN_TREASURER: &str = "Người thu";
    pub const SIGN_SECRETARY: &str = "Bí thư chi bộ";
    pub const SIGN_HINT: &str = "(Ký, ghi rõ họ tên)";
    pub const IN_MEETING: &str = "Báo cáo thu nộp đảng phí";
    pub const MEMBER_YEAR: &str = "Đảng phí trong năm";
    pub const MEMBER_NO_BOOK: &str = "Chi bộ chưa ghi sổ đảng phí năm này.";
    pub const RULE_FILE_HINT: &str = "Nếu cấp ủy cấp trên gửi tệp quy định đảng phí (.json), nạp ở đây: ứng dụng kiểm tra toàn bộ tệp trước khi dùng.";
    pub const RULE_FILE_BUTTON: &str = "Nạp tệp quy định đảng phí";
    pub const RULE_FILE_TOO_BIG: &str = "Tệp quá lớn để là một quy định đảng phí (tối đa 512 KB).";
    pub const RULE_FILE_UNREADABLE: &str = "Không đọc được tệp.";
    pub const RULE_FILE_REFUSED: &str = "Chưa dùng được tệp này:";
    pub const RULE_FILE_PREVIEW: &str = "Quy định trong tệp";
    pub const RULE_FILE_USE: &str = "Dùng quy định này";
    pub const RULE_FILE_CANCEL: &str = "Thôi";

    pub fn rule_loaded(name: &str) -> String {
        format!("Đã dùng quy định: {name}.")
    }

    /// "Tháng 11/2026".
    pub fn month_title(year: i32, month: u32) -> String {
        format!("Tháng {month}/{year}")
    }
}
