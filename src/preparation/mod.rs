//! Chuẩn bị: preparing the next meeting (HD 42) — when and where, the content, the outline and
//! the draft resolution written in the app, how the chi ủy prepared it, the notice and the
//! documents sent through the share sheet (the moment it says "shared", or the user's "Đã
//! gửi"), then the meeting record opened from the plan. Every change is saved at once. The
//! An Phú sheet's group 3 is then scored from what the plan holds (`domain::preparation`).

pub mod print;

use leptos::prelude::*;
use sotay_domain::model::{MeetingKind, MemberRole, NextTask};
use sotay_domain::planning::default_meeting_date;
use sotay_domain::preparation::{
    self, draft_plan, meeting_of, notice_facts, open_plans, propose_content, CommitteePreparation, ContentFrom, ContentItem, MeetingPlan,
    SentHow, Sending,
};
use sotay_domain::text::preparation as words;

use crate::data::files::{share_message, MessageSent, CALENDAR, PLAIN_TEXT};
use crate::router::{navigate, Screen};
use crate::store::{clock, framework, use_store, Store};
use crate::text::preparation as t;
use crate::ui::{date_value, format_date, parse_date_value, parse_time_value, time_value, PageTitle};

/// Opens the plan of the next meeting: the open plan (no meeting made from it yet) of a day not
/// past, or a new one on the chi bộ's usual day after the last recorded meeting.
pub fn start_plan(store: Store) {
    let Some(chi_bo) = store.chi_bo.get_untracked() else {
        navigate(&Screen::ChiBoSetup);
        return;
    };
    let today = clock::today();
    let open = store.plans.with_untracked(|plans| {
        store.meetings.with_untracked(|meetings| open_plans(plans, meetings).into_iter().find(|plan| plan.date >= today).map(|plan| plan.id.clone()))
    });
    if let Some(id) = open {
        navigate(&Screen::Plan(id));
        return;
    }
    let latest = store.meetings.with_untracked(|meetings| meetings.iter().map(|m| m.date).max());
    let date = next_meeting_date(today, chi_bo.usual_meeting_day, latest);
    let Some(framework) = framework(&chi_bo.framework_id) else {
        navigate(&Screen::ChiBoSetup);
        return;
    };
    let plan = store.meetings.with_untracked(|meetings| {
        draft_plan(clock::new_id("kh"), date, MeetingKind::ThuongKy, framework, meetings, clock::now(), &carried_task)
    });
    let saved = store.save_plan(plan);
    navigate(&Screen::Plan(saved.id));
}

/// The usual meeting day not before today (a plan prepares a meeting ahead).
fn next_meeting_date(today: chrono::NaiveDate, usual_day: u8, latest: Option<chrono::NaiveDate>) -> chrono::NaiveDate {
    let date = default_meeting_date(today, usual_day, latest);
    if date >= today {
        date
    } else {
        default_meeting_date(today, usual_day, Some(date.max(today)))
    }
}

fn carried_task(task: &NextTask) -> String {
    sotay_domain::text::carried_task_of(task)
}

/// The plan being edited, and how every change reaches storage.
#[derive(Clone, Copy)]
struct PlanEditing {
    plan: RwSignal<MeetingPlan>,
    store: Store,
    elsewhere: RwSignal<bool>,
}

impl PlanEditing {
    /// Applies a change and saves it at once; a change to a copy another tab has since
    /// replaced is not saved: the newer copy is shown.
    fn change(&self, apply: impl FnOnce(&mut MeetingPlan)) {
        self.change_boxed(Box::new(apply));
    }

    /// The body of [`PlanEditing::change`], compiled once rather than at each call site.
    #[inline(never)]
    fn change_boxed(&self, apply: Box<dyn FnOnce(&mut MeetingPlan) + '_>) {
        let based_on = self.plan.with_untracked(|p| p.updated_at);
        let mut changed = self.plan.get_untracked();
        apply(&mut changed);
        match self.store.save_plan_from(changed, based_on) {
            Ok(saved) => self.plan.set(saved),
            Err(newer) => {
                self.plan.set(newer.latest);
                self.elsewhere.set(true);
            }
        }
    }

