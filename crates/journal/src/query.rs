//! What to show: matches, units, priorities, time range, grep, boots, cursors, `-n`.
//!
//! Matching follows journalctl: matches on the same field are OR'ed, on different fields
//! AND'ed, and `+` separates alternatives; `-u` patterns (globs allowed) match the user-unit
//! fields; `-p` keeps entries whose `PRIORITY` is in the range.

use std::collections::HashSet;
use std::sync::Arc;

use regex::bytes::{Regex, RegexBuilder};

use crate::entry::{fields, parse_id128, parse_priority_value, priority, valid_field_name};
use crate::error::{Error, Result};
use crate::glob::{glob_match, is_glob};
use crate::store::dict::Dict;
use crate::store::format::LIT_UNIT;

/// A boot selection (`-b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BootSel {
    /// `0`/empty: the newest boot in the journal; `-1`: the one before; `1`: the oldest.
    Offset(i64),
    /// A boot id, optionally with an offset from it.
    Id([u8; 16], i64),
}

/// A query. `Default` shows everything, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// `FIELD=value` matches and `+` separators, as journalctl's positional arguments.
    pub matches: Vec<String>,
    /// User-unit patterns (`-u`); globs allowed; a name without a unit suffix gets `.service`.
    pub units: Vec<String>,
    /// Inclusive priority range (`-p err` is `(0, 3)`).
    pub priority: Option<(u8, u8)>,
    /// Only entries at or after this wall-clock time (µs).
    pub since: Option<u64>,
    /// Only entries at or before this wall-clock time (µs).
    pub until: Option<u64>,
    /// Regular expression matched against `MESSAGE`.
    pub grep: Option<String>,
    /// `None`: smart case (case-insensitive when the pattern has no upper-case letter).
    pub case_sensitive: Option<bool>,
    /// Show only the last N entries (`-n`).
    pub lines: Option<usize>,
    /// Newest first (`-r`).
    pub reverse: bool,
    /// Only one boot (`-b`).
    pub boot: Option<BootSel>,
    /// Start at this cursor, inclusive (`--cursor`).
    pub cursor: Option<String>,
    /// Start after this cursor (`--after-cursor`).
    pub after_cursor: Option<String>,
}

/// Parses `-p`: a name or number, or `FROM..TO`; a single value means "that and more
/// important" (`err` → 0..=3).
pub fn parse_priority(s: &str) -> Result<(u8, u8)> {
    let one = |t: &str| -> Result<u8> {
        let t = t.trim();
        if let Some(p) = parse_priority_value(t.as_bytes()) {
            return Ok(p);
        }
        priority::NAMES
            .iter()
            .position(|n| n.eq_ignore_ascii_case(t))
            .map(|p| p as u8)
            .ok_or_else(|| Error::BadPriority(s.to_owned()))
    };
    match s.split_once("..") {
        Some((a, b)) => {
            let lo = if a.is_empty() { 0 } else { one(a)? };
            let hi = if b.is_empty() { 7 } else { one(b)? };
            Ok((lo.min(hi), lo.max(hi)))
        }
        None => Ok((0, one(s)?)),
    }
}

/// Parses `-b` arguments: empty, an offset (`-1`, `0`, `2`), or a boot id with an optional
/// offset (`ID`, `ID-1`).
pub fn parse_boot(s: &str) -> Result<BootSel> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(BootSel::Offset(0));
    }
    if let Ok(n) = t.parse::<i64>() {
        return Ok(BootSel::Offset(n));
    }
    if t.len() >= 32
        && let Some(id) = parse_id128(&t[..32])
    {
        let rest = &t[32..];
        let off = if rest.is_empty() {
            0
        } else {
            rest.parse::<i64>()
                .map_err(|_| Error::BadBoot(s.to_owned()))?
        };
        return Ok(BootSel::Id(id, off));
    }
    Err(Error::BadBoot(s.to_owned()))
}

