//! "Soạn bộ nội dung sổ tay": a committee writes its handbook pack with a form. The form
//! edits a `PackDraft`; its validation is the loader's, so every problem shown next to a
//! field is the message an imported file would get. Bodies are written in the pack's small
//! markup with a toolbar, and previewed with the reader's own rendering. The pack can be
//! exported as a file or used on this device as the committee pack.

use std::collections::BTreeSet;

use leptos::prelude::*;
use sotay_domain::handbook::authoring::MarkupInsert;
use sotay_domain::handbook::{markup, CheckOutcome, CheckState, Field, PackDraft, PackError, PackScope, SectionKind, Status};

use super::{choice_field, deliver_file, field_messages, problem_summary, row_buttons, select_field, text_field};
use crate::handbook::reader::render_blocks;
use crate::handbook::use_handbook;
use crate::router::Screen;
use crate::storage::{self, Draft};
use super::{draft_body, DraftForm};
use crate::store::{clock, use_store};
use crate::text::authoring as t;
use crate::ui::PageTitle;

#[derive(Clone, Copy)]
struct Editor {
    form: DraftForm<PackDraft>,
    problems: Memo<Vec<PackError>>,
    /// Items whose fields are shown (by id), so a long pack stays short to scroll.
    open_items: RwSignal<BTreeSet<String>>,
}

/// The editor is its draft form (`draft`, `edit`, `restructure`…) plus what its fields need.
impl std::ops::Deref for Editor {
    type Target = DraftForm<PackDraft>;

    fn deref(&self) -> &DraftForm<PackDraft> {
        &self.form
    }
}

impl Editor {
    /// Messages of the problems in `scope` at one of `fields` (`None`: any field).
    fn messages_at(self, scope: PackScope, fields: Option<Vec<Field>>) -> Signal<Vec<String>> {
        let problems = self.problems;
        Signal::derive(move || {
            problems.with(|all| {
                all.iter()
                    .filter(|error| {
                        let (at, field) = error.location();
                        at == scope && fields.as_ref().is_none_or(|fields| field.is_some_and(|field| fields.contains(&field)))
                    })
                    .map(ToString::to_string)
                    .collect()
            })
        })
    }

    fn at(self, scope: PackScope, field: Field) -> Signal<Vec<String>> {
        self.messages_at(scope, Some(vec![field]))
    }

    fn item(self, s: usize, i: usize, change: impl FnOnce(&mut sotay_domain::handbook::ItemDraft)) {
        self.edit(|draft| {
            if let Some(item) = draft.item_mut(s, i) {
                change(item);
            }
        });
    }

    fn section(self, s: usize, change: impl FnOnce(&mut sotay_domain::handbook::SectionDraft)) {
        self.edit(|draft| {
            if let Some(section) = draft.sections.get_mut(s) {
                change(section);
            }
        });
    }
}

#[component]
pub fn PackEditorScreen() -> impl IntoView {
    let editing = DraftForm::new(storage::read_draft::<PackDraft>(Draft::Pack));
    let problems = Memo::new(move |_| editing.draft.with(|draft| draft.as_ref().map(|d| d.validate().err().unwrap_or_default()).unwrap_or_default()));
    let editor = Editor { form: editing, problems, open_items: RwSignal::new(BTreeSet::new()) };
    view! {
        <PageTitle title=t::PACK_TITLE/>
        <div class="authoring">
            <p class="hint">{t::PACK_INTRO}</p>
            {draft_body(editor.form, Draft::Pack, move || start_choices(editor).into_any(), move || form(editor).into_any())}
            <p><a href=Screen::HandbookPacks.href()>{t::BACK_TO_PACKS}</a></p>
        </div>
    }
}

fn new_pack_id() -> String {
    format!("goi-{:08x}", clock::entropy() as u32)
}