    /// Takes the copy another tab saved, when it is newer than the one on screen.
    fn follow_other_tabs(&self) {
        let editing = *self;
        Effect::new(move |_| {
            let id = editing.plan.with_untracked(|p| p.id.clone());
            let stored = editing.store.plans.with(|all| all.iter().find(|p| p.id == id).cloned());
            if let Some(stored) = stored {
                if stored.updated_at > editing.plan.with_untracked(|p| p.updated_at) {
                    editing.plan.set(stored);
                    editing.elsewhere.set(true);
                }
            }
        });
    }
}

#[component]
pub fn PlanScreen(id: String) -> impl IntoView {
    let store = use_store();
    match store.plan(&id) {
        None => view! {
            <PageTitle title=t::TITLE/>
            <p class="card">{t::NOT_FOUND}" "<a href=Screen::Meetings.href()>{crate::text::meetings::BACK_TO_LIST}</a></p>
        }
        .into_any(),
        Some(plan) => view! { <PlanEditor initial=plan/> }.into_any(),
    }
}

#[component]
fn PlanEditor(initial: MeetingPlan) -> impl IntoView {
    let store = use_store();
    let editing = PlanEditing { plan: RwSignal::new(initial), store, elsewhere: RwSignal::new(false) };
    editing.follow_other_tabs();
    provide_context(editing);
    let key = crate::storage::Key::Plan(editing.plan.with_untracked(|p| p.id.clone()));
    let unsaved = Signal::derive(move || store.is_unsaved(&key));
    let title = Signal::derive(move || editing.plan.with(|p| format!("{} {}", t::TITLE, format_date(p.date))));
    view! {
        <PageTitle title=title/>
        <p class="hint autosave" class:field-error=unsaved>{move || if unsaved.get() { crate::text::meeting::NOT_AUTOSAVED } else { crate::text::meeting::AUTOSAVED }}</p>
        <Show when=move || editing.elsewhere.get()>
            <p class="card notice" role="status">{crate::text::meeting::UPDATED_ELSEWHERE}</p>
        </Show>
        <FrameworkHint/>
        <div class="meeting-form">
            <WhenAndWhere/>
            <Content/>
            <Documents/>
            <Committee/>
            <Sendings/>
        </div>
        <PlanActions/>
    }
}

/// Says when the chi bộ's framework does not score group 3 from the plan (version 1 of the
/// An Phú sheet, a committee's own): the plan is kept all the same.
#[component]
fn FrameworkHint() -> impl IntoView {
    let store = use_store();
    let scores_plans = move || {
        store.chi_bo.with(|chi_bo| {
            chi_bo.as_ref().and_then(|c| framework(&c.framework_id)).is_none_or(|framework| {
                framework.groups.iter().flat_map(|group| &group.criteria).any(|criterion| criterion.rule.is_preparation())
            })
        })
    };
    view! {
        <Show when=move || !scores_plans()>
            <p class="card notice">{t::FRAMEWORK_TICKS}" "<a href=Screen::ChiBoSetup.href()>{crate::text::meetings::CHI_BO_INFO}</a></p>
        </Show>
    }
}

