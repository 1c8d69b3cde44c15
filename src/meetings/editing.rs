//! The meeting being edited, shared by the meeting's form (`editor`) and its live score
//! sheet (`sheet`) through context: every change goes through [`Editor::change`].

use leptos::prelude::*;
use sotay_domain::model::{Meeting, MeetingStatus, Member};

use crate::store::Store;
use crate::text::meeting as t;

/// The meeting being edited, and how every change reaches storage.
#[derive(Clone, Copy)]
pub struct Editor {
    pub meeting: RwSignal<Meeting>,
    pub store: Store,
    /// Set when the meeting was changed in another tab (adopted, or a change refused).
    pub elsewhere: RwSignal<Option<&'static str>>,
}

impl Editor {
    /// Applies a change and saves it at once (autosave). A change made on a copy that
    /// another tab has since replaced is not saved: the newer copy is shown instead.
    pub fn change(&self, apply: impl FnOnce(&mut Meeting)) {
        self.change_boxed(Box::new(apply));
    }

    /// The body of [`Editor::change`], compiled once instead of at each of its forty call
    /// sites (each a closure type of its own): the wasm is smaller by that much.
    #[inline(never)]
    fn change_boxed(&self, apply: Box<dyn FnOnce(&mut Meeting) + '_>) {
        let based_on = self.meeting.with_untracked(|m| m.updated_at);
        let mut changed = self.meeting.get_untracked();
        apply(&mut changed);
        match self.store.save_meeting_from(changed, based_on) {
            Ok(saved) => self.meeting.set(saved),
            Err(newer) => {
                self.meeting.set(newer.latest);
                self.elsewhere.set(Some(t::CHANGED_ELSEWHERE));
            }
        }
    }

    /// Takes the copy another tab saved, when it is newer than the one on screen.
    pub(super) fn follow_other_tabs(&self) {
        let editor = *self;
        Effect::new(move |_| {
            let id = editor.meeting.with_untracked(|m| m.id.clone());
            let stored = editor.store.meetings.with(|all| all.iter().find(|m| m.id == id).cloned());
            if let Some(stored) = stored {
                if stored.updated_at > editor.meeting.with_untracked(|m| m.updated_at) {
                    editor.meeting.set(stored);
                    editor.elsewhere.set(Some(t::UPDATED_ELSEWHERE));
                }
            }
        });
    }

    /// One part of the meeting as a memo. A control bound to it is set again only when that
    /// part changes: bound to the meeting itself, every checkbox and field of the form was set
    /// again at each tap (issue 31, a tap's time at 4× CPU). The reader is boxed so that each
    /// type of part compiles one memo, not one per call site.
    pub fn watch<T: Clone + PartialEq + Send + Sync + 'static>(&self, read: impl Fn(&Meeting) -> T + Send + Sync + 'static) -> Memo<T> {
        self.watch_boxed(Box::new(read))
    }

    fn watch_boxed<T: Clone + PartialEq + Send + Sync + 'static>(&self, read: Box<dyn Fn(&Meeting) -> T + Send + Sync>) -> Memo<T> {
        let meeting = self.meeting;
        Memo::new(move |_| meeting.with(|m| read(m)))
    }

    pub fn is_finalised(&self) -> bool {
        self.meeting.with(|m| m.status == MeetingStatus::Finalised)
    }

    /// The ids and names of [`Editor::roster`], as a memo: lists built from it are drawn again
    /// only when the roster or the meeting's date changes, not at every tap on the form.
    pub fn roster_names(&self) -> Memo<Vec<(String, String)>> {
        let editor = *self;
        Memo::new(move |_| editor.roster().into_iter().map(|member| (member.id, member.name)).collect())
    }

    /// Members expected on the meeting's date (joined and not yet left), by name.
    pub fn roster(&self) -> Vec<Member> {
        let date = self.meeting.with(|m| m.date);
        self.store.members.with(|members| members.iter().filter(|m| m.is_active_on(date)).cloned().collect())
    }
}
