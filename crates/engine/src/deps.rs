//! The dependency graph: each unit's forward dependencies (from its config plus systemd's
//! default dependencies) and their inverses, kept in one place so both directions agree.

use std::collections::HashMap;

use linger_unit::model::{UnitConfig, UnitType};

/// A set of unit names, kept sorted (iteration in name order, as a `BTreeSet`) in one vector.
/// Most of a unit's dependency lists hold zero to two names: a vector of one is 24 bytes
/// where a B-tree's first leaf is ~290 (~0.7 KB per service with the default dependencies,
/// heaptrack, 500 services). The inverse lists of the common targets grow long; names are
/// mostly added in order (loading and reloading go through units by name), so an insert is an
/// append then. Most of a unit's 18 lists are empty: an empty set is one null pointer (8
/// bytes, not a vector's 24), so a unit's [`Deps`] is 144 bytes, not 432.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
// The box is the point: a thin pointer (8 bytes) where an empty vector is 24.
#[allow(clippy::box_collection)]
pub struct NameSet(Option<Box<Vec<String>>>);

impl NameSet {
    fn names(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Adds `name`; false if it was there.
    pub fn insert(&mut self, name: String) -> bool {
        let v = self
            .0
            .get_or_insert_with(|| Box::new(Vec::with_capacity(1)));
        // The common case first: a name after the last one.
        let at = match v.last() {
            Some(last) if last.as_str() < name.as_str() => v.len(),
            None => 0,
            Some(_) => match v.binary_search(&name) {
                Ok(_) => return false,
                Err(at) => at,
            },
        };
        if v.len() == v.capacity() && v.len() < 4 {
            // Grow by one while short: most sets stay at one or two names.
            v.reserve_exact(1);
        }
        v.insert(at, name);
        true
    }

    /// Whether `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        self.names()
            .binary_search_by(|n| n.as_str().cmp(name))
            .is_ok()
    }

    /// Removes `name`; false if it was not there.
    pub fn remove(&mut self, name: &str) -> bool {
        let Some(v) = self.0.as_mut() else {
            return false;
        };
        match v.binary_search_by(|n| n.as_str().cmp(name)) {
            Ok(at) => {
                v.remove(at);
                if v.is_empty() {
                    // Empty is always the null pointer (equality compares by it).
                    self.0 = None;
                }
                true
            }
            Err(_) => false,
        }
    }

    /// The names, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.names().iter()
    }

    /// How many names.
    pub fn len(&self) -> usize {
        self.names().len()
    }

    /// Whether it holds no name.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl Extend<String> for NameSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for n in names {
            self.insert(n);
        }
    }
}

impl FromIterator<String> for NameSet {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Self {
        let mut v: Vec<String> = names.into_iter().collect();
        if v.is_empty() {
            return NameSet(None);
        }
        v.sort_unstable();
        v.dedup();
        v.shrink_to_fit();
        NameSet(Some(Box::new(v)))
    }
}

impl IntoIterator for NameSet {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.map(|v| *v).unwrap_or_default().into_iter()
    }
}

impl<'a> IntoIterator for &'a NameSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// All dependencies of one unit, forward and inverse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deps {
    /// `Requires=`
    pub requires: NameSet,
    /// `Wants=`
    pub wants: NameSet,
    /// `Requisite=`
    pub requisite: NameSet,
    /// `BindsTo=`
    pub binds_to: NameSet,
    /// `PartOf=`
    pub part_of: NameSet,
    /// `Upholds=`
    pub upholds: NameSet,
    /// `Conflicts=`
    pub conflicts: NameSet,
    /// `After=`
    pub after: NameSet,
    /// `Before=`
    pub before: NameSet,
    /// `OnFailure=`
    pub on_failure: NameSet,
    /// `OnSuccess=`
    pub on_success: NameSet,
    /// Inverse of Requires=.
    pub required_by: NameSet,
    /// Inverse of Wants=.
    pub wanted_by: NameSet,
    /// Inverse of Requisite=.
    pub requisite_of: NameSet,
    /// Inverse of BindsTo=.
    pub bound_by: NameSet,
    /// Inverse of PartOf=.
    pub consists_of: NameSet,
    /// Inverse of Upholds=.
    pub upheld_by: NameSet,
    /// Inverse of Conflicts=.
    pub conflicted_by: NameSet,
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
    let set = |v: &Vec<String>| -> NameSet { v.iter().map(|n| resolve(n)).collect() };
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

#[cfg(test)]
mod tests {
    use super::NameSet;
    use std::collections::BTreeSet;

    /// Whatever the order of inserts and removes, a `NameSet` holds and lists what a
    /// `BTreeSet` would, and answers the same.
    #[test]
    fn a_name_set_behaves_as_a_btreeset() {
        let ops: &[(&str, bool)] = &[
            ("b.service", true),
            ("d.service", true),
            ("a.service", true),
            ("d.service", true),
            ("c.service", true),
            ("b.service", false),
            ("e.service", true),
            ("b.service", true),
            ("a.service", false),
            ("zz.target", true),
            ("a.service", false),
        ];
        let mut set = NameSet::default();
        let mut oracle = BTreeSet::new();
        for &(name, add) in ops {
            if add {
                assert_eq!(
                    set.insert(name.to_string()),
                    oracle.insert(name.to_string())
                );
            } else {
                assert_eq!(set.remove(name), oracle.remove(name));
            }
            assert!(set.iter().eq(oracle.iter()), "{set:?} vs {oracle:?}");
            assert_eq!(set.len(), oracle.len());
            for probe in ["a.service", "b.service", "c.service", "y", ""] {
                assert_eq!(set.contains(probe), oracle.contains(probe), "{probe}");
            }
        }
        let collected: NameSet = ["x", "a", "x", "m"].iter().map(|s| s.to_string()).collect();
        assert_eq!(collected.iter().collect::<Vec<_>>(), ["a", "m", "x"]);
        let mut extended = NameSet::default();
        extended.extend(collected.clone());
        extended.extend(["b".to_string()]);
        assert_eq!(
            extended.into_iter().collect::<Vec<_>>(),
            ["a", "b", "m", "x"]
        );
        assert!(NameSet::default().is_empty());
    }

    /// A set emptied again equals a new one (equality looks at the null pointer), and empty
    /// sets cost no allocation: a unit's 18 lists fit in 144 bytes.
    #[test]
    fn an_emptied_name_set_is_the_empty_set() {
        let mut set = NameSet::default();
        assert!(set.insert("a.service".into()));
        assert!(!set.is_empty());
        assert_ne!(set, NameSet::default());
        assert!(!set.remove("b.service"));
        assert!(set.remove("a.service"));
        assert!(set.is_empty());
        assert_eq!(set.len(), 0);
        assert_eq!(set, NameSet::default());
        assert!(!set.remove("a.service"));
        let none: NameSet = std::iter::empty().collect();
        assert_eq!(none, NameSet::default());
        assert_eq!(std::mem::size_of::<NameSet>(), 8);
        assert_eq!(std::mem::size_of::<super::Deps>(), 18 * 8);
    }
}
