//! The roster: members with their roles, status, exemptions, and leaving (history stays).

use leptos::prelude::*;
use sotay_domain::model::{Exemption, Member, MemberRole, MemberStatus};

use crate::router::{navigate, Screen};
use crate::store::{clock, use_store};
use crate::text::roster as t;
use crate::ui::{date_value, format_date, parse_date_value, FieldError, PageTitle};

#[component]
pub fn RosterScreen() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let active = move || store.members.with(|m| m.iter().filter(|m| m.is_active_on(today)).cloned().collect::<Vec<_>>());
    let departed = move || store.members.with(|m| m.iter().filter(|m| !m.is_active_on(today)).cloned().collect::<Vec<_>>());
    view! {
        <PageTitle title=t::TITLE/>
        <section class="actions">
            <a class="button big" href=Screen::Member(None).href()>{t::ADD}</a>
        </section>
        <section class="card">
            <p><strong>{move || active().len()}</strong>" "{t::ACTIVE_COUNT}</p>
            <Show when=move || store.members.with(Vec::is_empty)><p>{t::EMPTY}</p></Show>
            <ul class="member-list">{move || active().into_iter().map(|m| member_row(m, today)).collect_view()}</ul>
        </section>
        <Show when=move || !departed().is_empty()>
            <section class="card">
                <h2>{t::LEFT}</h2>
                <ul class="member-list">{move || departed().into_iter().map(|m| member_row(m, today)).collect_view()}</ul>
            </section>
        </Show>
    }
}

fn member_row(member: Member, today: chrono::NaiveDate) -> impl IntoView {
    let role = sotay_domain::text::member_role(member.role);
    let status = sotay_domain::text::member_status(member.status);
    let exempt = member.is_exempt_on(today).then_some(t::EXEMPT_NOW);
    let left = member.left_on.map(format_date);
    view! {
        <li>
            <a class="member-row" href=Screen::Member(Some(member.id.clone())).href()>
                <span class="member-name">{member.name.clone()}</span>
                <span class="member-meta">{role}" · "{status}{exempt.map(|e| format!(" · {e}"))}{left.map(|d| format!(" · {d}"))}</span>
            </a>
        </li>
    }
}

/// An exemption as edited in the form (dates as the date inputs give them).
#[derive(Clone, Default, PartialEq)]
struct ExemptionDraft {
    reason: String,
    from: String,
    to: String,
}

