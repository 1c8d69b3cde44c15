//! The year-end review as A4 documents, like the minutes: the chi bộ's dossier (committee
//! and chi bộ header, place and date line, the evidence, the sections, the proposal and
//! the vote, the bí thư's signature) and each member's page for their self-review, one
//! member or all of them, one page each.

use chrono::NaiveDate;
use leptos::prelude::*;
use sotay_domain::model::MemberRole;
use sotay_domain::review::{vote_date, voters_on, MemberYear, YearReview};
use sotay_domain::text as dt;

use super::evidence::{facts, MemberTable, MonthTable, Warnings};
use super::evidence_memo;
use crate::meetings::print::DocumentHeading;
use crate::router::Screen;
use crate::store::{clock, use_store, Store};
use crate::text::review as t;
use crate::ui::PageTitle;

/// Roman numerals for the dossier's parts (I. the evidence, then one per section, then the
/// proposal): a template has a handful of sections.
const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

fn roman(index: usize) -> &'static str {
    ROMAN.get(index).copied().unwrap_or("")
}

/// "Đông Tâm, ngày 20 tháng 12 năm 2026": the chi bộ's place name and the review meeting's
/// day (today while it is not set).
fn place_and_date(store: Store, date: Option<NaiveDate>) -> String {
    let place = store.chi_bo.with_untracked(|c| c.as_ref().map(|c| c.place_name.clone())).unwrap_or_default();
    dt::place_and_date(&place, date.unwrap_or_else(clock::today))
}

fn print_bar(back: String) -> impl IntoView {
    view! {
        <nav class="actions no-print">
            <button type="button" class="button big" on:click=move |_| { let _ = window().print(); }>{t::PRINT_NOW}</button>
            <a class="button secondary" href=back>{t::BACK}</a>
        </nav>
    }
}

/// The bí thư's name for the signature (empty when none is recorded).
fn bi_thu(store: Store, on: NaiveDate) -> String {
    store
        .members
        .with_untracked(|members| members.iter().find(|m| m.role == MemberRole::BiThu && m.is_active_on(on)).map(|m| m.name.clone()))
        .unwrap_or_default()
}

#[component]
pub fn DossierPrintScreen(year: i32) -> impl IntoView {
    let store = use_store();
    let review = store.review(year).unwrap_or_else(|| YearReview::new(year, store.current_template().id, clock::now()));
    let template = store.dossier_template(&review.template_id);
    let evidence = evidence_memo(store, year).get_untracked();
    let voters = store.members.with_untracked(|roster| voters_on(roster, vote_date(&review)));
    let facts = facts(&evidence).into_iter().map(|(label, value)| view! { <li>{label}": "<strong>{value}</strong></li> }).collect_view();
    let sections = template
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let text = review.section_text(&section.id).to_owned();
            let text = if text.trim().is_empty() { t::NOT_WRITTEN.to_owned() } else { text };
            view! { <h3>{roman(index + 1)}". "{section.heading.clone()}</h3><p class="pre">{text}</p> }
        })
        .collect_view();
    let proposal_number = roman(template.sections.len() + 1);
    let level = review.proposed_level.map_or(t::NOT_CHOSEN, |level| level.label());
    let vote = review.vote.map(|v| t::vote_line(v.in_favour, v.against, v.abstain, voters)).unwrap_or_else(|| t::NOT_CHOSEN.to_owned());
    let signer = bi_thu(store, vote_date(&review));
    view! {
        <PageTitle title=format!("{} — {}", t::PRINT, year)/>
        {print_bar(Screen::Review(year).href())}
        <article class="document dossier">
            <DocumentHeading store=store/>
            <p class="doc-place-date">{place_and_date(store, review.reviewed_on)}</p>
            <h2 class="doc-title">{t::DOSSIER_TITLE}</h2>
            <p class="doc-subtitle">{t::DOSSIER_YEAR}" "{year}</p>
            <p class="small">{t::TEMPLATE}": "{template.name.clone()}" — "{dt::wording_status(template.wording_status)}</p>
            <h3>"I. "{t::EVIDENCE_HEADING}</h3>
            <ul>{facts}</ul>
            <p>{dt::review::tasks_done_line(evidence.summary.resolution_tasks_done)}</p>
            <h4>{t::MONTHS}</h4>
            <MonthTable meetings=evidence.summary.meetings.clone()/>
            <h4>{t::MEMBERS}</h4>
            <MemberTable evidence=evidence.clone() year=None/>
            <Warnings evidence=evidence.clone()/>
            {sections}
            <h3>{proposal_number}". "{t::PROPOSAL_HEADING}</h3>
            <p>{t::PROPOSED}": "<strong>{level}</strong></p>
            <p>{t::VOTE_RESULT}": "{vote}</p>
            <div class="signatures single">
                <div>
                    <p><strong>{t::SIGN_FOR_CHI_BO}</strong></p>
                    <p><strong>{t::SIGN_BI_THU}</strong></p>
                    <p class="hint">{t::SIGN_HINT}</p>
                    <p class="signed-name">{signer}</p>
                </div>
            </div>
        </article>
    }
}

