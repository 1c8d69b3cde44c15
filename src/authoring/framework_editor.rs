//! "Soạn khung chấm điểm": a committee writes its scoring framework with a form. The form
//! edits a `Framework` through the domain's editing operations; every problem the domain
//! finds is shown next to its field (by the problem's JSON pointer) and listed by the
//! export buttons, which stay disabled until there is none. A preview scores a sample
//! meeting with the framework as the secretary's sheet would.

use leptos::prelude::*;
use sotay_domain::framework::{
    DurationBand, Framework, MemberCountRule, PercentBand, Problem, Rating, Rule,
    OutsideThematicMonth, RuleKind, WordingStatus,
};
use sotay_domain::text as dt;
use sotay_domain::{builtin, score_own_sheet, Decimal, MeetingKind, MeetingScore};

use super::{
    check_field, choice_field, count_field, date_field, decimal_field, deliver_file, field_messages,
    problem_summary, row_buttons, select_field, text_field,
};
use crate::router::Screen;
use crate::storage::{self, Draft};
use super::{draft_body, DraftForm};
use crate::store::{clock, framework as stored_framework, frameworks, use_store};
use crate::text::authoring as t;
use crate::ui::{date_value, parse_date_value, PageTitle};

/// The draft being edited and what the form derives from it.
#[derive(Clone, Copy)]
struct Editor {
    form: DraftForm<Framework>,
    problems: Memo<Vec<Problem>>,
    /// The id this draft was last saved on the device under: saving it again after more
    /// edits replaces what the same draft wrote, with no question; another framework stored
    /// under the id is asked about. Kept here, as the form is rebuilt when its shape changes.
    saved_id: StoredValue<Option<String>>,
}

/// The editor is its draft form (`draft`, `edit`, `restructure`…) plus the problems.
impl std::ops::Deref for Editor {
    type Target = DraftForm<Framework>;

    fn deref(&self) -> &DraftForm<Framework> {
        &self.form
    }
}

impl Editor {
    fn read<T>(self, read: impl FnOnce(&Framework) -> T) -> Option<T> {
        self.draft.with_untracked(|draft| draft.as_ref().map(read))
    }

    /// The messages of the problems at any of these JSON pointers.
    fn messages_at(self, pointers: Vec<String>) -> Signal<Vec<String>> {
        let problems = self.problems;
        Signal::derive(move || {
            problems.with(|all| {
                all.iter().filter(|problem| pointers.contains(&problem.pointer())).map(|problem| problem.error.to_string()).collect()
            })
        })
    }

    fn at(self, pointer: impl Into<String>) -> Signal<Vec<String>> {
        self.messages_at(vec![pointer.into()])
    }
}

#[component]
pub fn FrameworkEditorScreen() -> impl IntoView {
    let editing = DraftForm::new(storage::read_draft::<Framework>(Draft::Framework));
    let problems = Memo::new(move |_| editing.draft.with(|draft| draft.as_ref().map(Framework::problems).unwrap_or_default()));
    let editor = Editor { form: editing, problems, saved_id: StoredValue::new(None) };

    view! {
        <PageTitle title=t::FRAMEWORK_TITLE/>
        <div class="authoring authoring-wide">
            <p class="hint">{t::FRAMEWORK_INTRO}</p>
            {draft_body(editor.form, Draft::Framework, move || start_choices(editor).into_any(), move || form(editor).into_any())}
            <p><a href=Screen::ChiBoSetup.href()>{t::BACK_TO_CHI_BO}</a></p>
        </div>
    }
}