#[component]
fn WhenAndWhere() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let kinds = MeetingKind::ALL.map(|kind| {
        view! {
            <label class="choice">
                <input type="radio" name="plan-kind" prop:checked=move || plan.with(|p| p.kind == kind)
                    on:change=move |_| editing.change(|p| { p.kind = kind; let topic = p.topic.clone(); p.set_topic(&topic); })/>
                <span>{sotay_domain::text::meeting_kind(kind)}</span>
            </label>
        }
    });
    view! {
        <section class="card">
            <h2>{t::WHEN_WHERE}</h2>
            <fieldset class="choices"><legend>{t::KIND}</legend>{kinds}</fieldset>
            <label class="field"><span>{t::DATE}</span>
                <input type="date" prop:value=move || plan.with(|p| date_value(Some(p.date)))
                    on:change=move |ev| if let Some(date) = parse_date_value(&event_target_value(&ev)) {
                        editing.change(|p| { p.date = date; p.month = preparation::PlanMonth::of(date); })
                    }/>
            </label>
            <div class="two-columns">
                <label class="field"><span>{t::START}</span>
                    <input type="time" prop:value=move || plan.with(|p| time_value(p.start_time))
                        on:change=move |ev| { let value = parse_time_value(&event_target_value(&ev)); editing.change(|p| p.start_time = value) }/>
                </label>
                <label class="field"><span>{t::END}</span>
                    <input type="time" prop:value=move || plan.with(|p| time_value(p.end_time))
                        on:change=move |ev| { let value = parse_time_value(&event_target_value(&ev)); editing.change(|p| p.end_time = value) }/>
                </label>
            </div>
            <label class="field"><span>{t::PLACE}</span>
                <input type="text" prop:value=move || plan.with(|p| p.place.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); editing.change(|p| p.place = value) }/>
            </label>
            <Show when=move || plan.with(|p| p.kind.includes_thematic())>
                <label class="field"><span>{t::TOPIC}</span>
                    <input type="text" prop:value=move || plan.with(|p| p.topic.clone())
                        on:change=move |ev| { let value = event_target_value(&ev); editing.change(|p| p.set_topic(&value)) }/>
                </label>
            </Show>
        </section>
    }
}

#[component]
fn Content() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let store = editing.store;
    let count = move || plan.with(|p| p.content.len());
    let propose_again = move |_| {
        let Some(framework) = store.chi_bo.with_untracked(|c| c.as_ref().and_then(|c| framework(&c.framework_id))) else { return };
        let (date, kind, topic) = plan.with_untracked(|p| (p.date, p.kind, p.topic.clone()));
        let content = store.meetings.with_untracked(|meetings| {
            let previous = sotay_domain::planning::last_meeting_before(date, meetings);
            propose_content(framework, kind, &topic, previous, &carried_task)
        });
        editing.change(|p| p.content = content);
    };
    view! {
        <section class="card">
            <h2>{t::CONTENT}</h2>
            <p class="hint">{t::CONTENT_HINT}</p>
            <ol class="plan-content">
                {move || (0..count()).map(|index| view! { <ContentRow index=index/> }).collect_view()}
            </ol>
            <div class="actions">
                <button type="button" class="button secondary" on:click=move |_| editing.change(|p| p.content.push(ContentItem { text: String::new(), from: ContentFrom::Added, reference: String::new() }))>{t::ADD_CONTENT}</button>
                <button type="button" class="button secondary" on:click=propose_again>{t::PROPOSE_AGAIN}</button>
            </div>
        </section>
    }
}

#[component]
fn ContentRow(index: usize) -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let item = move || plan.with(|p| p.content.get(index).cloned());
    let label = move || item().map(|item| format!("{} {} ({})", t::CONTENT_ITEM, index + 1, words::content_from(item.from))).unwrap_or_default();
    view! {
        <li class="row-card">
            <label class="field"><span>{label}</span>
                <textarea rows="2" prop:value=move || item().map(|item| item.text).unwrap_or_default()
                    on:input=move |ev| { let value = event_target_value(&ev); editing.change(|p| if let Some(item) = p.content.get_mut(index) { item.text = value }) }></textarea>
            </label>
            <button type="button" class="button small secondary" aria-label=move || format!("{} {}", t::REMOVE_CONTENT, index + 1)
                on:click=move |_| editing.change(|p| { if index < p.content.len() { p.content.remove(index); } })>{t::REMOVE}</button>
        </li>
    }
}

#[component]
fn Documents() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    view! {
        <section class="card">
            <h2>{t::DOCUMENTS}</h2>
            <label class="field"><span>{words::DOCUMENT_OUTLINE}</span>
                <textarea rows="8" prop:value=move || plan.with(|p| p.outline.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); editing.change(|p| p.outline = value) }></textarea>
            </label>
            <label class="field"><span>{words::DOCUMENT_DRAFT}</span>
                <textarea rows="8" prop:value=move || plan.with(|p| p.draft_resolution.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); editing.change(|p| p.draft_resolution = value) }></textarea>
            </label>
        </section>
    }
}

