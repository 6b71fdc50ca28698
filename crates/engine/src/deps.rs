//! The dependency graph: each unit's forward dependencies (from its config plus systemd's
//! default dependencies) and their inverses, kept in one place so both directions agree.

use std::collections::{BTreeSet, HashMap};

use linger_unit::model::{UnitConfig, UnitType};

/// All dependencies of one unit, forward and inverse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deps {
    /// `Requires=`
    pub requires: BTreeSet<String>,
    /// `Wants=`
    pub wants: BTreeSet<String>,
    /// `Requisite=`
    pub requisite: BTreeSet<String>,
    /// `BindsTo=`
    pub binds_to: BTreeSet<String>,
    /// `PartOf=`
    pub part_of: BTreeSet<String>,
    /// `Upholds=`
    pub upholds: BTreeSet<String>,
    /// `Conflicts=`
    pub conflicts: BTreeSet<String>,
    /// `After=`
    pub after: BTreeSet<String>,
    /// `Before=`
    pub before: BTreeSet<String>,
    /// `OnFailure=`
    pub on_failure: BTreeSet<String>,
    /// `OnSuccess=`
    pub on_success: BTreeSet<String>,
    /// Inverse of Requires=.
    pub required_by: BTreeSet<String>,
    /// Inverse of Wants=.
    pub wanted_by: BTreeSet<String>,
    /// Inverse of Requisite=.
    pub requisite_of: BTreeSet<String>,
    /// Inverse of BindsTo=.
    pub bound_by: BTreeSet<String>,
    /// Inverse of PartOf=.
    pub consists_of: BTreeSet<String>,
    /// Inverse of Upholds=.
    pub upheld_by: BTreeSet<String>,
    /// Inverse of Conflicts=.
    pub conflicted_by: BTreeSet<String>,
}

/// The graph over every loaded unit.
#[derive(Debug, Default)]
pub(crate) struct Graph {
    /// Boxed: `Deps` is 18 sets (432 bytes), and a hash table keeps ~1/2 of its slots
    /// empty after growing, so unboxed they cost ~0.4 KB more per unit (heaptrack, 500
    /// services).
    deps: HashMap<String, Box<Deps>>,
}

impl Graph {
    /// Dependencies of `unit` (empty when unknown).
    pub fn get(&self, unit: &str) -> Option<&Deps> {
        self.deps.get(unit).map(|d| &**d)
    }

    /// Rebuild everything from the configs (after daemon-reload or a new unit).
    pub fn rebuild<'a>(
        &mut self,
        configs: impl Iterator<Item = &'a UnitConfig>,
        resolve: &dyn Fn(&str) -> String,
    ) {
        self.deps.clear();
        let configs: Vec<&UnitConfig> = configs.collect();
        for cfg in &configs {
            self.deps.entry(cfg.id.clone()).or_default();
        }
        for cfg in &configs {
            let fwd = forward_deps(cfg, resolve);
            self.add_forward(&cfg.id, fwd);
        }
    }

    /// Add one newly loaded unit: its forward edges, their inverses, and the implicit
    /// target orderings it takes part in. `default_deps(name)` answers for loaded units.
    pub fn add_unit(
        &mut self,
        cfg: &UnitConfig,
        resolve: &dyn Fn(&str) -> String,
        default_deps: &dyn Fn(&str) -> Option<bool>,
    ) {
        self.deps.entry(cfg.id.clone()).or_default();
        let fwd = forward_deps(cfg, resolve);
        self.add_forward(&cfg.id, fwd);
        let d = self
            .deps
            .get(&cfg.id)
            .map(|d| (**d).clone())
            .unwrap_or_default();
        let mut extra = Vec::new();
        if cfg.unit_type == UnitType::Target && cfg.unit.default_dependencies {
            for o in d.wants.iter().chain(d.requires.iter()) {
                if default_deps(o) == Some(true) && !d.before.contains(o) {
                    extra.push((cfg.id.clone(), o.clone()));
                }
            }
        }
        if cfg.unit.default_dependencies {
            for t in d.wanted_by.iter().chain(d.required_by.iter()) {
                let is_target = t.ends_with(".target");
                if is_target && default_deps(t) == Some(true) && !d.after.contains(t) {
                    extra.push((t.clone(), cfg.id.clone()));
                }
            }
        }
        for (target, other) in extra {
            self.deps
                .entry(target.clone())
                .or_default()
                .after
                .insert(other.clone());
            self.deps.entry(other).or_default().before.insert(target);
        }
    }

    fn add_forward(&mut self, id: &str, fwd: Deps) {
        macro_rules! inverse {
            ($field:ident, $inv:ident) => {
                for other in &fwd.$field {
                    self.deps
                        .entry(other.clone())
                        .or_default()
                        .$inv
                        .insert(id.to_string());
                }
            };
        }
        inverse!(requires, required_by);
        inverse!(wants, wanted_by);
        inverse!(requisite, requisite_of);
        inverse!(binds_to, bound_by);
        inverse!(part_of, consists_of);
        inverse!(upholds, upheld_by);
        inverse!(conflicts, conflicted_by);
        // Ordering and conflicts are symmetric by nature.
        for other in &fwd.after {
            self.deps
                .entry(other.clone())
                .or_default()
                .before
                .insert(id.to_string());
        }
        for other in &fwd.before {
            self.deps
                .entry(other.clone())
                .or_default()
                .after
                .insert(id.to_string());
        }
        let entry = self.deps.entry(id.to_string()).or_default();
        entry.requires.extend(fwd.requires);
        entry.wants.extend(fwd.wants);
        entry.requisite.extend(fwd.requisite);
        entry.binds_to.extend(fwd.binds_to);
        entry.part_of.extend(fwd.part_of);
        entry.upholds.extend(fwd.upholds);
        entry.conflicts.extend(fwd.conflicts);
        entry.after.extend(fwd.after);
        entry.before.extend(fwd.before);
        entry.on_failure.extend(fwd.on_failure);
        entry.on_success.extend(fwd.on_success);
    }

    /// All units with an ordering edge to or from `unit`: (after, before).
    pub fn ordering(&self, unit: &str) -> (Vec<&str>, Vec<&str>) {
        match self.deps.get(unit) {
            Some(d) => (
                d.after.iter().map(String::as_str).collect(),
                d.before.iter().map(String::as_str).collect(),
            ),
            None => (Vec::new(), Vec::new()),
        }
    }
}