/// Copy one of the frameworks on this device, or start from nothing.
fn start_choices(editor: Editor) -> impl IntoView {
    let start = move |framework: Framework| editor.start(framework);
    let copies = frameworks()
        .into_iter()
        .map(|framework| {
            let source = framework.clone();
            view! {
                <li>
                    <button type="button" class="button secondary wide"
                        on:click=move |_| start(source.copy_as(&clock::new_id("khung")))>
                        {t::COPY_OF}" «"{framework.name.clone()}"»"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t::START_FROM}</h2>
            <ul class="start-list">
                {copies}
                <li><button type="button" class="button secondary wide"
                    on:click=move |_| start(Framework::empty(&clock::new_id("khung")))>{t::START_EMPTY}</button></li>
            </ul>
        </section>
    }
}

fn form(editor: Editor) -> impl IntoView {
    let Some(framework) = editor.draft.get_untracked() else { return ().into_any() };
    let groups = framework.groups.len();
    view! {
        <div class="authoring-columns">
            <div class="authoring-form">
                {about(editor, &framework)}
                <section class="card">
                    <h2>{t::GROUPS}</h2>
                    {running_total(editor)}
                    {field_messages(editor.at("/groups"))}
                    {(0..groups).map(|g| group_card(editor, &framework, g)).collect_view()}
                    <button type="button" class="button secondary" on:click=move |_| editor.restructure(|f| { f.add_group(); })>{t::ADD_GROUP}</button>
                </section>
                {guards(editor, &framework)}
                {steps(editor, &framework)}
            </div>
            <div class="authoring-side">
                {preview(editor)}
                {actions(editor)}
            </div>
        </div>
    }
    .into_any()
}

fn about(editor: Editor, framework: &Framework) -> impl IntoView {
    let basis_count = framework.legal_basis.len();
    let basis = framework
        .legal_basis
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let what = t::numbered(t::BASIS_LINE, index + 1);
            view! {
                <div class="row">
                    {text_field(what.clone(), line.clone(), Signal::derive(Vec::new), move |text| editor.edit(|f| if let Some(l) = f.legal_basis.get_mut(index) { *l = text }))}
                    {row_buttons(&what, (index, basis_count), move |d| editor.restructure(|f| { sotay_domain::framework::move_in_list(&mut f.legal_basis, index, d); }),
                        move || editor.restructure(|f| { f.remove_basis_line(index); }))}
                </div>
            }
        })
        .collect_view();
    let statuses = [WordingStatus::Verified, WordingStatus::Summary, WordingStatus::Secondary, WordingStatus::Unverified];
    let current_status = framework.wording_status;
    // How a criterion counted only in a chuyên đề month is treated in a month without one.
    let treatments = [OutsideThematicMonth::GrantPoints, OutsideThematicMonth::LeaveOut];
    let current_treatment = framework.outside_thematic_month;
    let kinds = MeetingKind::ALL.map(|kind| {
        check_field(dt::meeting_kind(kind).to_owned(), framework.applies_to.contains(&kind), move |on| editor.edit(|f| f.set_applies_to(kind, on)))
    });
    let thresholds = framework.rating_thresholds;
    let id_messages = {
        let problems = editor.at("/id");
        let draft = editor.draft;
        Signal::derive(move || {
            let mut messages = problems.get();
            if let Some(id) = draft.with(|d| d.as_ref().map(|f| f.id.clone())).filter(|id| builtin::by_id(id).is_some()) {
                messages.push(t::id_is_builtin(&id));
            }
            messages
        })
    };
    view! {
        <section class="card">
            <h2>{t::ABOUT}</h2>
            {text_field(t::NAME.into(), framework.name.clone(), editor.at("/name"), move |v| editor.edit(|f| f.name = v))}
            {text_field(t::ID.into(), framework.id.clone(), id_messages, move |v| editor.edit(|f| f.id = v.trim().to_owned()))}
            {text_field(t::ISSUED_BY.into(), framework.issued_by.clone(), editor.at("/issued_by"), move |v| editor.edit(|f| f.issued_by = v))}
            {date_field(t::ISSUED_ON.into(), date_value(framework.issued_on), Signal::derive(Vec::new), move |v| editor.edit(|f| f.issued_on = parse_date_value(&v)))}
            <fieldset class="subsection">
                <legend>{t::LEGAL_BASIS}</legend>
                {basis}
                <button type="button" class="button small secondary" on:click=move |_| editor.restructure(|f| { f.add_basis_line(); })>{t::ADD_BASIS}</button>
            </fieldset>
            <div class="two-columns">
                {date_field(t::EFFECTIVE_FROM.into(), date_value(framework.effective_from), Signal::derive(Vec::new), move |v| editor.edit(|f| f.effective_from = parse_date_value(&v)))}
                {date_field(t::EFFECTIVE_TO.into(), date_value(framework.effective_to), editor.at("/effective_to"), move |v| editor.edit(|f| f.effective_to = parse_date_value(&v)))}
            </div>
            {text_field(t::SOURCE.into(), framework.source.clone(), editor.at("/source"), move |v| editor.edit(|f| f.source = v))}
            {choice_field(t::WORDING_STATUS.into(), statuses.map(|status| (format!("{status:?}"), status.label().to_owned())).into(), format!("{current_status:?}"), Signal::derive(Vec::new), move |value| {
                if let Some(status) = statuses.into_iter().find(|s| format!("{s:?}") == value) { editor.edit(|f| f.wording_status = status) }
            })}
            {text_field(t::NOTE.into(), framework.note.clone(), Signal::derive(Vec::new), move |v| editor.edit(|f| f.note = v))}
            <fieldset class="subsection">
                <legend>{t::APPLIES_TO}</legend>
                {kinds}
                {field_messages(editor.at("/applies_to"))}
            </fieldset>
            {choice_field(t::OUTSIDE_THEMATIC_MONTH.into(), treatments.map(|choice| (format!("{choice:?}"), choice.label().to_owned())).into(), format!("{current_treatment:?}"), editor.at("/outside_thematic_month"), move |value| {
                if let Some(choice) = treatments.into_iter().find(|s| format!("{s:?}") == value) { editor.edit(|f| f.outside_thematic_month = choice) }
            })}
            {decimal_field(t::TOTAL_POINTS.into(), Some(framework.total_points), false, editor.at("/total_points"), move |v| editor.edit(|f| f.total_points = v.unwrap_or_default()))}
            <fieldset class="subsection">
                <legend>{t::THRESHOLDS}</legend>
                <div class="three-columns">
                    {decimal_field(dt::rating(Rating::Tot).into(), Some(thresholds.tot), false, editor.at("/rating_thresholds/tot"), move |v| editor.edit(|f| f.rating_thresholds.tot = v.unwrap_or_default()))}
                    {decimal_field(dt::rating(Rating::Kha).into(), Some(thresholds.kha), false, editor.at("/rating_thresholds/kha"), move |v| editor.edit(|f| f.rating_thresholds.kha = v.unwrap_or_default()))}
                    {decimal_field(dt::rating(Rating::TrungBinh).into(), Some(thresholds.trung_binh), false, editor.at("/rating_thresholds/trung_binh"), move |v| editor.edit(|f| f.rating_thresholds.trung_binh = v.unwrap_or_default()))}
                </div>
                {field_messages(editor.at("/rating_thresholds"))}
            </fieldset>
        </section>
    }
}

