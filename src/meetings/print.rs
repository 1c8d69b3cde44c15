//! A meeting's minutes (biên bản) and score sheet laid out as A4 documents, so that
//! "Print → Save as PDF" gives clean pages. Fields follow the current minutes templates.

use leptos::prelude::*;
use sotay_domain::model::{Attendance, Meeting};
use sotay_domain::scoring::attendance_facts;
use sotay_domain::text as dt;
use sotay_domain::{score_own_sheet, score_superior_sheet, MeetingScore};

use crate::router::Screen;
use crate::store::{use_store, Store};
use crate::text::{meeting as tm, print as t};
use crate::ui::{format_date, PageTitle};

#[component]
pub fn MeetingPrintScreen(id: String) -> impl IntoView {
    let store = use_store();
    let Some(meeting) = store.meeting(&id) else {
        return view! {
            <PageTitle title=tm::TITLE/>
            <p class="card">{crate::text::meetings::NOT_FOUND}</p>
        }
        .into_any();
    };
    let back = Screen::Meeting(meeting.id.clone()).href();
    view! {
        <PageTitle title=format!("{} {}", tm::PRINT, format_date(meeting.date))/>
        <nav class="actions no-print">
            <button type="button" class="button big" on:click=move |_| { let _ = window().print(); }>{t::PRINT_NOW}</button>
            <a class="button secondary" href=back>{t::BACK}</a>
        </nav>
        <MeetingDocuments meeting=meeting store=store/>
    }
    .into_any()
}

/// The minutes and the score sheet of a meeting, scored once for both.
#[component]
pub(crate) fn MeetingDocuments(meeting: Meeting, store: Store) -> impl IntoView {
    let (own, superior) = own_and_superior(&meeting, store);
    view! {
        <Minutes meeting=meeting.clone() store=store own=own.clone()/>
        <ScoreSheetDocument meeting=meeting store=store own=own superior=superior/>
    }
}

fn names(store: Store, ids: impl Iterator<Item = String>) -> String {
    let list: Vec<String> = ids.map(|id| store.member_name(&id)).collect();
    if list.is_empty() { t::NONE.to_owned() } else { list.join(", ") }
}

#[component]
pub(crate) fn DocumentHeading(store: Store) -> impl IntoView {
    let chi_bo = store.chi_bo.get_untracked();
    // Upper case comes from CSS (text-transform), which spares the wasm the Unicode case tables.
    let superior = chi_bo.as_ref().map(|c| c.superior_committee.clone()).unwrap_or_default();
    let name = chi_bo.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    view! {
        <header class="doc-header">
            <div class="doc-org"><p>{superior}</p><p><strong>{name}</strong></p><p>"*"</p></div>
            <div class="doc-party"><p><strong><u>{t::PARTY}</u></strong></p></div>
        </header>
    }
}

/// "Đông Tâm, ngày 03 tháng 12 năm 2025" at the top right, as official documents have: the chi
/// bộ's place name, or the meeting's place when none is set.
fn place_and_date_line(store: Store, meeting: &Meeting) -> String {
    let place_name = store.chi_bo.with_untracked(|c| c.as_ref().map(|c| c.place_name.clone())).unwrap_or_default();
    let place = if place_name.trim().is_empty() { meeting.place.clone() } else { place_name };
    dt::place_and_date(&place, meeting.date)
}

