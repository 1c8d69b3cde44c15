//! Recording one meeting, for use in the meeting room with one thumb. Every change is saved
//! at once; "Hoàn tất" finalises, and a finalised meeting can be reopened.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use sotay_domain::checks::{check_meeting, MeetingField, MeetingProblem};
use sotay_domain::model::{
    AbsenceReason, Attendance, Guest, Meeting, MeetingKind, MeetingStatus, Member, NextTask, PreviousTask,
};
use sotay_domain::scoring::attendance_facts;

use super::editing::Editor;
use super::sheet::ScoreSheetSection;
use crate::router::{navigate, Screen};
use crate::store::{clock, framework, use_store, Store};
use crate::text::meeting as t;
use crate::ui::{date_value, format_date, format_date_with_weekday, parse_date_value, parse_time_value, time_value, PageTitle};

#[component]
pub fn MeetingScreen(id: String) -> impl IntoView {
    let store = use_store();
    match store.meeting(&id) {
        None => view! {
            <PageTitle title=t::TITLE/>
            <p class="card">{crate::text::meetings::NOT_FOUND}" "<a href=Screen::Meetings.href()>{crate::text::meetings::BACK_TO_LIST}</a></p>
        }
        .into_any(),
        Some(meeting) => view! { <MeetingEditor initial=meeting/> }.into_any(),
    }
}

#[component]
fn MeetingEditor(initial: Meeting) -> impl IntoView {
    let store = use_store();
    let editor = Editor { meeting: RwSignal::new(initial), store, elsewhere: RwSignal::new(None) };
    provide_context(editor);
    editor.follow_other_tabs();
    let today = clock::today();
    let problems = Memo::new(move |_| {
        let roster = store.members.get();
        editor.meeting.with(|m| check_meeting(m, &roster, today))
    });
    let meeting_key = crate::storage::Key::Meeting(editor.meeting.with_untracked(|m| m.id.clone()));
    let unsaved = Signal::derive(move || store.is_unsaved(&meeting_key));
    let title = Signal::derive(move || {
        editor.meeting.with(|m| format!("{} {}", sotay_domain::text::meeting_kind(m.kind), format_date(m.date)))
    });
    view! {
        <PageTitle title=title/>
        <p class="hint autosave" class:field-error=unsaved>{move || if unsaved.get() { t::NOT_AUTOSAVED } else { t::AUTOSAVED }}</p>
        {move || editor.elsewhere.get().map(|message| view! { <p class="card notice" role="status">{message}</p> })}
        <PlanOfMeeting/>
        // A finalised meeting reads as a record; only a draft shows the form.
        // Its actions (reopen, print, share) come first, above the long documents.
        <Show when=move || !editor.is_finalised() fallback=move || view! { <MeetingActions problems=problems/><MeetingRecord/> }>
            // Drawn again when a change was refused or another tab's copy taken: the controls are
            // bound to parts of the meeting (`Editor::watch`), and a field that still shows what
            // was typed must show what is stored, even where that part itself did not change.
            {move || {
                editor.elsewhere.track();
                view! {
                    <div class="meeting-form">
                        <GeneralSection problems=problems/>
                        <AttendanceSection problems=problems/>
                        <AgendaSection/>
                        <crate::dues::MeetingDuesLine date=Signal::from(editor.watch(|m| m.date))/>
                        <PreviousTasksSection/>
                        <SpeakersSection/>
                        <NextTasksSection/>
                        <ResolutionSection/>
                        <ScoreSheetSection/>
                    </div>
                }
            }}
            <MeetingActions problems=problems/>
        </Show>
    }
}

/// The plan the meeting was made from, readable from the record (or why it is not there).
#[component]
fn PlanOfMeeting() -> impl IntoView {
    use sotay_domain::preparation::{plan_of, PlanLink};
    let editor = expect_context::<Editor>();
    let store = editor.store;
    let link = move || {
        editor.meeting.with(|m| store.plans.with(|plans| match plan_of(m, plans) {
            PlanLink::Linked(plan) => Some(Some(plan.id.clone())),
            PlanLink::Missing(_) => Some(None),
            PlanLink::NotLinked => None,
        }))
    };
    move || link().map(|found| match found {
        Some(id) => view! { <p class="card"><a href=Screen::Plan(id).href()>{crate::text::preparation::PLAN_OF_MEETING}</a></p> }.into_any(),
        None => view! { <p class="card notice">{crate::text::preparation::PLAN_MISSING}</p> }.into_any(),
    })
}

