//! Pieces of the native benchmarks' generated members.

use chrono::NaiveDate;
use sotay_domain::model::Exemption;
use sotay_domain::Member;

use super::random::Random;

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// One member in ten left, one joined late and one is exempt, in a year from `first_year`
/// on (one draw decides which, a second the year).
pub fn give_random_history(member: &mut Member, first_year: i32, random: &mut Random) {
    match random.below(10) {
        0 => member.left_on = Some(date(first_year + random.below(10) as i32, 6, 30)),
        1 => member.joined_on = Some(date(first_year + random.below(10) as i32, 1, 1)),
        2 => member.exemptions.push(Exemption {
            reason: "Tuổi cao, sức yếu".into(),
            from: date(first_year + random.below(10) as i32, 1, 1),
            to: None,
        }),
        _ => {}
    }
}