/// "Các nhóm cộng lại: 99 / tổng khai báo 100 điểm", live.
fn running_total(editor: Editor) -> impl IntoView {
    let totals = move || editor.draft.with(|d| d.as_ref().map(Framework::totals));
    view! {
        <p class="running-total" role="status" aria-live="polite"
            data-balanced=move || totals().map_or("true", |t| if t.declared == t.sum { "true" } else { "false" })>
            {move || totals().map(|totals| t::running_total(&dt::decimal(totals.sum), &dt::decimal(totals.declared)))}
        </p>
    }
}

fn group_card(editor: Editor, framework: &Framework, g: usize) -> impl IntoView {
    let group = &framework.groups[g];
    let count = framework.groups.len();
    let what = t::numbered(t::GROUP, g + 1);
    let base = format!("/groups/{g}");
    let criteria = group.criteria.len();
    let sum = move || editor.draft.with(|d| d.as_ref().and_then(|f| f.groups.get(g)).map(|group| t::group_total(&dt::decimal(group.criteria_sum()), &dt::decimal(group.max_points))));
    view! {
        <article class="subsection group-card" aria-label=what.clone()>
            <h3>{what.clone()}</h3>
            <div class="two-columns">
                {text_field(t::GROUP_ID.into(), group.id.clone(), editor.at(format!("{base}/id")), move |v| editor.edit(|f| if let Some(group) = f.groups.get_mut(g) { group.id = v.trim().to_owned() }))}
                {decimal_field(t::GROUP_MAX.into(), Some(group.max_points), false, editor.at(format!("{base}/max_points")), move |v| editor.edit(|f| if let Some(group) = f.groups.get_mut(g) { group.max_points = v.unwrap_or_default() }))}
            </div>
            {text_field(t::GROUP_LABEL.into(), group.label.clone(), editor.at(format!("{base}/label")), move |v| editor.edit(|f| if let Some(group) = f.groups.get_mut(g) { group.label = v }))}
            <p class="running-total small" aria-live="polite">{sum}</p>
            {field_messages(editor.at(format!("{base}/criteria")))}
            <ol class="criterion-list">
                {(0..criteria).map(|c| criterion_card(editor, framework, g, c)).collect_view()}
            </ol>
            <button type="button" class="button small secondary" aria-label=format!("{} ({what})", t::ADD_CRITERION)
                on:click=move |_| editor.restructure(|f| { f.add_criterion(g, RuleKind::Tick); })>{t::ADD_CRITERION}</button>
            {row_buttons(&what, (g, count), move |d| editor.restructure(|f| { f.move_group(g, d); }), move || editor.restructure(|f| { f.remove_group(g); }))}
        </article>
    }
}

/// A kind's short name, for its select, and what it does, said under it.
fn rule_kind_words(kind: RuleKind) -> (&'static str, &'static str) {
    match kind {
        RuleKind::Tick => (t::KIND_TICK, t::KIND_TICK_MEANS),
        RuleKind::PickOne => (t::KIND_PICK_ONE, t::KIND_PICK_ONE_MEANS),
        RuleKind::AttendanceRate => (t::KIND_ATTENDANCE, t::KIND_ATTENDANCE_MEANS),
        RuleKind::Duration => (t::KIND_DURATION, t::KIND_DURATION_MEANS),
        RuleKind::SpeakersShare => (t::KIND_SPEAKERS, t::KIND_SPEAKERS_MEANS),
        RuleKind::TasksMet => (t::KIND_TASKS, t::KIND_TASKS_MEANS),
        RuleKind::AgendaComplete => (t::KIND_AGENDA, t::KIND_AGENDA_MEANS),
        RuleKind::ContentPrepared => (t::KIND_CONTENT_PREPARED, t::KIND_CONTENT_PREPARED_MEANS),
        RuleKind::OutlineAndDraft => (t::KIND_OUTLINE_AND_DRAFT, t::KIND_OUTLINE_AND_DRAFT_MEANS),
        RuleKind::CommitteePrepared => (t::KIND_COMMITTEE_PREPARED, t::KIND_COMMITTEE_PREPARED_MEANS),
        RuleKind::NoticeSent => (t::KIND_NOTICE_SENT, t::KIND_NOTICE_SENT_MEANS),
        RuleKind::DocumentsSent => (t::KIND_DOCUMENTS_SENT, t::KIND_DOCUMENTS_SENT_MEANS),
    }
}