#[component]
pub fn MemberScreen(id: Option<String>) -> impl IntoView {
    let store = use_store();
    let existing = id.as_deref().and_then(|id| store.member(id));
    if id.is_some() && existing.is_none() {
        return view! {
            <PageTitle title=t::EDIT_TITLE/>
            <p class="card">{t::NOT_FOUND}" "<a href=Screen::Roster.href()>{t::BACK}</a></p>
        }
        .into_any();
    }
    let fresh_member = || Member::new(clock::new_id("dv"), "", clock::now());
    let base = existing.clone().unwrap_or_else(fresh_member);
    let name = RwSignal::new(base.name.clone());
    let role = RwSignal::new(base.role);
    let status = RwSignal::new(base.status);
    let joined = RwSignal::new(date_value(base.joined_on));
    let left = RwSignal::new(date_value(base.left_on));
    let exemptions = RwSignal::new(
        base.exemptions
            .iter()
            .map(|e| ExemptionDraft { reason: e.reason.clone(), from: date_value(Some(e.from)), to: date_value(e.to) })
            .collect::<Vec<_>>(),
    );
    let attempted = RwSignal::new(false);
    let saved_name = RwSignal::new(None::<String>);
    let changed_elsewhere = RwSignal::new(false);
    // The record being edited; replaced by a fresh one after "save and add another".
    let base = StoredValue::new(base);

    let problems = move || member_problems(&name.get(), &exemptions.get(), &joined.get(), &left.get());
    let error_for = move |which: MemberProblem| {
        Signal::derive(move || (attempted.get() && problems().contains(&which)).then(|| which.message().to_owned()))
    };

    let save = move |add_another: bool| {
        attempted.set(true);
        if !problems().is_empty() {
            return;
        }
        let mut member = base.get_value();
        member.name = name.get_untracked().trim().to_owned();
        member.role = role.get_untracked();
        member.status = status.get_untracked();
        member.joined_on = parse_date_value(&joined.get_untracked());
        member.left_on = parse_date_value(&left.get_untracked());
        member.exemptions = exemptions.get_untracked().iter().filter_map(to_exemption).collect();
        // Not stored (storage refused): kept in memory and named by the notice on every
        // screen until it is written; this form says nothing of "saved".
        let Ok(stored) = store.save_member_from(member.clone(), base.with_value(|b| b.updated_at)) else {
            changed_elsewhere.set(true);
            return;
        };
        if add_another {
            navigate(&Screen::Member(None));
            // Same screen, new member: clear the form for the next entry.
            base.set_value(fresh_member());
            role.set(MemberRole::DangVien);
            status.set(MemberStatus::ChinhThuc);
            name.set(String::new());
            exemptions.set(Vec::new());
            joined.set(String::new());
            left.set(String::new());
            attempted.set(false);
            saved_name.set(stored.then_some(member.name));
        } else {
            navigate(&Screen::Roster);
        }
    };

    let roles = [MemberRole::BiThu, MemberRole::PhoBiThu, MemberRole::ChiUyVien, MemberRole::DangVien].map(|option| {
        view! {
            <label class="choice">
                <input type="radio" name="role" prop:checked=move || role.get() == option on:change=move |_| role.set(option)/>
                <span>{sotay_domain::text::member_role(option)}</span>
            </label>
        }
    });
    let statuses = [MemberStatus::ChinhThuc, MemberStatus::DuBi].map(|option| {
        view! {
            <label class="choice">
                <input type="radio" name="status" prop:checked=move || status.get() == option on:change=move |_| status.set(option)/>
                <span>{sotay_domain::text::member_status(option)}</span>
            </label>
        }
    });

    view! {
        <PageTitle title=if existing.is_some() { t::EDIT_TITLE } else { t::NEW_TITLE }/>
        <form class="card form" novalidate on:submit=move |ev| { ev.prevent_default(); save(false); }>
            {move || saved_name.get().map(|n| view! { <p class="saved" role="status">{t::SAVED}" "{n}</p> })}
            <Show when=move || changed_elsewhere.get()>
                <p class="card error-card" role="alert">{t::CHANGED_ELSEWHERE}</p>
            </Show>
            <label class="field">
                <span>{t::NAME}</span>
                <input type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <FieldError message=error_for(MemberProblem::NameMissing)/>
            <fieldset class="choices"><legend>{t::ROLE}</legend>{roles}</fieldset>
            <fieldset class="choices"><legend>{t::STATUS}</legend>{statuses}</fieldset>
            <label class="field">
                <span>{t::JOINED}</span>
                <input type="date" prop:value=move || joined.get() on:input=move |ev| joined.set(event_target_value(&ev))/>
            </label>
            <fieldset class="subsection">
                <legend>{t::EXEMPTIONS}</legend>
                <p class="hint">{t::EXEMPTIONS_HINT}</p>
                <ExemptionRows exemptions=exemptions/>
                <FieldError message=error_for(MemberProblem::ExemptionIncomplete)/>
                <FieldError message=error_for(MemberProblem::ExemptionOrder)/>
                <button type="button" class="button secondary" on:click=move |_| exemptions.update(|e| e.push(ExemptionDraft::default()))>{t::ADD_EXEMPTION}</button>
            </fieldset>
            <label class="field">
                <span>{t::LEFT_ON}</span>
                <input type="date" id=LEFT_ON_ID prop:value=move || left.get() on:input=move |ev| left.set(event_target_value(&ev))/>
                <small class="hint">{t::LEFT_HINT}</small>
            </label>
            <FieldError message=error_for(MemberProblem::LeftBeforeJoined)/>
            <div class="actions">
                <button type="submit" class="button big">{t::SAVE}</button>
                <button type="button" class="button secondary" on:click=move |_| save(true)>{t::SAVE_AND_ADD}</button>
            </div>
        </form>
        {existing.as_ref().map(|member| view! { <DeleteMember id=member.id.clone() left=left/> })}
    }
    .into_any()
}

/// The form's "left the chi bộ" date input, focused when a deletion is refused.
const LEFT_ON_ID: &str = "member-left-on";