/// How the chi ủy prepared the meeting: its meeting (day, who, short minutes), or "chi bộ chỉ
/// có bí thư", or not yet.
#[component]
fn Committee() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let store = editing.store;
    let is_meeting = move || plan.with(|p| matches!(p.committee, Some(CommitteePreparation::Meeting { .. })));
    let is_only_secretary = move || plan.with(|p| matches!(p.committee, Some(CommitteePreparation::OnlySecretary)));
    let choose_meeting = move |_| {
        let date = clock::today().min(plan.with_untracked(|p| p.date));
        let committee = committee_members(store, plan.with_untracked(|p| p.date));
        editing.change(|p| p.committee = Some(CommitteePreparation::Meeting { date, attendees: committee, minutes: String::new() }))
    };
    view! {
        <section class="card">
            <h2>{t::COMMITTEE}</h2>
            <fieldset class="choices"><legend class="visually-hidden">{t::COMMITTEE}</legend>
                <label class="choice"><input type="radio" name="plan-committee" prop:checked=move || plan.with(|p| p.committee.is_none())
                    on:change=move |_| editing.change(|p| p.committee = None)/><span>{t::COMMITTEE_NOT_YET}</span></label>
                <label class="choice"><input type="radio" name="plan-committee" prop:checked=is_meeting on:change=choose_meeting/><span>{t::COMMITTEE_MEETING}</span></label>
                <label class="choice"><input type="radio" name="plan-committee" prop:checked=is_only_secretary
                    on:change=move |_| editing.change(|p| p.committee = Some(CommitteePreparation::OnlySecretary))/><span>{t::ONLY_SECRETARY}</span></label>
            </fieldset>
            <Show when=is_meeting>
                <CommitteeMeeting/>
            </Show>
        </section>
    }
}

/// The chi ủy on the meeting's day (bí thư, phó bí thư, chi ủy viên), as member ids.
fn committee_members(store: Store, date: chrono::NaiveDate) -> Vec<String> {
    store.members.with_untracked(|members| {
        members.iter().filter(|m| m.is_active_on(date) && m.role != MemberRole::DangVien).map(|m| m.id.clone()).collect()
    })
}

#[component]
fn CommitteeMeeting() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let store = editing.store;
    let with_meeting = move |change: Box<dyn FnOnce(&mut chrono::NaiveDate, &mut Vec<String>, &mut String)>| {
        editing.change(|p| if let Some(CommitteePreparation::Meeting { date, attendees, minutes }) = &mut p.committee { change(date, attendees, minutes) })
    };
    let field = move |read: fn(&CommitteePreparation) -> String| move || plan.with(|p| p.committee.as_ref().map(read).unwrap_or_default());
    let date_text = field(|c| match c { CommitteePreparation::Meeting { date, .. } => date_value(Some(*date)), _ => String::new() });
    let minutes_text = field(|c| match c { CommitteePreparation::Meeting { minutes, .. } => minutes.clone(), _ => String::new() });
    let members = move || {
        let date = plan.with(|p| p.date);
        store.members.with(|members| members.iter().filter(|m| m.is_active_on(date)).map(|m| (m.id.clone(), m.name.clone(), m.role)).collect::<Vec<_>>())
    };
    let attends = move |id: &str| plan.with(|p| matches!(&p.committee, Some(CommitteePreparation::Meeting { attendees, .. }) if attendees.iter().any(|a| a == id)));
    view! {
        <label class="field"><span>{t::COMMITTEE_DATE}</span>
            <input type="date" prop:value=date_text
                on:change=move |ev| if let Some(value) = parse_date_value(&event_target_value(&ev)) { with_meeting(Box::new(move |date, _, _| *date = value)) }/>
        </label>
        <fieldset class="choices"><legend>{t::COMMITTEE_WHO}</legend>
            {move || members().into_iter().map(|(id, name, role)| {
                let checked_id = id.clone();
                view! {
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || attends(&checked_id)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = id.clone();
                                with_meeting(Box::new(move |_, attendees, _| {
                                    attendees.retain(|a| *a != id);
                                    if on { attendees.push(id) }
                                }))
                            }/>
                        <span class="member-name">{name}</span>
                        {(role != MemberRole::DangVien).then(|| view! { <span class="hint">" · "{sotay_domain::text::member_role(role)}</span> })}
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <label class="field"><span>{t::COMMITTEE_MINUTES}</span>
            <textarea rows="4" prop:value=minutes_text
                on:input=move |ev| { let value = event_target_value(&ev); with_meeting(Box::new(move |_, _, minutes| *minutes = value)) }></textarea>
        </label>
    }
}

/// Which sending a button records.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sent {
    Members,
    Superior,
    Documents,
}

impl Sent {
    fn slot(self, plan: &mut MeetingPlan) -> &mut Option<Sending> {
        match self {
            Sent::Members => &mut plan.notice_to_members,
            Sent::Superior => &mut plan.notice_to_superior,
            Sent::Documents => &mut plan.documents_sent,
        }
    }

    fn of(self, plan: &MeetingPlan) -> Option<Sending> {
        match self {
            Sent::Members => plan.notice_to_members,
            Sent::Superior => plan.notice_to_superior,
            Sent::Documents => plan.documents_sent,
        }
    }
}

#[component]
fn Sendings() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let store = editing.store;
    let notice = move || {
        let chi_bo = store.chi_bo.get()?;
        Some(plan.with(|p| words::notice(&notice_facts(p, &chi_bo))))
    };
    let id = plan.with_untracked(|p| p.id.clone());
    view! {
        <section class="card">
            <h2>{t::SEND}</h2>
            <p class="hint">{t::SEND_HINT}</p>
            <h3>{t::NOTICE_PREVIEW}</h3>
            <pre class="notice-preview">{notice}</pre>
            <SendingRow which=Sent::Members label=t::NOTICE_TO_MEMBERS button=t::SEND_NOTICE/>
            <SendingRow which=Sent::Superior label=t::NOTICE_TO_SUPERIOR button=t::SEND_TO_SUPERIOR/>
            <SendingRow which=Sent::Documents label=t::DOCUMENTS_SENT button=t::SEND_DOCUMENTS/>
            <a class="button secondary" href=Screen::PlanPrint(id).href()>{t::PRINT_DOCUMENTS}</a>
        </section>
    }
}