fn start_choices(editor: Editor) -> impl IntoView {
    let store = use_store();
    let state = use_handbook();
    let start = move |draft: PackDraft| editor.start(draft);
    let from_builtin = move |_| {
        if let Some(pack) = state.builtin_pack() {
            start(PackDraft::starting_from(&pack, &new_pack_id()));
        }
    };
    let committee = store.committee_pack.get_untracked();
    let from_committee = committee.map(|record| {
        view! { <li><button type="button" class="button secondary wide"
            on:click=move |_| start(PackDraft::from(&record.pack))>{t::START_FROM_COMMITTEE_PACK}</button></li> }
    });
    let empty = move |_| {
        let mut draft = PackDraft {
            id: new_pack_id(),
            name: String::new(),
            issuer: String::new(),
            version: "1".to_owned(),
            published: crate::ui::date_value(Some(clock::today())),
            note: String::new(),
            sections: Vec::new(),
        };
        let section = draft.add_section(clock::entropy());
        draft.add_item(section, clock::entropy());
        start(draft);
    };
    view! {
        <section class="card">
            <h2>{t::START_FROM}</h2>
            <ul class="start-list">
                <li><button type="button" class="button secondary wide" on:click=from_builtin>{t::START_FROM_BUILTIN_PACK}</button></li>
                {from_committee}
                <li><button type="button" class="button secondary wide" on:click=empty>{t::START_EMPTY_PACK}</button></li>
            </ul>
        </section>
    }
}

fn form(editor: Editor) -> impl IntoView {
    let Some(draft) = editor.draft.get_untracked() else { return ().into_any() };
    let count = draft.sections.len();
    let pack = PackScope::Pack;
    view! {
        <section class="card">
            <h2>{t::PACK_ABOUT}</h2>
            {text_field(t::PACK_NAME.into(), draft.name.clone(), editor.at(pack, Field::Name), move |v| editor.edit(|d| d.name = v))}
            {text_field(t::PACK_ID.into(), draft.id.clone(), editor.at(pack, Field::Id), move |v| editor.edit(|d| d.id = v))}
            {text_field(t::PACK_ISSUER.into(), draft.issuer.clone(), editor.at(pack, Field::Issuer), move |v| editor.edit(|d| d.issuer = v))}
            <div class="two-columns">
                {text_field(t::PACK_VERSION.into(), draft.version.clone(), editor.at(pack, Field::Version), move |v| editor.edit(|d| d.version = v))}
                {super::date_field(t::PACK_PUBLISHED.into(), draft.published.clone(), editor.at(pack, Field::Published), move |v| editor.edit(|d| d.published = v))}
            </div>
            {text_field(t::NOTE.into(), draft.note.clone(), editor.at(pack, Field::Note), move |v| editor.edit(|d| d.note = v))}
        </section>
        <section class="card">
            <h2>{t::SECTIONS}</h2>
            {field_messages(editor.messages_at(pack, Some(vec![Field::Sections, Field::Items])))}
            {(0..count).map(|s| section_card(editor, &draft, s)).collect_view()}
            <button type="button" class="button secondary" on:click=move |_| editor.restructure(|d| {
                let section = d.add_section(clock::entropy());
                d.add_item(section, clock::entropy());
            })>{t::ADD_SECTION}</button>
        </section>
        {actions(editor)}
    }
    .into_any()
}

