//! The name map: every unit file name on the search path, what it is (file, mask, alias,
//! linked file), and resolving a requested name to its fragment.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use super::LoadContext;
use super::paths::in_search_path;
use crate::name::validate_alias_symlink;
use crate::settings::names::{instantiate, parse_name, template_of};

/// What a name on the search path is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// A regular unit file (an empty one masks: see [`Entry::is_masked`]).
    File,
    /// A symlink to /dev/null, or an empty file.
    Masked,
    /// A symlink to a file in a search-path directory: the name is an alias of this name.
    Alias(String),
    /// A symlink to a file outside the search path (`systemctl link`): read through the link.
    Linked,
}

/// One name on the search path (the highest-priority directory's entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The path in the search directory (for symlinks, the link itself).
    pub path: PathBuf,
    /// What it is.
    pub kind: EntryKind,
    /// Index of its directory in the search path (0 = highest priority).
    pub dir: usize,
}

impl Entry {
    /// Whether this entry masks its name: a link to /dev/null, or an empty file. The scan
    /// takes a regular file's type from the directory listing and does not look at its size
    /// (a statx per file on the search path); that is looked at here, when it matters.
    pub(crate) fn is_masked(&self) -> bool {
        match self.kind {
            EntryKind::Masked => true,
            EntryKind::File => std::fs::metadata(&self.path).is_ok_and(|m| m.len() == 0),
            EntryKind::Alias(_) | EntryKind::Linked => false,
        }
    }
}

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The unit's canonical name (alias target; instance of the template's target).
    pub id: String,
    /// The file to parse, if any.
    pub fragment: Option<PathBuf>,
    /// Masked (then `fragment` is the masking entry).
    pub masked: bool,
    /// From [`UnitIndex::resolve_for_load`]: `fragment` is a regular file whose size was not
    /// looked at; empty, it masks the unit (the loader sees that from what it reads).
    pub masked_if_empty: bool,
    /// Other names of the unit, sorted.
    pub aliases: Vec<String>,
}

/// A scan of the search path: unit names → entries. Build once with [`UnitIndex::scan`] and
/// reuse it for many lookups; rescan after files change (daemon-reload).
#[derive(Debug, Clone, Default)]
pub struct UnitIndex {
    pub(crate) search_path: Vec<PathBuf>,
    entries: BTreeMap<String, Entry>,
    /// The names among [`Self::entries`] that are alias links: finding a unit's aliases
    /// looks at these only, not at every entry (with 10,000 unit files, one pass over all of
    /// them per load made loading them all quadratic). Filled by [`Self::insert`].
    alias_names: BTreeSet<String>,
    /// The drop-in and dependency directories (`*.d`, `*.wants`, `*.requires`,
    /// `*.upholds`) that exist: loading a unit opens only these, not every candidate name
    /// in every search directory (which made 10,000 loads cost 300,000 failed opens).
    pub(crate) dropin_dirs: HashSet<PathBuf>,
    /// The file names of [`Self::dropin_dirs`]: a unit's candidate names are checked here
    /// once, not joined to every search directory (most units have no drop-in directory).
    pub(crate) dropin_names: HashSet<String>,
}

/// Suffixes of the directories [`UnitIndex::dropin_dirs`] records.
const DROPIN_DIR_SUFFIXES: [&str; 4] = [".d", ".wants", ".requires", ".upholds"];

impl UnitIndex {
    /// Read every directory of the context's search path (missing directories are skipped).
    pub fn scan(ctx: &LoadContext) -> UnitIndex {
        let mut index = UnitIndex {
            search_path: ctx.search_path.clone(),
            ..Default::default()
        };
        let mut dropin_dirs = HashSet::new();
        let mut dropin_names = HashSet::new();
        for (i, dir) in ctx.search_path.iter().enumerate() {
            let Ok(rd) = std::fs::read_dir(dir) else {
                continue;
            };
            // The listing's file types (d_type) spare a statx per regular file: its size
            // (empty masks) is looked at only when asked (`Entry::is_masked`).
            let mut names: Vec<(String, PathBuf, bool)> = Vec::new();
            for e in rd.flatten() {
                let Some(n) = e.file_name().to_str().map(str::to_string) else {
                    continue;
                };
                let p = e.path();
                if parse_name(&n).is_some() {
                    let regular = e.file_type().is_ok_and(|t| t.is_file());
                    names.push((n, p, regular));
                } else if DROPIN_DIR_SUFFIXES.iter().any(|s| n.ends_with(s)) && p.is_dir() {
                    dropin_dirs.insert(p);
                    dropin_names.insert(n);
                }
            }
            names.sort();
            for (name, path, regular) in names {
                if index.entries.contains_key(&name) {
                    continue;
                }
                let kind = if regular {
                    Some(EntryKind::File)
                } else {
                    classify(&name, &path, ctx)
                };
                if let Some(kind) = kind {
                    index.insert(name, Entry { path, kind, dir: i });
                }
            }
        }
        index.dropin_dirs = dropin_dirs;
        index.dropin_names = dropin_names;
        index
    }