/// One sending: its state, the button that shares it, "Đã gửi" for one sent another way, and
/// "Bỏ ghi nhận" to take a wrong record back.
#[component]
fn SendingRow(which: Sent, label: &'static str, button: &'static str) -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let feedback = RwSignal::new(None::<&'static str>);
    let record = move |how: SentHow| editing.change(|p| *which.slot(p) = Some(Sending { at: clock::now(), how }));
    let share = move |_| {
        leptos::task::spawn_local(async move {
            let outcome = send(editing, which).await;
            match outcome {
                MessageSent::Shared => {
                    record(SentHow::ShareSheet);
                    feedback.set(None);
                }
                MessageSent::Cancelled => feedback.set(Some(t::SHARE_CANCELLED)),
                MessageSent::CopiedAndDownloaded => feedback.set(Some(t::COPIED_AND_DOWNLOADED)),
                MessageSent::Failed => feedback.set(Some(crate::text::handbook::SHARE_FAILED)),
            }
        });
    };
    let state = move || plan.with(|p| which.of(p)).map_or_else(|| t::NOT_SENT.to_owned(), words::sent_line);
    let is_sent = move || plan.with(|p| which.of(p).is_some());
    view! {
        <div class="sending-row">
            <p><strong>{label}</strong>": "<span class="sending-state" class:done=is_sent>{state}</span></p>
            <div class="actions">
                <button type="button" class="button" on:click=share>{button}</button>
                <Show when=move || !is_sent()
                    fallback=move || view! { <button type="button" class="button small secondary" aria-label=format!("{} ({label})", t::UNDO_SENT) on:click=move |_| editing.change(|p| *which.slot(p) = None)>{t::UNDO_SENT}</button> }>
                    <button type="button" class="button small secondary" aria-label=format!("{} ({label})", t::MARK_SENT) on:click=move |_| record(SentHow::MarkedByUser)>{t::MARK_SENT}</button>
                </Show>
            </div>
            {move || feedback.get().map(|message| view! { <p class="hint" role="status">{message}</p> })}
        </div>
    }
}