fn section_card(editor: Editor, draft: &PackDraft, s: usize) -> impl IntoView {
    let section = &draft.sections[s];
    let count = draft.sections.len();
    let scope = PackScope::Section(s);
    let what = t::numbered(t::SECTION, s + 1);
    let kind = section.kind;
    let kinds = [(SectionKind::Text, t::KIND_TEXT), (SectionKind::ScoringFrameworks, t::KIND_FRAMEWORKS)]
        .map(|(option, label)| view! { <option value=option.key() selected=option == kind>{label}</option> });
    let items = section.items.len();
    view! {
        <article class="subsection" aria-label=what.clone()>
            <h3>{what.clone()}</h3>
            {text_field(t::SECTION_TITLE.into(), section.title.clone(), editor.messages_at(scope, Some(vec![Field::Title, Field::Id])), move |v| editor.section(s, |section| section.title = v))}
            {select_field(t::SECTION_KIND.into(), editor.at(scope, Field::Kind), move |id| view! {
                <select id=id on:change=move |ev| {
                    let kind = if event_target_value(&ev) == SectionKind::ScoringFrameworks.key() { SectionKind::ScoringFrameworks } else { SectionKind::Text };
                    editor.restructure(|d| if let Some(section) = d.sections.get_mut(s) { section.kind = kind });
                }>{kinds}</select>
            }.into_any())}
            {text_field(t::NOTE.into(), section.note.clone(), editor.at(scope, Field::Note), move |v| editor.section(s, |section| section.note = v))}
            {(kind == SectionKind::Text).then(|| view! {
                <h4>{t::ITEMS}</h4>
                {field_messages(editor.messages_at(scope, Some(vec![Field::Items])))}
                <ol class="row-list">{(0..items).map(|i| item_card(editor, draft, s, i)).collect_view()}</ol>
                <button type="button" class="button small secondary" aria-label=format!("{} ({what})", t::ADD_ITEM) on:click=move |_| editor.restructure(|d| {
                    if let Some(index) = d.add_item(s, clock::entropy()) {
                        let id = d.sections[s].items[index].id.clone();
                        editor.open_items.update(|open| { open.insert(id); });
                    }
                })>{t::ADD_ITEM}</button>
            })}
            {row_buttons(&what, (s, count), move |dir| editor.restructure(|d| { d.move_section(s, dir); }), move || editor.restructure(|d| { d.remove_section(s); }))}
        </article>
    }
}

fn item_card(editor: Editor, draft: &PackDraft, s: usize, i: usize) -> impl IntoView {
    let item = &draft.sections[s].items[i];
    let count = draft.sections[s].items.len();
    let scope = PackScope::Item(s, i);
    let id = item.id.clone();
    let title = item.title.clone();
    let what = format!("{} {}.{}", t::ITEM, s + 1, i + 1);
    let open = {
        let id = id.clone();
        Signal::derive(move || editor.open_items.with(|open| open.contains(&id)))
    };
    let toggle = {
        let id = id.clone();
        move |_| editor.open_items.update(|open| if !open.remove(&id) { open.insert(id.clone()); })
    };
    let heading = {
        let s_title = title.clone();
        move || {
            let current = editor.draft.with(|d| d.as_ref().and_then(|d| d.sections.get(s)?.items.get(i).map(|item| item.title.clone())));
            current.filter(|title| !title.trim().is_empty()).unwrap_or_else(|| if s_title.is_empty() { what_fallback(s, i) } else { s_title.clone() })
        }
    };
    // Built from the draft as it is when opened (it may have been edited since the card was).
    let fields = move || {
        editor.draft.with_untracked(|d| d.as_ref().and_then(|d| d.sections.get(s)?.items.get(i).cloned())).map(|item| item_fields(editor, &item, s, i))
    };
    let closed_messages = editor.messages_at(scope, None);
    view! {
        <li class="row-card item-card" aria-label=what.clone()>
            <div class="item-head">
                <strong>{heading}</strong>
                <button type="button" class="button small secondary" aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-label={ let what = what.clone(); move || format!("{} {what}", if open.get() { t::CLOSE_ITEM } else { t::EDIT_ITEM }) } on:click=toggle>{move || if open.get() { t::CLOSE_ITEM } else { t::EDIT_ITEM }}</button>
            </div>
            <Show when=move || open.get() fallback=move || field_messages(closed_messages)>{fields.clone()}</Show>
            {row_buttons(&what, (i, count), move |dir| editor.restructure(|d| { d.move_item(s, i, dir); }), move || editor.restructure(|d| { d.remove_item(s, i); }))}
        </li>
    }
}

fn what_fallback(s: usize, i: usize) -> String {
    format!("{} {}.{}", t::ITEM, s + 1, i + 1)
}