/// A finalised meeting as a record: who attended (each member with their status and reason),
/// then the minutes and the score sheet as text, laid out like the print view.
#[component]
fn MeetingRecord() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let store = editor.store;
    let meeting = editor.meeting.get_untracked();
    view! {
        <RollCallRecord meeting=meeting.clone()/>
        <div class="record-documents">
            <super::print::MeetingDocuments meeting=meeting store=store/>
        </div>
    }
}

#[component]
fn RollCallRecord(meeting: Meeting) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let store = editor.store;
    let mut rows: Vec<(String, String, &'static str)> = meeting
        .attendance
        .iter()
        .map(|record| {
            let status = RollCall::of(&record.attendance);
            let label = match &record.attendance {
                Attendance::AbsentWithReason { reason, reason_text } if reason_text.trim().is_empty() => {
                    format!("{} — {}", status.label(), sotay_domain::text::absence_reason(*reason))
                }
                Attendance::AbsentWithReason { reason_text, .. } => format!("{} — {}", status.label(), reason_text.trim()),
                _ => status.label().to_owned(),
            };
            (store.member_name(&record.member_id), label, status.class())
        })
        .collect();
    rows.sort_by_cached_key(|row| sotay_domain::collate::name_key(&row.0));
    let items = rows
        .into_iter()
        .map(|(name, label, class)| view! {
            <li class="roll-call-record-row"><span class="member-name">{name}</span><span class=format!("status-chip {class}")>{label}</span></li>
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t::ATTENDANCE}</h2>
            <ul class="roll-call-record">{items}</ul>
        </section>
    }
}

/// The messages of the problems that belong to one field.
fn field_messages(problems: Memo<Vec<MeetingProblem>>, field: MeetingField, store: Store) -> impl IntoView {
    move || {
        let roster = store.members.get();
        problems.with(|problems| {
            problems
                .iter()
                .filter(|p| p.field() == field)
                .map(|p| view! { <p class="field-error" role="alert">{p.message(&roster)}</p> })
                .collect_view()
        })
    }
}

#[component]
fn GeneralSection(problems: Memo<Vec<MeetingProblem>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let store = editor.store;
    let meeting = editor.meeting;
    let kinds = MeetingKind::ALL.map(|kind| {
        view! {
            <label class="choice">
                <input type="radio" name="meeting-kind" prop:checked=editor.watch(move |m| m.kind == kind)
                    on:change=move |_| editor.change(|m| m.kind = kind)/>
                <span>{sotay_domain::text::meeting_kind(kind)}</span>
            </label>
        }
    });
    let date = editor.watch(|m| m.date);
    // Parts watched as text, as the fields show them: one memo type fewer each (size).
    let start = editor.watch(|m| time_value(m.start_time));
    let end = editor.watch(|m| time_value(m.end_time));
    let duration = move || meeting.with(|m| m.duration_minutes()).map(|minutes| format!("{}: {minutes} {}", t::DURATION, t::MINUTES));
    view! {
        <section class="card">
            <h2>{t::GENERAL}</h2>
            <label class="field">
                <span>{t::DATE}</span>
                <input type="date" prop:value=move || date_value(Some(date.get()))
                    on:change=move |ev| if let Some(date) = parse_date_value(&event_target_value(&ev)) { editor.change(|m| m.date = date) }/>
                <small class="hint">{move || format_date_with_weekday(date.get())}</small>
            </label>
            {field_messages(problems, MeetingField::Date, store)}
            <fieldset class="choices"><legend>{t::KIND}</legend>{kinds}</fieldset>
            <div class="two-columns">
                <label class="field">
                    <span>{t::START}</span>
                    <input type="time" prop:value=start
                        on:change=move |ev| { let value = parse_time_value(&event_target_value(&ev)); editor.change(|m| m.start_time = value) }/>
                </label>
                <label class="field">
                    <span>{t::END}</span>
                    <input type="time" prop:value=end
                        on:change=move |ev| { let value = parse_time_value(&event_target_value(&ev)); editor.change(|m| m.end_time = value) }/>
                </label>
            </div>
            <p class="hint">{duration}</p>
            {field_messages(problems, MeetingField::Times, store)}
            <label class="field">
                <span>{t::PLACE}</span>
                <input type="text" prop:value=editor.watch(|m| m.place.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); editor.change(|m| m.place = value) }/>
            </label>
            <MemberSelect label=t::CHAIR pick=|m| m.chair_id.clone() set=|m, id| m.chair_id = id/>
            <MemberSelect label=t::SECRETARY pick=|m| m.secretary_id.clone() set=|m, id| m.secretary_id = id/>
            <Guests/>
        </section>
    }
}

