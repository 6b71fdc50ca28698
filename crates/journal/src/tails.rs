//! The last lines of each of many units from one walk of the journal (`systemctl status` of
//! N units): one backward pass collects, for every unit, the entries `journalctl -u UNIT -n N`
//! would show for it alone. A status of 10,000 units walked the journal 10,000 times before.

use std::collections::HashMap;
use std::io::Write;
use std::ops::ControlFlow;

use crate::app::{self, Options};
use crate::config::JournalConfig;
use crate::entry::fields::UNIT_MATCH_FIELDS;
use crate::error::Result;
use crate::glob::{glob_match, is_glob};
use crate::output::{OutputOptions, Printer};
use crate::query::{Filter, Query, mangle_unit};
use crate::reader::Journal;
use crate::view::EntryRef;
use crate::walk::Merge;

/// Which of the asked units an entry belongs to: the units whose `-u` pattern its unit
/// fields match (as [`Filter`] matches one pattern).
struct UnitOwners {
    exact: HashMap<Vec<u8>, Vec<usize>>,
    globs: Vec<(Vec<u8>, usize)>,
}

impl UnitOwners {
    fn new(units: &[String]) -> Self {
        let mut owners = UnitOwners {
            exact: HashMap::new(),
            globs: Vec::new(),
        };
        for (i, u) in units.iter().enumerate() {
            let pattern = mangle_unit(u).into_bytes();
            if is_glob(u) {
                owners.globs.push((pattern, i));
            } else {
                owners.exact.entry(pattern).or_default().push(i);
            }
        }
        owners
    }

    fn of(&self, e: &EntryRef<'_>, out: &mut Vec<usize>) {
        out.clear();
        for (name, value) in e.fields() {
            if !UNIT_MATCH_FIELDS.contains(&name) {
                continue;
            }
            out.extend(self.exact.get(value).into_iter().flatten());
            out.extend(
                self.globs
                    .iter()
                    .filter(|(p, _)| glob_match(p, value))
                    .map(|&(_, i)| i),
            );
        }
        out.sort_unstable();
        out.dedup();
    }
}

impl Journal {
    /// For each unit pattern of `q.units`, its last `n` matching entries, visited unit by
    /// unit (`visit(index in q.units, entry)`), each unit's oldest first — what a query for
    /// that unit alone with `lines: Some(n)` visits — from one backward walk, which ends as
    /// soon as every unit has its `n`. `q.lines` and `q.reverse` are not used.
    pub fn run_per_unit(
        &self,
        q: &Query,
        n: usize,
        visit: &mut dyn FnMut(usize, &EntryRef<'_>) -> ControlFlow<()>,
    ) -> Result<()> {
        let filter = Filter::new(q)?;
        let bounds = self.bounds(q)?;
        let owners = UnitOwners::new(&q.units);
        let mut picked = vec![Vec::new(); q.units.len()];
        let mut short = if n == 0 { 0 } else { q.units.len() };
        let mut mine = Vec::new();
        let mut merge = Merge::new(self, &filter, bounds, true);
        while short > 0 {
            let Some(item) = merge.next()? else { break };
            let e = item.entry_ref();
            if let Some(re) = &filter.grep
                && !e.field("MESSAGE").is_some_and(|m| re.is_match(m))
            {
                continue;
            }
            owners.of(&e, &mut mine);
            for &i in &mine {
                let tail: &mut Vec<_> = &mut picked[i];
                if tail.len() < n {
                    tail.push(item.clone());
                    short -= usize::from(tail.len() == n);
                }
            }
        }
        for (i, tail) in picked.iter().enumerate() {
            for item in tail.iter().rev() {
                if visit(i, &item.entry_ref()).is_break() {
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

/// `systemctl status`'s log tails: for each of `units`, the bytes `journalctl` with `o` and
/// `-u UNIT -n n` prints (its other options as `o` says: output mode, quiet, catalog), from
/// one walk of the journal. `None` when the journal cannot be read (where [`app::run`] fails).
pub fn unit_tails(o: &Options, units: &[String], n: usize) -> Option<Vec<Vec<u8>>> {
    unit_tails_of(o, units, n).map(|(tails, _)| tails)
}

/// As [`unit_tails`], with the journal read: [`Journal::unchanged`] then says whether the
/// tails are still the journal's last lines.
pub fn unit_tails_of(o: &Options, units: &[String], n: usize) -> Option<(Vec<Vec<u8>>, Journal)> {
    let dir = o
        .directory
        .clone()
        .or_else(JournalConfig::default_directory)?;
    // A directory that is not there is no journal to read (as `run` refuses it).
    if !dir.is_dir() {
        return None;
    }
    let journal = Journal::open_directory(&dir).ok()?;
    let q = Query {
        units: units.to_vec(),
        lines: None,
        ..app::build_query(o).ok()?
    };
    let mut out = vec![Vec::new(); units.len()];
    let mut printers: Vec<Option<Printer>> = (0..units.len()).map(|_| None).collect();
    let mut failed = false;
    journal
        .run_per_unit(&q, n, &mut |i, e| {
            let printer = printers[i].get_or_insert_with(|| {
                Printer::new(OutputOptions {
                    quiet: o.quiet || o.output.quiet,
                    ..o.output.clone()
                })
            });
            let printed = printer.print(e, &mut out[i]).and_then(|()| {
                if o.catalog {
                    crate::catalog::explain(e, &mut out[i])
                } else {
                    Ok(())
                }
            });
            failed |= printed.is_err();
            if failed {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .ok()?;
    if failed {
        return None;
    }
    for (text, printer) in out.iter_mut().zip(&printers) {
        if printer.is_none() && !o.quiet && app::no_entries_line(o.output.mode) {
            let _ = writeln!(text, "-- No entries --");
        }
    }
    Some((out, journal))
}