fn item_fields(editor: Editor, item: &sotay_domain::handbook::ItemDraft, s: usize, i: usize) -> impl IntoView {
    let scope = PackScope::Item(s, i);
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let insert = move |button: MarkupInsert| {
        let Some(area) = textarea.get() else { return };
        let (start, end) = (area.selection_start().ok().flatten().unwrap_or(0), area.selection_end().ok().flatten().unwrap_or(0));
        let (text, start, end) = button.apply(&area.value(), start as usize, end as usize);
        area.set_value(&text);
        let _ = area.focus();
        let _ = area.set_selection_range(start as u32, end as u32);
        editor.item(s, i, |item| item.body = text);
    };
    let tools = [
        (MarkupInsert::Paragraph, t::TOOL_PARAGRAPH),
        (MarkupInsert::ListItem, t::TOOL_LIST),
        (MarkupInsert::Emphasis, t::TOOL_EMPHASIS),
        (MarkupInsert::Heading, t::TOOL_HEADING),
        (MarkupInsert::Quote, t::TOOL_QUOTE),
    ]
    .map(|(button, label)| view! { <button type="button" class="button small secondary" on:click=move |_| insert(button)>{label}</button> });
    let preview = move || {
        let body = editor.draft.with(|d| d.as_ref().and_then(|d| d.sections.get(s)?.items.get(i).map(|item| item.body.clone()))).unwrap_or_default();
        render_blocks(markup::parse(&body))
    };
    let status = item.status;
    let statuses = [Status::Official, Status::Summary, Status::Unverified]
        .map(|option| view! { <option value=option.key() selected=option == status>{option.label()}</option> });
    let body_id = format!("than-{s}-{i}");
    let body_id_messages = format!("than-{s}-{i}-loi");
    view! {
        {text_field(t::ITEM_TITLE.into(), item.title.clone(), editor.messages_at(scope, Some(vec![Field::Title, Field::Id])), move |v| editor.item(s, i, |item| item.title = v))}
        <div class="field">
            <label for=body_id.clone()><span class="field-label">{t::ITEM_BODY}</span></label>
            <div class="toolbar" role="toolbar" aria-label=t::TOOLBAR>{tools}</div>
            <textarea id=body_id node_ref=textarea rows="8" aria-describedby=format!("{body_id_messages}") on:input=move |ev| { let body = event_target_value(&ev); editor.item(s, i, |item| item.body = body) }>{item.body.clone()}</textarea>
            <div id=body_id_messages>{field_messages(editor.messages_at(scope, Some(vec![Field::Body, Field::Keywords])))}</div>
        </div>
        <div class="body-preview">
            <p class="hint">{t::BODY_PREVIEW}</p>
            <div class="item-body">{preview}</div>
        </div>
        {text_field(t::ITEM_DOCUMENT.into(), item.document.clone(), editor.messages_at(scope, Some(vec![Field::SourceDocument, Field::Source])), move |v| editor.item(s, i, |item| item.document = v))}
        {text_field(t::ITEM_DATE.into(), item.date.clone(), editor.at(scope, Field::SourceDate), move |v| editor.item(s, i, |item| item.date = v))}
        {select_field(t::ITEM_STATUS.into(), editor.at(scope, Field::SourceStatus), move |id| view! {
            <select id=id on:change=move |ev| {
                let key = event_target_value(&ev);
                let status = [Status::Official, Status::Summary, Status::Unverified].into_iter().find(|s| s.key() == key);
                if let Some(status) = status { editor.item(s, i, |item| item.status = status) }
            }>{statuses}</select>
        }.into_any())}
        {text_field(t::NOTE.into(), item.note.clone(), editor.at(scope, Field::Note), move |v| editor.item(s, i, |item| item.note = v))}
        <fieldset class="subsection">
            <legend>{t::ITEM_NUMBERS}</legend>
            <p class="hint">{t::ITEM_NUMBERS_HINT}</p>
            {text_field(t::NUMBER_IN_DOCUMENT.into(), item.number_in_document.clone(), editor.at(scope, Field::Numbers), move |v| editor.item(s, i, |item| item.number_in_document = v))}
            {text_field(t::NUMBER_IN_APP.into(), item.number_in_app.clone(), Signal::derive(Vec::new), move |v| editor.item(s, i, |item| item.number_in_app = v))}
        </fieldset>
        <fieldset class="subsection">
            <legend>{t::ITEM_CHECK}</legend>
            <p class="hint">{t::ITEM_CHECK_HINT}</p>
            {choice_field(t::CHECK_OUTCOME.into(), check_choices(), item.check_outcome.map_or(NOT_CHECKED, CheckOutcome::key).to_owned(),
                editor.messages_at(scope, Some(vec![Field::CheckOutcome, Field::SourceCheck])), move |key| {
                    let outcome = CheckOutcome::ALL.into_iter().find(|outcome| outcome.key() == key);
                    editor.item(s, i, |item| item.check_outcome = outcome)
                })}
            {super::date_field(t::CHECKED_ON.into(), item.checked_on.clone(), editor.at(scope, Field::CheckedOn), move |v| editor.item(s, i, |item| item.checked_on = v))}
            {text_field(t::COMPARED_WITH.into(), item.compared_with.clone(), editor.at(scope, Field::ComparedWith), move |v| editor.item(s, i, |item| item.compared_with = v))}
            {text_field(t::CHECK_ADDRESS.into(), item.check_address.clone(), editor.at(scope, Field::CheckAddress), move |v| editor.item(s, i, |item| item.check_address = v))}
        </fieldset>
    }
}