fn criterion_card(editor: Editor, framework: &Framework, g: usize, c: usize) -> impl IntoView {
    let criterion = &framework.groups[g].criteria[c];
    let count = framework.groups[g].criteria.len();
    let what = format!("{} {}", t::CRITERION, if criterion.id.is_empty() { (c + 1).to_string() } else { criterion.id.clone() });
    let base = format!("/groups/{g}/criteria/{c}");
    let kind = RuleKind::of(&criterion.rule);
    let kinds = RuleKind::ALL.map(|option| view! { <option value=option.key() selected=option == kind>{rule_kind_words(option).0}</option> });
    let kind_means = rule_kind_words(kind).1;
    let with_criterion = move |change: Box<dyn FnOnce(&mut sotay_domain::framework::Criterion)>| {
        editor.edit(|f| if let Some(criterion) = f.criterion_mut(g, c) { change(criterion) })
    };
    view! {
        <li class="criterion-card" aria-label=what.clone()>
            <div class="two-columns">
                {text_field(t::CRITERION_ID.into(), criterion.id.clone(), editor.at(format!("{base}/id")), move |v| editor.edit(|f| f.rename_criterion(g, c, v.trim())))}
                {decimal_field(t::CRITERION_MAX.into(), Some(criterion.max_points), false, editor.at(format!("{base}/max_points")), move |v| with_criterion(Box::new(move |cr| cr.max_points = v.unwrap_or_default())))}
            </div>
            {text_field(t::CRITERION_LABEL.into(), criterion.label.clone(), editor.at(format!("{base}/label")), move |v| with_criterion(Box::new(move |cr| cr.label = v)))}
            {select_field(t::CRITERION_KIND.into(), editor.at(format!("{base}/rule")), move |id| view! {
                <select id=id.clone() aria-describedby=format!("{id}-nghia") on:change=move |ev| {
                    if let Some(kind) = RuleKind::from_key(&event_target_value(&ev)) { editor.restructure(|f| f.set_rule_kind(g, c, kind)) }
                }>{kinds}</select>
                <p class="hint" id=format!("{id}-nghia")>{kind_means}</p>
            }.into_any())}
            {rule_fields(editor, &criterion.rule, g, c)}
            {check_field(t::ONLY_THEMATIC.into(), criterion.only_in_thematic_month, move |on| with_criterion(Box::new(move |cr| cr.only_in_thematic_month = on)))}
            {text_field(t::HINT.into(), criterion.hint.clone(), Signal::derive(Vec::new), move |v| with_criterion(Box::new(move |cr| cr.hint = v)))}
            {row_buttons(&what, (c, count), move |d| editor.restructure(|f| { f.move_criterion(g, c, d); }), move || editor.restructure(|f| { f.remove_criterion(g, c); }))}
        </li>
    }
}