/// Completes a unit name as journalctl does: no suffix means `.service`; globs stay.
pub fn mangle_unit(name: &str) -> String {
    const TYPES: [&str; 11] = [
        "service",
        "socket",
        "target",
        "timer",
        "path",
        "mount",
        "automount",
        "swap",
        "slice",
        "scope",
        "device",
    ];
    if is_glob(name) {
        return name.to_owned();
    }
    match name.rsplit_once('.') {
        Some((_, suffix)) if TYPES.contains(&suffix) => name.to_owned(),
        _ => format!("{name}.service"),
    }
}

/// What a group's values must satisfy.
#[derive(Debug, Clone)]
pub(crate) enum Pred {
    Values(Vec<Vec<u8>>),
    /// `-u` patterns: names compared whole (a set: `systemctl status` of 10,000 units asks
    /// for them all at once), globs matched one by one.
    Units {
        names: HashSet<Vec<u8>>,
        globs: Vec<Vec<u8>>,
    },
    Priority(u8, u8),
}

impl Pred {
    fn test(&self, v: &[u8]) -> bool {
        match self {
            Pred::Values(vals) => vals.iter().any(|x| x == v),
            Pred::Units { names, globs } => {
                names.contains(v) || globs.iter().any(|p| glob_match(p, v))
            }
            Pred::Priority(lo, hi) => parse_priority_value(v).is_some_and(|p| *lo <= p && p <= *hi),
        }
    }
}

/// "One of `names` has a value satisfying `pred`".
#[derive(Debug, Clone)]
pub(crate) struct Group {
    names: Vec<String>,
    pred: Pred,
}

/// A query compiled independently of any segment.
#[derive(Debug)]
pub(crate) struct Filter {
    required: Vec<Group>,
    alternatives: Vec<Vec<Group>>,
    pub grep: Option<Regex>,
}

impl Filter {
    pub(crate) fn new(q: &Query) -> Result<Filter> {
        let mut required = Vec::new();
        if !q.units.is_empty() {
            let (mut names, mut globs) = (HashSet::new(), Vec::new());
            for u in &q.units {
                let pattern = mangle_unit(u).into_bytes();
                if is_glob(u) {
                    globs.push(pattern);
                } else {
                    names.insert(pattern);
                }
            }
            required.push(Group {
                names: fields::UNIT_MATCH_FIELDS
                    .iter()
                    .map(|s| (*s).to_owned())
                    .collect(),
                pred: Pred::Units { names, globs },
            });
        }
        if let Some((lo, hi)) = q.priority {
            required.push(Group {
                names: vec![fields::PRIORITY.to_owned()],
                pred: Pred::Priority(lo, hi),
            });
        }
        let mut alternatives: Vec<Vec<Group>> = Vec::new();
        let mut cur: Vec<Group> = Vec::new();
        for m in &q.matches {
            if m == "+" {
                if cur.is_empty() {
                    return Err(Error::BadMatch(m.clone()));
                }
                alternatives.push(std::mem::take(&mut cur));
                continue;
            }
            let (name, value) = m
                .split_once('=')
                .ok_or_else(|| Error::BadMatch(m.clone()))?;
            if !valid_field_name(name) {
                return Err(Error::BadMatch(m.clone()));
            }
            match cur.iter_mut().find(|g| g.names[0] == name) {
                Some(Group {
                    pred: Pred::Values(v),
                    ..
                }) => v.push(value.as_bytes().to_vec()),
                _ => cur.push(Group {
                    names: vec![name.to_owned()],
                    pred: Pred::Values(vec![value.as_bytes().to_vec()]),
                }),
            }
        }
        if !cur.is_empty() {
            alternatives.push(cur);
        } else if !alternatives.is_empty() {
            return Err(Error::BadMatch("+".into()));
        }
        let grep = match &q.grep {
            Some(p) => {
                let insensitive = match q.case_sensitive {
                    Some(cs) => !cs,
                    None => !p.chars().any(char::is_uppercase),
                };
                Some(
                    RegexBuilder::new(p)
                        .case_insensitive(insensitive)
                        .build()
                        .map_err(|e| Error::BadRegex {
                            pattern: p.clone(),
                            source: Box::new(e),
                        })?,
                )
            }
            None => None,
        };
        Ok(Filter {
            required,
            alternatives,
            grep,
        })
    }