/// A unit's forward dependencies: its own settings plus the implicit and default ones that a
/// user manager adds (systemd.unit(5) "IMPLICIT DEPENDENCIES"/"DEFAULT DEPENDENCIES",
/// systemd.service(5), systemd.target(5)).
pub(crate) fn forward_deps(cfg: &UnitConfig, resolve: &dyn Fn(&str) -> String) -> Deps {
    let set = |v: &Vec<String>| -> BTreeSet<String> { v.iter().map(|n| resolve(n)).collect() };
    let u = &cfg.unit;
    let mut d = Deps {
        requires: set(&u.requires),
        wants: set(&u.wants),
        requisite: set(&u.requisite),
        binds_to: set(&u.binds_to),
        part_of: set(&u.part_of),
        upholds: set(&u.upholds),
        conflicts: set(&u.conflicts),
        after: set(&u.after),
        before: set(&u.before),
        on_failure: set(&u.on_failure),
        on_success: set(&u.on_success),
        ..Deps::default()
    };
    // BindsTo= implies Requires= semantics for starting.
    if u.default_dependencies {
        match cfg.unit_type {
            UnitType::Service | UnitType::Socket | UnitType::Timer | UnitType::Path => {
                // In a user manager: Conflicts=/Before=shutdown.target, and for services
                // After=basic.target. Timers, sockets and paths are ordered only after
                // sysinit.target, which exists only in the system manager: they start early,
                // before basic.target (which waits for timers.target and sockets.target).
                if cfg.unit_type == UnitType::Service {
                    d.after.insert("basic.target".into());
                }
                d.conflicts.insert("shutdown.target".into());
                d.before.insert("shutdown.target".into());
                if cfg.unit_type == UnitType::Timer {
                    d.before.insert("timers.target".into());
                }
                if cfg.unit_type == UnitType::Socket {
                    d.before.insert("sockets.target".into());
                }
            }
            UnitType::Target => {
                d.conflicts.insert("shutdown.target".into());
                d.before.insert("shutdown.target".into());
            }
            // Slices and scopes get none (the manager creates and removes their cgroups); the
            // other types are not units a user manager runs.
            UnitType::Slice
            | UnitType::Scope
            | UnitType::Mount
            | UnitType::Automount
            | UnitType::Swap
            | UnitType::Device => {}
        }
    }
    d.after.remove(&cfg.id);
    d.before.remove(&cfg.id);
    d.conflicts.remove(&cfg.id);
    d
}

/// Targets order themselves after what they pull in, unless that unit opted out of default
/// dependencies (systemd.target(5)). Applied once every config is known.
pub(crate) fn add_target_orderings<'a>(
    graph: &mut Graph,
    configs: impl Iterator<Item = &'a UnitConfig>,
    default_deps: &dyn Fn(&str) -> Option<bool>,
) {
    let mut extra: Vec<(String, String)> = Vec::new();
    for cfg in configs {
        if cfg.unit_type != UnitType::Target || !cfg.unit.default_dependencies {
            continue;
        }
        let Some(d) = graph.get(&cfg.id) else {
            continue;
        };
        for other in d.wants.iter().chain(d.requires.iter()) {
            let opted_out = default_deps(other) == Some(false);
            if !opted_out && !d.before.contains(other) {
                extra.push((cfg.id.clone(), other.clone()));
            }
        }
    }
    for (target, other) in extra {
        graph
            .deps
            .entry(target.clone())
            .or_default()
            .after
            .insert(other.clone());
        graph.deps.entry(other).or_default().before.insert(target);
    }
}