/// The choice's key for "not compared yet" (no check record).
const NOT_CHECKED: &str = "chua";

/// The check outcomes as radio choices, "not compared yet" first.
fn check_choices() -> Vec<(String, String)> {
    std::iter::once((NOT_CHECKED.to_owned(), sotay_domain::text::handbook::check_label(CheckState::NotChecked).to_owned()))
        .chain(CheckOutcome::ALL.into_iter().map(|outcome| (outcome.key().to_owned(), sotay_domain::text::handbook::check_label(CheckState::Checked(outcome)).to_owned())))
        .collect()
}

fn actions(editor: Editor) -> impl IntoView {
    let store = use_store();
    let outcome = RwSignal::new(None::<&'static str>);
    let used = RwSignal::new(false);
    let messages = Signal::derive(move || editor.problems.with(|all| all.iter().map(ToString::to_string).collect::<Vec<_>>()));
    let blocked = move || !messages.with(Vec::is_empty);
    let export = move |share: bool| {
        let Some((name, Ok(json))) = editor.draft.with_untracked(|d| d.as_ref().map(|d| (t::file_name(&d.id), d.export()))) else { return };
        deliver_file(name, json, share, outcome);
    };
    let use_here = move |_| {
        let Some(Ok(pack)) = editor.draft.with_untracked(|d| d.as_ref().map(PackDraft::validate)) else { return };
        let stored = store.set_committee_pack(Some(pack));
        used.set(stored);
        outcome.set(Some(if stored { t::USED_ON_DEVICE } else { t::USE_FAILED }));
    };
    let discard = move |_| {
        if window().confirm_with_message(t::CONFIRM_DISCARD).unwrap_or(false) {
            editor.draft.set(None);
        }
    };
    view! {
        <section class="card authoring-actions">
            {problem_summary(messages)}
            <div class="actions">
                <button type="button" class="button" disabled=blocked on:click=move |_| export(false)>{t::EXPORT}</button>
                <button type="button" class="button secondary" disabled=blocked on:click=move |_| export(true)>{t::SHARE}</button>
                <button type="button" class="button secondary" disabled=blocked on:click=use_here>{t::USE_ON_DEVICE}</button>
                <button type="button" class="button danger" on:click=discard>{t::DISCARD}</button>
            </div>
            {move || outcome.get().map(|message| view! { <p class="saved" role="status">{message}</p> })}
            <Show when=move || used.get()><p><a class="button secondary" href=Screen::Handbook.href()>{t::OPEN_HANDBOOK}</a></p></Show>
        </section>
    }
}