    /// Specializes the filter to one segment's dictionary. With a dictionary table, `-u`'s
    /// names are looked up by their checksums and contexts tested as entries come (the
    /// dictionary is not read whole); any other match reads it whole first.
    pub(crate) fn for_segment(&self, dict: &Arc<Dict>) -> SegFilter {
        let all = || {
            self.required
                .iter()
                .chain(self.alternatives.iter().flatten())
        };
        let by_keys = dict.is_lazy()
            && all().all(|g| matches!(&g.pred, Pred::Units { globs, .. } if globs.is_empty()));
        let empty = Dict::default();
        let whole: &Dict = if by_keys {
            dict
        } else {
            dict.full().unwrap_or(&empty)
        };
        let mut unit_keys = None;
        let mut compile = |g: &Group| {
            let name_ids: Vec<u32> = g.names.iter().filter_map(|n| whole.name_id(n)).collect();
            if by_keys && let Pred::Units { names, .. } = &g.pred {
                let keys = dict.unit_pairs_of(names);
                if unit_keys.is_none() {
                    let mut k = keys.clone();
                    k.push(LIT_UNIT);
                    unit_keys = Some(k);
                }
                return SegGroup {
                    name_ids,
                    sat: Sat::Keys {
                        keys,
                        dict: Arc::clone(dict),
                    },
                    pred: g.pred.clone(),
                };
            }
            let pair_ok: Vec<bool> = whole
                .pairs()
                .map(|(n, v)| name_ids.contains(&n) && g.pred.test(v))
                .collect();
            if matches!(g.pred, Pred::Units { .. }) && unit_keys.is_none() {
                // The unit index's keys that can hold a match: the pairs that match, and
                // "a unit field held literally".
                let mut keys: Vec<u32> = (0..pair_ok.len() as u32)
                    .filter(|&p| pair_ok[p as usize])
                    .collect();
                keys.push(LIT_UNIT);
                unit_keys = Some(keys);
            }
            let ctx_sat = whole
                .ctxs()
                .map(|c| c.iter().any(|&p| pair_ok[p as usize]))
                .collect();
            SegGroup {
                name_ids,
                sat: Sat::Ctx(ctx_sat),
                pred: g.pred.clone(),
            }
        };
        let required = self.required.iter().map(&mut compile).collect();
        let alternatives = self
            .alternatives
            .iter()
            .map(|alt| alt.iter().map(&mut compile).collect())
            .collect();
        SegFilter {
            required,
            alternatives,
            unit_keys,
        }
    }
}

/// Which contexts satisfy a group.
#[derive(Debug)]
enum Sat {
    /// Per context id (a dictionary read whole).
    Ctx(Vec<bool>),
    /// Those holding one of these pairs (sorted), asked of the dictionary as entries come.
    Keys { keys: Vec<u32>, dict: Arc<Dict> },
}

#[derive(Debug)]
pub(crate) struct SegGroup {
    name_ids: Vec<u32>,
    sat: Sat,
    pred: Pred,
}

impl SegGroup {
    fn possible(&self) -> bool {
        !self.name_ids.is_empty()
    }

    /// True when context `c` satisfies the group.
    #[inline]
    fn ctx_sat(&self, c: u32) -> bool {
        match &self.sat {
            Sat::Ctx(v) => v.get(c as usize).copied().unwrap_or(false),
            Sat::Keys { keys, dict } => dict.ctx_holds(c, keys),
        }
    }

    /// True when context `c` may satisfy the group (without reading the dictionary).
    fn ctx_may(&self, c: u32) -> bool {
        match &self.sat {
            Sat::Ctx(v) => v.get(c as usize).copied().unwrap_or(false),
            Sat::Keys { keys, dict } => dict.ctx_may_hold(c, keys),
        }
    }

