//! One handbook section per screen: its items with their source and status, a bookmark,
//! a personal note and a share button on each. Text is rendered as text nodes from the
//! parsed markup, never as HTML, so an imported pack cannot inject anything.

use leptos::prelude::*;
use sotay_domain::handbook::{framework_entry_id, Block, CheckState, Inline, Item, Section, SectionKind};
use sotay_domain::model::HandbookMark;
use sotay_domain::text as dt;

use super::speech::ReadAloud;
use super::use_handbook;
use crate::data::files::TextShared;
use crate::router::Screen;
use crate::store::{clock, frameworks, use_store};
use crate::text::handbook as t;
use crate::ui::PageTitle;

#[component]
pub fn SectionScreen(section_id: String, item_id: Option<String>) -> impl IntoView {
    let state = use_handbook();
    let section = state.handbook.with_untracked(|handbook| {
        handbook.section(&section_id).cloned().map(|section| (section, handbook.section_origin(&section_id)))
    });
    let Some((section, origin)) = section else {
        return view! {
            <PageTitle title=t::TITLE/>
            <p class="card">{t::SECTION_NOT_FOUND}" "<a href=Screen::Handbook.href()>{t::BACK_TO_CONTENTS}</a></p>
        }
        .into_any();
    };
    // Opened at an item (a search result, a bookmark, "Mục tiếp theo"), or where the reader left
    // this section last time.
    let resumed = item_id.is_none().then(|| crate::storage::reading_positions().get(&section.id).cloned()).flatten();
    if let Some(item_id) = item_id.clone().or(resumed.clone()) {
        scroll_to_item_after_render(item_id);
    }
    if section.kind == SectionKind::Text {
        keep_reading_position(section.id.clone(), section.items.iter().map(|item| item.id.clone()).collect());
    }
    let next_of = next_items(&state, &section);
    let body = match section.kind {
        SectionKind::ScoringFrameworks => view! { <FrameworksSection/> }.into_any(),
        SectionKind::Text => section
            .items
            .iter()
            .zip(next_of)
            .map(|(item, next)| view! { <ItemView item=item.clone() next=next/> })
            .collect_view()
            .into_any(),
    };
    let resumed_title = resumed.and_then(|id| section.items.iter().find(|item| item.id == id).map(|item| item.title.clone()));
    view! {
        <PageTitle title=section.title.clone()/>
        <SectionHeader section=section.clone() origin=origin.map(|o| o.label())/>
        {resumed_title.map(|title| view! { <p class="hint" role="status">{t::CONTINUE_READING}" "{title}</p> })}
        {body}
        <p><a href=Screen::Handbook.href()>{t::BACK_TO_CONTENTS}</a></p>
    }
    .into_any()
}

/// For each item of `section`, the item that follows it: the next one in the section, or the
/// first item of the next section (`None` after the handbook's last item).
fn next_items(state: &super::HandbookState, section: &Section) -> Vec<Option<(Screen, String)>> {
    let after_section = state.handbook.with_untracked(|handbook| {
        let sections = handbook.sections();
        let position = sections.iter().position(|s| s.id == section.id)?;
        sections[position + 1..].iter().find_map(|next| {
            let first = next.items.first()?;
            Some((Screen::HandbookSection(next.id.clone(), Some(first.id.clone())), first.title.clone()))
        })
    });
    let mut next: Vec<Option<(Screen, String)>> = section
        .items
        .iter()
        .skip(1)
        .map(|item| Some((Screen::HandbookSection(section.id.clone(), Some(item.id.clone())), item.title.clone())))
        .collect();
    next.push(after_section);
    next
}

/// Remembers which item is at the top of the screen whenever scrolling stops, and when the
/// section is left: the section then reopens there.
fn keep_reading_position(section_id: String, item_ids: Vec<String>) {
    let save = move || {
        // The first item whose bottom is still below the sticky header is the one being read.
        let current = item_ids.iter().find(|id| {
            document()
                .get_element_by_id(&item_anchor(id))
                .is_some_and(|element| element.get_bounding_client_rect().bottom() > 96.0)
        });
        if let Some(item_id) = current {
            crate::storage::save_reading_position(&section_id, item_id);
        }
    };
    let listener = window_event_listener_untyped("scrollend", {
        let save = save.clone();
        move |_| save()
    });
    on_cleanup(move || {
        save();
        listener.remove();
    });
}

