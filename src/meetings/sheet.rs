//! The live score sheet: computed criteria filled in from the record, manual ones tappable,
//! the total, the rating and the engine's explanation; the chi bộ's own sheet and,
//! optionally, the superior committee's, compared group by group.

use leptos::prelude::*;
use sotay_domain::framework::{Criterion, Framework, Rule};
use sotay_domain::model::{CriterionInput, Meeting, ScoreSheet};
use sotay_domain::scoring::{CriterionScore, PointsSource};
use sotay_domain::text as dt;
use sotay_domain::{score_own_sheet, score_superior_sheet, Decimal, MeetingScore};

use super::editing::Editor;
use crate::store::framework;
use crate::text::sheet as t;
use crate::timing;

/// Which of the two sheets is being filled in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Own,
    Superior,
}

impl Which {
    fn sheet(self, meeting: &Meeting) -> Option<&ScoreSheet> {
        match self {
            Which::Own => Some(&meeting.own_sheet),
            Which::Superior => meeting.superior_sheet.as_ref(),
        }
    }

    fn sheet_mut(self, meeting: &mut Meeting) -> Option<&mut ScoreSheet> {
        match self {
            Which::Own => Some(&mut meeting.own_sheet),
            Which::Superior => meeting.superior_sheet.as_mut(),
        }
    }
}

/// Both sheets scored live from the meeting being edited.
#[derive(Clone, Copy)]
struct Scores {
    own: Memo<Option<MeetingScore>>,
    superior: Memo<Option<MeetingScore>>,
}

impl Scores {
    /// A look at one sheet's score without copying it (tracked).
    fn with<R>(self, which: Which, read: impl FnOnce(Option<&MeetingScore>) -> R) -> R {
        match which {
            Which::Own => self.own.with(|score| read(score.as_ref())),
            Which::Superior => self.superior.with(|score| read(score.as_ref())),
        }
    }

    /// One criterion's result, as a memo: a change to the meeting re-renders only the
    /// criteria whose result it changed (a tap on the roll call: the attendance lines), not
    /// the sixty rows of the sheet.
    fn criterion(self, which: Which, id: &'static str) -> Memo<Option<CriterionScore>> {
        Memo::new(move |_| self.with(which, |score| score.and_then(|score| score.criterion(id).cloned())))
    }
}

/// What the total's lines show, compared before they are drawn again.
#[derive(Clone, PartialEq)]
struct TotalLines {
    total: Decimal,
    max: Decimal,
    rating: sotay_domain::Rating,
    scaled: Option<Decimal>,
    adjustments: Vec<String>,
    notices: Vec<String>,
}