    fn possible_in_block(&self, ctxs: Option<&[u32]>, lit_names: Option<&[u32]>) -> bool {
        match (ctxs, lit_names) {
            (Some(c), Some(l)) => {
                c.iter().any(|&c| self.ctx_may(c)) || l.iter().any(|n| self.name_ids.contains(n))
            }
            _ => true,
        }
    }

    #[inline]
    fn test<'a>(&self, ctx: u32, mut lits: impl Iterator<Item = (u32, &'a [u8])>) -> bool {
        if self.ctx_sat(ctx) {
            return true;
        }
        lits.any(|(n, v)| self.name_ids.contains(&n) && self.pred.test(v))
    }
}

/// A filter specialized to one segment.
#[derive(Debug)]
pub(crate) struct SegFilter {
    required: Vec<SegGroup>,
    alternatives: Vec<Vec<SegGroup>>,
    /// With `-u`: the unit-index keys (sorted) of which every matching entry's block holds
    /// one (see `store::format`); a walk may skip the blocks that hold none.
    pub unit_keys: Option<Vec<u32>>,
}

impl SegFilter {
    /// False when no entry of the segment can match.
    pub(crate) fn possible(&self) -> bool {
        self.required.iter().all(SegGroup::possible)
            && (self.alternatives.is_empty()
                || self
                    .alternatives
                    .iter()
                    .any(|a| a.iter().all(SegGroup::possible)))
    }

    /// False when no entry of a block with this summary can match.
    pub(crate) fn possible_in_block(&self, ctxs: Option<&[u32]>, lits: Option<&[u32]>) -> bool {
        self.required
            .iter()
            .all(|g| g.possible_in_block(ctxs, lits))
            && (self.alternatives.is_empty()
                || self
                    .alternatives
                    .iter()
                    .any(|a| a.iter().all(|g| g.possible_in_block(ctxs, lits))))
    }

    pub(crate) fn is_trivial(&self) -> bool {
        self.required.is_empty() && self.alternatives.is_empty()
    }

    /// Tests an entry given its context and a way to list its literal fields.
    pub(crate) fn test<'a, F, I>(&self, ctx: u32, lits: F) -> bool
    where
        F: Fn() -> I,
        I: Iterator<Item = (u32, &'a [u8])>,
    {
        self.required.iter().all(|g| g.test(ctx, lits()))
            && (self.alternatives.is_empty()
                || self
                    .alternatives
                    .iter()
                    .any(|a| a.iter().all(|g| g.test(ctx, lits()))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_boots_units() {
        assert_eq!(parse_priority("err").ok(), Some((0, 3)));
        assert_eq!(parse_priority("4").ok(), Some((0, 4)));
        assert_eq!(parse_priority("warning..err").ok(), Some((3, 4)));
        assert_eq!(parse_priority("2..").ok(), Some((2, 7)));
        assert!(parse_priority("loud").is_err());
        assert_eq!(parse_boot("").ok(), Some(BootSel::Offset(0)));
        assert_eq!(parse_boot("-1").ok(), Some(BootSel::Offset(-1)));
        assert_eq!(
            parse_boot("0123456789abcdef0123456789abcdef-2").ok(),
            Some(BootSel::Id(
                *b"\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef",
                -2
            ))
        );
        assert!(parse_boot("yesterday").is_err());
        assert_eq!(mangle_unit("web"), "web.service");
        assert_eq!(mangle_unit("web.socket"), "web.socket");
        assert_eq!(mangle_unit("web*"), "web*");
        assert_eq!(mangle_unit("my.app"), "my.app.service");
        let bad = Query {
            matches: vec!["lower=x".into()],
            ..Default::default()
        };
        assert!(Filter::new(&bad).is_err());
        let bad = Query {
            matches: vec!["+".into()],
            ..Default::default()
        };
        assert!(Filter::new(&bad).is_err());
        let bad = Query {
            grep: Some("(".into()),
            ..Default::default()
        };
        assert!(Filter::new(&bad).is_err());
    }
}