/// The rule's own rows: options, bands, required minutes, the attendance rules.
fn rule_fields(editor: Editor, rule: &Rule, g: usize, c: usize) -> AnyView {
    let base = format!("/groups/{g}/criteria/{c}/rule");
    let edit_rule = move |change: Box<dyn FnOnce(&mut Rule)>| editor.edit(|f| if let Some(criterion) = f.criterion_mut(g, c) { change(&mut criterion.rule) });
    match rule {
        Rule::Tick | Rule::AgendaComplete | Rule::ContentPrepared | Rule::OutlineAndDraft => ().into_any(),
        Rule::CommitteePrepared { requires_minutes } => check_field(t::REQUIRES_MINUTES.into(), *requires_minutes, move |on| {
            edit_rule(Box::new(move |rule| if let Rule::CommitteePrepared { requires_minutes } = rule { *requires_minutes = on }))
        }),
        Rule::NoticeSent { requires_superior } => check_field(t::REQUIRES_SUPERIOR.into(), *requires_superior, move |on| {
            edit_rule(Box::new(move |rule| if let Rule::NoticeSent { requires_superior } = rule { *requires_superior = on }))
        }),
        Rule::DocumentsSent { min_days_before } => {
            let days = *min_days_before;
            view! {
                {count_field(t::MIN_DAYS_BEFORE.into(), Some(days), false, editor.at(format!("{base}/min_days_before")), move |v| {
                    edit_rule(Box::new(move |rule| if let Rule::DocumentsSent { min_days_before } = rule { *min_days_before = v.unwrap_or_default() }))
                })}
            }.into_any()
        }
        Rule::PickOne { options } => {
            let count = options.len();
            let rows = options.iter().enumerate().map(|(o, option)| {
                let what = t::numbered(t::OPTION_LABEL, o + 1);
                let at = format!("{base}/options/{o}");
                let set_option = move |change: Box<dyn FnOnce(&mut sotay_domain::framework::PickOption)>| {
                    edit_rule(Box::new(move |rule| if let Rule::PickOne { options } = rule { if let Some(option) = options.get_mut(o) { change(option) } }))
                };
                view! {
                    <li class="row-card">
                        <div class="two-columns wide-first">
                            {text_field(what.clone(), option.label.clone(), editor.messages_at(vec![format!("{at}/label"), format!("{at}/id")]), move |v| set_option(Box::new(move |op| op.label = v)))}
                            {decimal_field(t::OPTION_POINTS.into(), Some(option.points), false, editor.at(format!("{at}/points")), move |v| set_option(Box::new(move |op| op.points = v.unwrap_or_default())))}
                        </div>
                        {row_buttons(&what, (o, count), move |d| editor.restructure(|f| { f.move_option(g, c, o, d); }), move || editor.restructure(|f| { f.remove_option(g, c, o); }))}
                    </li>
                }
            }).collect_view();
            view! {
                <fieldset class="subsection">
                    <legend>{t::OPTIONS}</legend>
                    {field_messages(editor.at(format!("{base}/options")))}
                    <ol class="row-list">{rows}</ol>
                    <button type="button" class="button small secondary" on:click=move |_| editor.restructure(|f| { f.add_option(g, c); })>{t::ADD_OPTION}</button>
                </fieldset>
            }.into_any()
        }
        Rule::AttendanceRate { bands, absent_without_reason_forces_lowest_band, streak_bonus } => {
            let bonus = *streak_bonus;
            view! {
                {percent_bands(editor, bands, g, c)}
                {check_field(t::ABSENT_FORCES_LOWEST.into(), *absent_without_reason_forces_lowest_band, move |on| edit_rule(Box::new(move |rule| if let Rule::AttendanceRate { absent_without_reason_forces_lowest_band, .. } = rule { *absent_without_reason_forces_lowest_band = on })))}
                {check_field(t::STREAK_BONUS.into(), bonus.is_some(), move |on| editor.restructure(|f| f.set_streak_bonus(g, c, on)))}
                {bonus.map(|bonus| {
                    let set_bonus = move |change: Box<dyn FnOnce(&mut sotay_domain::framework::StreakBonus)>| edit_rule(Box::new(move |rule| if let Rule::AttendanceRate { streak_bonus: Some(bonus), .. } = rule { change(bonus) }));
                    view! {
                        <div class="two-columns">
                            {decimal_field(t::STREAK_POINTS.into(), Some(bonus.points), false, Signal::derive(Vec::new), move |v| set_bonus(Box::new(move |b| b.points = v.unwrap_or_default())))}
                            {count_field(t::STREAK_LIMIT.into(), Some(bonus.max_consecutive_absences_with_reason), false, Signal::derive(Vec::new), move |v| set_bonus(Box::new(move |b| b.max_consecutive_absences_with_reason = v.unwrap_or_default())))}
                        </div>
                    }
                })}
                {field_messages(editor.at(format!("{base}/streak_bonus")))}
            }.into_any()
        }
        Rule::SpeakersShare { bands } | Rule::TasksMet { bands } => percent_bands(editor, bands, g, c).into_any(),
        Rule::Duration { required_minutes, bands } => {
            let required = *required_minutes;
            let set_required = move |change: Box<dyn FnOnce(&mut sotay_domain::framework::RequiredMinutes)>| edit_rule(Box::new(move |rule| if let Rule::Duration { required_minutes, .. } = rule { change(required_minutes) }));
            let members_rule = required.if_members_at_least;
            view! {
                <fieldset class="subsection">
                    <legend>{t::REQUIRED_MINUTES}</legend>
                    <p class="hint">{t::EMPTY_MEANS_NONE}</p>
                    <div class="two-columns">
                        {count_field(t::REQUIRED_MINUTES.into(), Some(required.default_minutes), false, Signal::derive(Vec::new), move |v| set_required(Box::new(move |r| r.default_minutes = v.unwrap_or_default())))}
                        {count_field(t::IF_COMBINED.into(), required.if_combined, true, Signal::derive(Vec::new), move |v| set_required(Box::new(move |r| r.if_combined = v)))}
                        {count_field(t::IF_THEMATIC.into(), required.if_thematic, true, Signal::derive(Vec::new), move |v| set_required(Box::new(move |r| r.if_thematic = v)))}
                        {count_field(t::IF_MEMBERS.into(), members_rule.map(|rule| rule.members), true, Signal::derive(Vec::new), move |v| set_required(Box::new(move |r| {
                            r.if_members_at_least = v.map(|members| MemberCountRule { members, minutes: r.if_members_at_least.map_or(r.default_minutes, |rule| rule.minutes) });
                        })))}
                        {count_field(t::IF_MEMBERS_MINUTES.into(), members_rule.map(|rule| rule.minutes), true, Signal::derive(Vec::new), move |v| set_required(Box::new(move |r| {
                            if let (Some(rule), Some(minutes)) = (r.if_members_at_least.as_mut(), v) { rule.minutes = minutes }
                        })))}
                    </div>
                    {field_messages(editor.at(format!("{base}/required_minutes")))}
                </fieldset>
                {duration_bands(editor, bands, g, c)}
            }.into_any()
        }
    }
}

/// Which condition a percent band has.
fn percent_condition(band: &PercentBand) -> &'static str {
    match (band.min_percent, band.above_percent) {
        (_, Some(_)) => "above",
        (Some(_), None) => "min",
        (None, None) => "otherwise",
    }
}