/// "Xóa đảng viên này": for a record created by mistake, so only when no meeting names
/// the member; otherwise it says so and points to the date of leaving instead.
#[component]
fn DeleteMember(id: String, left: RwSignal<String>) -> impl IntoView {
    let store = use_store();
    let toasts = expect_context::<crate::toast::Toasts>();
    let id = StoredValue::new(id);
    let refused = RwSignal::new(None::<String>);
    let delete = move |_| {
        let Some(member) = store.member(&id.get_value()) else { return };
        let named = store.meetings_naming(&member.id);
        if named > 0 {
            refused.set(Some(t::cannot_delete_member(&member.name, named)));
            return;
        }
        if !window().confirm_with_message(&t::confirm_delete_member(&member.name)).unwrap_or(false) {
            return;
        }
        if let Some(removed) = store.delete_member(&member.id) {
            toasts.offer_undo(t::member_deleted(&removed.name), move || {
                store.save_member(removed.clone());
                navigate(&Screen::Member(Some(removed.id.clone())));
            });
            navigate(&Screen::Roster);
        }
    };
    let record_leaving = move |_| {
        if left.with_untracked(String::is_empty) {
            left.set(date_value(Some(clock::today())));
        }
        if let Some(input) = document().get_element_by_id(LEFT_ON_ID).and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = input.focus();
        }
    };
    view! {
        <section class="card actions">
            <button type="button" class="button danger" on:click=delete>{t::DELETE}</button>
            {move || refused.get().map(|message| view! {
                <div class="card error-card" role="alert">
                    <p>{message}</p>
                    <button type="button" class="button secondary" on:click=record_leaving>{t::RECORD_LEAVING}</button>
                </div>
            })}
        </section>
    }
}

#[component]
fn ExemptionRows(exemptions: RwSignal<Vec<ExemptionDraft>>) -> impl IntoView {
    let indices = move || (0..exemptions.with(Vec::len)).collect::<Vec<_>>();
    let field = move |index: usize, pick: fn(&ExemptionDraft) -> &String| {
        move || exemptions.with(|e| e.get(index).map(|d| pick(d).clone()).unwrap_or_default())
    };
    let set = move |index: usize, apply: fn(&mut ExemptionDraft, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            exemptions.update(|e| if let Some(d) = e.get_mut(index) { apply(d, value) });
        }
    };
    view! {
        <For each=indices key=|index| *index let:index>
            <div class="exemption">
                <label class="field">
                    <span>{t::EXEMPTION_REASON}</span>
                    <input type="text" placeholder=t::EXEMPTION_REASON_EXAMPLE prop:value=field(index, |d| &d.reason) on:input=set(index, |d, v| d.reason = v)/>
                </label>
                <div class="two-columns">
                    <label class="field">
                        <span>{t::EXEMPTION_FROM}</span>
                        <input type="date" prop:value=field(index, |d| &d.from) on:input=set(index, |d, v| d.from = v)/>
                    </label>
                    <label class="field">
                        <span>{t::EXEMPTION_TO}</span>
                        <input type="date" prop:value=field(index, |d| &d.to) on:input=set(index, |d, v| d.to = v)/>
                    </label>
                </div>
                <button type="button" class="button small secondary" on:click=move |_| exemptions.update(|e| { if index < e.len() { e.remove(index); } })>{t::REMOVE}</button>
            </div>
        </For>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MemberProblem {
    NameMissing,
    ExemptionIncomplete,
    ExemptionOrder,
    LeftBeforeJoined,
}

impl MemberProblem {
    fn message(self) -> &'static str {
        match self {
            MemberProblem::NameMissing => t::NAME_REQUIRED,
            MemberProblem::ExemptionIncomplete => t::EXEMPTION_INCOMPLETE,
            MemberProblem::ExemptionOrder => t::EXEMPTION_ORDER,
            MemberProblem::LeftBeforeJoined => t::LEFT_BEFORE_JOINED,
        }
    }
}

fn member_problems(name: &str, exemptions: &[ExemptionDraft], joined: &str, left: &str) -> Vec<MemberProblem> {
    let mut problems = Vec::new();
    if name.trim().is_empty() {
        problems.push(MemberProblem::NameMissing);
    }
    if exemptions.iter().any(|e| e.reason.trim().is_empty() || parse_date_value(&e.from).is_none()) {
        problems.push(MemberProblem::ExemptionIncomplete);
    }
    let out_of_order = |from: &str, to: &str| matches!((parse_date_value(from), parse_date_value(to)), (Some(a), Some(b)) if b < a);
    if exemptions.iter().any(|e| out_of_order(&e.from, &e.to)) {
        problems.push(MemberProblem::ExemptionOrder);
    }
    if out_of_order(joined, left) {
        problems.push(MemberProblem::LeftBeforeJoined);
    }
    problems
}

fn to_exemption(draft: &ExemptionDraft) -> Option<Exemption> {
    Some(Exemption {
        reason: draft.reason.trim().to_owned(),
        from: parse_date_value(&draft.from)?,
        to: parse_date_value(&draft.to),
    })
}