#[component]
pub fn ScoreSheetSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let meeting = editor.meeting;
    let store = editor.store;
    // The sheet is drawn again only when the meeting's framework changes, never at a tick:
    // a tick reaches just the rows and totals that read the changed scores.
    let framework_id = Memo::new(move |_| meeting.with(|m| m.own_sheet.framework_id.clone()));
    let current_framework = move || framework_id.with(|id| framework(id));
    let own = Memo::new(move |_| {
        let framework = current_framework()?;
        let roster = store.members.get();
        meeting.with(|m| {
            store.meetings.with(|all| store.plans.with(|plans| Some(timing::measured(timing::SCORE_MEETING, || score_own_sheet(framework, m, &roster, all, plans)))))
        })
    });
    let superior = Memo::new(move |_| {
        let framework = current_framework()?;
        let roster = store.members.get();
        meeting.with(|m| store.meetings.with(|all| store.plans.with(|plans| score_superior_sheet(framework, m, &roster, all, plans))))
    });
    let scores = Scores { own, superior };
    let which = RwSignal::new(Which::Own);
    let has_superior = Memo::new(move |_| meeting.with(|m| m.superior_sheet.is_some()));
    let add_superior = move |_| {
        editor.change(|m| m.superior_sheet = Some(ScoreSheet::new(m.own_sheet.framework_id.clone())));
        which.set(Which::Superior);
    };
    let remove_superior = move |_| {
        which.set(Which::Own);
        editor.change(|m| m.superior_sheet = None);
    };
    let tab = move |target: Which, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || if which.get() == target { "true" } else { "false" }
                on:click=move |_| which.set(target)>{label}</button>
        }
    };

    view! {
        <section class="card score-sheet" id="phieu-cham">
            <h2>{t::TITLE}</h2>
            {move || match current_framework() {
                None => view! { <p class="field-error">{t::UNKNOWN_FRAMEWORK}</p> }.into_any(),
                Some(framework) => view! {
                    <Provenance framework=framework/>
                    <Show when=move || has_superior.get() fallback=move || view! {
                        <button type="button" class="button secondary" on:click=add_superior>{t::ADD_SUPERIOR}</button>
                    }>
                        <div class="tabs" role="tablist">{tab(Which::Own, t::OWN)}{tab(Which::Superior, t::SUPERIOR)}</div>
                        <CompareSheets scores=scores/>
                    </Show>
                    {move || view! { <SheetBody framework=framework which=which.get() scores=scores/> }}
                    <Show when=move || has_superior.get() && which.get() == Which::Superior>
                        <button type="button" class="button small secondary" on:click=remove_superior>{t::REMOVE_SUPERIOR}</button>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Provenance(framework: &'static Framework) -> impl IntoView {
    view! {
        <details class="provenance">
            <summary>{t::FRAMEWORK}": "{framework.name.clone()}</summary>
            <ul>{dt::framework_provenance(framework).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            <p class="hint">{t::CHECK_SUPERIOR}</p>
        </details>
    }
}

#[component]
fn SheetBody(framework: &'static Framework, which: Which, scores: Scores) -> impl IntoView {
    let groups = framework
        .groups
        .iter()
        .map(|group| {
            let group_id = group.id.clone();
            let subtotal = Memo::new(move |_| {
                scores.with(which, |score| score.and_then(|score| score.groups.iter().find(|g| g.group_id == group_id).map(|g| {
                    format!("{}/{}", dt::decimal(g.points), dt::decimal(g.max_points))
                })))
            });
            let criteria = group
                .criteria
                .iter()
                .map(|criterion| view! { <CriterionRow criterion=criterion which=which scores=scores/> })
                .collect_view();
            view! {
                <div class="sheet-group">
                    <h3><span>{group.id.clone()}". "{group.label.clone()}</span><span class="points">{subtotal}</span></h3>
                    <ul class="criteria">{criteria}</ul>
                </div>
            }
        })
        .collect_view();
    // The framework's reading of its chuyên đề-only criteria in a month without one.
    let thematic_treatment = framework
        .has_thematic_only_criteria()
        .then(|| view! { <p class="hint thematic-treatment">{framework.outside_thematic_month.label()}</p> });
    view! {
        <div class="sheet-body">
            {groups}
            {thematic_treatment}
            <SheetTotal which=which scores=scores/>
        </div>
    }
}

#[component]
fn SheetTotal(which: Which, scores: Scores) -> impl IntoView {
    let lines = Memo::new(move |_| {
        scores.with(which, |score| {
            score.map(|score| TotalLines {
                total: score.total,
                max: score.max,
                rating: score.rating,
                scaled: score.scaled_total,
                adjustments: score.adjustments.iter().map(ToString::to_string).collect(),
                notices: score.notices.iter().map(ToString::to_string).collect(),
            })
        })
    });
    move || {
        lines.get().map(|score| {
            let rating_class = rating_class(score.rating);
            view! {
                // A one-line bar that stays in view while ticking criteria…
                <p class="score-bar" aria-hidden="true">
                    {t::TOTAL}" "<strong>{dt::decimal(score.total)}"/"{dt::decimal(score.max)}</strong>" · "
                    <strong class=rating_class>{dt::rating(score.rating)}</strong>
                </p>
                // …and the full result with the engine's explanation at the end of the sheet.
                <div class="sheet-total" aria-live="polite">
                    <p class="total-line">
                        <span>{t::TOTAL}": "<strong>{dt::decimal(score.total)}"/"{dt::decimal(score.max)}</strong>" "{crate::text::meetings::POINTS}</span>
                        <span>{t::RATING}": "<strong class=rating_class>{dt::rating(score.rating)}</strong></span>
                    </p>
                    {score.scaled.map(|scaled| view! { <p class="scaled-line">{t::SCALED}": "<strong>{dt::decimal(scaled)}</strong></p> })}
                    <ul class="explanations">
                        {score.adjustments.into_iter().map(|line| view! { <li class="adjustment">{line}</li> }).collect_view()}
                        {score.notices.into_iter().map(|line| view! { <li class="notice-line">{line}</li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The CSS class that colours a rating.
pub fn rating_class(rating: sotay_domain::Rating) -> &'static str {
    use sotay_domain::Rating;
    match rating {
        Rating::Tot => "rating rating-tot",
        Rating::Kha => "rating rating-kha",
        Rating::TrungBinh => "rating rating-trung-binh",
        Rating::Kem => "rating rating-kem",
    }
}

#[component]
fn CriterionRow(criterion: &'static Criterion, which: Which, scores: Scores) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = criterion.id.as_str();
    let result = scores.criterion(which, id);
    let points = move || result.with(|r| r.as_ref().map(|r| format!("{}/{}", dt::decimal(r.points), dt::decimal(r.max_points))));
    // This criterion's input alone: a tick elsewhere leaves its controls as they are.
    let input = editor.watch(move |m| which.sheet(m).and_then(|s| s.input(id).cloned()).unwrap_or_default());
    let set_input = move |apply: Box<dyn FnOnce(&mut CriterionInput)>| {
        editor.change(|m| {
            if let Some(sheet) = which.sheet_mut(m) {
                apply(sheet.inputs.entry(id.to_owned()).or_default());
            }
        })
    };
    let control = match &criterion.rule {
        Rule::Tick => view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || input.with(|i| i.ticked)
                    on:change=move |ev| { let on = event_target_checked(&ev); set_input(Box::new(move |i| i.ticked = on)) }/>
                <span>{criterion.label.clone()}</span>
            </label>
        }
        .into_any(),
        Rule::PickOne { options } => {
            let name = format!("pick-{}-{id}", if which == Which::Own { "own" } else { "superior" });
            let choices = options.iter().map(|option| {
                let option_id = option.id.as_str();
                view! {
                    <label class="choice">
                        <input type="radio" name=name.clone() prop:checked=move || input.with(|i| i.picked.as_deref() == Some(option_id))
                            on:change=move |_| set_input(Box::new(move |i| i.picked = Some(option_id.to_owned())))/>
                        <span>{option.label.clone()}" ("{dt::points(option.points)}")"</span>
                    </label>
                }
            }).collect_view();
            view! { <fieldset class="choices"><legend>{criterion.label.clone()}</legend>{choices}</fieldset> }.into_any()
        }
        _ => view! { <p class="criterion-label">{criterion.label.clone()}</p> }.into_any(),
    };
    view! {
        <li class="criterion">
            <div class="criterion-head">{control}<span class="points">{points}</span></div>
            {move || result.get().map(|r| view! { <Derivation result=r/> })}
            {criterion.rule.is_computed().then(|| view! { <OverrideControl criterion=criterion input=Signal::from(input) set_input=set_input/> })}
        </li>
    }
}

#[component]
fn Derivation(result: CriterionScore) -> impl IntoView {
    let source = match result.source {
        PointsSource::Computed => Some(t::COMPUTED.to_owned()),
        PointsSource::Overridden => result.computed_points.map(|p| format!("{} {} {}", t::OVERRIDDEN, dt::points(p), crate::text::meetings::POINTS)),
        PointsSource::NeedsInput => Some(t::NEEDS_INPUT.to_owned()),
        PointsSource::GrantedOutsideThematicMonth => Some(t::GRANTED.to_owned()),
        PointsSource::LeftOutOutsideThematicMonth => Some(t::LEFT_OUT.to_owned()),
        PointsSource::Manual => None,
    };
    let class = match result.source {
        PointsSource::Computed => "derivation computed",
        PointsSource::Overridden => "derivation overridden",
        PointsSource::NeedsInput => "derivation needs-input",
        PointsSource::GrantedOutsideThematicMonth | PointsSource::LeftOutOutsideThematicMonth | PointsSource::Manual => "derivation",
    };
    let derivation = Some(result.derivation.to_string()).filter(|text| !text.is_empty());
    (source.is_some() || derivation.is_some()).then(|| view! {
        <p class=class>{source.map(|s| view! { <strong>{s}": "</strong> })}{derivation}</p>
    })
}

/// Entering points by hand over what the engine gives; the sheet then shows both.
#[component]
fn OverrideControl(
    criterion: &'static Criterion,
    input: Signal<CriterionInput>,
    set_input: impl Fn(Box<dyn FnOnce(&mut CriterionInput)>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let max = criterion.max_points;
    let overridden = move || input.with(|i| i.override_points.is_some());
    let set_points = move |ev: leptos::ev::Event| {
        let points = parse_points(&event_target_value(&ev), max);
        set_input(Box::new(move |i| i.override_points = points));
    };
    view! {
        <Show when=move || open.get() || overridden() fallback=move || view! {
            <button type="button" class="link-button" on:click=move |_| open.set(true)>{t::OVERRIDE}</button>
        }>
            <div class="override two-columns">
                <label class="field"><span>{t::OVERRIDE_POINTS}" (0–"{dt::points(max)}")"</span>
                    <input type="text" inputmode="decimal" prop:value=move || input.with(|i| i.override_points.map(dt::points).unwrap_or_default())
                        on:change=set_points/></label>
                <label class="field"><span>{t::OVERRIDE_NOTE}</span>
                    <input type="text" prop:value=move || input.with(|i| i.note.clone())
                        on:change=move |ev| { let note = event_target_value(&ev); set_input(Box::new(move |i| i.note = note)) }/></label>
                <button type="button" class="link-button" on:click=move |_| { open.set(false); set_input(Box::new(|i| { i.override_points = None; i.note.clear(); })) }>{t::CLEAR_OVERRIDE}</button>
            </div>
        </Show>
    }
}

/// "2,5" or "2.5" → 2.5 points (at most two decimals), kept within 0..=max; anything else
/// clears the override. Read by `Decimal::parse`, not as a float: a float parser brings its
/// 10 KB table of powers of five into the module.
pub fn parse_points(text: &str, max: Decimal) -> Option<Decimal> {
    Decimal::parse(text).map(|value| value.clamp_to(Decimal::ZERO, max))
}

#[component]
fn CompareSheets(scores: Scores) -> impl IntoView {
    move || {
        let (Some(own), Some(superior)) = (scores.own.get(), scores.superior.get()) else { return None };
        let rows = own
            .groups
            .iter()
            .map(|group| {
                let other = superior.groups.iter().find(|g| g.group_id == group.group_id).map(|g| dt::decimal(g.points)).unwrap_or_default();
                view! { <tr><td>{group.label.clone()}</td><td>{dt::decimal(group.points)}</td><td>{other}</td></tr> }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll" tabindex="0"><table class="compare">
                <caption>{t::COMPARE}</caption>
                <thead><tr><th scope="col">{t::GROUP}</th><th scope="col">{t::OWN}</th><th scope="col">{t::SUPERIOR}</th></tr></thead>
                <tbody>
                    {rows}
                    <tr class="total-row"><th scope="row">{t::TOTAL}</th><td>{dt::decimal(own.total)}" · "{dt::rating(own.rating)}</td><td>{dt::decimal(superior.total)}" · "{dt::rating(superior.rating)}</td></tr>
                </tbody>
            </table></div>
        })
    }
}