fn percent_bands(editor: Editor, bands: &[PercentBand], g: usize, c: usize) -> impl IntoView {
    let count = bands.len();
    let rows = bands.iter().enumerate().map(|(b, band)| {
        let condition = percent_condition(band);
        let value = band.min_percent.or(band.above_percent);
        let set_band = move |change: Box<dyn FnOnce(&mut PercentBand)>| {
            editor.edit(|f| if let Some(criterion) = f.criterion_mut(g, c) {
                if let Rule::AttendanceRate { bands, .. } | Rule::SpeakersShare { bands } | Rule::TasksMet { bands } = &mut criterion.rule {
                    if let Some(band) = bands.get_mut(b) { change(band) }
                }
            })
        };
        let choose = move |ev: leptos::ev::Event| {
            let chosen = event_target_value(&ev);
            set_band(Box::new(move |band| {
                let value = band.min_percent.or(band.above_percent).unwrap_or_default();
                (band.min_percent, band.above_percent) = match chosen.as_str() {
                    "min" => (Some(value), None),
                    "above" => (None, Some(value)),
                    _ => (None, None),
                };
            }));
            editor.reshape();
        };
        let options = [("min", t::BAND_PERCENT_AT_LEAST), ("above", t::BAND_PERCENT_ABOVE), ("otherwise", t::BAND_OTHERWISE)]
            .map(|(key, label)| view! { <option value=key selected=key == condition>{label}</option> });
        let value = value.filter(|_| condition != "otherwise").map(|v| (t::BAND_VALUE_PERCENT, v));
        band_row(editor, (g, c, b, count), Box::new(move |id| view! { <select id=id on:change=choose>{options}</select> }.into_any()), value,
            move |v| set_band(Box::new(move |band| if band.above_percent.is_some() { band.above_percent = v } else { band.min_percent = v })),
            band.points, move |v| set_band(Box::new(move |band| band.points = v)))
    }).collect_view();
    bands_fieldset(editor, g, c, rows)
}

fn duration_condition(band: &DurationBand) -> &'static str {
    match (band.max_shortfall_minutes, band.min_percent_of_required) {
        (Some(_), _) => "shortfall",
        (None, Some(_)) => "percent",
        (None, None) => "otherwise",
    }
}

fn duration_bands(editor: Editor, bands: &[DurationBand], g: usize, c: usize) -> impl IntoView {
    let count = bands.len();
    let rows = bands.iter().enumerate().map(|(b, band)| {
        let condition = duration_condition(band);
        let value = band.max_shortfall_minutes.or(band.min_percent_of_required);
        let set_band = move |change: Box<dyn FnOnce(&mut DurationBand)>| {
            editor.edit(|f| if let Some(criterion) = f.criterion_mut(g, c) {
                if let Rule::Duration { bands, .. } = &mut criterion.rule {
                    if let Some(band) = bands.get_mut(b) { change(band) }
                }
            })
        };
        let choose = move |ev: leptos::ev::Event| {
            let chosen = event_target_value(&ev);
            set_band(Box::new(move |band| {
                let value = band.max_shortfall_minutes.or(band.min_percent_of_required).unwrap_or_default();
                (band.max_shortfall_minutes, band.min_percent_of_required) = match chosen.as_str() {
                    "shortfall" => (Some(value), None),
                    "percent" => (None, Some(value)),
                    _ => (None, None),
                };
            }));
            editor.reshape();
        };
        let options = [("shortfall", t::BAND_SHORTFALL_AT_MOST), ("percent", t::BAND_DURATION_AT_LEAST), ("otherwise", t::BAND_OTHERWISE)]
            .map(|(key, label)| view! { <option value=key selected=key == condition>{label}</option> });
        let value_label = if condition == "shortfall" { t::BAND_VALUE_SHORTFALL } else { t::BAND_VALUE_DURATION_PERCENT };
        let value = value.filter(|_| condition != "otherwise").map(|v| (value_label, v));
        band_row(editor, (g, c, b, count), Box::new(move |id| view! { <select id=id on:change=choose>{options}</select> }.into_any()), value,
            move |v| set_band(Box::new(move |band| if band.max_shortfall_minutes.is_some() { band.max_shortfall_minutes = v } else { band.min_percent_of_required = v })),
            band.points, move |v| set_band(Box::new(move |band| band.points = v)))
    }).collect_view();
    bands_fieldset(editor, g, c, rows)
}

fn bands_fieldset(editor: Editor, g: usize, c: usize, rows: impl IntoView + 'static) -> impl IntoView {
    view! {
        <fieldset class="subsection">
            <legend>{t::BANDS}</legend>
            {field_messages(editor.at(format!("/groups/{g}/criteria/{c}/rule/bands")))}
            <ol class="row-list">{rows}</ol>
            <button type="button" class="button small secondary" on:click=move |_| editor.restructure(|f| { f.add_band(g, c); })>{t::ADD_BAND}</button>
        </fieldset>
    }
}

