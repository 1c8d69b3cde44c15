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
    pub const COMING_TITLE: &str = "Đang xây dựng";
    pub const COMING: &str = "Phần thiết lập chi bộ, danh sách đảng viên và ghi sinh hoạt chưa có trong bản này. Hiện chỉ có phần Cài đặt cỡ chữ hoạt động.";
}

pub mod meetings {
    pub const TITLE: &str = "Sinh hoạt chi bộ";
    pub const COMING: &str = "Sắp có: ghi biên bản sinh hoạt hằng tháng (điểm danh, trình tự, nhiệm vụ, nghị quyết), phiếu chấm điểm chất lượng tính tự động theo khung của cấp ủy, lịch sử các kỳ sinh hoạt và tổng hợp cả năm. Phần này chưa hoạt động.";
}

pub mod handbook {
    pub const TITLE: &str = "Sổ tay đảng viên";
    pub const COMING: &str = "Sắp có: lời Bác Hồ về chi bộ và đảng viên, 27 biểu hiện suy thoái, những điều đảng viên không được làm, hướng dẫn sinh hoạt chi bộ, khung tiêu chí chấm điểm — tra cứu không cần gõ dấu, có đánh dấu và ghi chú. Phần này chưa hoạt động.";
}

pub mod data {
    pub const TITLE: &str = "Dữ liệu";
    pub const COMING: &str = "Sắp có: sao lưu toàn bộ dữ liệu ra tệp JSON, gửi qua Zalo hoặc ứng dụng khác, khôi phục và gộp dữ liệu từ tệp. Phần này chưa hoạt động.";
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
}

pub mod update {
    pub const READY: &str = "Đã có phiên bản mới của Sổ tay chi bộ.";
    pub const SAFE: &str = "Những gì đang nhập đã được lưu, cập nhật không làm mất dữ liệu.";
    pub const APPLY: &str = "Cập nhật ngay";
    pub const LATER: &str = "Để sau";
}

pub mod not_found {
    pub const TITLE: &str = "Không tìm thấy trang";
    pub const BODY: &str = "Địa chỉ này không có trong Sổ tay chi bộ.";
    pub const BACK_HOME: &str = "Về Trang chủ";
}

pub mod errors {
    pub const CRASH: &str = "Ứng dụng gặp lỗi và phải dừng. Dữ liệu đã lưu trên máy vẫn còn nguyên. Hãy tải lại trang.";
}
