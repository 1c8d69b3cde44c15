//! The đảng ủy's screen: collect files, then the whole committee for a month or quarter
//! (numbers and the chi bộ needing attention), the year table chi bộ × 12 months (a table
//! on a PC, a card per chi bộ on a phone), print and spreadsheet export, and sharing the
//! committee's framework and handbook pack back to the chi bộ.

use std::sync::Arc;

use leptos::prelude::*;
use sotay_domain::analytics::MeetingLine;
use sotay_domain::text::sheets;
use sotay_domain::collection::{overview, ChiBoYear, MonthCell, MonthStatus, Overview, Period};
use sotay_domain::handbook::fold;
use sotay_domain::spreadsheet::to_csv;
use sotay_domain::text::{self as dt, collection as words};
use sotay_domain::Rating;

use super::{use_dang_uy, DangUyState, FileReport, LoadState};
use crate::router::Screen;
use crate::store::clock;
use crate::text::dang_uy as t;
use crate::ui::{format_date, PageTitle};

#[component]
pub fn DangUyScreen() -> impl IntoView {
    let state = use_dang_uy();
    // Another tab opened a newer version of the collection's database: this tab closed its
    // connection and says so, with a reload.
    let closed = RwSignal::new(false);
    let listener = window_event_listener_untyped(crate::storage::collection::CLOSED_EVENT, move |_| closed.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| drop(window().location().reload());
    view! {
        <div class="dang-uy-page">
            <PageTitle title=t::TITLE/>
            <Show when=move || closed.get()>
                <section class="card error-card" role="alert">
                    <p>{t::STORAGE_CLOSED}</p>
                    <button type="button" class="button" on:click=reload>{t::RELOAD}</button>
                </section>
            </Show>
            {move || match state.load.get() {
                LoadState::Loading => view! { <p class="lazy-loading" role="status">{t::LOADING}</p> }.into_any(),
                LoadState::Failed(message) => view! { <p class="card error-card" role="alert">{t::LOAD_FAILED}" "{message}</p> }.into_any(),
                LoadState::Ready => view! { <Collection state=state/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Collection(state: DangUyState) -> impl IntoView {
    // The collection's state keeps the chosen period, so coming back from a chi bộ shows
    // the same month or quarter.
    let (year, period) = (state.year, state.period);
    let computed = Memo::new_with_compare(move |_| state.years(year.get()), |old, new| years_changed(old.and_then(Option::as_ref), new.and_then(Option::as_ref)));
    let years = Memo::new_with_compare(move |_| computed.get().unwrap_or_default(), years_changed);
    let view_of = Memo::new(move |_| {
        let year = year.get();
        let period = period.get();
        crate::timing::measured(crate::timing::DANG_UY_OVERVIEW, || years.with(|years| overview(years, year, period)))
    });
    view! {
        <CollectCard state=state/>
        <Unreadable state=state/>
        <Show when=move || state.chi_bo.with(Vec::is_empty)>
            <p class="card">{t::EMPTY}</p>
        </Show>
        <Show when=move || computed.with(Option::is_none) && state.progress.with(Option::is_none)>
            <Computing state=state/>
        </Show>
        // Not while files are being taken: the overview would be rebuilt after every file.
        <Show when=move || state.chi_bo.with(|c| !c.is_empty()) && state.progress.with(Option::is_none) && computed.with(Option::is_some)>
            <PrintHeading state=state year=year period=period/>
            <PeriodPicker state=state year=year period=period/>
            {move || view_of.with(|o| view! { <Summary overview=o.clone() years=years.get()/> })}
            {move || view_of.with(|o| view! { <AttentionList overview=o.clone() year=year.get_untracked()/> })}
            <YearTable years=years year=year/>
            <Exports years=years view_of=view_of year=year/>
        </Show>
        <ShareCard/>
    }
}

/// The years are recomputed only for chi bộ whose entry changed: compare by pointer.
fn years_changed(old: Option<&Vec<Arc<ChiBoYear>>>, new: Option<&Vec<Arc<ChiBoYear>>>) -> bool {
    match (old, new) {
        (Some(old), Some(new)) => old.len() != new.len() || old.iter().zip(new).any(|(a, b)| !Arc::ptr_eq(a, b)),
        _ => true,
    }
}

/// While the chi bộ's years are being scored, a few per frame.
#[component]
fn Computing(state: DangUyState) -> impl IntoView {
    view! {
        <div class="card collect-progress" role="status">
            <label>{t::COMPUTING}" "{move || state.computing.get().map(|(done, total)| format!("{done}/{total}"))}
                <progress max=move || state.computing.get().map_or(1, |(_, total)| total) value=move || state.computing.get().map_or(0, |(done, _)| done)></progress>
            </label>
        </div>
    }
}

#[component]
fn CollectCard(state: DangUyState) -> impl IntoView {
    let pick = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files: Vec<web_sys::File> = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        input.set_value("");
        if !files.is_empty() {
            leptos::task::spawn_local(state.collect(files));
        }
    };
    let name = RwSignal::new(state.committee_name.get_untracked());
    let save_name = move |_| {
        let value = name.get_untracked().trim().to_owned();
        leptos::task::spawn_local(async move {
            let _ = state.save_committee_name(value).await;
        });
    };
    view! {
        <section class="card no-print">
            <p>{t::INTRO}</p>
            <label class="field">
                <span>{t::NAME_LABEL}</span>
                <input type="text" placeholder=t::NAME_PLACEHOLDER prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev)) on:change=save_name/>
            </label>
            <label class="button big file-pick">
                {t::PICK_FILES}
                <input type="file" multiple accept=".json,application/json" class="visually-hidden" on:change=pick
                    prop:disabled=move || state.progress.with(Option::is_some)/>
            </label>
            {move || state.progress.get().map(|(done, total)| view! {
                <div class="collect-progress" role="status">
                    <label>{t::PROGRESS}" "{done}"/"{total}
                        <progress max=total value=done></progress>
                    </label>
                    <button type="button" class="button secondary" on:click=move |_| state.stop_requested.set(true)
                        prop:disabled=move || state.stop_requested.get()>
                        {move || if state.stop_requested.get() { t::STOPPING } else { t::STOP }}
                    </button>
                </div>
            })}
            {move || state.stopped.get().map(|(taken, total)| view! {
                <p class="card notice" role="status">{t::stopped(taken, total)}</p>
            })}
            <Reports state=state/>
        </section>
    }
}

/// The files' results, one item added per file (a keyed list: 90 files must not re-render
/// the whole list 90 times).
#[component]
fn Reports(state: DangUyState) -> impl IntoView {
    let taken = move || state.reports.with(|reports| reports.iter().filter(|r| r.accepted).count());
    let refused = move || state.reports.with(Vec::len) - taken();

    view! {
        <Show when=move || state.reports.with(|reports| !reports.is_empty())>
            <div class="collect-results" role="status">
                <h2>{t::RESULTS}</h2>
                <p><strong>{taken}</strong>" "{t::TAKEN}", "<strong>{refused}</strong>" "{t::REFUSED}"."</p>
                <ul class="report-list">
                    <For each=move || state.reports.get() key=|report| report.id children=report_item/>
                </ul>
            </div>
        </Show>
    }
}

fn report_item(report: FileReport) -> impl IntoView {
    let FileReport { file_name, accepted, headline, details, .. } = report;
    view! {
        <li class="report" data-accepted=accepted.to_string()>
            <strong class="file-name">{file_name}</strong>
            <span>{headline}</span>
            {(!details.is_empty()).then(|| view! { <ul>{details.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> })}
        </li>
    }
}

#[component]
fn Unreadable(state: DangUyState) -> impl IntoView {
    move || {
        let entries = state.unreadable.get();
        (!entries.is_empty()).then(|| view! {
            <section class="card error-card" role="alert">
                <p>{t::UNREADABLE_ENTRIES}</p>
                <ul>{entries.into_iter().map(|(id, message)| view! { <li><code>{id}</code>": "{message}</li> }).collect_view()}</ul>
            </section>
        })
    }
}

#[component]
fn PrintHeading(state: DangUyState, year: RwSignal<i32>, period: RwSignal<Period>) -> impl IntoView {
    view! {
        <div class="print-only doc-heading dang-uy-heading">
            <p class="committee-name">{move || state.committee_name.get()}</p>
            <p>{t::TITLE}" — "{move || period_label(period.get())}" "{move || year.get()}</p>
            <p>{t::PRINTED_ON}": "{format_date(clock::today())}</p>
        </div>
    }
}

fn period_label(period: Period) -> String {
    match period {
        Period::Month(month) => format!("{} {month}", t::MONTH),
        Period::Quarter(quarter) => dt::quarter(quarter).replacen('q', "Q", 1),
    }
}

fn period_value(period: Period) -> String {
    match period {
        Period::Month(month) => format!("m{month}"),
        Period::Quarter(quarter) => format!("q{quarter}"),
    }
}

fn parse_period(value: &str) -> Option<Period> {
    match value.split_at_checked(1)? {
        ("m", month) => month.parse().ok().filter(|m| (1..=12).contains(m)).map(Period::Month),
        ("q", quarter) => quarter.parse().ok().filter(|q| (1..=4).contains(q)).map(Period::Quarter),
        _ => None,
    }
}

#[component]
fn PeriodPicker(state: DangUyState, year: RwSignal<i32>, period: RwSignal<Period>) -> impl IntoView {
    let periods: Vec<Period> = (1..=12).map(Period::Month).chain((1..=4).map(Period::Quarter)).collect();
    view! {
        <section class="card period-picker no-print">
            <label class="field inline">
                <span>{t::YEAR}</span>
                <select on:change=move |ev| if let Ok(value) = event_target_value(&ev).parse() { year.set(value) }>
                    {move || state.known_years().into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || year.get() == y>{y}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field inline">
                <span>{t::PERIOD}</span>
                <select on:change=move |ev| if let Some(value) = parse_period(&event_target_value(&ev)) { period.set(value) }>
                    {periods.into_iter().map(|p| view! {
                        <option value=period_value(p) selected=move || period.get() == p>{period_label(p)}</option>
                    }).collect_view()}
                </select>
            </label>
        </section>
    }
}

fn names_of(ids: &[String], years: &[Arc<ChiBoYear>]) -> String {
    if ids.is_empty() {
        return t::NONE.to_owned();
    }
    ids.iter()
        .filter_map(|id| years.iter().find(|y| &y.chi_bo_id == id).map(|y| y.name.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn Summary(overview: Overview, years: Vec<Arc<ChiBoYear>>) -> impl IntoView {
    let held_label = if matches!(overview.period, Period::Month(_)) { t::HELD } else { t::HELD_QUARTER };
    let ratings = Rating::BEST_FIRST
        .iter()
        .map(|rating| view! { <li data-rating=rating_key(*rating)><span>{dt::rating(*rating)}</span><strong>{overview.ratings.of(*rating)}</strong></li> })
        .collect_view();
    let average_score = overview.average_score.map(dt::decimal).unwrap_or_else(|| "—".into());
    let average_attendance = overview.average_attendance_percent.map(dt::percent_f64).unwrap_or_else(|| "—".into());
    view! {
        <section class="card dang-uy-summary">
            <h2>{t::SUMMARY}" — "{period_label(overview.period)}" "{overview.year}</h2>
            <dl class="facts">
                <dt>{held_label}</dt><dd><strong data-testid="held">{overview.held.len()}"/"{overview.chi_bo_count}</strong></dd>
                <dt>{t::NOT_RECEIVED}</dt><dd data-testid="not-received">{overview.not_received.len()}" — "{names_of(&overview.not_received, &years)}</dd>
                <dt>{t::AVERAGE_SCORE}</dt><dd data-testid="average-score">{average_score}</dd>
                <dt>{t::AVERAGE_ATTENDANCE}</dt><dd data-testid="average-attendance">{average_attendance}</dd>
                <dt>{t::WITHOUT_THEMATIC}" "{dt::quarter(overview.period.quarter())}</dt>
                <dd data-testid="without-thematic">{overview.without_thematic.len()}" — "{names_of(&overview.without_thematic, &years)}</dd>
            </dl>
            <h3>{t::RATINGS}</h3>
            <ul class="rating-counts" data-testid="ratings">
                {ratings}
                <li><span>{t::UNSCORED}</span><strong>{overview.ratings.unscored}</strong></li>
            </ul>
        </section>
    }
}

fn rating_key(rating: Rating) -> &'static str {
    match rating {
        Rating::Tot => "tot",
        Rating::Kha => "kha",
        Rating::TrungBinh => "trung-binh",
        Rating::Kem => "kem",
    }
}

#[component]
fn AttentionList(overview: Overview, year: i32) -> impl IntoView {
    let lines = overview.attention;
    view! {
        <section class="card attention">
            <h2>{t::ATTENTION}" ("{lines.len()}")"</h2>
            {if lines.is_empty() {
                view! { <p>{t::NO_ATTENTION}</p> }.into_any()
            } else {
                view! {
                    <ul class="attention-list">
                        {lines.into_iter().map(|line| view! {
                            <li>
                                <a href=Screen::DangUyChiBo(line.chi_bo_id.clone(), year).href()><strong>{line.name.clone()}</strong></a>
                                <ul>{line.reasons.iter().map(|reason| view! { <li>{words::attention(reason)}</li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// What the year table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Latest,
    Month(u32),
    Held,
    Thematic,
    Score,
    Attendance,
}

/// A sort key comparable across chi bộ: numbers first (missing ones last), then the name.
fn sort_key(year: &ChiBoYear, column: Column) -> (i64, (Vec<(char, u8)>, Vec<(char, u8)>, String)) {
    let name = sotay_domain::collate::name_key(&year.name);
    let number = match column {
        Column::Name => 0,
        Column::Latest => year.latest_export.map_or(i64::MIN, |at| at.timestamp()),
        Column::Month(month) => year.month(month).and_then(|cell| cell.meetings.first()).and_then(MeetingLine::official).map_or(i64::MIN, |s| s.total.hundredths()),
        Column::Held => i64::try_from(year.summary.months_held.len()).unwrap_or(0),
        Column::Thematic => i64::try_from(year.summary.quarters_with_thematic.len()).unwrap_or(0),
        Column::Score => year.summary.average_score.map_or(i64::MIN, |score| score.hundredths()),
        Column::Attendance => year.summary.average_attendance_percent.map_or(i64::MIN, |p| (p * 100.0) as i64),
    };
    (number, name)
}

/// The media query under which the overview is a table, not cards (as in style/main.css).
const TABLE_MEDIA: &str = "(min-width: 60rem)";

/// Whether the overview draws its table (a wide screen, or while printing: the print is the
/// table) rather than its cards. Only the one shown is built: for 300 chi bộ the hidden one
/// was about half the time of opening the overview after a restart (issue 31).
fn table_layout() -> RwSignal<bool> {
    let wide = || window().match_media(TABLE_MEDIA).ok().flatten().is_some_and(|query| query.matches());
    let table = RwSignal::new(wide());
    let follow = move || {
        if table.get_untracked() != wide() {
            table.set(wide());
        }
    };
    // Built in the print handler's microtasks, before the browser lays out the print.
    let listeners = [
        window_event_listener_untyped("resize", move |_| follow()),
        window_event_listener_untyped("beforeprint", move |_| table.set(true)),
        window_event_listener_untyped("afterprint", move |_| follow()),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    table
}

#[component]
fn YearTable(years: Memo<Vec<Arc<ChiBoYear>>>, year: RwSignal<i32>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new((Column::Name, true));
    let table_layout = table_layout();
    let shown = Memo::new(move |_| {
        let query = fold(filter.get().trim());
        let (column, ascending) = sort.get();
        let mut shown: Vec<Arc<ChiBoYear>> = years.get().into_iter().filter(|y| query.is_empty() || fold(&y.name).contains(&query)).collect();
        shown.sort_by_cached_key(|y| sort_key(y, column));
        if !ascending {
            shown.reverse();
        }
        shown
    });
    let header = move |column: Column, label: String| {
        let aria = move || match sort.get() {
            (current, true) if current == column => "ascending",
            (current, false) if current == column => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|(current, ascending)| {
                    if *current == column { *ascending = !*ascending } else { *current = column; *ascending = column == Column::Name }
                })>{label}</button>
            </th>
        }
    };
    view! {
        <section class="card year-table-card">
            <h2>{t::TABLE}" "{move || year.get()}</h2>
            <label class="field no-print">
                <span>{t::FILTER}</span>
                <input type="search" prop:value=filter on:input=move |ev| filter.set(event_target_value(&ev))/>
            </label>
            <Show when=move || shown.with(Vec::is_empty)><p>{t::NO_MATCH}</p></Show>
            {move || table_layout.get().then(|| view! {
                <div class="table-scroll dang-uy-table-wrap" tabindex="0">
                    <table class="dang-uy-table">
                        <thead><tr>
                            {header(Column::Name, t::COLUMN_NAME.to_owned())}
                            {header(Column::Latest, t::COLUMN_LATEST.to_owned())}
                            {(1..=12).map(|m| header(Column::Month(m), format!("{}{m}", t::MONTH_SHORT))).collect_view()}
                            {header(Column::Held, t::COLUMN_HELD.to_owned())}
                            {header(Column::Thematic, t::COLUMN_THEMATIC.to_owned())}
                            {header(Column::Score, t::COLUMN_SCORE.to_owned())}
                            {header(Column::Attendance, t::COLUMN_ATTENDANCE.to_owned())}
                        </tr></thead>
                        <tbody>
                            {move || shown.get().into_iter().map(|y| view! { <TableRow year=y of_year=year.get_untracked()/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {move || (!table_layout.get()).then(|| view! {
                <ul class="dang-uy-cards">
                    {move || shown.get().into_iter().map(|y| view! { <ChiBoCard year=y of_year=year.get_untracked()/> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

fn latest_text(year: &ChiBoYear) -> String {
    year.latest_export.map(|at| format_date(clock::local_date(at))).unwrap_or_else(|| "—".into())
}

fn averages(year: &ChiBoYear) -> (String, String) {
    let summary = &year.summary;
    (
        summary.average_score.map(dt::decimal).unwrap_or_else(|| "—".into()),
        summary.average_attendance_percent.map(dt::percent_f64).unwrap_or_else(|| "—".into()),
    )
}

#[component]
fn TableRow(year: Arc<ChiBoYear>, of_year: i32) -> impl IntoView {
    let (score, attendance) = averages(&year);
    view! {
        <tr data-chi-bo=year.chi_bo_id.clone()>
            <th scope="row"><a href=Screen::DangUyChiBo(year.chi_bo_id.clone(), of_year).href()>{year.name.clone()}</a></th>
            <td>{latest_text(&year)}{year.stale_days.map(|_| view! { <span class="flag">{t::OLD_FILE}</span> })}</td>
            {year.months.iter().map(|cell| view! { <td class="month-cell" data-status=status_key(cell.status)>{month_lines(cell)}</td> }).collect_view()}
            <td>{year.summary.months_held.len()}"/12"</td>
            <td>{year.summary.quarters_with_thematic.len()}"/4"</td>
            <td>{score}</td>
            <td>{attendance}</td>
        </tr>
    }
}

fn status_key(status: MonthStatus) -> &'static str {
    match status {
        MonthStatus::Held => "held",
        MonthStatus::NotHeld => "not-held",
        MonthStatus::NoFileYet => "no-file",
        MonthStatus::InProgress => "in-progress",
    }
}

/// A month cell: date and kind, own score and rating, the superior's score with the
/// difference, attendance; or what is known of a month without a meeting.
fn month_lines(cell: &MonthCell) -> AnyView {
    // The month's dues from the chi bộ's book, when it keeps one: paid of expected, the
    // money and who is behind in the cell's title.
    let dues = cell.dues.as_ref().map(|dues| {
        let short = format!("{} {}/{}", t::DUES_SHORT, dues.line.paid, dues.line.expected);
        view! { <span class="month-dues" title=sotay_domain::text::dues::month_dues(dues)>{short}</span> }
    });
    let Some(line) = cell.meetings.first() else {
        let status = if cell.status == MonthStatus::InProgress { "—" } else { words::month_status(cell.status) };
        return view! { <span class="month-status">{status}</span>{dues} }.into_any();
    };
    let own = line.own.map(|s| format!("{} · {}", dt::decimal(s.total), dt::rating(s.rating)));
    let superior = line.superior.map(|s| {
        let difference = line.own.map(|own| signed(s.total - own.total)).unwrap_or_default();
        format!("{} {} {}", t::SUPERIOR_SHORT, dt::decimal(s.total), difference)
    });
    let rating = line.official().map(|s| rating_key(s.rating)).unwrap_or("none");
    let more = cell.meetings.len().saturating_sub(1);
    view! {
        <span class="month-date">{line.date.format("%d/%m").to_string()}" · "{dt::meeting_kind_short(line.kind)}</span>
        {own.map(|own| view! { <span class="month-score" data-rating=rating>{own}</span> })}
        {superior.map(|s| view! { <span class="month-superior">{s}</span> })}
        {line.attendance.map(|ratio| view! { <span class="month-attendance">{dt::percent(ratio)}</span> })}
        {(more > 0).then(|| view! { <span class="month-more">"+"{more}</span> })}
        {dues}
    }
    .into_any()
}

fn signed(value: sotay_domain::Decimal) -> String {
    if value.is_negative() {
        format!("({})", dt::decimal(value).replacen('-', "−", 1))
    } else {
        format!("(+{})", dt::decimal(value))
    }
}

#[component]
fn ChiBoCard(year: Arc<ChiBoYear>, of_year: i32) -> impl IntoView {
    let (score, attendance) = averages(&year);
    view! {
        <li class="chi-bo-card" data-chi-bo=year.chi_bo_id.clone()>
            <h3><a href=Screen::DangUyChiBo(year.chi_bo_id.clone(), of_year).href()>{year.name.clone()}</a></h3>
            <p class="hint">{t::COLUMN_LATEST}": "{latest_text(&year)}{year.stale_days.map(|_| view! { " " <span class="flag">{t::OLD_FILE}</span> })}</p>
            <dl class="facts compact">
                <dt>{t::COLUMN_HELD}</dt><dd>{year.summary.months_held.len()}"/12"</dd>
                <dt>{t::COLUMN_THEMATIC}</dt><dd>{year.summary.quarters_with_thematic.len()}"/4"</dd>
                <dt>{t::COLUMN_SCORE}</dt><dd>{score}</dd>
                <dt>{t::COLUMN_ATTENDANCE}</dt><dd>{attendance}</dd>
            </dl>
            <ol class="month-strip">
                {year.months.iter().map(|cell| {
                    let rating = cell.meetings.first().and_then(MeetingLine::official).map(|s| s.rating);
                    let label = match (cell.status, rating) {
                        (MonthStatus::Held, Some(rating)) => dt::rating(rating).to_owned(),
                        (MonthStatus::Held, None) => t::UNSCORED.to_owned(),
                        (MonthStatus::InProgress, _) => "—".to_owned(),
                        (status, _) => words::month_status(status).to_owned(),
                    };
                    view! {
                        <li data-status=status_key(cell.status) data-rating=rating.map(rating_key).unwrap_or("none")>
                            <span class="month-name">{t::MONTH_SHORT}{cell.month}</span>
                            <span>{label}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </li>
    }
}

#[component]
fn Exports(years: Memo<Vec<Arc<ChiBoYear>>>, view_of: Memo<Overview>, year: RwSignal<i32>) -> impl IntoView {
    let export_year = move |_| {
        let csv = to_csv(&sheets::year_table(&years.get_untracked()));
        let name = words::sheet_file_name(year.get_untracked(), false);
        leptos::task::spawn_local(async move {
            let _ = crate::data::files::deliver_file(&name, &csv, crate::data::files::CSV, false).await;
        });
    };
    let export_summary = move |_| {
        let overview = view_of.get_untracked();
        let reasons = |id: &str| overview.attention.iter().find(|l| l.chi_bo_id == id).map(|l| l.reasons.clone()).unwrap_or_default();
        let csv = to_csv(&sheets::summary_table(&years.get_untracked(), &reasons));
        let name = words::sheet_file_name(year.get_untracked(), true);
        leptos::task::spawn_local(async move {
            let _ = crate::data::files::deliver_file(&name, &csv, crate::data::files::CSV, false).await;
        });
    };
    view! {
        <section class="card no-print">
            <nav class="actions">
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t::PRINT}</button>
                <button type="button" class="button secondary" on:click=export_year>{t::EXPORT_YEAR}</button>
                <button type="button" class="button secondary" on:click=export_summary>{t::EXPORT_SUMMARY}</button>
            </nav>
            <p class="hint">{t::EXPORT_NOTE}</p>
        </section>
    }
}

/// The committee's own framework files and handbook pack, sent back down to the chi bộ.
#[component]
fn ShareCard() -> impl IntoView {
    let store = crate::store::use_store();
    let send = move |name: String, text: String| {
        leptos::task::spawn_local(async move {
            let _ = crate::data::files::deliver(&name, &text, true).await;
        });
    };
    view! {
        <section class="card no-print">
            <h2>{t::SHARE}</h2>
            <p class="hint">{t::SHARE_INTRO}</p>
            <Show when=move || store.custom_frameworks.with(Vec::is_empty) && store.committee_pack.with(Option::is_none)>
                <p>{t::SHARE_NOTHING}</p>
            </Show>
            <ul class="share-list">
                {move || store.custom_frameworks.get().into_iter().map(|custom| {
                    let framework = custom.framework;
                    let file = format!("{}.json", framework.id);
                    let text = framework.to_json_pretty();
                    view! {
                        <li>
                            <span>{framework.name.clone()}</span>
                            <button type="button" class="button small" on:click=move |_| send(file.clone(), text.clone())>{t::SHARE_FRAMEWORK}</button>
                        </li>
                    }
                }).collect_view()}
                {move || store.committee_pack.get().map(|committee| {
                    let file = format!("{}.json", committee.pack.id);
                    let text = committee.pack.to_json_pretty();
                    view! {
                        <li>
                            <span>{committee.pack.name.clone()}</span>
                            <button type="button" class="button small" on:click=move |_| send(file.clone(), text.clone())>{t::SHARE_PACK}</button>
                        </li>
                    }
                })}
            </ul>
            <nav class="actions">
                <a class="button" href=Screen::FrameworkEditor.href()>{t::EDIT_FRAMEWORK}</a>
                <a class="button" href=Screen::PackEditor.href()>{t::EDIT_PACK}</a>
                <a class="button secondary" href=Screen::ChiBoSetup.href()>{t::LOAD_FRAMEWORK}</a>
                <a class="button secondary" href=Screen::HandbookPacks.href()>{t::LOAD_PACK}</a>
            </nav>
        </section>
    }
}