/// One band: its condition (picker and value), its points, and the row buttons.
fn band_row(
    editor: Editor,
    (g, c, b, count): (usize, usize, usize, usize),
    condition: Box<dyn FnOnce(String) -> AnyView>,
    value: Option<(&'static str, Decimal)>,
    set_value: impl Fn(Option<Decimal>) + 'static,
    points: Decimal,
    set_points: impl Fn(Decimal) + 'static,
) -> impl IntoView {
    let at = format!("/groups/{g}/criteria/{c}/rule/bands/{b}");
    let what = t::numbered(t::BAND, b + 1);
    let condition_messages = editor.messages_at(
        ["", "/min_percent", "/above_percent", "/max_shortfall_minutes", "/min_percent_of_required"].iter().map(|field| format!("{at}{field}")).collect(),
    );
    view! {
        <li class="row-card band-row" aria-label=what.clone()>
            <div class="three-columns">
                {select_field(format!("{what}: {}", t::BAND_CONDITION), Signal::derive(Vec::new), condition)}
                {value.map(|(label, value)| decimal_field(label.into(), Some(value), false, Signal::derive(Vec::new), move |v| set_value(v)))}
                {decimal_field(t::BAND_POINTS.into(), Some(points), false, editor.at(format!("{at}/points")), move |v| set_points(v.unwrap_or_default()))}
            </div>
            {field_messages(condition_messages)}
            {row_buttons(&what, (b, count), move |d| editor.restructure(|f| { f.move_band(g, c, b, d); }), move || editor.restructure(|f| { f.remove_band(g, c, b); }))}
        </li>
    }
}

fn rating_select(id: String, current: Rating, on_pick: impl Fn(Rating) + 'static) -> AnyView {
    view! {
        <select id=id on:change=move |ev| {
            let value = event_target_value(&ev);
            if let Some(rating) = Rating::BEST_FIRST.into_iter().find(|r| format!("{r:?}") == value) { on_pick(rating) }
        }>
            {Rating::BEST_FIRST.map(|rating| view! { <option value=format!("{rating:?}") selected=rating == current>{dt::rating(rating)}</option> })}
        </select>
    }
    .into_any()
}

fn guards(editor: Editor, framework: &Framework) -> impl IntoView {
    let count = framework.guards.len();
    let criteria: Vec<(String, String)> = framework.criteria().map(|(_, criterion)| (criterion.id.clone(), criterion.label.clone())).collect();
    let cards = framework.guards.iter().enumerate().map(|(index, guard)| {
        let what = t::numbered(t::GUARD, index + 1);
        let at = format!("/guards/{index}");
        let boxes = criteria.iter().filter(|(id, _)| !id.is_empty()).map(|(id, label)| {
            let criterion_id = id.clone();
            check_field(format!("{id} {label}"), guard.requires_full_marks.contains(id), move |on| editor.edit(|f| f.set_guard_criterion(index, &criterion_id, on)))
        }).collect_view();
        let set_guard = move |change: Box<dyn FnOnce(&mut sotay_domain::framework::GuardRule)>| editor.edit(|f| if let Some(guard) = f.guards.get_mut(index) { change(guard) });
        let (rating, otherwise) = (guard.rating, guard.otherwise);
        view! {
            <article class="subsection" aria-label=what.clone()>
                <h3>{what.clone()}</h3>
                {field_messages(editor.at(format!("{at}/id")))}
                {select_field(t::GUARD_RATING.into(), Signal::derive(Vec::new), move |id| rating_select(id, rating, move |r| set_guard(Box::new(move |g| g.rating = r))))}
                <fieldset class="subsection">
                    <legend>{t::GUARD_CRITERIA}</legend>
                    <div class="check-columns">{boxes}</div>
                    {field_messages(editor.at(format!("{at}/requires_full_marks")))}
                </fieldset>
                {select_field(t::GUARD_OTHERWISE.into(), editor.at(format!("{at}/otherwise")), move |id| rating_select(id, otherwise, move |r| set_guard(Box::new(move |g| g.otherwise = r))))}
                {text_field(t::NOTE.into(), guard.note.clone(), Signal::derive(Vec::new), move |v| set_guard(Box::new(move |g| g.note = v)))}
                {row_buttons(&what, (index, count), move |d| editor.restructure(|f| { f.move_guard(index, d); }), move || editor.restructure(|f| { f.remove_guard(index); }))}
            </article>
        }
    }).collect_view();
    view! {
        <section class="card">
            <h2>{t::GUARDS}</h2>
            <p class="hint">{t::GUARDS_HINT}</p>
            {cards}
            <button type="button" class="button secondary" on:click=move |_| editor.restructure(|f| { f.add_guard(); })>{t::ADD_GUARD}</button>
        </section>
    }
}

fn steps(editor: Editor, framework: &Framework) -> impl IntoView {
    let count = framework.order_of_business.len();
    let rows = framework.order_of_business.iter().enumerate().map(|(index, step)| {
        let what = t::numbered(t::STEP_LABEL, index + 1);
        let at = format!("/order_of_business/{index}");
        let set_step = move |change: Box<dyn FnOnce(&mut sotay_domain::framework::ChecklistItem)>| editor.edit(|f| if let Some(step) = f.order_of_business.get_mut(index) { change(step) });
        view! {
            <li class="row-card">
                {text_field(what.clone(), step.label.clone(), editor.messages_at(vec![format!("{at}/label"), format!("{at}/id")]), move |v| set_step(Box::new(move |s| s.label = v)))}
                {check_field(t::STEP_OPTIONAL.into(), step.optional, move |on| set_step(Box::new(move |s| s.optional = on)))}
                {row_buttons(&what, (index, count), move |d| editor.restructure(|f| { f.move_step(index, d); }), move || editor.restructure(|f| { f.remove_step(index); }))}
            </li>
        }
    }).collect_view();
    view! {
        <section class="card">
            <details>
                <summary><h2 class="summary-heading">{t::STEPS}</h2></summary>
                <ol class="row-list">{rows}</ol>
                <button type="button" class="button secondary" on:click=move |_| editor.restructure(|f| { f.add_step(); })>{t::ADD_STEP}</button>
            </details>
        </section>
    }
}

/// The sample meeting scored with the draft, as the secretary's sheet lays it out.
fn preview(editor: Editor) -> impl IntoView {
    let score = Memo::new(move |_| {
        if !editor.problems.with(Vec::is_empty) {
            return None;
        }
        editor.draft.with(|draft| {
            let framework = draft.as_ref()?;
            let (meeting, roster) = framework.sample_meeting(clock::today(), clock::now());
            Some(score_own_sheet(framework, &meeting, &roster, &[], &[]))
        })
    });
    view! {
        <section class="card sheet-preview">
            <h2>{t::PREVIEW}</h2>
            <p class="hint">{t::PREVIEW_HINT}</p>
            {move || match score.get() {
                None => view! { <p class="hint">{t::PREVIEW_NEEDS_VALID}</p> }.into_any(),
                Some(score) => editor.draft.with_untracked(|d| d.as_ref().map(|f| sheet_view(f, &score))).into_any(),
            }}
        </section>
    }
}

fn sheet_view(framework: &Framework, score: &MeetingScore) -> impl IntoView {
    let groups = framework.groups.iter().map(|group| {
        let subtotal = score.groups.iter().find(|g| g.group_id == group.id).map(|g| format!("{}/{}", dt::decimal(g.points), dt::decimal(g.max_points)));
        let rows = group.criteria.iter().map(|criterion| {
            let result = score.criterion(&criterion.id);
            view! {
                <li class="criterion">
                    <div class="criterion-head"><span class="criterion-label">{criterion.id.clone()}" "{criterion.label.clone()}</span>
                        <span class="points">{result.map(|r| format!("{}/{}", dt::decimal(r.points), dt::decimal(r.max_points)))}</span></div>
                    {result.map(|r| view! { <p class="derivation">{r.derivation.to_string()}</p> })}
                </li>
            }
        }).collect_view();
        view! {
            <div class="sheet-group">
                <h3><span>{group.id.clone()}". "{group.label.clone()}</span><span class="points">{subtotal}</span></h3>
                <ul class="criteria">{rows}</ul>
            </div>
        }
    }).collect_view();
    let rating_class = crate::meetings::sheet::rating_class(score.rating);
    view! {
        <div class="sheet-body">
            {groups}
            <div class="sheet-total">
                <p class="total-line">
                    <span>{crate::text::sheet::TOTAL}": "<strong>{dt::decimal(score.total)}"/"{dt::decimal(score.max)}</strong></span>
                    <span>{crate::text::sheet::RATING}": "<strong class=rating_class>{dt::rating(score.rating)}</strong></span>
                </p>
                <ul class="explanations">
                    {score.adjustments.iter().map(|line| view! { <li class="adjustment">{line.to_string()}</li> }).collect_view()}
                </ul>
            </div>
        </div>
    }
}

/// Save on this device, export, share, discard — disabled with the reasons while anything
/// is wrong.
fn actions(editor: Editor) -> impl IntoView {
    let store = use_store();
    let outcome = RwSignal::new(None::<&'static str>);
    let builtin_id = move || editor.draft.with(|d| d.as_ref().map(|f| f.id.clone())).filter(|id| builtin::by_id(id).is_some());
    let messages = Signal::derive(move || {
        let mut messages: Vec<String> = editor.problems.with(|all| all.iter().map(|p| p.error.to_string()).collect());
        messages.extend(builtin_id().map(|id| t::id_is_builtin(&id)));
        messages
    });
    let blocked = move || !messages.with(Vec::is_empty);
    let export = move |share: bool| {
        let Some(Ok(json)) = editor.read(Framework::export) else { return };
        let name = editor.read(|f| t::file_name(&f.id)).unwrap_or_default();
        deliver_file(name, json, share, outcome);
    };
    let saved_id = editor.saved_id;
    let save = move |_| {
        let Some(framework) = editor.read(Clone::clone) else { return };
        let id = framework.id.clone();
        if saved_id.with_value(|saved| saved.as_deref() != Some(id.as_str())) {
            if let Some(stored) = stored_framework(&id) {
                let question = t::confirm_replace_stored(&stored.name, &id, store.meetings_scored_with(&id));
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    return;
                }
            }
        }
        let saved = store.save_custom_framework(framework);
        if saved {
            saved_id.set_value(Some(id));
        }
        outcome.set(Some(if saved { t::SAVED_ON_DEVICE } else { t::SAVE_FAILED }));
    };
    let discard = move |_| {
        if window().confirm_with_message(t::CONFIRM_DISCARD).unwrap_or(false) {
            editor.saved_id.set_value(None);
            editor.draft.set(None);
        }
    };
    view! {
        <section class="card authoring-actions">
            {problem_summary(messages)}
            <div class="actions">
                <button type="button" class="button" disabled=blocked on:click=move |_| export(false)>{t::EXPORT}</button>
                <button type="button" class="button secondary" disabled=blocked on:click=move |_| export(true)>{t::SHARE}</button>
                <button type="button" class="button secondary" disabled=blocked on:click=save>{t::SAVE_ON_DEVICE}</button>
                <button type="button" class="button danger" on:click=discard>{t::DISCARD}</button>
            </div>
            {move || outcome.get().map(|message| view! { <p class="saved" role="status">{message}</p> })}
        </section>
    }
}