fn scroll_to_item_after_render(item_id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&item_anchor(&item_id)) {
            element.scroll_into_view();
            let _ = element.class_list().add_1("targeted");
        }
    });
}

fn item_anchor(item_id: &str) -> String {
    format!("muc-{item_id}")
}

#[component]
fn SectionHeader(section: Section, origin: Option<&'static str>) -> impl IntoView {
    let read_section = section.kind == SectionKind::Text && !section.items.is_empty();
    let items = section.items.clone();
    let section_title = section.title.clone();
    let text = Callback::new(move |()| {
        std::iter::once(section_title.clone())
            .chain(items.iter().flat_map(|item| [item.title.clone(), item.plain_text()]))
            .collect::<Vec<_>>()
            .join("\n\n")
    });
    view! {
        {origin.map(|label| view! { <p class="badge origin">{label}</p> })}
        {section.note.map(|note| view! { <p class="card notice">{note}</p> })}
        {read_section.then(|| view! { <div class="section-actions"><ReadAloud id=format!("phan-{}", section.id) text=text label=t::READ_SECTION_ALOUD/></div> })}
    }
}

#[component]
fn ItemView(item: Item, next: Option<(Screen, String)>) -> impl IntoView {
    let store = use_store();
    let item_id = StoredValue::new(item.id.clone());
    let mark = move || store.mark(&item_id.get_value());
    let update_mark = move |apply: Box<dyn FnOnce(&mut HandbookMark)>| {
        let mut current = mark().unwrap_or_else(|| HandbookMark {
            item_id: item_id.get_value(),
            bookmarked: false,
            note: String::new(),
            updated_at: clock::now(),
        });
        apply(&mut current);
        store.save_mark(current);
    };
    let bookmarked = move || mark().is_some_and(|m| m.bookmarked);
    let share_text = format!("{}\n\n{}\n\n{}", item.title, item.plain_text(), dt::handbook::source_line(&item.source));
    let share_title = item.title.clone();
    let share_feedback = RwSignal::new(None::<&'static str>);
    let spoken = {
        let text = format!("{}. {}", item.title, item.plain_text());
        Callback::new(move |()| text.clone())
    };
    view! {
        <article class="card handbook-item" id=item_anchor(&item.id)>
            <h2>{item.title.clone()}</h2>
            {item.numbers.as_ref().map(|numbers| view! { <p class="hint item-numbers">{dt::handbook::numbers_line(numbers)}</p> })}
            <p class="badges">
                <span class=format!("badge status-{}", item.source.status.key())>{item.source.status.label()}</span>
                " "
                <span class=format!("badge check-{}", check_key(item.source.check_state()))>{dt::handbook::check_label(item.source.check_state())}</span>
            </p>
            <div class="item-body">{render_blocks(item.blocks())}</div>
            <p class="source">{dt::handbook::source_line(&item.source)}</p>
            {item.source.check.as_ref().map(|check| view! { <p class="hint check-line">{dt::handbook::check_line(check)}</p> })}
            {item.note.clone().map(|note| view! { <p class="hint item-note">{note}</p> })}
            <div class="item-actions">
                <button type="button" class="button small secondary" aria-pressed=move || if bookmarked() { "true" } else { "false" }
                    on:click=move |_| { let on = !bookmarked(); update_mark(Box::new(move |m| m.bookmarked = on)) }>
                    {move || if bookmarked() { t::BOOKMARKED } else { t::BOOKMARK }}
                </button>
                <button type="button" class="button small secondary" on:click=move |_| share_feedback.set(Some(share(&share_title, &share_text)))>
                    {t::SHARE}
                </button>
                <ReadAloud id=item.id.clone() text=spoken label=t::READ_ALOUD/>
            </div>
            {move || share_feedback.get().map(|message| view! { <p class="hint" role="status">{message}</p> })}
            <label class="field note-field">
                <span>{t::NOTE}</span>
                <textarea rows="3" prop:value=move || mark().map(|m| m.note).unwrap_or_default()
                    on:change=move |ev| { let note = event_target_value(&ev); update_mark(Box::new(move |m| m.note = note)) }></textarea>
                <small class="hint">{t::NOTE_HINT}</small>
            </label>
            {next.map(|(screen, title)| view! {
                <p class="next-item"><a href=screen.href()>{t::NEXT_ITEM}" "{title}</a></p>
            })}
        </article>
    }
}

/// The `check-…` class of a check state (its badge's colour).
pub fn check_key(state: CheckState) -> &'static str {
    match state {
        CheckState::Checked(outcome) => outcome.key(),
        CheckState::NotChecked => "not_checked",
    }
}

