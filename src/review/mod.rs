//! Kiểm điểm cuối năm: the year's evidence assembled from the monthly records, the sections
//! the chi bộ writes (headings from the dossier template), the level it proposes (chosen
//! by the chi bộ among the four, with their conditions beside them: never computed), the
//! vote, finalise / reopen. Every change is saved at once, like a meeting. Printing the
//! dossier and the members' pages is in `print`, a committee's template file in
//! `template_file`, the spreadsheets in `export`.

mod evidence;
mod export;
pub mod print;
mod template_file;

use chrono::NaiveDate;
use leptos::prelude::*;
use sotay_domain::review::{
    vote_date, vote_problem, voters_on, year_evidence, DossierTemplate, ReviewLevel, ReviewStatus, TemplateSection, BUILTIN_TEMPLATE_ID,
    YearEvidence, YearReview,
};
use sotay_domain::text::review as dt;

use crate::router::{navigate, Screen};
use crate::store::{clock, frameworks, use_store, Store};
use crate::text::review as t;
use crate::ui::{date_value, format_date_with_weekday, parse_date_value, PageTitle};

/// The year's evidence, recomputed when the roster or the meetings change.
pub(crate) fn evidence_memo(store: Store, year: i32) -> Memo<YearEvidence> {
    let today = clock::today();
    Memo::new(move |_| {
        let roster = store.members.get();
        store.meetings.with(|meetings| store.plans.with(|plans| year_evidence(year, &roster, meetings, plans, &frameworks(), Some(today))))
            .with_dues(crate::dues::year_dues_of(store, year, today))
    })
}

/// The review being written, and how every change reaches storage.
#[derive(Clone, Copy)]
struct ReviewEditor {
    review: RwSignal<YearReview>,
    store: Store,
    /// Set when the review was changed in another tab and a change here was refused.
    elsewhere: RwSignal<Option<&'static str>>,
}

impl ReviewEditor {
    /// Applies a change and saves it at once (autosave); a change made on a copy another
    /// tab has since replaced is not saved, and the newer copy is shown.
    fn change(&self, apply: impl FnOnce(&mut YearReview)) {
        let based_on = self.review.with_untracked(|r| r.updated_at);
        let mut changed = self.review.get_untracked();
        apply(&mut changed);
        match self.store.save_review_from(changed, based_on) {
            Ok(saved) => self.review.set(saved),
            Err(newer) => {
                self.review.set(newer.latest);
                self.elsewhere.set(Some(t::CHANGED_ELSEWHERE));
            }
        }
    }

    fn is_finalised(&self) -> bool {
        self.review.with(YearReview::is_finalised)
    }

    /// Takes the copy another tab (or an import) stored, when it is newer than the one shown.
    fn follow_store(&self) {
        let editor = *self;
        Effect::new(move |_| {
            let id = editor.review.with_untracked(|r| r.id.clone());
            let stored = editor.store.reviews.with(|all| all.iter().find(|r| r.id == id).cloned());
            if let Some(stored) = stored {
                if stored.updated_at > editor.review.with_untracked(|r| r.updated_at) {
                    editor.review.set(stored);
                }
            }
        });
    }

    fn template(&self) -> DossierTemplate {
        let id = self.review.with(|r| r.template_id.clone());
        self.store.dossier_template(&id)
    }
}

#[component]
pub fn ReviewScreen(year: i32) -> impl IntoView {
    let store = use_store();
    view! {
        <PageTitle title=t::title(year)/>
        {move || match store.chi_bo.with(Option::is_some) {
            false => view! {
                <section class="card notice">
                    <p>{t::NEED_CHI_BO}</p>
                    <a class="button" href=Screen::ChiBoSetup.href()>{crate::text::setup::TITLE_NEW}</a>
                </section>
            }.into_any(),
            true => view! { <ReviewEditorView year=year/> }.into_any(),
        }}
    }
}