#[component]
pub fn MemberYearPrintScreen(year: i32, member_id: Option<String>) -> impl IntoView {
    let store = use_store();
    let evidence = evidence_memo(store, year).get_untracked();
    let review_day = store.review(year).and_then(|r| r.reviewed_on);
    let pages: Vec<MemberYear> = evidence
        .members
        .into_iter()
        .filter(|member| member_id.as_deref().is_none_or(|id| member.member_id() == id))
        .collect();
    let title = match pages.as_slice() {
        [one] if member_id.is_some() => format!("{} — {}", one.attendance.name, year),
        _ => format!("{} — {}", t::PRINT_MEMBERS, year),
    };
    let empty = pages.is_empty();
    view! {
        <PageTitle title=title/>
        {print_bar(Screen::Review(year).href())}
        {empty.then(|| view! { <p class="card">{t::MEMBER_NOT_FOUND}</p> })}
        {pages.into_iter().map(|member| view! { <MemberPage member=member year=year store=store day=review_day/> }).collect_view()}
    }
}

/// One member's year, for their self-review: attendance with the dates of absences, times
/// spoken, tasks and what became of them, the year's warnings about them.
#[component]
fn MemberPage(member: MemberYear, year: i32, store: Store, day: Option<NaiveDate>) -> impl IntoView {
    let a = member.attendance.clone();
    let with_reason = t::count_on(a.absent_with_reason_on.len(), &dt::review::dates(&a.absent_with_reason_on));
    let without_reason = t::count_on(a.absent_without_reason_on.len(), &dt::review::dates(&a.absent_without_reason_on));
    let rate = a.rate().map(|r| format!(" ({})", dt::percent(r))).unwrap_or_default();
    let tasks = if member.tasks.is_empty() {
        view! { <p>{t::NO_TASKS}</p> }.into_any()
    } else {
        view! {
            <p>{t::tasks_done(member.tasks_done(), member.tasks_assigned())}":"</p>
            <ul>{member.tasks.iter().map(|task| view! { <li>{dt::review::member_task(task)}</li> }).collect_view()}</ul>
        }
        .into_any()
    };
    let dues_warning = member.dues_warning.as_ref().map(sotay_domain::text::dues::warning);
    let has_warnings = !member.warnings.is_empty() || dues_warning.is_some();
    let warnings = member.warnings.iter().map(|w| w.message()).chain(dues_warning).map(|w| view! { <li>{w}</li> }).collect_view();
    view! {
        <article class="document member-page">
            <DocumentHeading store=store/>
            <p class="doc-place-date">{place_and_date(store, day)}</p>
            <h2 class="doc-title">{t::MEMBER_TITLE}</h2>
            <p class="doc-subtitle">{t::DOSSIER_YEAR}" "{year}</p>
            <ul class="member-facts">
                <li>{t::NAME}": "<strong>{a.name.clone()}</strong></li>
                <li>{t::ROLE}": "{dt::member_role(member.role)}", "{dt::member_status(member.status)}</li>
                <li>{t::EXPECTED}": "<strong>{a.expected}</strong></li>
                <li>{t::ATTENDED}": "<strong>{a.present}</strong>{rate}</li>
                <li>{t::ABSENT_WITH_REASON_ON}": "{with_reason}</li>
                <li>{t::ABSENT_WITHOUT_REASON_ON}": "{without_reason}</li>
                <li>{t::TIMES_SPOKE}": "<strong>{a.spoke}</strong></li>
            </ul>
            <h3>{t::TASKS_ASSIGNED}</h3>
            {tasks}
            {has_warnings.then(|| view! {
                <h3>{t::WARNINGS}</h3>
                <ul class="warnings">{warnings}</ul>
                <p class="hint">{t::NOT_A_DECISION}</p>
            })}
            <p class="small">{t::MEMBER_NOTE}</p>
            <div class="signatures single">
                <div>
                    <p><strong>{t::SIGN_MEMBER}</strong></p>
                    <p class="hint">{t::SIGN_HINT}</p>
                    <p class="signed-name">{a.name.clone()}</p>
                </div>
            </div>
        </article>
    }
}
