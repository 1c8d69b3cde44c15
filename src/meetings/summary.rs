//! The year summary: meetings held, chuyên đề by quarter, ratings, averages, a chart of
//! score and attendance by month, and each member's attendance with the engine's warnings.
//! It is evidence for the chi bộ's own annual self-assessment, not an automatic grade.

use chrono::Datelike;
use leptos::prelude::*;
use sotay_domain::analytics::{MeetingLine, YearSummary};
use sotay_domain::text as dt;
use sotay_domain::year_summary;

use crate::router::Screen;
use crate::store::{clock, frameworks, use_store};
use crate::text::summary as t;
use crate::ui::PageTitle;

#[component]
pub fn YearSummaryScreen(year: i32) -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let summary = Memo::new(move |_| {
        let roster = store.members.get();
        store.meetings.with(|meetings| store.plans.with(|plans| year_summary(year, &roster, meetings, plans, &frameworks(), Some(today))))
            .with_dues(crate::dues::year_dues_of(store, year, today))
    });
    let title = format!("{} {year}", t::TITLE);
    view! {
        <PageTitle title=title/>
        <nav class="actions no-print">
            <a class="button secondary" href=Screen::YearSummary(year - 1).href()>{t::PREVIOUS_YEAR}</a>
            <a class="button secondary" href=Screen::YearSummary(year + 1).href()>{t::NEXT_YEAR}</a>
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t::PRINT}</button>
            <a class="button" href=Screen::Review(year).href()>{crate::text::review::OPEN}</a>
        </nav>
        <article class="document year-summary">
            <p class="print-only doc-heading">{move || store.chi_bo.with(|c| c.as_ref().map(|c| c.name.clone()))}" — "{t::TITLE}" "{year}</p>
            {move || summary.with(|s| view! { <YearFacts summary=s.clone()/> })}
            {move || summary.with(|s| view! { <ScoreChart meetings=s.meetings.clone()/> })}
            {move || summary.with(|s| view! { <MemberTable summary=s.clone()/> })}
            <p class="hint">{t::EVIDENCE_NOTE}</p>
        </article>
    }
}

/// The year in figures (also shown, read only, for a chi bộ of the đảng ủy's collection).
#[component]
pub(crate) fn YearFacts(summary: YearSummary) -> impl IntoView {
    let missing_months = if summary.months_missing.is_empty() { t::NONE_MISSING.to_owned() } else { dt::months(&summary.months_missing) };
    let missing_quarters = if summary.quarters_missing_thematic.is_empty() {
        t::NONE_MISSING.to_owned()
    } else {
        summary.quarters_missing_thematic.iter().map(|q| dt::quarter(*q)).collect::<Vec<_>>().join(", ")
    };
    let counts = sotay_domain::Rating::BEST_FIRST
        .iter()
        .map(|rating| view! { <li><span>{dt::rating(*rating)}</span><strong>{summary.rating_counts.of(*rating)}</strong></li> })
        .collect_view();
    let average_score = summary.average_score.map(dt::points).unwrap_or_else(|| "—".into());
    let average_attendance = summary.average_attendance_percent.map(dt::percent_f64).unwrap_or_else(|| "—".into());
    view! {
        <section class="card">
            <dl class="facts">
                <dt>{t::HELD}</dt><dd><strong>{summary.months_held.len()}"/12"</strong></dd>
                <dt>{t::MISSING_MONTHS}</dt><dd>{missing_months}</dd>
                <dt>{t::THEMATIC}</dt><dd><strong>{summary.quarters_with_thematic.len()}"/4"</strong></dd>
                <dt>{t::MISSING_QUARTERS}</dt><dd>{missing_quarters}</dd>
                <dt>{t::AVERAGE_SCORE}</dt><dd>{average_score}</dd>
                <dt>{t::AVERAGE_ATTENDANCE}</dt><dd>{average_attendance}</dd>
            </dl>
            {summary.dues.as_ref().map(|dues| view! { <p><a href=Screen::DuesYear(dues.year).href()>{sotay_domain::text::dues::year_line(dues)}</a></p> })}
            <h2>{t::RATINGS}</h2>
            <ul class="rating-counts">{counts}</ul>
        </section>
    }
}

const CHART_WIDTH: f64 = 340.0;
const CHART_HEIGHT: f64 = 200.0;
const PLOT_LEFT: f64 = 30.0;
const PLOT_TOP: f64 = 10.0;
const PLOT_BOTTOM: f64 = 170.0;

