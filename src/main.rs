fn main() {
    sotay_app::start();
}