    /// Record `entry` for `name` (the one way entries are added: [`Self::alias_names`]
    /// follows them).
    fn insert(&mut self, name: String, entry: Entry) {
        if matches!(entry.kind, EntryKind::Alias(_)) {
            self.alias_names.insert(name.clone());
        } else {
            self.alias_names.remove(&name);
        }
        self.entries.insert(name, entry);
    }

    /// An index of only what resolving `names` can touch, with fresh looks at the disk:
    /// each name, its template and the targets of the alias links met on the way, in every
    /// search directory (the first directory with a usable entry wins, as in [`Self::scan`]),
    /// and the drop-in directories (`dir_suffixes`, e.g. `.d`) of the names the unit resolves
    /// to and their dash prefixes and type-wide directories. Resolving any of `names` gives
    /// what a full scan gives, with one difference: only `names` are known as aliases (a full
    /// scan also finds links made since, under names nobody asked for). `status` of one unit
    /// among 10,000 unit files made 20,000 statx with a full scan; this makes a few dozen.
    pub fn of_names(
        ctx: &LoadContext,
        names: &[String],
        dir_suffixes: &[&str],
        probe: &mut SearchProbe,
    ) -> UnitIndex {
        let mut index = UnitIndex {
            search_path: ctx.search_path.clone(),
            ..Default::default()
        };
        let mut todo: Vec<String> = names.to_vec();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(name) = todo.pop() {
            // The bound: a loop of aliases ends here (resolve stops after 32 steps anyway).
            if seen.len() >= 256 || parse_name(&name).is_none() || !seen.insert(name.clone()) {
                continue;
            }
            todo.extend(template_of(&name));
            for (i, dir) in ctx.search_path.iter().enumerate() {
                if !probe.has(ctx, i, &name) {
                    continue;
                }
                let path = dir.join(&name);
                if let Some(kind) = classify(&name, &path, ctx) {
                    if let EntryKind::Alias(t) = &kind {
                        todo.push(t.clone());
                    }
                    index.insert(name, Entry { path, kind, dir: i });
                    break;
                }
            }
        }
        // The directory names the loader would look for (see dropins::find).
        let mut dir_names: Vec<String> = Vec::new();
        for name in names {
            let r = index.resolve(name);
            let Some(ty) = parse_name(&r.id).map(|p| p.unit_type) else {
                continue;
            };
            for n in super::all_names(&r.id, &r.aliases) {
                for suffix in dir_suffixes {
                    dir_names.extend(super::dropins::name_dirs(&n, suffix));
                }
            }
            for suffix in dir_suffixes {
                dir_names.push(format!("{}{suffix}", ty.as_str()));
            }
        }
        dir_names.sort();
        dir_names.dedup();
        for d in dir_names {
            for (i, dir) in ctx.search_path.iter().enumerate() {
                if !probe.has(ctx, i, &d) {
                    continue;
                }
                let path = dir.join(&d);
                if path.is_dir() {
                    index.dropin_dirs.insert(path);
                    index.dropin_names.insert(d.clone());
                }
            }
        }
        index
    }

    /// All unit names found, with the path of their entry (sorted by name).
    pub fn names(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.entries
            .iter()
            .map(|(n, e)| (n.as_str(), e.path.as_path()))
    }