#[component]
fn ReviewEditorView(year: i32) -> impl IntoView {
    let store = use_store();
    // Nothing is stored until the first change: opening the screen creates no record.
    let initial = store.review(year).unwrap_or_else(|| YearReview::new(year, store.current_template().id, clock::now()));
    let editor = ReviewEditor { review: RwSignal::new(initial), store, elsewhere: RwSignal::new(None) };
    editor.follow_store();
    let evidence = evidence_memo(store, year);
    let template = Memo::new(move |_| editor.template());
    let review_key = crate::storage::Key::Review(editor.review.with_untracked(|r| r.id.clone()));
    let unsaved = Signal::derive(move || store.is_unsaved(&review_key));
    view! {
        <p class="hint">{t::INTRO}</p>
        <p class="hint autosave" class:field-error=unsaved>{move || if unsaved.get() { t::NOT_AUTOSAVED } else { t::AUTOSAVED }}</p>
        {move || editor.elsewhere.get().map(|message| view! { <p class="card notice" role="status">{message}</p> })}
        <ReviewActions year=year evidence=evidence/>
        {move || evidence.with(|e| view! { <evidence::EvidenceView evidence=e.clone() year=year/> })}
        <TemplateCard editor=editor template=template/>
        {move || template.with(|template| {
            template.sections.iter().enumerate().map(|(index, section)| view! {
                <SectionField editor=editor section=section.clone() index=index/>
            }).collect_view()
        })}
        <OldSections editor=editor template=template/>
        <LevelChoice editor=editor template=template/>
        <VoteFields editor=editor/>
        <FinaliseControls editor=editor template=template/>
    }
}

/// Print, member pages, the spreadsheets and the year summary, above the long form.
#[component]
fn ReviewActions(year: i32, evidence: Memo<YearEvidence>) -> impl IntoView {
    view! {
        <nav class="card actions no-print" aria-label=t::TITLE>
            <a class="button" href=Screen::ReviewPrint(year).href()>{t::PRINT}</a>
            <a class="button secondary" href=Screen::MemberYearPrint(year, None).href()>{t::PRINT_MEMBERS}</a>
            <export::SpreadsheetButtons evidence=evidence/>
            <a class="button secondary" href=Screen::YearSummary(year).href()>{t::YEAR_SUMMARY}" "{year}</a>
        </nav>
    }
}

/// Which template the headings come from, on what basis, and loading a committee's own.
#[component]
fn TemplateCard(editor: ReviewEditor, template: Memo<DossierTemplate>) -> impl IntoView {
    let on_saved = Callback::new(move |id: String| {
        if !editor.review.with_untracked(YearReview::is_finalised) {
            editor.change(|r| r.template_id = id);
        }
    });
    view! {
        <section class="card">
            <details class="provenance">
                <summary>{t::TEMPLATE}": "{move || template.with(|t| t.name.clone())}</summary>
                <ul>{move || template.with(|t| dt::template_provenance(t).into_iter().map(|line| view! { <li>{line}</li> }).collect_view())}</ul>
            </details>
            <p class="hint">{t::SECTIONS_NOTE}</p>
            <Show when=move || !editor.is_finalised()>
                <template_file::TemplateLoader on_saved=on_saved/>
                <DeleteTemplate editor=editor/>
            </Show>
        </section>
    }
}

/// One section the chi bộ writes, under the template's heading (the hint is never printed).
#[component]
fn SectionField(editor: ReviewEditor, section: TemplateSection, index: usize) -> impl IntoView {
    let heading_id = format!("review-section-{index}");
    let id = section.id.clone();
    let text = {
        let id = id.clone();
        move || editor.review.with(|r| r.section_text(&id).to_owned())
    };
    let write = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        editor.change(|r| r.set_section(&id, &value));
    };
    view! {
        <section class="card review-section">
            <h2 id=heading_id.clone()>{section.heading.clone()}</h2>
            {(!section.hint.is_empty()).then(|| view! { <p class="hint">{section.hint.clone()}</p> })}
            <Show when=move || !editor.is_finalised() fallback={
                let text = text.clone();
                move || view! { <p class="pre">{text()}</p> }
            }>
                <textarea rows="6" aria-labelledby=heading_id.clone() prop:value=text.clone() on:input=write.clone()></textarea>
            </Show>
        </section>
    }
}