#[component]
fn MemberSelect(
    label: &'static str,
    pick: fn(&Meeting) -> Option<String>,
    set: fn(&mut Meeting, Option<String>),
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let roster = editor.roster_names();
    // The chosen member's id, empty for none (text: one memo type fewer).
    let chosen = editor.watch(move |m| pick(m).unwrap_or_default());
    let options = move || {
        roster
            .get()
            .into_iter()
            .map(|(id, name)| {
                let value = id.clone();
                let selected = move || chosen.with(|chosen| *chosen == id);
                view! { <option value=value prop:selected=selected>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="field">
            <span>{label}</span>
            <select on:change=move |ev| {
                let value = event_target_value(&ev);
                editor.change(|m| set(m, (!value.is_empty()).then_some(value)));
            }>
                <option value="" selected=move || chosen.with(String::is_empty)>{t::CHOOSE}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn Guests() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let indices = move || (0..meeting.with(|m| m.guests.len())).collect::<Vec<_>>();
    let read = move |index: usize, pick: fn(&Guest) -> String| editor.watch(move |m| m.guests.get(index).map(pick).unwrap_or_default());
    let write = move |index: usize, apply: fn(&mut Guest, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            editor.change(|m| if let Some(guest) = m.guests.get_mut(index) { apply(guest, value) });
        }
    };
    view! {
        <fieldset class="subsection">
            <legend>{t::GUESTS}</legend>
            <For each=indices key=|index| *index let:index>
                <div class="guest">
                    <label class="field"><span>{t::GUEST_NAME}</span>
                        <input type="text" prop:value=read(index, |g| g.name.clone()) on:input=write(index, |g, v| g.name = v)/></label>
                    <label class="field"><span>{t::GUEST_ROLE}</span>
                        <input type="text" prop:value=read(index, |g| g.role.clone()) on:input=write(index, |g, v| g.role = v)/></label>
                    <label class="check">
                        <input type="checkbox" prop:checked=editor.watch(move |m| m.guests.get(index).is_some_and(|g| g.from_superior_committee))
                            on:change=move |ev| { let on = event_target_checked(&ev); editor.change(|m| if let Some(g) = m.guests.get_mut(index) { g.from_superior_committee = on }) }/>
                        <span>{t::GUEST_SUPERIOR}</span>
                    </label>
                    <button type="button" class="button small secondary" on:click=move |_| editor.change(|m| { if index < m.guests.len() { m.guests.remove(index); } })>{t::REMOVE}</button>
                </div>
            </For>
            <button type="button" class="button secondary" on:click=move |_| editor.change(|m| m.guests.push(Guest { name: String::new(), role: String::new(), from_superior_committee: false }))>{t::ADD_GUEST}</button>
        </fieldset>
    }
}

/// The four roll-call answers, in the order the buttons show them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RollCall {
    Present,
    WithReason,
    WithoutReason,
    Exempt,
}

impl RollCall {
    const ALL: [RollCall; 4] = [RollCall::Present, RollCall::WithReason, RollCall::WithoutReason, RollCall::Exempt];

    fn of(attendance: &Attendance) -> RollCall {
        match attendance {
            Attendance::Present => RollCall::Present,
            Attendance::AbsentWithReason { .. } => RollCall::WithReason,
            Attendance::AbsentWithoutReason => RollCall::WithoutReason,
            Attendance::Exempt => RollCall::Exempt,
        }
    }

    fn label(self) -> &'static str {
        match self {
            RollCall::Present => t::PRESENT,
            RollCall::WithReason => t::ABSENT_WITH_REASON,
            RollCall::WithoutReason => t::ABSENT_WITHOUT_REASON,
            RollCall::Exempt => t::EXEMPT,
        }
    }

    fn class(self) -> &'static str {
        match self {
            RollCall::Present => "present",
            RollCall::WithReason => "with-reason",
            RollCall::WithoutReason => "without-reason",
            RollCall::Exempt => "exempt",
        }
    }

    fn attendance(self) -> Attendance {
        match self {
            RollCall::Present => Attendance::Present,
            RollCall::WithReason => Attendance::AbsentWithReason { reason: AbsenceReason::Illness, reason_text: String::new() },
            RollCall::WithoutReason => Attendance::AbsentWithoutReason,
            RollCall::Exempt => Attendance::Exempt,
        }
    }
}

