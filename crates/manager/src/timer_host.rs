//! What timer units need from the system: when the manager started, `Persistent=` stamp
//! files, and stable pseudo-random numbers for `RandomizedDelaySec=` and coalescing.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

use linger_engine::Timestamp;
use linger_time::Usec;

/// The host side of timer units (start-up time, stamp files, randomness), owned by the host.
#[derive(Debug)]
pub struct TimerHost {
    /// When this manager (or the one it was re-executed from) started.
    pub startup: Timestamp,
    /// Where `stamp-UNIT` files live (`$XDG_STATE_HOME/linger/timers`).
    pub stamp_dir: PathBuf,
    /// Machine id + uid: the seed of per-user stable values.
    seed: String,
}

impl TimerHost {
    /// Support for a manager of user `uid` keeping stamps in `stamp_dir`.
    pub fn new(startup: Timestamp, stamp_dir: PathBuf, uid: u32) -> Self {
        let machine = std::fs::read_to_string("/etc/machine-id")
            .or_else(|_| std::fs::read_to_string("/proc/sys/kernel/random/boot_id"))
            .unwrap_or_default();
        TimerHost {
            startup,
            stamp_dir,
            seed: format!("{}:{uid}", machine.trim()),
        }
    }

    fn stable(&self, what: &str) -> u64 {
        // SipHash with fixed keys: the same value for the same machine, user and input.
        let mut h = std::hash::DefaultHasher::new();
        self.seed.hash(&mut h);
        what.hash(&mut h);
        h.finish()
    }

    /// `RandomizedDelaySec=`: uniform in `[0, max)`; stable per timer with `fixed`.
    pub fn random_delay(&self, unit: &str, max: Usec, fixed: bool) -> Usec {
        if max == 0 {
            return 0;
        }
        let r = if fixed {
            self.stable(unit)
        } else {
            let mut b = [0u8; 8];
            let _ = rustix::rand::getrandom(&mut b, rustix::rand::GetRandomFlags::empty());
            u64::from_ne_bytes(b)
        };
        r % max
    }

    /// Where in each minute this user's timers wake (shared by all of them, so they coalesce).
    pub fn coalescing_offset(&self) -> Usec {
        self.stable("coalesce") % 60_000_000
    }

    fn stamp_path(&self, unit: &str) -> Option<PathBuf> {
        // Unit names never contain '/', but a stamp must not become a path elsewhere.
        (!unit.contains('/') && !unit.starts_with('.'))
            .then(|| self.stamp_dir.join(format!("stamp-{unit}")))
    }

    /// The last trigger recorded for `unit` (the stamp file's modification time).
    pub fn read_stamp(&self, unit: &str) -> Option<Usec> {
        let m = std::fs::metadata(self.stamp_path(unit)?).ok()?;
        let t = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(t.as_micros().min(u128::from(u64::MAX)) as u64)
    }

    /// Record a trigger of `unit` at `realtime`.
    pub fn write_stamp(&self, unit: &str, realtime: Usec) -> std::io::Result<()> {
        let Some(path) = self.stamp_path(unit) else {
            return Ok(());
        };
        std::fs::create_dir_all(&self.stamp_dir)?;
        let f = std::fs::File::create(&path)?;
        f.set_modified(UNIX_EPOCH + Duration::from_micros(realtime))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_round_trip_through_the_modification_time() {
        let dir = tempfile::tempdir().unwrap();
        let t = TimerHost::new(Timestamp::default(), dir.path().join("timers"), 1000);
        assert_eq!(t.read_stamp("backup.timer"), None);
        t.write_stamp("backup.timer", 1_700_000_000_123_456)
            .unwrap();
        assert_eq!(t.read_stamp("backup.timer"), Some(1_700_000_000_123_456));
        assert!(t.write_stamp("../evil", 1).is_ok());
        assert!(!dir.path().join("evil").exists());
    }

    #[test]
    fn random_delays_are_bounded_and_fixed_ones_are_stable() {
        let t = TimerHost::new(Timestamp::default(), PathBuf::from("/nonexistent"), 1000);
        for _ in 0..100 {
            assert!(t.random_delay("a.timer", 5_000_000, false) < 5_000_000);
        }
        let a = t.random_delay("a.timer", 3_600_000_000, true);
        assert_eq!(a, t.random_delay("a.timer", 3_600_000_000, true));
        assert!(t.coalescing_offset() < 60_000_000);
    }
}