fn month_x(month: u32) -> f64 {
    let slot = (CHART_WIDTH - PLOT_LEFT - 4.0) / 12.0;
    PLOT_LEFT + slot * (f64::from(month) - 0.5)
}

/// Height in the plot of a value out of 100 (scores are shown as a share of their maximum).
fn value_y(value_of_100: f64) -> f64 {
    PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * value_of_100.clamp(0.0, 100.0) / 100.0
}

/// Bars: each month's score (share of the maximum); dots joined by a line: attendance rate.
/// Drawn in SVG by hand: one small chart does not earn a charting dependency.
#[component]
pub(crate) fn ScoreChart(meetings: Vec<MeetingLine>) -> impl IntoView {
    let slot = (CHART_WIDTH - PLOT_LEFT - 4.0) / 12.0;
    let bars = meetings
        .iter()
        .filter_map(|line| {
            let score = line.official()?;
            let share = score.total.to_f64() / score.max.to_f64().max(1.0) * 100.0;
            let y = value_y(share);
            Some(view! {
                <rect class="bar" x=format!("{:.1}", month_x(line.date.month()) - slot * 0.3) y=format!("{y:.1}")
                    width=format!("{:.1}", slot * 0.6) height=format!("{:.1}", PLOT_BOTTOM - y)>
                    <title>{format!("{}: {} {}", dt::date(line.date), dt::points(score.total), crate::text::meetings::POINTS)}</title>
                </rect>
            })
        })
        .collect_view();
    let attendance: Vec<(f64, f64)> = meetings
        .iter()
        .filter_map(|line| Some((month_x(line.date.month()), value_y(line.attendance?.percent_f64()))))
        .collect();
    let line_points = attendance.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    let dots = attendance.iter().map(|(x, y)| view! { <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3.5"/> }).collect_view();
    let grid = [0.0, 50.0, 90.0, 100.0]
        .map(|value| {
            let y = value_y(value);
            view! {
                <line class="grid" x1=PLOT_LEFT y1=y x2=CHART_WIDTH - 4.0 y2=y/>
                <text class="axis" x=PLOT_LEFT - 4.0 y=y + 4.0 text-anchor="end">{value.to_string()}</text>
            }
        });
    let months = (1..=12u32)
        .map(|month| view! { <text class="axis" x=format!("{:.1}", month_x(month)) y=PLOT_BOTTOM + 16.0 text-anchor="middle">{month}</text> })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t::CHART}</h2>
            <svg class="chart" viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}") role="img" aria-label=t::CHART>
                {grid}{bars}
                <polyline class="attendance-line" points=line_points/>
                {dots}{months}
            </svg>
            <p class="legend"><span class="key bar-key"></span>{t::CHART_SCORE}" (% "{crate::text::print::MAX}")  "<span class="key dot-key"></span>{t::CHART_ATTENDANCE}</p>
        </section>
    }
}

#[component]
pub(crate) fn MemberTable(summary: YearSummary) -> impl IntoView {
    let rows = summary
        .attendance
        .members
        .iter()
        .map(|member| {
            view! {
                <tr>
                    <th scope="row">{member.name.clone()}</th>
                    <td>{member.expected}</td>
                    <td>{member.present}</td>
                    <td>{member.absent_with_reason}</td>
                    <td>{member.absent_without_reason}</td>
                    <td>{member.rate_text()}</td>
                </tr>
            }
        })
        .collect_view();
    let dues_warnings = summary.dues.iter().flat_map(|d| d.warnings.iter()).map(sotay_domain::text::dues::warning);
    let warnings = summary.attendance.warnings.iter().map(|w| w.message()).chain(dues_warnings).map(|w| view! { <li>{w}</li> }).collect_view();
    let no_warnings = summary.attendance.warnings.is_empty() && summary.dues.as_ref().is_none_or(|d| d.warnings.is_empty());
    view! {
        <section class="card">
            <h2>{t::MEMBERS}</h2>
            <div class="table-scroll" tabindex="0">
                <table class="attendance-table">
                    <thead><tr>
                        <th scope="col">{t::MEMBER}</th><th scope="col">{t::EXPECTED}</th><th scope="col">{t::PRESENT}</th>
                        <th scope="col">{t::WITH_REASON}</th><th scope="col">{t::WITHOUT_REASON}</th><th scope="col">"%"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2>{t::WARNINGS}</h2>
            {if no_warnings {
                view! { <p>{t::NO_WARNINGS}</p> }.into_any()
            } else {
                view! { <ul class="warnings">{warnings}</ul><p class="hint">{t::NOT_A_DECISION}</p> }.into_any()
            }}
        </section>
    }
}