/// Sends a passage to the phone's share sheet, or copies it; what to tell the user.
fn share(title: &str, text: &str) -> &'static str {
    match crate::data::files::share_text(title, text) {
        TextShared::Shared => "",
        TextShared::Copied => t::COPIED,
        TextShared::Failed => t::SHARE_FAILED,
    }
}

/// The parsed markup as elements and text nodes.
pub fn render_blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading { level, content } => match level {
                1 => view! { <h3>{render_inline(content)}</h3> }.into_any(),
                2 => view! { <h4>{render_inline(content)}</h4> }.into_any(),
                _ => view! { <h5>{render_inline(content)}</h5> }.into_any(),
            },
            Block::Paragraph(content) => view! { <p>{render_inline(content)}</p> }.into_any(),
            Block::Quote(paragraphs) => view! {
                <blockquote>{paragraphs.into_iter().map(|p| view! { <p>{render_inline(p)}</p> }).collect_view()}</blockquote>
            }
            .into_any(),
            Block::BulletList(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{render_inline(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::NumberedList { start, items } => view! {
                <ol start=start.to_string()>{items.into_iter().map(|i| view! { <li>{render_inline(i)}</li> }).collect_view()}</ol>
            }
            .into_any(),
        })
        .collect_view()
}

fn render_inline(content: Vec<Inline>) -> AnyView {
    content
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(inner) => view! { <strong>{render_inline(inner)}</strong> }.into_any(),
            Inline::Emphasis(inner) => view! { <em>{render_inline(inner)}</em> }.into_any(),
            Inline::LineBreak => view! { <br/> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// The scoring frame, drawn from the same framework data the score sheet uses.
#[component]
fn FrameworksSection() -> impl IntoView {
    let frameworks = frameworks()
        .iter()
        .map(|framework| {
            let groups = framework.groups.iter().map(|group| view! {
                <tr class="group-row"><th scope="rowgroup">{group.id.clone()}". "{group.label.clone()}</th><th>{dt::decimal(group.max_points)}</th></tr>
                {group.criteria.iter().map(|criterion| view! {
                    <tr>
                        <td>{criterion.id.clone()}" "{criterion.label.clone()}
                            {(!criterion.hint.is_empty()).then(|| view! { <small class="hint">{criterion.hint.clone()}</small> })}</td>
                        <td>{dt::decimal(criterion.max_points)}</td>
                    </tr>
                }).collect_view()}
            }).collect_view();
            let thresholds = &framework.rating_thresholds;
            let rating_line = format!(
                "{} ≥ {}; {} ≥ {}; {} ≥ {}; {} < {}",
                dt::rating(sotay_domain::Rating::Tot), dt::decimal(thresholds.tot),
                dt::rating(sotay_domain::Rating::Kha), dt::decimal(thresholds.kha),
                dt::rating(sotay_domain::Rating::TrungBinh), dt::decimal(thresholds.trung_binh),
                dt::rating(sotay_domain::Rating::Kem), dt::decimal(thresholds.trung_binh),
            );
            view! {
                <article class="card framework" id=item_anchor(&framework_entry_id(&framework.id))>
                    <h2>{framework.name.clone()}</h2>
                    <ul class="provenance-list small">{dt::framework_provenance(framework).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <div class="table-scroll" tabindex="0">
                        <table class="framework-table">
                            <thead><tr><th scope="col">{crate::text::print::CRITERION}</th><th scope="col">{t::MAX_POINTS}</th></tr></thead>
                            <tbody>{groups}</tbody>
                        </table>
                    </div>
                    <p><strong>{t::THRESHOLDS}": "</strong>{rating_line}</p>
                    {(!framework.guards.is_empty()).then(|| view! {
                        <p><strong>{t::GUARDS}": "</strong></p>
                        <ul>{framework.guards.iter().map(|g| view! { <li>{g.note.clone()}</li> }).collect_view()}</ul>
                    })}
                </article>
            }
        })
        .collect_view();
    view! {
        <p class="hint">{t::FRAMEWORKS_INTRO}</p>
        {frameworks}
        <p class="hint">{crate::text::sheet::CHECK_SUPERIOR}</p>
    }
}