#[component]
fn AttendanceSection(problems: Memo<Vec<MeetingProblem>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let roster = Memo::new(move |_| editor.roster());
    let members = move || roster.get();
    let counts = move || {
        let roster = roster.get();
        let facts = meeting.with(|m| attendance_facts(m, &roster));
        let rate = facts.rate().map(sotay_domain::text::percent).unwrap_or_else(|| "—".to_owned());
        format!(
            "{}: {}/{} ({}) · {}: {} · {}: {} · {}: {} · {}: {}",
            t::PRESENT, facts.present, facts.counted, rate,
            t::ABSENT_WITH_REASON, facts.absent_with_reason,
            t::ABSENT_WITHOUT_REASON, facts.absent_without_reason,
            t::EXEMPT, facts.exempt,
            t::NOT_MARKED, facts.unrecorded,
        )
    };
    let mark_rest_present = move |_| {
        let roster = editor.roster();
        editor.change(|m| {
            for member in &roster {
                if m.attendance_of(&member.id).is_none() {
                    m.set_attendance(&member.id, Attendance::Present);
                }
            }
        });
    };
    view! {
        <section class="card">
            <h2>{t::ATTENDANCE}</h2>
            <p class="counts" aria-live="polite">{counts}</p>
            {field_messages(problems, MeetingField::Attendance, editor.store)}
            <ul class="roll-call">
                <For each=members key=|member| member.id.clone() let:member>
                    <RollCallRow member=member/>
                </For>
            </ul>
            <button type="button" class="button secondary" on:click=mark_rest_present>{t::ALL_PRESENT}</button>
        </section>
    }
}

#[component]
fn RollCallRow(member: Member) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let id = StoredValue::new(member.id.clone());
    // This member's entry alone: a tap on another row leaves this row as it is drawn.
    let attendance = Memo::new(move |_| meeting.with(|m| m.attendance_of(&id.get_value()).cloned()));
    let current = move || attendance.with(|a| a.as_ref().map(RollCall::of));
    let buttons = RollCall::ALL.map(|choice| {
        view! {
            <button type="button" class=format!("roll {}", choice.class())
                aria-pressed=move || if current() == Some(choice) { "true" } else { "false" }
                on:click=move |_| editor.change(|m| m.set_attendance(&id.get_value(), choice.attendance()))>
                {choice.label()}
            </button>
        }
    });
    let reason = move || match attendance.get() {
        Some(Attendance::AbsentWithReason { reason, reason_text }) => Some(view! { <ReasonFields member_id=id.get_value() reason=reason text=reason_text/> }),
        _ => None,
    };
    view! {
        <li class="roll-row">
            <span class="roll-name">{member.name.clone()}</span>
            <div class="roll-buttons" role="group" aria-label=member.name.clone()>{buttons}</div>
            {reason}
        </li>
    }
}

#[component]
fn ReasonFields(member_id: String, reason: AbsenceReason, text: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = StoredValue::new(member_id);
    let update = move |new_reason: Option<AbsenceReason>, new_text: Option<String>| {
        editor.change(|m| {
            if let Some(Attendance::AbsentWithReason { reason, reason_text }) = m.attendance_of(&id.get_value()).cloned() {
                let attendance = Attendance::AbsentWithReason {
                    reason: new_reason.unwrap_or(reason),
                    reason_text: new_text.unwrap_or(reason_text),
                };
                m.set_attendance(&id.get_value(), attendance);
            }
        })
    };
    let reasons = [AbsenceReason::Illness, AbsenceReason::Work, AbsenceReason::Family, AbsenceReason::Other].map(|option| {
        view! { <option value=format!("{option:?}") selected=option == reason>{sotay_domain::text::absence_reason(option)}</option> }
    });
    view! {
        <div class="reason two-columns">
            <label class="field"><span>{t::REASON}</span>
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let chosen = [AbsenceReason::Illness, AbsenceReason::Work, AbsenceReason::Family, AbsenceReason::Other]
                        .into_iter().find(|r| format!("{r:?}") == value);
                    update(chosen, None);
                }>{reasons}</select>
            </label>
            <label class="field"><span>{t::REASON_DETAIL}</span>
                <input type="text" value=text on:change=move |ev| update(None, Some(event_target_value(&ev)))/>
            </label>
        </div>
    }
}

