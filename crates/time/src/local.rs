//! The local time zone, found without walking the zone database, and kept.
//!
//! `jiff::tz::TimeZone::system()` turns the `/etc/localtime` symlink into a zone name and
//! looks that name up in its database, whose first use lists every file under
//! `/usr/share/zoneinfo` (~600 directory reads, about 1 ms — more than the rest of a
//! `journalctl -n 100`, a third of a `systemctl status`, and the user manager's first
//! answer paid it too). The zone is the file `/etc/localtime` points to, so it is read
//! directly; its name (only `%Q`-style output uses it) comes from the link. Whenever `TZ`
//! is set, or `/etc/localtime` is not a readable TZif file, jiff decides as before.
//!
//! Every part of linger asks [`local_zone`], never jiff's `system()`: one lookup, one cache.
//! A process keeps the zone it found for [`TRUST`] (as jiff does); the user manager, which
//! watches `/etc` for a new `localtime`, drops it at once with [`forget_local_zone`] so
//! calendar timers are recomputed in the new zone, not the cached one.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use jiff::tz::TimeZone;

const LOCALTIME: &str = "/etc/localtime";

/// How long a process trusts the zone it looked up (jiff's own `system()` cache keeps its
/// zone as long): a process that is not told of a change sees it within this.
pub const TRUST: Duration = Duration::from_secs(5 * 60);

/// The zone found last and when. One per process: the zone is the machine's.
static CACHED: Mutex<Option<(TimeZone, Instant)>> = Mutex::new(None);

/// The time zone the user's wall clock is in (`TZ`, else `/etc/localtime`, else UTC), as
/// `jiff::tz::TimeZone::system()` gives it: one file read the first time, then kept for
/// [`TRUST`] or until [`forget_local_zone`].
pub fn local_zone() -> TimeZone {
    let mut cached = CACHED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((tz, found)) = cached.as_ref()
        && found.elapsed() < TRUST
    {
        return tz.clone();
    }
    let tz = look_up_local_zone();
    *cached = Some((tz.clone(), Instant::now()));
    tz
}

/// Drop the kept zone: the next [`local_zone`] looks again (the zone changed).
pub fn forget_local_zone() {
    *CACHED.lock().unwrap_or_else(PoisonError::into_inner) = None;
}

fn look_up_local_zone() -> TimeZone {
    if std::env::var_os("TZ").is_some() {
        return TimeZone::system();
    }
    read_localtime(LOCALTIME).unwrap_or_else(TimeZone::system)
}

fn read_localtime(path: &str) -> Option<TimeZone> {
    let target = std::fs::read_link(path).ok()?;
    let target = target.to_str()?;
    let name = &target[target.rfind("zoneinfo/")? + "zoneinfo/".len()..];
    let data = std::fs::read(path).ok()?;
    TimeZone::tzif(name, &data).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same zone (name, offsets, abbreviations) as jiff's own lookup, whichever this machine has.
    #[test]
    fn agrees_with_jiff() {
        let ours = read_localtime(LOCALTIME);
        let theirs = TimeZone::system();
        if let Some(ours) = ours {
            assert_eq!(ours.iana_name(), theirs.iana_name());
            for secs in [
                0i64,
                1_700_000_000,
                1_711_846_800,
                1_729_990_800,
                2_000_000_000,
            ] {
                let ts = jiff::Timestamp::from_second(secs).unwrap_or_default();
                assert_eq!(ours.to_offset(ts), theirs.to_offset(ts), "{secs}");
                assert_eq!(
                    ts.to_zoned(ours.clone()).strftime("%Z %z").to_string(),
                    ts.to_zoned(theirs.clone()).strftime("%Z %z").to_string()
                );
            }
        }
    }

    #[test]
    fn reads_a_linked_zone_file() {
        let dir = std::env::temp_dir().join(format!("linger-localtime-{}", std::process::id()));
        let zi = dir.join("zoneinfo/Europe");
        std::fs::create_dir_all(&zi).unwrap_or_else(|e| panic!("{e}"));
        let berlin = "/usr/share/zoneinfo/Europe/Berlin";
        let Ok(data) = std::fs::read(berlin) else {
            let _ = std::fs::remove_dir_all(&dir);
            return; // no zone database on this machine: nothing to compare with
        };
        std::fs::write(zi.join("Berlin"), &data).unwrap_or_else(|e| panic!("{e}"));
        let link = dir.join("localtime");
        std::os::unix::fs::symlink(zi.join("Berlin"), &link).unwrap_or_else(|e| panic!("{e}"));
        let tz = read_localtime(link.to_str().unwrap_or_default());
        let _ = std::fs::remove_dir_all(&dir);
        let tz = tz.unwrap_or_else(|| panic!("linked zone not read"));
        assert_eq!(tz.iana_name(), Some("Europe/Berlin"));
        let summer = jiff::Timestamp::from_second(1_720_000_000).unwrap_or_default();
        assert_eq!(summer.to_zoned(tz).strftime("%Z").to_string(), "CEST");
    }

    /// What the user manager relies on after a zone change: the kept zone is what was found,
    /// and a forgotten one is looked up again.
    #[test]
    fn the_zone_is_kept_until_forgotten() {
        let first = local_zone();
        assert_eq!(local_zone().iana_name(), first.iana_name());
        let found = CACHED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|(_, at)| *at);
        assert!(found.is_some(), "the zone was not kept");
        forget_local_zone();
        assert!(
            CACHED
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_none()
        );
        assert_eq!(local_zone().iana_name(), look_up_local_zone().iana_name());
    }
}