/// Shares the notice (with the calendar file) or the documents (as a text file too).
async fn send(editing: PlanEditing, which: Sent) -> MessageSent {
    let Some(chi_bo) = editing.store.chi_bo.get_untracked() else { return MessageSent::Failed };
    let plan = editing.plan.get_untracked();
    match which {
        Sent::Members | Sent::Superior => {
            let text = words::notice(&notice_facts(&plan, &chi_bo));
            let calendar = words::calendar_file(&plan, &chi_bo, clock::now());
            let title = words::meeting_title(plan.kind, plan.month);
            share_message(&title, &text, &words::calendar_file_name(&plan), &calendar, CALENDAR).await
        }
        Sent::Documents => {
            let text = words::documents(&plan, &chi_bo);
            let name = format!("tai-lieu-sinh-hoat-{}.txt", plan.date);
            share_message(t::DOCUMENTS, &text, &name, &text, PLAIN_TEXT).await
        }
    }
}

/// The meeting record made from the plan (or a link to it once made), and deleting the plan.
#[component]
fn PlanActions() -> impl IntoView {
    let editing = expect_context::<PlanEditing>();
    let plan = editing.plan;
    let store = editing.store;
    let toasts = expect_context::<crate::toast::Toasts>();
    let made = move || plan.with(|p| store.meetings.with(|meetings| meeting_of(p, meetings).map(|m| (m.id.clone(), m.date))));
    let open_meeting = move |_| open_meeting_from(store, &plan.get_untracked());
    let delete = move |_| {
        let date = plan.with_untracked(|p| p.date);
        if !window().confirm_with_message(&format!("{} ({})", t::CONFIRM_DELETE, format_date(date))).unwrap_or(false) {
            return;
        }
        let id = plan.with_untracked(|p| p.id.clone());
        if let Some(removed) = store.delete_plan(&id) {
            toasts.offer_undo(format!("{} {}", t::DELETED, format_date(removed.date)), move || {
                store.save_plan(removed.clone());
                navigate(&Screen::Plan(removed.id.clone()));
            });
        }
        navigate(&Screen::Meetings);
    };
    view! {
        <section class="card actions">
            {move || match made() {
                Some((id, date)) => view! {
                    <p>{t::MEETING_MADE}" "<a href=Screen::Meeting(id).href()>{format_date(date)}</a></p>
                }.into_any(),
                None => view! {
                    <p class="hint">{t::OPEN_MEETING_HINT}</p>
                    <button type="button" class="button big" on:click=open_meeting>{t::OPEN_MEETING}</button>
                }.into_any(),
            }}
            <button type="button" class="button danger" on:click=delete>{t::DELETE}</button>
        </section>
    }
}

/// Makes the meeting record from a plan (date, times, place, the draft resolution to edit, the
/// link) and opens it.
pub fn open_meeting_from(store: Store, plan: &MeetingPlan) {
    let Some(chi_bo) = store.chi_bo.get_untracked() else {
        navigate(&Screen::ChiBoSetup);
        return;
    };
    let roster = store.members.get_untracked();
    let meeting = store.meetings.with_untracked(|meetings| {
        preparation::meeting_from_plan(plan, clock::new_id("sh"), &chi_bo, &roster, meetings, clock::now(), &carried_task)
    });
    let saved = store.save_meeting(meeting);
    navigate(&Screen::Meeting(saved.id));
}

/// The plans no meeting was made from yet, for Sinh hoạt's list.
#[component]
pub fn OpenPlans() -> impl IntoView {
    let store = use_store();
    let open = move || {
        store.plans.with(|plans| {
            store.meetings.with(|meetings| open_plans(plans, meetings).into_iter().map(|p| (p.id.clone(), p.date, p.kind)).collect::<Vec<_>>())
        })
    };
    view! {
        <Show when=move || !open().is_empty()>
            <section class="card">
                <h2>{t::OPEN_PLANS}</h2>
                <ul class="meeting-list">
                    {move || open().into_iter().map(|(id, date, kind)| view! {
                        <li><a class="meeting-row" href=Screen::Plan(id).href()>
                            <span class="meeting-date">{format_date(date)}</span>
                            <span class="meeting-kind">{sotay_domain::text::meeting_kind(kind)}</span>
                            <span class="badge draft">{t::PLAN_BADGE}</span>
                        </a></li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