#[component]
fn AgendaSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    // Drawn again only when the framework changes, not at every tick.
    let framework_id = Memo::new(move |_| meeting.with(|m| m.own_sheet.framework_id.clone()));
    let items = move || framework_id.with(|id| framework(id)).map(|f| f.order_of_business.clone()).unwrap_or_default();
    view! {
        <section class="card">
            <h2>{t::AGENDA}</h2>
            <ol class="checklist">
                {move || items().into_iter().map(|item| {
                    let id = StoredValue::new(item.id.clone());
                    view! {
                        <li><label class="check">
                            <input type="checkbox" prop:checked=editor.watch(move |m| m.agenda_done.contains(&id.get_value()))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    editor.change(|m| {
                                        m.agenda_done.retain(|done| *done != id.get_value());
                                        if on { m.agenda_done.push(id.get_value()); }
                                    })
                                }/>
                            <span>{item.label.clone()}{item.optional.then_some(format!(" {}", t::AGENDA_OPTIONAL))}</span>
                        </label></li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn PreviousTasksSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let ids = move || meeting.with(|m| m.previous_tasks.iter().map(|task| task.id.clone()).collect::<Vec<_>>());
    let met = move || {
        meeting.with(|m| {
            let done = m.previous_tasks.iter().filter(|task| task.done).count();
            (!m.previous_tasks.is_empty()).then(|| format!("{}: {done}/{}", t::TASKS_MET, m.previous_tasks.len()))
        })
    };
    let add = move |_| {
        let id = clock::new_id("nv");
        editor.change(|m| m.previous_tasks.push(PreviousTask { id, what: String::new(), done: false, result: String::new() }));
    };
    view! {
        <section class="card">
            <h2>{t::PREVIOUS_TASKS}</h2>
            <p class="hint">{t::PREVIOUS_TASKS_HINT}</p>
            <Show when=move || meeting.with(|m| m.previous_tasks.is_empty())><p>{t::NO_PREVIOUS_TASKS}</p></Show>
            <p class="counts">{met}</p>
            <ul class="task-list">
                <For each=ids key=|id| id.clone() let:id>
                    <PreviousTaskRow id=id/>
                </For>
            </ul>
            <button type="button" class="button secondary" on:click=add>{t::ADD_PREVIOUS_TASK}</button>
        </section>
    }
}

#[component]
fn PreviousTaskRow(id: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = StoredValue::new(id);
    let read = move |pick: fn(&PreviousTask) -> String| {
        editor.watch(move |m| m.previous_tasks.iter().find(|task| task.id == id.get_value()).map(pick).unwrap_or_default())
    };
    let edit = move |apply: Box<dyn FnOnce(&mut PreviousTask)>| {
        editor.change(|m| if let Some(task) = m.previous_tasks.iter_mut().find(|task| task.id == id.get_value()) { apply(task) })
    };
    view! {
        <li class="task">
            <label class="check">
                <input type="checkbox" prop:checked=editor.watch(move |m| m.previous_tasks.iter().any(|task| task.id == id.get_value() && task.done))
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |task| task.done = on)) }/>
                <span>{t::TASK_DONE}</span>
            </label>
            <label class="field"><span>{t::TASK_WHAT}</span>
                <textarea rows="2" prop:value=read(|task| task.what.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); edit(Box::new(move |task| task.what = value)) }></textarea></label>
            <label class="field"><span>{t::TASK_RESULT}</span>
                <input type="text" prop:value=read(|task| task.result.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); edit(Box::new(move |task| task.result = value)) }/></label>
            <button type="button" class="button small secondary" on:click=move |_| editor.change(|m| m.previous_tasks.retain(|task| task.id != id.get_value()))>{t::REMOVE}</button>
        </li>
    }
}

