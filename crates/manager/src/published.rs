//! The states of the loaded units as the manager's last turn left them, published for front
//! ends that answer a state read without a turn of the event loop (the D-Bus front end's
//! `GetUnit` and `Get(…ActiveState)`: a round trip through the loop costs more than the read).
//!
//! The engine stays the one owner of unit state: only `Manager::end_turn` writes here, from
//! the engine, for exactly the units whose state or presence the turn may have changed (the
//! engine's touched and reloaded sets), before the loop yields — so before any reply or
//! change of that turn reaches a client: one that saw a `JobRemoved` or a reply reads the
//! state that came with it. Readers get
//! copies of three words, never a way to change them. Debug builds check after every turn that
//! the view is what a full read of the engine gives (up to [`CHECKED_UP_TO`] units).

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, RwLock};

use linger_engine::{Engine, Host, UnitInfo, UnitSource};

/// Debug builds compare the view with the engine after every turn up to this many units.
const CHECKED_UP_TO: usize = 1000;

/// A loaded unit's states (`LoadState`, `ActiveState`, `SubState` as systemd spells them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitState {
    /// `loaded`, `not-found`, `masked`, …
    pub load: &'static str,
    /// `active`, `inactive`, `failed`, …
    pub active: &'static str,
    /// The type's sub-state (`running`, `dead`, `listening`, …).
    pub sub: &'static str,
}

impl UnitState {
    fn of(u: &UnitInfo) -> UnitState {
        UnitState {
            load: u.config.load_state.as_str(),
            active: u.active_state().as_str(),
            sub: u.sub_state().as_str(),
        }
    }
}

/// The published view (cheap to clone; every clone sees the same view).
#[derive(Debug, Clone)]
pub struct PublishedStates {
    view: Arc<RwLock<HashMap<String, UnitState>>>,
    /// Marked after each turn that changed the view: a front end that waits for one unit's
    /// state (the D-Bus front end, dormant until the session bus runs) looks again then,
    /// without subscribing to the manager's changes (a subscriber makes every turn track all
    /// units).
    changed: Arc<tokio::sync::watch::Sender<()>>,
}

impl Default for PublishedStates {
    fn default() -> Self {
        PublishedStates {
            view: Arc::default(),
            changed: Arc::new(tokio::sync::watch::Sender::new(())),
        }
    }
}

impl PublishedStates {
    /// The states of the unit whose id is `id` at the end of the last turn; None when no
    /// unit has that id (not loaded, or `id` is an alias: ask the manager).
    pub fn get(&self, id: &str) -> Option<UnitState> {
        self.view.read().ok()?.get(id).copied()
    }

    /// Marked changed after each turn that changed the view (a unit's states, or which units
    /// are loaded); what changed is read with [`PublishedStates::get`].
    pub fn changes(&self) -> tokio::sync::watch::Receiver<()> {
        self.changed.subscribe()
    }

    /// Bring the view up to date with `engine` for the units in `changed`.
    pub(crate) fn publish<H: Host, S: UnitSource>(
        &self,
        engine: &Engine<H, S>,
        changed: &BTreeSet<String>,
    ) {
        if changed.is_empty() {
            return;
        }
        let Ok(mut view) = self.view.write() else {
            return;
        };
        for id in changed {
            match engine.unit(id) {
                Some(u) => {
                    let state = UnitState::of(u);
                    match view.get_mut(id) {
                        Some(s) => *s = state,
                        None => {
                            view.insert(id.clone(), state);
                        }
                    }
                }
                None => {
                    view.remove(id);
                }
            }
        }
        // The check reads every unit: skipped in large managers (the 10,000-unit tests).
        if cfg!(debug_assertions) && view.len() <= CHECKED_UP_TO {
            let full: HashMap<String, UnitState> = engine
                .units()
                .map(|u| (u.config.id.clone(), UnitState::of(u)))
                .collect();
            assert_eq!(
                *view, full,
                "the published unit states differ from the engine's"
            );
        }
        drop(view);
        self.changed.send_replace(());
    }
}