/// Texts written under a template the review no longer uses: kept and shown, never dropped.
#[component]
fn OldSections(editor: ReviewEditor, template: Memo<DossierTemplate>) -> impl IntoView {
    move || {
        let old: Vec<(String, String)> = template.with(|template| {
            editor.review.with(|r| r.sections_not_in(template).into_iter().map(|id| (id.to_owned(), r.section_text(id).to_owned())).collect())
        });
        (!old.is_empty()).then(|| view! {
            <section class="card">
                <h2>{t::OLD_SECTIONS}</h2>
                {old.into_iter().map(|(id, text)| view! { <h3>{id}</h3><p class="pre">{text}</p> }).collect_view()}
            </section>
        })
    }
}

/// The four levels, each with its conditions as the template words them: the chi bộ chooses.
#[component]
fn LevelChoice(editor: ReviewEditor, template: Memo<DossierTemplate>) -> impl IntoView {
    let choices = move || {
        ReviewLevel::BEST_FIRST
            .into_iter()
            .map(|level| {
                let conditions = template.with(|t| t.conditions_of(level).unwrap_or_default().to_owned());
                let checked = move || editor.review.with(|r| r.proposed_level == Some(level));
                view! {
                    <label class="choice tall level-choice">
                        <input type="radio" name="muc-de-nghi" value=level.name() prop:checked=checked
                            prop:disabled=move || editor.is_finalised()
                            on:change=move |_| editor.change(|r| r.proposed_level = Some(level))/>
                        <span class="level-text">
                            <strong>{level.label()}</strong>
                            <span class="conditions">{t::CONDITIONS}": "{conditions}</span>
                        </span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card">
            <fieldset class="level-choices">
                <legend><h2>{t::LEVEL}</h2></legend>
                <p class="hint">{t::LEVEL_NOTE}</p>
                {choices}
            </fieldset>
        </section>
    }
}

/// The review meeting's day and the vote on the proposal, checked against the full members.
#[component]
fn VoteFields(editor: ReviewEditor) -> impl IntoView {
    let store = editor.store;
    let voters = Memo::new(move |_| {
        let date = editor.review.with(vote_date);
        store.members.with(|roster| voters_on(roster, date))
    });
    let count = move |label: &'static str, read: fn(&sotay_domain::model::VoteTally) -> u32, write: fn(&mut sotay_domain::model::VoteTally, u32)| {
        view! {
            <label class="field"><span>{label}</span>
                <input type="number" inputmode="numeric" min="0"
                    prop:value=move || editor.review.with(|r| r.vote.as_ref().map(read).map(|v| v.to_string()).unwrap_or_default())
                    prop:disabled=move || editor.is_finalised()
                    on:input=move |ev| {
                        let value = event_target_value(&ev).trim().parse().unwrap_or(0);
                        editor.change(|r| write(r.vote.get_or_insert_with(Default::default), value));
                    }/>
            </label>
        }
    };
    let problem = move || {
        let vote = editor.review.with(|r| r.vote)?;
        let problem = vote_problem(vote, voters.get())?;
        Some(problem.message(&editor.template()))
    };
    let set_date = move |ev: leptos::ev::Event| {
        let date: Option<NaiveDate> = parse_date_value(&event_target_value(&ev));
        editor.change(|r| r.reviewed_on = date);
    };
    view! {
        <section class="card">
            <h2>{t::VOTE}</h2>
            <label class="field"><span>{t::REVIEWED_ON}</span>
                <input type="date" prop:value=move || editor.review.with(|r| date_value(r.reviewed_on))
                    prop:disabled=move || editor.is_finalised() on:change=set_date/>
            </label>
            // The input's own display follows the phone's language and may be month-first.
            {move || editor.review.with(|r| r.reviewed_on).map(|day| view! { <p class="hint">{format_date_with_weekday(day)}</p> })}
            <div class="three-columns vote-counts">
                {count(t::VOTE_FOR, |v| v.in_favour, |v, n| v.in_favour = n)}
                {count(t::VOTE_AGAINST, |v| v.against, |v, n| v.against = n)}
                {count(t::VOTE_ABSTAIN, |v| v.abstain, |v, n| v.abstain = n)}
            </div>
            <p class="hint">{move || t::voters(voters.get())}</p>
            {move || problem().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </section>
    }
}

/// "Xóa mẫu này khỏi máy" under a committee's template that no other year's review is
/// written against: this review goes back to the built-in template (the texts written stay,
/// those of sections the built-in lacks under "Phần của mẫu cũ"), with an undo.
#[component]
fn DeleteTemplate(editor: ReviewEditor) -> impl IntoView {
    let store = editor.store;
    let toasts = expect_context::<crate::toast::Toasts>();
    let deletable = move || {
        let (review_id, template_id) = editor.review.with(|r| (r.id.clone(), r.template_id.clone()));
        let custom = store.custom_templates.with(|all| all.iter().any(|c| c.template.id == template_id));
        let used_elsewhere = store.reviews.with(|all| all.iter().any(|r| r.id != review_id && r.template_id == template_id));
        (custom && !used_elsewhere).then_some(template_id)
    };
    let delete = move |template_id: String| {
        let name = store.dossier_template(&template_id).name;
        if !window().confirm_with_message(&t::confirm_delete_template(&name)).unwrap_or(false) {
            return;
        }
        // Removed first: when its marker cannot be written, nothing changes.
        let Some(removed) = store.delete_custom_template(&template_id) else { return };
        editor.change(|r| r.template_id = BUILTIN_TEMPLATE_ID.to_owned());
        let year = editor.review.with_untracked(|r| r.year);
        // Through the store only: the toast outlives this screen, whose signals may be gone
        // (the screen, when open, follows the store).
        toasts.offer_undo(t::template_deleted(&name), move || {
            store.save_custom_template(removed.template.clone());
            if let Some(mut review) = store.review(year).filter(|r| !r.is_finalised()) {
                review.template_id = removed.template.id.clone();
                store.save_review(review);
            }
        });
    };
    move || deletable().map(|template_id| view! {
        <button type="button" class="button small secondary" on:click=move |_| delete(template_id.clone())>{t::DELETE_TEMPLATE}</button>
    })
}

/// "Xóa bản kiểm điểm" for a draft that is stored (opening the screen stores nothing), with
/// a confirmation and an undo; the year summary is shown after.
#[component]
fn DeleteDraft(editor: ReviewEditor) -> impl IntoView {
    let store = editor.store;
    let toasts = expect_context::<crate::toast::Toasts>();
    let id = editor.review.with_untracked(|r| r.id.clone());
    let stored = {
        let id = id.clone();
        move || store.reviews.with(|all| all.iter().any(|r| r.id == id))
    };
    let delete = move |_| {
        let year = editor.review.with_untracked(|r| r.year);
        if !window().confirm_with_message(&t::confirm_delete(year)).unwrap_or(false) {
            return;
        }
        if let Some(removed) = store.delete_review(&id) {
            toasts.offer_undo(t::deleted(year), move || {
                store.save_review(removed.clone());
                navigate(&Screen::Review(removed.year));
            });
        }
        navigate(&Screen::YearSummary(year));
    };
    view! {
        <Show when=stored>
            <button type="button" class="button danger" on:click=delete.clone()>{t::DELETE}</button>
        </Show>
    }
}

/// "Hoàn tất" when nothing stands in the way (else what does), "Mở lại để sửa" after.
#[component]
fn FinaliseControls(editor: ReviewEditor, template: Memo<DossierTemplate>) -> impl IntoView {
    let store = editor.store;
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        let voters = store.members.with(|roster| voters_on(roster, editor.review.with(vote_date)));
        template.with(|template| {
            editor.review.with(|r| r.problems(template, voters).iter().map(|p| p.message(template)).collect::<Vec<_>>())
        })
    });
    let finalise = move |_| {
        tried.set(true);
        if problems.with(Vec::is_empty) {
            editor.change(|r| r.status = ReviewStatus::Finalised);
        }
    };
    view! {
        <section class="card actions">
            <Show when=move || editor.is_finalised()
                fallback=move || view! {
                    <Show when=move || tried.get() && !problems.with(Vec::is_empty)>
                        <div class="field-error" role="alert">
                            <p>{t::CANNOT_FINALISE}</p>
                            <ul>{move || problems.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        </div>
                    </Show>
                    <button type="button" class="button big" on:click=finalise>{t::FINALISE}</button>
                    <DeleteDraft editor=editor/>
                }>
                <p class="actions-note">{t::FINALISED_NOTE}</p>
                <button type="button" class="button big" on:click=move |_| editor.change(|r| r.status = ReviewStatus::Draft)>{t::REOPEN}</button>
            </Show>
        </section>
    }
}