    /// Follow alias symlinks from `name` to the final name and its entry.
    fn follow<'a>(&'a self, name: &str) -> (String, Option<&'a Entry>) {
        let mut cur = name.to_string();
        for _ in 0..32 {
            match self.entries.get(&cur) {
                Some(Entry {
                    kind: EntryKind::Alias(t),
                    ..
                }) => cur = t.clone(),
                other => return (cur, other),
            }
        }
        (cur, None)
    }

    /// Resolve a (non-template) unit name to its id, fragment and aliases.
    pub(crate) fn resolve(&self, name: &str) -> Resolved {
        let mut r = self.resolve_for_load(name);
        if r.masked_if_empty {
            r.masked = r
                .fragment
                .as_ref()
                .is_some_and(|p| std::fs::metadata(p).is_ok_and(|m| m.len() == 0));
            r.masked_if_empty = false;
        }
        r
    }

    /// [`Self::resolve`] without looking at the size of a regular fragment: the loader,
    /// which reads it anyway, takes an empty one as masking (`masked_if_empty`).
    pub(crate) fn resolve_for_load(&self, name: &str) -> Resolved {
        let (mut id, mut entry) = self.follow(name);
        // `foo@bar.service` → `foo@.service`: the instance keeps its instance string.
        if let (Some(t), Some(i)) = (parse_name(&id), parse_name(name).and_then(|p| p.instance))
            && t.instance == Some("")
            && !i.is_empty()
        {
            id = instantiate(&id, i).unwrap_or(id);
        }
        if entry.is_none() {
            // An instance without its own file uses its template (following template aliases).
            if let (Some(tmpl), Some(inst)) =
                (template_of(&id), parse_name(&id).and_then(|p| p.instance))
            {
                let (final_tmpl, tentry) = self.follow(&tmpl);
                if tentry.is_some() || final_tmpl != tmpl {
                    id = instantiate(&final_tmpl, inst).unwrap_or(id);
                    entry = tentry;
                }
            }
        }
        let masked = entry.is_some_and(|e| e.kind == EntryKind::Masked)
            || self
                .entries
                .get(name)
                .is_some_and(|e| e.kind == EntryKind::Masked);
        let masked_if_empty = !masked && entry.is_some_and(|e| e.kind == EntryKind::File);
        let fragment = entry.map(|e| e.path.clone());
        let mut aliases = self.aliases_of(&id);
        if name != id && !aliases.iter().any(|a| a == name) {
            aliases.push(name.to_string());
            aliases.sort();
        }
        Resolved {
            id,
            fragment,
            masked,
            masked_if_empty,
            aliases,
        }
    }

    /// Names whose alias symlinks lead to `id` (for instances, also template aliases).
    fn aliases_of(&self, id: &str) -> Vec<String> {
        let tmpl = template_of(id);
        let instance = parse_name(id).and_then(|p| p.instance.map(str::to_string));
        let mut out = Vec::new();
        for n in &self.alias_names {
            if n == id {
                continue;
            }
            let (target, _) = self.follow(n);
            if target == id {
                out.push(n.clone());
            } else if let (Some(t), Some(i)) = (&tmpl, &instance)
                && &target == t
                && let Some(a) = instantiate(n, i)
                && a != id
            {
                out.push(a);
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The entry for exactly `name`, if any.
    pub(crate) fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.get(name)
    }
}

/// How [`UnitIndex::of_names`] finds out whether a search directory has an entry of some
/// name: by looking at that one path (for a few names: a unit among thousands of files), or
/// from one listing of each directory, names only (for many names: one status of 500 units).
/// Either way the answer is the same fact; a probe is meant for one call (it does not see
/// what changes after it looked).
#[derive(Debug)]
pub struct SearchProbe {
    /// Per search directory: whether it exists (looked at once, on first use).
    dirs: Vec<Option<bool>>,
    /// Per search directory, when listing: the names in it (`None` until listed).
    listings: Option<Vec<Option<HashSet<String>>>>,
}

impl SearchProbe {
    /// Looks at each candidate path itself.
    pub fn direct() -> Self {
        SearchProbe {
            dirs: Vec::new(),
            listings: None,
        }
    }

    /// Lists each search directory once.
    pub fn listing() -> Self {
        SearchProbe {
            dirs: Vec::new(),
            listings: Some(Vec::new()),
        }
    }

    /// Whether search directory `i` of `ctx` may have an entry `name` (true when unsure:
    /// the caller classifies the path itself).
    fn has(&mut self, ctx: &LoadContext, i: usize, name: &str) -> bool {
        let Some(dir) = ctx.search_path.get(i) else {
            return false;
        };
        if let Some(listings) = &mut self.listings {
            if listings.len() <= i {
                listings.resize_with(i + 1, || None);
            }
            let names = listings[i].get_or_insert_with(|| match std::fs::read_dir(dir) {
                Ok(rd) => rd
                    .flatten()
                    .filter_map(|e| e.file_name().into_string().ok())
                    .collect(),
                Err(_) => HashSet::new(),
            });
            return names.contains(name);
        }
        if self.dirs.len() <= i {
            self.dirs.resize(i + 1, None);
        }
        *self.dirs[i].get_or_insert_with(|| dir.is_dir())
    }
}

/// Decide what a directory entry named `name` at `path` is; None if it is nothing usable.
fn classify(name: &str, path: &Path, ctx: &LoadContext) -> Option<EntryKind> {
    let search_path = &ctx.search_path;
    let meta = std::fs::symlink_metadata(path).ok()?;
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(path).ok()?;
        let abs = if target.is_absolute() {
            ctx.rooted(&target)
        } else {
            path.parent()?.join(target)
        };
        if abs == Path::new("/dev/null")
            || std::fs::canonicalize(&abs).is_ok_and(|c| c == Path::new("/dev/null"))
        {
            return Some(EntryKind::Masked);
        }
        let target_name = abs.file_name()?.to_str()?.to_string();
        let target_dir = abs.parent()?;
        if target_name != name
            && parse_name(&target_name).is_some()
            && in_search_path(search_path, target_dir)
        {
            // systemd skips alias links it considers invalid (type change, slice alias, …).
            return validate_alias_symlink(name, &target_name)
                .is_ok()
                .then_some(EntryKind::Alias(target_name));
        }
        // Linked: the file must be readable through the link (inside the root).
        let target_meta = std::fs::metadata(if ctx.root.is_some() { &abs } else { path }).ok()?;
        if !target_meta.is_file() {
            return None;
        }
        return Some(if target_meta.len() == 0 {
            EntryKind::Masked
        } else {
            EntryKind::Linked
        });
    }
    if !meta.is_file() {
        return None;
    }
    Some(if meta.len() == 0 {
        EntryKind::Masked
    } else {
        EntryKind::File
    })
}
