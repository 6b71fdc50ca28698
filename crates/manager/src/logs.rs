//! Recent log lines per unit, kept in memory for `status` when the manager has no journal
//! (it could not open one). With a journal, `status` reads the tail from the journal and
//! nothing is kept here: a second copy of 64 lines of every unit was most of a manager's
//! memory after a few start/stop rounds of 500 services (~0.35 MB more per round, until
//! every tail was full).

use std::collections::{HashMap, VecDeque};

use linger_ipc::manager::LogLine;

/// Lines kept per unit for `status`.
pub const PER_UNIT: usize = 64;

/// The in-memory tail of every unit's log.
#[derive(Debug, Default)]
pub struct LogTail {
    units: HashMap<String, VecDeque<LogLine>>,
}

impl LogTail {
    /// Record a line.
    pub fn push(&mut self, unit: &str, line: LogLine) {
        // One slot to begin with: most units log a line or two (a first push would reserve
        // four 64-byte lines); a chatty one grows to PER_UNIT as before.
        let q = self
            .units
            .entry(unit.to_string())
            .or_insert_with(|| VecDeque::with_capacity(1));
        if q.len() == PER_UNIT {
            q.pop_front();
        }
        q.push_back(line);
    }

    /// Every unit's tail (for `daemon-reexec`).
    pub fn all(&self) -> impl Iterator<Item = (&String, &VecDeque<LogLine>)> {
        self.units.iter()
    }

    /// The last `n` lines of a unit.
    pub fn last(&self, unit: &str, n: usize) -> Vec<LogLine> {
        match self.units.get(unit) {
            Some(q) => q.iter().skip(q.len().saturating_sub(n)).cloned().collect(),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_last_lines() {
        let mut t = LogTail::default();
        for i in 0..100 {
            t.push(
                "a",
                LogLine {
                    message: i.to_string(),
                    ..LogLine::default()
                },
            );
        }
        let last = t.last("a", 3);
        assert_eq!(
            last.iter().map(|l| l.message.as_str()).collect::<Vec<_>>(),
            ["97", "98", "99"]
        );
    }
}
