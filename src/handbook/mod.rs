//! Sổ tay: the party member handbook — contents, as-you-type search without diacritics,
//! bookmarks and notes, the scoring frame rendered from the frameworks' data, and
//! committee content packs.

pub mod marks;
pub mod packs;
pub mod reader;
pub mod sources;
pub mod speech;

use std::sync::Arc;

use leptos::prelude::*;
use sotay_domain::handbook::{builtin, Handbook, Pack, SearchHit, DEFAULT_LIMIT};

use crate::router::Screen;
use crate::store::use_store;
use crate::text::handbook as t;
use crate::timing;
use crate::ui::PageTitle;

/// The effective handbook (built-in pack plus the committee's), built once and rebuilt only
/// when the committee pack changes; and the search box's text, kept across screens so the
/// back button returns to the same results.
#[derive(Clone, Copy)]
pub struct HandbookState {
    pub handbook: Memo<Arc<Handbook>>,
    pub query: RwSignal<String>,
    builtin: RwSignal<BuiltinPack>,
}

/// The built-in pack is a file of its own beside the app (`builtin-pack-<hash>.json`, named in
/// index.html by the post-build hook and precached by the service worker), read the first time
/// a handbook screen opens: its 100 KB of text are not part of the first load.
#[derive(Clone, Debug)]
enum BuiltinPack {
    Loading,
    Ready(Arc<Pack>),
    Failed,
}

/// Set up by the shell at start-up, filled by the first handbook screen: everything that parses,
/// merges and indexes the handbook then lives in the handbook's wasm module, not the main one.
#[derive(Clone, Copy)]
pub struct HandbookSlot {
    state: StoredValue<Option<HandbookState>>,
    owner: StoredValue<Owner>,
}

impl HandbookSlot {
    pub fn install() {
        let owner = Owner::current().unwrap_or_default();
        provide_context(HandbookSlot { state: StoredValue::new(None), owner: StoredValue::new(owner) });
    }
}

impl HandbookState {
    /// Made once, under the app's root owner, so it outlives the screen that first asked.
    fn create(store: crate::store::Store) -> HandbookState {
        let builtin = RwSignal::new(BuiltinPack::Loading);
        let handbook = Memo::new_with_compare(
            move |_| {
                // A committee framework loaded later is searchable too.
                store.custom_frameworks.track();
                let builtin = match builtin.get() {
                    BuiltinPack::Ready(pack) => pack,
                    BuiltinPack::Loading | BuiltinPack::Failed => Arc::new(builtin::empty_pack()),
                };
                Arc::new(store.committee_pack.with(|pack| effective_handbook(&builtin, pack.as_ref().map(|p| &p.pack))))
            },
            |old, new| match (old, new) {
                (Some(old), Some(new)) => !Arc::ptr_eq(old, new),
                _ => true,
            },
        );
        let state = HandbookState { handbook, query: RwSignal::new(String::new()), builtin };
        state.load_builtin();
        state
    }

    /// The built-in pack, once read (the authoring editor starts from it).
    pub fn builtin_pack(self) -> Option<Arc<Pack>> {
        match self.builtin.get_untracked() {
            BuiltinPack::Ready(pack) => Some(pack),
            BuiltinPack::Loading | BuiltinPack::Failed => None,
        }
    }

    fn load_builtin(self) {
        self.builtin.set(BuiltinPack::Loading);
        let builtin = self.builtin;
        leptos::task::spawn_local(async move {
            let pack = match builtin_pack_url() {
                Some(url) => crate::data::files::fetch_text(&url).await.and_then(|text| Pack::from_json(&text).ok()),
                None => None,
            };
            builtin.set(pack.map_or(BuiltinPack::Failed, |pack| BuiltinPack::Ready(Arc::new(pack))));
        });
    }
}

/// Where the built-in pack's file is: index.html's boot script names it (`data-handbook-pack`).
fn builtin_pack_url() -> Option<String> {
    use wasm_bindgen::JsCast;
    document().get_element_by_id("boot-script")?.dyn_into::<web_sys::HtmlElement>().ok()?.dataset().get("handbookPack")
}

/// The built-in pack with the stored committee pack (validated when read) over it, and
/// every framework the app scores with searchable in the scoring frame section.
fn effective_handbook(builtin: &Pack, committee: Option<&Pack>) -> Handbook {
    Handbook::resolve_with_frameworks(builtin, committee, &crate::store::frameworks())
}

/// The handbook, made on the first call.
pub fn use_handbook() -> HandbookState {
    let slot = expect_context::<HandbookSlot>();
    if let Some(state) = slot.state.get_value() {
        return state;
    }
    let store = use_store();
    let state = slot.owner.get_value().with(|| HandbookState::create(store));
    slot.state.set_value(Some(state));
    state
}

/// A handbook screen, built once the built-in pack has been read ("Đang mở…" until then; if the
/// file cannot be read, the message of a module that failed to load, with "Thử lại").
pub fn when_ready(build: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    use crate::text::lazy as lt;
    let state = use_handbook();
    (move || match state.builtin.get() {
        BuiltinPack::Ready(_) => build(),
        BuiltinPack::Loading => view! { <p class="lazy-loading" role="status">{lt::LOADING}</p> }.into_any(),
        BuiltinPack::Failed => crate::shell::lazy::failed_card(move || state.load_builtin()),
    })
    .into_any()
}

