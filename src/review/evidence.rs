//! The year's evidence on screen (and, the same component, in the printed dossier): the
//! facts, each month's meeting with both ratings, and each member's year with the warnings.

use chrono::Datelike;
use leptos::prelude::*;
use sotay_domain::analytics::{MeetingLine, ScoreLine};
use sotay_domain::review::YearEvidence;
use sotay_domain::text as dt;

use crate::router::Screen;
use crate::text::review as t;

/// "97 · Tốt", or a dash when not scored.
fn score_cell(score: Option<ScoreLine>) -> String {
    score.map_or_else(|| t::NOT_SCORED.to_owned(), |s| format!("{} · {}", dt::decimal(s.total), dt::rating(s.rating)))
}

/// The facts of the year as label / value pairs (shown as a list, printed as lines).
pub(crate) fn facts(evidence: &YearEvidence) -> Vec<(&'static str, String)> {
    let summary = &evidence.summary;
    let missing_months = if summary.months_missing.is_empty() { t::NONE_MISSING.to_owned() } else { dt::months(&summary.months_missing) };
    let missing_quarters = if summary.quarters_missing_thematic.is_empty() {
        t::NONE_MISSING.to_owned()
    } else {
        summary.quarters_missing_thematic.iter().map(|q| dt::quarter(*q)).collect::<Vec<_>>().join(", ")
    };
    vec![
        (t::HELD, format!("{}/12", summary.months_held.len())),
        (t::MISSING_MONTHS, missing_months),
        (t::THEMATIC, format!("{}/4", summary.quarters_with_thematic.len())),
        (t::MISSING_QUARTERS, missing_quarters),
        (t::AVERAGE_SCORE, summary.average_score.map(dt::points).unwrap_or_else(|| t::NOT_SCORED.into())),
        (t::AVERAGE_ATTENDANCE, summary.average_attendance_percent.map(dt::percent_f64).unwrap_or_else(|| t::NOT_SCORED.into())),
    ]
}

#[component]
pub(crate) fn EvidenceView(evidence: YearEvidence, year: i32) -> impl IntoView {
    let facts = facts(&evidence)
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd><strong>{value}</strong></dd> })
        .collect_view();
    let tasks = dt::review::tasks_done_line(evidence.summary.resolution_tasks_done);
    view! {
        <section class="card evidence">
            <h2>{t::EVIDENCE}</h2>
            <dl class="facts">{facts}</dl>
            <p class="tasks-line">{tasks}</p>
            <h3>{t::MONTHS}</h3>
            <MonthTable meetings=evidence.summary.meetings.clone()/>
        </section>
        <section class="card">
            <h2>{t::MEMBERS}</h2>
            <MemberTable evidence=evidence.clone() year=Some(year)/>
            <Warnings evidence=evidence/>
        </section>
    }
}

/// Twelve months: each meeting with its kind, both ratings and attendance; a month without
/// a meeting says so.
#[component]
pub(crate) fn MonthTable(meetings: Vec<MeetingLine>) -> impl IntoView {
    let rows = (1..=12u32)
        .map(|month| {
            let of_month: Vec<&MeetingLine> = meetings.iter().filter(|line| line.date.month() == month).collect();
            if of_month.is_empty() {
                return view! { <tr class="missing"><th scope="row">{month}</th><td colspan="5">{t::NO_MEETING}</td></tr> }.into_any();
            }
            of_month
                .into_iter()
                .map(|line| view! {
                    <tr>
                        <th scope="row">{month}</th>
                        <td>{dt::date(line.date)}</td>
                        <td>{t::kind_short(line.kind)}</td>
                        <td>{score_cell(line.own)}</td>
                        <td>{score_cell(line.superior)}</td>
                        <td>{line.attendance.map(dt::percent).unwrap_or_default()}</td>
                    </tr>
                })
                .collect_view()
                .into_any()
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="attendance-table month-table">
                <thead><tr>
                    <th scope="col">{t::MONTH}</th><th scope="col">{t::DAY}</th><th scope="col">{t::KIND}</th>
                    <th scope="col">{t::OWN}</th><th scope="col">{t::SUPERIOR}</th><th scope="col">{t::ATTENDANCE}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Each member's year in a row; on screen (`year` set) each row links to the member's page.
#[component]
pub(crate) fn MemberTable(evidence: YearEvidence, year: Option<i32>) -> impl IntoView {
    let rows = evidence
        .members
        .iter()
        .map(|member| {
            let a = &member.attendance;
            let link = year.map(|year| {
                let href = Screen::MemberYearPrint(year, Some(member.member_id().to_owned())).href();
                view! { <td class="no-print"><a href=href>{t::MEMBER_PAGE}</a></td> }
            });
            view! {
                <tr>
                    <th scope="row">{a.name.clone()}</th>
                    <td>{format!("{}/{}", a.present, a.expected)}</td>
                    <td>{a.absent_with_reason}</td>
                    <td>{a.absent_without_reason}</td>
                    <td>{a.spoke}</td>
                    <td>{format!("{}/{}", member.tasks_done(), member.tasks_assigned())}</td>
                    {link}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="attendance-table member-year-table">
                <thead><tr>
                    <th scope="col">{t::MEMBER}</th><th scope="col">{t::PRESENT}</th><th scope="col">{t::WITH_REASON}</th>
                    <th scope="col">{t::WITHOUT_REASON}</th><th scope="col">{t::SPOKE}</th><th scope="col">{t::TASKS}</th>
                    {year.map(|_| view! { <th scope="col" class="no-print">{t::MEMBER_PAGE_COLUMN}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub(crate) fn Warnings(evidence: YearEvidence) -> impl IntoView {
    let warnings = &evidence.summary.attendance.warnings;
    let dues_warnings = evidence.summary.dues.iter().flat_map(|d| d.warnings.iter()).map(sotay_domain::text::dues::warning);
    let items: Vec<String> = warnings.iter().map(|w| w.message()).chain(dues_warnings).collect();
    let no_warnings = items.is_empty();
    let items = items.into_iter().map(|w| view! { <li>{w}</li> }).collect_view();
    view! {
        <h3>{t::WARNINGS}</h3>
        {if no_warnings {
            view! { <p>{t::NO_WARNINGS}</p> }.into_any()
        } else {
            view! { <ul class="warnings">{items}</ul><p class="hint">{t::NOT_A_DECISION}</p> }.into_any()
        }}
    }
}