#[component]
fn SpeakersSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let present = move || {
        let roster = editor.roster();
        meeting.with(|m| roster.into_iter().filter(|member| m.attendance_of(&member.id) == Some(&Attendance::Present)).collect::<Vec<_>>())
    };
    let share = move || {
        let present = present();
        let spoke = meeting.with(|m| present.iter().filter(|member| m.speakers.contains(&member.id)).count());
        format!("{spoke}/{} {}", present.len(), t::SPOKE)
    };
    view! {
        <section class="card">
            <h2>{t::SPEAKERS}</h2>
            <p class="hint">{t::SPEAKERS_HINT}</p>
            <p class="counts">{share}</p>
            <ul class="check-grid">
                <For each=present key=|member| member.id.clone() let:member>
                    {
                        let id = StoredValue::new(member.id.clone());
                        view! {
                            <li><label class="check">
                                <input type="checkbox" prop:checked=editor.watch(move |m| m.speakers.contains(&id.get_value()))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        editor.change(|m| {
                                            m.speakers.retain(|s| *s != id.get_value());
                                            if on { m.speakers.push(id.get_value()); }
                                        })
                                    }/>
                                <span>{member.name.clone()}</span>
                            </label></li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}

#[component]
fn NextTasksSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let ids = move || meeting.with(|m| m.next_tasks.iter().map(|task| task.id.clone()).collect::<Vec<_>>());
    let roster = editor.roster_names();
    let add = move |_| {
        let id = clock::new_id("nv");
        editor.change(|m| m.next_tasks.push(NextTask { id, who: String::new(), what: String::new(), deadline: None }));
    };
    view! {
        <section class="card">
            <h2>{t::NEXT_TASKS}</h2>
            <datalist id="member-names">
                {move || roster.get().into_iter().map(|(_, name)| view! { <option value=name/> }).collect_view()}
            </datalist>
            <ul class="task-list">
                <For each=ids key=|id| id.clone() let:id>
                    <NextTaskRow id=id/>
                </For>
            </ul>
            <button type="button" class="button secondary" on:click=add>{t::ADD_NEXT_TASK}</button>
        </section>
    }
}

#[component]
fn NextTaskRow(id: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = StoredValue::new(id);
    // Each part as text, as its field shows it.
    let part = move |read: fn(&NextTask) -> String| {
        editor.watch(move |m| m.next_tasks.iter().find(|task| task.id == id.get_value()).map(read).unwrap_or_default())
    };
    let edit = move |apply: Box<dyn FnOnce(&mut NextTask)>| {
        editor.change(|m| if let Some(task) = m.next_tasks.iter_mut().find(|task| task.id == id.get_value()) { apply(task) })
    };
    view! {
        <li class="task">
            <label class="field"><span>{t::TASK_WHAT}</span>
                <textarea rows="2" prop:value=part(|task| task.what.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); edit(Box::new(move |task| task.what = value)) }></textarea></label>
            <div class="two-columns">
                <label class="field"><span>{t::TASK_WHO}</span>
                    <input type="text" list="member-names" prop:value=part(|task| task.who.clone())
                        on:input=move |ev| { let value = event_target_value(&ev); edit(Box::new(move |task| task.who = value)) }/></label>
                <label class="field"><span>{t::TASK_DEADLINE}</span>
                    <input type="date" prop:value=part(|task| date_value(task.deadline))
                        on:change=move |ev| { let value = parse_date_value(&event_target_value(&ev)); edit(Box::new(move |task| task.deadline = value)) }/></label>
            </div>
            <button type="button" class="button small secondary" on:click=move |_| editor.change(|m| m.next_tasks.retain(|task| task.id != id.get_value()))>{t::REMOVE}</button>
        </li>
    }
}

