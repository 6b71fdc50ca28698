//! Subscribers to the manager's changes (the CLI's `--wait`s, the D-Bus front end's signals):
//! what each wants to hear, and what they were last told, so that each turn of the event loop
//! sends only what changed in it. Nothing is tracked while nobody listens.

use std::collections::{BTreeMap, BTreeSet};

use linger_engine::{Engine, Host, JobId, JobResult, JobType, UnitSource};
use linger_ipc::manager::{Change, SubscribeRequest};
use linger_wire::{ActiveState, SubState};
use tokio::sync::mpsc;

#[derive(Debug)]
struct Subscriber {
    /// Unit names asked for (as given: matched against ids and names); empty: all.
    units: BTreeSet<String>,
    tx: mpsc::Sender<Change>,
}

impl Subscriber {
    fn wants(&self, unit: &str) -> bool {
        self.units.is_empty() || self.units.contains(unit)
    }
}

/// Every subscriber and what they last heard.
#[derive(Debug, Default)]
pub struct Subscribers {
    list: Vec<Subscriber>,
    /// State last sent per unit.
    states: BTreeMap<String, (ActiveState, SubState)>,
    /// Jobs announced (JobNew sent) and not yet finished.
    jobs: BTreeMap<JobId, (String, JobType)>,
    /// Jobs that finished this turn.
    finished: Vec<(JobId, String, JobType, JobResult)>,
    /// Loaded units last seen.
    units: BTreeSet<String>,
    /// Changes of the manager itself this turn (reloads, unit files, start-up finished).
    manager: Vec<Change>,
}

impl Subscribers {
    /// Whether anyone listens.
    pub fn any(&self) -> bool {
        !self.list.is_empty()
    }

    /// Whether a connected subscriber asked for `unit` by name (it keeps a collected unit
    /// loaded: see collect.rs).
    pub fn follows(&self, unit: &str) -> bool {
        self.list
            .iter()
            .any(|s| s.units.contains(unit) && !s.tx.is_closed())
    }

    /// Add a subscriber; it hears of changes from the end of this turn on.
    pub fn add<H: Host, S: UnitSource>(
        &mut self,
        engine: &Engine<H, S>,
        filter: SubscribeRequest,
        tx: mpsc::Sender<Change>,
    ) {
        if self.list.is_empty() {
            // Start tracking from what is now.
            self.units = engine.units().map(|u| u.config.id.clone()).collect();
            self.states.clear();
            self.jobs = engine
                .jobs()
                .into_iter()
                .map(|(id, unit, t, _)| (id, (unit, t)))
                .collect();
        }
        let units = filter
            .units
            .iter()
            .flat_map(|n| [n.clone(), engine.resolve(n).unwrap_or(n).to_string()])
            .collect();
        self.list.push(Subscriber { units, tx });
    }

    /// A job finished (called for every finished job; kept only while someone listens).
    pub fn job_finished(&mut self, job: JobId, unit: &str, t: JobType, result: JobResult) {
        if self.any() {
            self.finished.push((job, unit.to_string(), t, result));
        }
    }

    /// A change of the manager itself, sent first at the end of the turn.
    pub fn manager_changed(&mut self, change: Change) {
        if self.any() {
            self.manager.push(change);
        }
    }

    /// The end of a turn: tell each subscriber what changed among `touched` units, the jobs
    /// and the loaded units (a pass over the units, made only while someone listens). A subscriber that is gone or too far behind is dropped.
    pub fn publish<H: Host, S: UnitSource>(
        &mut self,
        engine: &Engine<H, S>,
        touched: &BTreeSet<String>,
    ) {
        if !self.any() {
            return;
        }
        let mut out = std::mem::take(&mut self.manager);
        let loaded: BTreeSet<String> = engine.units().map(|u| u.config.id.clone()).collect();
        for u in loaded.difference(&self.units) {
            out.push(Change::UnitNew { unit: u.clone() });
        }
        for u in self.units.difference(&loaded) {
            out.push(Change::UnitRemoved { unit: u.clone() });
            self.states.remove(u);
        }
        self.units = loaded;
        // Jobs queued this turn (also those that already finished in it), in id order.
        let mut new_jobs: BTreeMap<JobId, (String, JobType)> = engine
            .jobs()
            .into_iter()
            .filter(|(id, ..)| !self.jobs.contains_key(id))
            .map(|(id, unit, t, _)| (id, (unit, t)))
            .collect();
        for (id, unit, t, _) in &self.finished {
            if !self.jobs.contains_key(id) {
                new_jobs.insert(*id, (unit.clone(), *t));
            }
        }
        for (id, (unit, t)) in new_jobs {
            out.push(Change::JobNew {
                job: id,
                unit: unit.clone(),
                job_type: t,
            });
            self.jobs.insert(id, (unit, t));
        }
        for u in touched {
            let Some(info) = engine.unit(u) else { continue };
            let now = (info.active_state(), info.sub_state().name());
            if self.states.get(u) != Some(&now) {
                self.states.insert(u.clone(), now);
                out.push(Change::UnitChanged {
                    unit: u.clone(),
                    active: now.0,
                    sub: now.1,
                });
            }
        }
        for (id, unit, t, result) in std::mem::take(&mut self.finished) {
            self.jobs.remove(&id);
            out.push(Change::JobRemoved {
                job: id,
                unit,
                job_type: t,
                result,
            });
        }
        if out.is_empty() {
            return;
        }
        self.list.retain(|s| {
            out.iter()
                .filter(|c| s.wants(c.unit()))
                .all(|c| s.tx.try_send(c.clone()).is_ok())
        });
    }
}
