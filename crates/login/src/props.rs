//! `Name=value` properties in loginctl's order (the order of org.freedesktop.login1's
//! Manager, User and Session interfaces), so `show-user`, `show-session` and `show` print
//! what `loginctl` prints. Empty values are included; the client hides them unless `--all`.
//! Values that came from a login (its PAM items and environment) go through
//! `escape::property`: no forged lines, no escape sequences for the reader's terminal.

use linger_time::span::format_timespan;
use linger_time::timestamp::format_timestamp;

use crate::escape::property;
use crate::sessions::Session;
use crate::state::State;
use crate::users::user_state;

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn timestamp(us: u64) -> String {
    format_timestamp(us, &linger_time::local_zone())
}

fn span(d: Option<std::time::Duration>) -> String {
    match d {
        Some(d) => format_timespan(u64::try_from(d.as_micros()).unwrap_or(u64::MAX), 0),
        None => "infinity".into(),
    }
}

impl State {
    /// The user's state string.
    pub fn user_state_of(&self, uid: u32) -> &'static str {
        let active = self
            .sessions_of(uid)
            .filter(|s| s.phase == crate::sessions::Phase::Active)
            .count();
        let all = self.sessions_of(uid).count();
        let manager = self
            .users
            .get(&uid)
            .map_or(crate::users::ManagerPhase::Stopped, |u| u.manager);
        user_state(active, all - active, self.lingering(uid), manager)
    }

    /// `show-user` properties of a tracked user.
    pub fn user_properties(&self, uid: u32) -> Option<Vec<String>> {
        let u = self.users.get(&uid)?;
        let sessions: Vec<String> = self
            .sessions_of(uid)
            .map(|s| s.info.id.to_string())
            .collect();
        Some(vec![
            format!("UID={uid}"),
            format!("GID={}", u.account.gid),
            format!("Name={}", property(&u.account.name)),
            format!("Timestamp={}", timestamp(u.realtime_us)),
            format!("TimestampMonotonic={}", u.monotonic_us),
            format!(
                "RuntimePath={}",
                self.config.runtime_base.join(uid.to_string()).display()
            ),
            format!("Service={}", u.service()),
            format!("Slice={}", u.slice()),
            "Display=".into(),
            format!("State={}", self.user_state_of(uid)),
            format!("Sessions={}", sessions.join(" ")),
            "IdleHint=no".into(),
            "IdleSinceHint=0".into(),
            "IdleSinceHintMonotonic=0".into(),
            format!("Linger={}", yes(self.lingering(uid))),
        ])
    }

    /// `show-session` properties.
    pub fn session_properties(&self, s: &Session) -> Vec<String> {
        vec![
            format!("Id={}", s.info.id),
            format!("User={}", s.info.uid),
            format!("Name={}", property(&s.info.user)),
            format!("Timestamp={}", timestamp(s.info.realtime_us)),
            format!("TimestampMonotonic={}", s.info.monotonic_us),
            "VTNr=0".into(),
            "Seat=".into(),
            format!("TTY={}", property(&s.info.tty)),
            format!("Display={}", property(&s.info.display)),
            format!("Remote={}", yes(s.remote())),
            format!("RemoteHost={}", property(&s.info.remote_host)),
            format!("RemoteUser={}", property(&s.info.remote_user)),
            format!("Service={}", property(&s.info.service)),
            format!("Desktop={}", property(&s.info.desktop)),
            format!("Scope={}", s.scope()),
            format!("Leader={}", s.info.leader),
            "Audit=0".into(),
            format!("Type={}", s.info.session_type),
            format!("Class={}", s.info.class),
            format!("Active={}", yes(s.phase == crate::sessions::Phase::Active)),
            format!("State={}", s.phase.as_str()),
            "IdleHint=no".into(),
            "IdleSinceHint=0".into(),
            "IdleSinceHintMonotonic=0".into(),
            "LockedHint=no".into(),
        ]
    }

    /// `show` (daemon) properties: the subset of the Manager interface linger has, then the
    /// cgroup driver.
    pub fn manager_properties(&self) -> Vec<String> {
        let p = &self.policy;
        let size = p
            .runtime_directory_size
            .bytes(rustix::system::sysinfo().totalram as u64);
        vec![
            "EnableWallMessages=no".into(),
            "WallMessage=".into(),
            "NAutoVTs=0".into(),
            format!("KillOnlyUsers={}", p.kill_only_users.join(" ")),
            format!("KillExcludeUsers={}", p.kill_exclude_users.join(" ")),
            format!("KillUserProcesses={}", yes(p.kill_user_processes)),
            "IdleHint=no".into(),
            "IdleSinceHint=0".into(),
            "IdleSinceHintMonotonic=0".into(),
            "BlockInhibited=".into(),
            "DelayInhibited=".into(),
            format!("UserStopDelayUSec={}", span(p.user_stop_delay)),
            "IdleAction=ignore".into(),
            "PreparingForShutdown=no".into(),
            "PreparingForSleep=no".into(),
            format!("RemoveIPC={}", yes(p.remove_ipc)),
            format!("RuntimeDirectorySize={size}"),
            format!("RuntimeDirectoryInodesMax={}", p.runtime_inodes(size)),
            "InhibitorsMax=0".into(),
            "NCurrentInhibitors=0".into(),
            format!("SessionsMax={}", p.sessions_max),
            format!("NCurrentSessions={}", self.sessions.len()),
            format!("CgroupDriver={}", self.tracker.driver()),
        ]
    }
}