#[component]
fn ResolutionSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let vote_field = move |label: &'static str, read: fn(&Meeting) -> u32, write: fn(&mut Meeting, u32)| {
        let votes = editor.watch(move |m| read(m).to_string());
        view! {
            <label class="field"><span>{label}</span>
                <input type="number" inputmode="numeric" min="0" prop:value=votes
                    on:input=move |ev| { let value = event_target_value(&ev).trim().parse().unwrap_or(0); editor.change(|m| write(m, value)) }/>
            </label>
        }
    };
    view! {
        <section class="card">
            <h2>{t::RESOLUTION}</h2>
            <label class="field"><span class="visually-hidden">{t::RESOLUTION}</span>
                <textarea rows="5" prop:value=editor.watch(|m| m.resolution.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); editor.change(|m| m.resolution = value) }></textarea>
            </label>
            <fieldset class="subsection">
                <legend>{t::VOTE}</legend>
                <div class="three-columns">
                    {vote_field(t::VOTE_FOR, |m| m.vote.in_favour, |m, v| m.vote.in_favour = v)}
                    {vote_field(t::VOTE_AGAINST, |m| m.vote.against, |m, v| m.vote.against = v)}
                    {vote_field(t::VOTE_ABSTAIN, |m| m.vote.abstain, |m, v| m.vote.abstain = v)}
                </div>
            </fieldset>
            <label class="field"><span>{t::NOTES}</span>
                <textarea rows="4" prop:value=editor.watch(|m| m.notes.clone())
                    on:input=move |ev| { let value = event_target_value(&ev); editor.change(|m| m.notes = value) }></textarea>
            </label>
        </section>
    }
}

/// Sends the minutes shown on the record, as text, to the share sheet (or copies them).
fn share_minutes() -> &'static str {
    use crate::data::files::{share_text, TextShared};
    let text = document()
        .query_selector(".record-documents .minutes")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|element| element.inner_text())
        .unwrap_or_default();
    match share_text(crate::text::print::MINUTES_TITLE, &text) {
        TextShared::Shared => "",
        TextShared::Copied => t::MINUTES_COPIED,
        TextShared::Failed => crate::text::handbook::SHARE_FAILED,
    }
}

#[component]
fn MeetingActions(problems: Memo<Vec<MeetingProblem>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let store = editor.store;
    let toasts = expect_context::<crate::toast::Toasts>();
    let tried_to_finalise = RwSignal::new(false);
    let finalise = move |_| {
        tried_to_finalise.set(true);
        if problems.with(Vec::is_empty) {
            editor.change(|m| m.status = MeetingStatus::Finalised);
        }
    };
    let delete = move |_| {
        let date = editor.meeting.with_untracked(|m| m.date);
        let confirmed = window().confirm_with_message(&format!("{} ({})", t::CONFIRM_DELETE, format_date(date))).unwrap_or(false);
        if !confirmed {
            return;
        }
        let id = editor.meeting.with_untracked(|m| m.id.clone());
        if let Some(removed) = store.delete_meeting(&id) {
            toasts.offer_undo(format!("{} {}", crate::text::meetings::DELETED, format_date(removed.date)), move || {
                store.save_meeting(removed.clone());
                navigate(&Screen::Meeting(removed.id.clone()));
            });
        }
        navigate(&Screen::Meetings);
    };
    let share_feedback = RwSignal::new(None::<&'static str>);
    let id = editor.meeting.with_untracked(|m| m.id.clone());
    view! {
        <section class="card actions">
            <Show when=move || editor.is_finalised()>
                <p class="actions-note">{t::FINALISED_NOTE}</p>
            </Show>
            <Show when=move || tried_to_finalise.get() && !problems.with(Vec::is_empty)>
                <p class="field-error" role="alert">{t::CANNOT_FINALISE}</p>
            </Show>
            <Show when=move || !editor.is_finalised()
                fallback=move || view! { <button type="button" class="button big" on:click=move |_| editor.change(|m| m.status = MeetingStatus::Draft)>{t::REOPEN}</button> }>
                <button type="button" class="button big" on:click=finalise>{t::FINALISE}</button>
            </Show>
            <a class="button secondary" href=Screen::MeetingPrint(id.clone()).href()>{t::PRINT}</a>
            <Show when=move || editor.is_finalised()>
                <button type="button" class="button secondary" on:click=move |_| share_feedback.set(Some(share_minutes()))>{t::SHARE}</button>
            </Show>
            {move || share_feedback.get().map(|message| view! { <p class="hint" role="status">{message}</p> })}
            <button type="button" class="button danger" on:click=delete>{t::DELETE}</button>
        </section>
    }
}