#[component]
pub fn HandbookScreen() -> impl IntoView {
    let state = use_handbook();
    let query = state.query;
    let searching = move || !query.with(|q| q.trim().is_empty());
    let hits = Memo::new(move |previous: Option<&Vec<SearchHit>>| {
        let text = query.get();
        if text.trim().is_empty() {
            // The results are hidden while the box is empty; keeping the last ones built lets
            // the next query's first letter update them in place instead of building ten cards.
            return previous.cloned().unwrap_or_default();
        }
        state.handbook.with(|handbook| timing::measured(timing::HANDBOOK_SEARCH, || handbook.search(&text, DEFAULT_LIMIT)))
    });
    view! {
        <PageTitle title=t::TITLE/>
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="field">
                <span>{t::SEARCH}</span>
                <input type="search" autocomplete="off" placeholder=t::SEARCH_EXAMPLE
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                <small class="hint">{t::SEARCH_HINT}</small>
            </label>
        </form>
        // Both stay built and only one is shown: building the contents again when the box
        // is cleared, or the results list on the first letter, cost a slow phone a frame.
        <div hidden=move || searching()><Contents/></div>
        <div hidden=move || !searching()><SearchResults hits=hits query=query/></div>
    }
}

#[component]
fn Contents() -> impl IntoView {
    let state = use_handbook();
    let store = use_store();
    let marks_count = move || store.marks.with(Vec::len);
    view! {
        <nav class="card" aria-label=t::CONTENTS>
            <h2>{t::CONTENTS}</h2>
            <ol class="contents">
                {move || state.handbook.with(|handbook| {
                    handbook.sections().iter().map(|section| view! {
                        <li><a href=Screen::HandbookSection(section.id.clone(), None).href()>{section.title.clone()}</a></li>
                    }).collect_view()
                })}
            </ol>
        </nav>
        <section class="actions">
            <a class="button secondary" href=Screen::HandbookMarks.href()>{t::MARKS}" ("{marks_count}")"</a>
            <a class="button secondary" href=Screen::HandbookPacks.href()>{t::PACKS}</a>
            <a class="button secondary" href=Screen::HandbookSources.href()>{t::SOURCES_TITLE}</a>
        </section>
    }
}

/// How many results are shown at first; the rest come on "Xem thêm". Fewer elements to build
/// on each keystroke keeps typing smooth on a slow phone, and ten cards already fill a few
/// screens.
const RESULTS_SHOWN_FIRST: usize = 10;

/// Result cards updated in the keystroke's own task: more than a phone's screen of them. The
/// others shown follow just after the next paint (for that one frame they still show the
/// previous query's results, below the fold), so a keystroke's work is split over two frames
/// on a slow phone instead of delaying the letter typed.
const RESULTS_AT_ONCE: usize = 5;

#[component]
fn SearchResults(hits: Memo<Vec<SearchHit>>, query: RwSignal<String>) -> impl IntoView {
    // "Xem thêm" shows the rest of the results of the query it was pressed for; any other
    // query starts again from its first results.
    let expanded_for = RwSignal::new(None::<String>);
    let shown = move || {
        let expanded = query.with(|query| expanded_for.with(|expanded| expanded.as_deref() == Some(query.as_str())));
        if expanded { usize::MAX } else { RESULTS_SHOWN_FIRST }
    };
    let hidden_count = move || hits.with(Vec::len).saturating_sub(shown());
    let later = RwSignal::new(Vec::<SearchHit>::new());
    Effect::new(move |_| {
        hits.track();
        crate::ui::after_next_paint(move || {
            if let Some(now) = hits.try_get_untracked() {
                let span = timing::begin(timing::HANDBOOK_LATER_RESULTS);
                later.try_set(now);
                set_timeout(move || span.end(), std::time::Duration::ZERO);
            }
        });
    });
    // Positions past the current results are never shown, even for that frame. A memo of the
    // count, not the hits themselves: the later cards are built again only when `later` or
    // how many are shown changes, not in every keystroke's task (where they would be built
    // again from the previous query's results, for nothing).
    let later_count = Memo::new(move |_| hits.with(Vec::len).min(shown()));
    let later_cards = move || {
        let count = later_count.get();
        later.with(|later| later.iter().take(count).skip(RESULTS_AT_ONCE).map(result_card).collect_view())
    };
    view! {
        <p class="hint" aria-live="polite">{move || hits.with(Vec::len)}" "{t::RESULTS}</p>
        <Show when=move || hits.with(Vec::is_empty)><p class="card">{t::NO_RESULTS}</p></Show>
        <ol class="results">
            {move || hits.with(|hits| hits.iter().take(shown().min(RESULTS_AT_ONCE)).map(result_card).collect_view())}
            {later_cards}
        </ol>
        <Show when=move || { hidden_count() > 0 }>
            <button type="button" class="button secondary" on:click=move |_| expanded_for.set(Some(query.get_untracked()))>
                {move || t::show_more_results(hidden_count())}
            </button>
        </Show>
    }
}

fn result_card(hit: &SearchHit) -> impl IntoView {
    let href = Screen::HandbookSection(hit.section_id.clone(), hit.item_id.clone()).href();
    view! {
        <li class="card result">
            <a href=href class="result-title">{highlighted(hit.title_segments())}</a>
            <p class="result-section">{hit.section_title.clone()}</p>
            <p class="snippet">{highlighted(hit.snippet_segments())}</p>
        </li>
    }
}

/// Text with the matched words marked; every piece is a text node, never HTML.
fn highlighted(segments: Vec<(&str, bool)>) -> impl IntoView {
    segments
        .into_iter()
        .map(|(text, hit)| {
            let text = text.to_owned();
            if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }
        })
        .collect_view()
}