#[component]
fn Minutes(meeting: Meeting, store: Store, own: Option<MeetingScore>) -> impl IntoView {
    let roster = store.members.get_untracked();
    let facts = attendance_facts(&meeting, &roster);
    let absent = |wanted: fn(&Attendance) -> bool| {
        names(store, meeting.attendance.iter().filter(|r| wanted(&r.attendance)).map(|r| r.member_id.clone()))
    };
    let with_reason = meeting
        .attendance
        .iter()
        .filter_map(|r| match &r.attendance {
            Attendance::AbsentWithReason { reason, reason_text } => {
                let why = if reason_text.trim().is_empty() { dt::absence_reason(*reason).to_owned() } else { reason_text.clone() };
                Some(format!("{} ({why})", store.member_name(&r.member_id)))
            }
            _ => None,
        })
        .collect::<Vec<_>>();
    let with_reason = if with_reason.is_empty() { t::NONE.to_owned() } else { with_reason.join(", ") };
    let time = |value: Option<chrono::NaiveTime>| value.map(dt::time).unwrap_or_else(|| "…".into());
    let duration = meeting.duration_minutes().map(|m| format!(" ({m} {})", tm::MINUTES)).unwrap_or_default();
    let person = |id: &Option<String>| id.as_deref().map(|id| store.member_name(id)).unwrap_or_else(|| "…".into());
    let guests = if meeting.guests.is_empty() {
        t::NONE.to_owned()
    } else {
        meeting.guests.iter().map(|g| if g.role.is_empty() { g.name.clone() } else { format!("{} ({})", g.name, g.role) }).collect::<Vec<_>>().join("; ")
    };
    let agenda = store.framework_for(&meeting.own_sheet.framework_id)
        .map(|f| f.order_of_business.iter().filter(|item| meeting.agenda_done.contains(&item.id)).map(|item| item.label.clone()).collect::<Vec<_>>())
        .unwrap_or_default();
    let score = own;
    let dues = untrack(|| crate::dues::meeting_report(store, meeting.date));
    let vote_total = meeting.vote.in_favour + meeting.vote.against + meeting.vote.abstain;
    let vote_share = (vote_total > 0).then(|| format!(" ({:.0}%)", f64::from(meeting.vote.in_favour) * 100.0 / f64::from(vote_total))).unwrap_or_default();
    view! {
        <article class="document minutes">
            <DocumentHeading store=store/>
            <p class="doc-place-date">{place_and_date_line(store, &meeting)}</p>
            <h2 class="doc-title">{t::MINUTES_TITLE}</h2>
            <p class="doc-subtitle">{dt::meeting_kind(meeting.kind)}" — "{t::DAY}" "{format_date(meeting.date)}</p>
            <h3>"I. "{t::TIME_PLACE}</h3>
            <p>{t::FROM}" "{time(meeting.start_time)}" "{t::TO}" "{time(meeting.end_time)}{duration}", "{t::DAY}" "{format_date(meeting.date)}", "{t::AT}" "{meeting.place.clone()}"."</p>
            <p>{tm::CHAIR}": "{person(&meeting.chair_id)}". "{tm::SECRETARY}": "{person(&meeting.secretary_id)}"."</p>
            <p>{t::TOTAL_MEMBERS}": "{facts.members_in_chi_bo}"; "{tm::EXEMPT}": "{facts.exempt}"; "{tm::COUNTED}": "{facts.counted}"; "
                {tm::PRESENT}": "{facts.present}" ("{facts.rate().map(dt::percent).unwrap_or_default()}")."</p>
            <p>{tm::ABSENT_WITH_REASON}": "{with_reason}"."</p>
            <p>{tm::ABSENT_WITHOUT_REASON}": "{absent(|a| matches!(a, Attendance::AbsentWithoutReason))}"."</p>
            <p>{tm::GUESTS}": "{guests}"."</p>
            <h3>"II. "{t::CONTENT}</h3>
            <h4>{tm::AGENDA}</h4>
            <ol>{agenda.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ol>
            {dues.map(|line| view! { <h4>{crate::text::dues::IN_MEETING}</h4><p>{line}</p> })}
            <h4>{tm::PREVIOUS_TASKS}</h4>
            <ul>{meeting.previous_tasks.iter().map(|task| view! {
                <li>{task.what.clone()}" — "<strong>{if task.done { tm::TASK_DONE } else { "Chưa xong" }}</strong>
                    {(!task.result.is_empty()).then(|| format!(". {}: {}", tm::TASK_RESULT, task.result))}</li>
            }).collect_view()}</ul>
            <h4>{tm::SPEAKERS}</h4>
            <p>{names(store, meeting.speakers.iter().cloned())}</p>
            <h4>{tm::NOTES}</h4>
            <p class="pre">{meeting.notes.clone()}</p>
            <h4>{tm::NEXT_TASKS}</h4>
            <ul>{meeting.next_tasks.iter().map(|task| view! {
                <li>{task.what.clone()}{(!task.who.is_empty()).then(|| format!(" — {}", task.who))}{task.deadline.map(|d| format!(" ({}: {})", tm::TASK_DEADLINE, format_date(d)))}</li>
            }).collect_view()}</ul>
            <h4>{tm::RESOLUTION}</h4>
            <p class="pre">{meeting.resolution.clone()}</p>
            <p>{tm::VOTE}": "{tm::VOTE_FOR}" "{meeting.vote.in_favour}{vote_share}"; "{tm::VOTE_AGAINST}" "{meeting.vote.against}"; "{tm::VOTE_ABSTAIN}" "{meeting.vote.abstain}"."</p>
            <h4>{crate::text::sheet::TITLE}</h4>
            <p>{score.map(|s| format!("{}: {}/{} {} — {}: {}", crate::text::sheet::TOTAL, dt::decimal(s.total), dt::decimal(s.max), crate::text::meetings::POINTS, crate::text::sheet::RATING, dt::rating(s.rating)))}</p>
            <Signatures chair=person(&meeting.chair_id) secretary=person(&meeting.secretary_id)/>
        </article>
    }
}

fn own_and_superior(meeting: &Meeting, store: Store) -> (Option<MeetingScore>, Option<MeetingScore>) {
    let Some(framework) = store.framework_for(&meeting.own_sheet.framework_id) else { return (None, None) };
    let roster = store.members.get_untracked();
    let plans = store.plans.get_untracked();
    store.meetings.with_untracked(|all| {
        let own = crate::timing::measured(crate::timing::SCORE_MEETING, || score_own_sheet(&framework, meeting, &roster, all, &plans));
        (Some(own), score_superior_sheet(&framework, meeting, &roster, all, &plans))
    })
}

#[component]
fn Signatures(chair: String, secretary: String) -> impl IntoView {
    view! {
        <div class="signatures">
            <div><p><strong>{t::SIGN_SECRETARY}</strong></p><p class="hint">{t::SIGN_HINT}</p><p class="signed-name">{secretary}</p></div>
            <div><p><strong>{t::SIGN_CHAIR}</strong></p><p class="hint">{t::SIGN_HINT}</p><p class="signed-name">{chair}</p></div>
        </div>
    }
}

#[component]
fn ScoreSheetDocument(meeting: Meeting, store: Store, own: Option<MeetingScore>, superior: Option<MeetingScore>) -> impl IntoView {
    let Some(framework) = store.framework_for(&meeting.own_sheet.framework_id) else {
        return view! { <p class="field-error">{crate::text::sheet::UNKNOWN_FRAMEWORK}</p> }.into_any();
    };
    let Some(own) = own else { return ().into_any() };
    let has_superior = superior.is_some();
    let points_of = |score: &Option<MeetingScore>, id: &str| {
        score.as_ref().and_then(|s| s.criterion(id)).map(|c| dt::decimal(c.points)).unwrap_or_default()
    };
    let rows = framework.groups.iter().map(|group| {
        let group_points = |score: &MeetingScore| score.groups.iter().find(|g| g.group_id == group.id).map(|g| dt::decimal(g.points)).unwrap_or_default();
        let own_group = group_points(&own);
        let superior_group = superior.as_ref().map(group_points);
        let criteria = group.criteria.iter().map(|c| view! {
            <tr>
                <td class="criterion-cell">{c.id.clone()}" "{c.label.clone()}</td>
                <td>{dt::decimal(c.max_points)}</td>
                <td>{points_of(&Some(own.clone()), &c.id)}</td>
                {has_superior.then(|| view! { <td>{points_of(&superior, &c.id)}</td> })}
            </tr>
        }).collect_view();
        view! {
            <tr class="group-row">
                <th scope="rowgroup">{group.id.clone()}". "{group.label.clone()}</th>
                <th>{dt::decimal(group.max_points)}</th>
                <th>{own_group}</th>
                {superior_group.map(|p| view! { <th>{p}</th> })}
            </tr>
            {criteria}
        }
    }).collect_view();
    let total_row = view! {
        <tr class="total-row">
            <th scope="row">{crate::text::sheet::TOTAL}</th>
            <th>{dt::decimal(own.max)}</th>
            <th>{dt::decimal(own.total)}" — "{dt::rating(own.rating)}</th>
            {superior.as_ref().map(|s| view! { <th>{dt::decimal(s.total)}" — "{dt::rating(s.rating)}</th> })}
        </tr>
    };
    let explanations: Vec<String> = own.explanation_lines();
    view! {
        <article class="document sheet-document">
            <DocumentHeading store=store/>
            <h2 class="doc-title">{t::SHEET_TITLE}</h2>
            <p class="doc-subtitle">{dt::meeting_kind(meeting.kind)}" — "{t::DAY}" "{format_date(meeting.date)}</p>
            <p class="small">{crate::text::sheet::FRAMEWORK}": "{framework.name.clone()}</p>
            <div class="table-scroll" tabindex="0"><table class="sheet-table">
                <thead><tr>
                    <th scope="col">{t::CRITERION}</th><th scope="col">{t::MAX}</th><th scope="col">{crate::text::sheet::OWN}</th>
                    {has_superior.then(|| view! { <th scope="col">{crate::text::sheet::SUPERIOR}</th> })}
                </tr></thead>
                <tbody>{rows}{total_row}</tbody>
            </table></div>
            {framework.has_thematic_only_criteria().then(|| view! { <p class="small">{framework.outside_thematic_month.label()}</p> })}
            <ul class="small">{explanations.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            <ul class="small provenance-list">{dt::framework_provenance(&framework).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            <Signatures chair=meeting.chair_id.as_deref().map(|id| store.member_name(id)).unwrap_or_default()
                secretary=meeting.secretary_id.as_deref().map(|id| store.member_name(id)).unwrap_or_default()/>
        </article>
    }
    .into_any()
}
