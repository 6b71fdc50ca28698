//! What the daemon must still know after a restart (as logind keeps `/run/systemd/sessions`):
//! one small JSON file per session (`STATE/sessions/ID`) and per user with something the
//! daemon made (`STATE/users/UID`: the manager it started — or, while it forks one, when the
//! fork was decided, on disk before the fork —, the runtime directory it made),
//! and the last session id (`STATE/last-session-id`). Written whenever they change (temp file
//! and rename: a file is whole or absent) by a thread of their own, in order: the event loop
//! never waits for a file system (where `/run` is on a disk, a rename can wait for the
//! journal). Read at start, where `state_reattach.rs` checks every pid against its start time
//! before trusting it again.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::runtime::RuntimeDir;
use crate::sessions::{Phase, Session, SessionInfo};

/// A session as stored: what it is, and what of its state a restart must take back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// What it is (flattened: the file keeps one level of keys).
    #[serde(flatten)]
    pub info: SessionInfo,
    /// Leader start time (clock ticks since boot): with the pid, who the leader is.
    pub leader_start: Option<u64>,
    /// `active`, `abandoned` or `terminating` (timers restart from the new start).
    pub phase: String,
}

impl SessionRecord {
    /// The record of `s`.
    pub fn of(s: &Session) -> SessionRecord {
        SessionRecord {
            info: s.info.clone(),
            leader_start: s.leader_proc.as_ref().map(crate::process::Process::start),
            phase: match s.phase {
                Phase::Active => "active",
                Phase::Abandoned => "abandoned",
                Phase::Terminating { .. } | Phase::Killing { .. } => "terminating",
            }
            .into(),
        }
    }
}

/// A user manager the daemon started, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagerRecord {
    /// Its pid.
    pub pid: u32,
    /// Its start time.
    pub start: u64,
}

/// What the daemon made for a user, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    /// The uid.
    pub uid: u32,
    /// The manager it started, while it runs.
    pub manager: Option<ManagerRecord>,
    /// The runtime directory it set up.
    pub runtime: Option<RuntimeDir>,
    /// A manager is being forked: when the fork was decided (clock ticks since boot, as
    /// `/proc/PID/stat` counts a process's start). On disk before the fork, replaced by
    /// `manager` once the child is held: a daemon killed in between finds the child by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starting: Option<u64>,
}

/// One file change for the writer thread.
#[derive(Debug)]
struct Change {
    path: PathBuf,
    /// New content; `None` removes the file.
    content: Option<Vec<u8>>,
    /// Told once the change is applied (or failed).
    done: Option<std::sync::mpsc::Sender<()>>,
}

/// The records' directory, written by a thread of its own.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    tx: Option<std::sync::mpsc::Sender<Change>>,
    writer: Option<std::thread::JoinHandle<()>>,
}

/// What [`Store::load`] found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sessions by id.
    pub sessions: Vec<SessionRecord>,
    /// Users.
    pub users: Vec<UserRecord>,
    /// Files that could not be read, for the log.
    pub problems: Vec<String>,
}

fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

fn apply(c: &Change) -> io::Result<()> {
    match &c.content {
        Some(bytes) => {
            if let Some(dir) = c.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            write_atomic(&c.path, bytes)
        }
        None => match std::fs::remove_file(&c.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

impl Store {
    /// Records below `state_dir`, and the thread that writes them.
    pub fn new(state_dir: &Path) -> Store {
        let (tx, rx) = std::sync::mpsc::channel::<Change>();
        let writer = std::thread::Builder::new()
            .name("records".into())
            .spawn(move || {
                for c in rx {
                    if let Err(e) = apply(&c) {
                        crate::log::warn(format!("cannot write {}: {e}", c.path.display()));
                    }
                    if let Some(done) = c.done {
                        let _ = done.send(());
                    }
                }
            })
            .ok();
        Store {
            dir: state_dir.to_path_buf(),
            tx: writer.is_some().then_some(tx),
            writer,
        }
    }

    fn path(&self, kind: &str, key: impl std::fmt::Display) -> PathBuf {
        self.dir.join(kind).join(key.to_string())
    }

    /// Queue a change (written at once where no thread could be started).
    fn queue(&self, path: PathBuf, content: Option<Vec<u8>>) {
        self.queue_change(Change {
            path,
            content,
            done: None,
        });
    }

    fn queue_change(&self, c: Change) {
        let c = match &self.tx {
            Some(tx) => match tx.send(c) {
                Ok(()) => return,
                Err(e) => e.0,
            },
            None => c,
        };
        if let Err(e) = apply(&c) {
            crate::log::warn(format!("cannot write {}: {e}", c.path.display()));
        }
        if let Some(done) = c.done {
            let _ = done.send(());
        }
    }

    fn save<T: Serialize>(&self, kind: &str, key: impl std::fmt::Display, v: &T) {
        match serde_json::to_vec(v) {
            Ok(bytes) => self.queue(self.path(kind, key), Some(bytes)),
            Err(e) => crate::log::warn(format!("cannot serialize a {kind} record: {e}")),
        }
    }

    /// Store a session.
    pub fn save_session(&self, r: &SessionRecord) {
        self.save("sessions", r.info.id, r);
    }

    /// Forget a session.
    pub fn remove_session(&self, id: u64) {
        self.queue(self.path("sessions", id), None);
    }

    /// Store a user's record (nothing to keep: the file goes).
    pub fn save_user(&self, r: &UserRecord) {
        if r.manager.is_none() && r.runtime.is_none() && r.starting.is_none() {
            self.queue(self.path("users", r.uid), None);
        } else {
            self.save("users", r.uid, r);
        }
    }

    /// Store a user's record, queued in order with every other change like
    /// [`Store::save_user`]; the receiver hears once it is on disk (or failed to get there),
    /// for a worker that may act only after that (the loop never waits for it).
    pub fn save_user_then(&self, r: &UserRecord) -> std::sync::mpsc::Receiver<()> {
        let (done, heard) = std::sync::mpsc::channel();
        match serde_json::to_vec(r) {
            Ok(bytes) => self.queue_change(Change {
                path: self.path("users", r.uid),
                content: Some(bytes),
                done: Some(done),
            }),
            Err(e) => {
                crate::log::warn(format!("cannot serialize a users record: {e}"));
                let _ = done.send(());
            }
        }
        heard
    }

    /// Store the last session id handed out.
    pub fn save_last_id(&self, id: u64) {
        self.queue(
            self.dir.join("last-session-id"),
            Some(format!("{id}\n").into_bytes()),
        );
    }

    /// The last session id stored (0 when none).
    pub fn last_id(&self) -> u64 {
        std::fs::read_to_string(self.dir.join("last-session-id"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }

    /// Wait until every queued change is written (at exit).
    pub fn flush(&mut self) {
        self.tx = None;
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }

    /// Everything stored. Files that do not parse are reported and removed (a record the
    /// daemon cannot read cannot be trusted either).
    pub fn load(&self) -> Loaded {
        let mut out = Loaded::default();
        let read = |kind: &str| -> Vec<(PathBuf, Vec<u8>)> {
            let Ok(rd) = std::fs::read_dir(self.dir.join(kind)) else {
                return Vec::new();
            };
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_none())
                .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
                .collect()
        };
        let sessions = read("sessions");
        let users = read("users");
        for (p, b) in sessions {
            match serde_json::from_slice(&b) {
                Ok(r) => out.sessions.push(r),
                Err(e) => {
                    out.problems.push(format!("{}: {e}, ignoring", p.display()));
                    let _ = std::fs::remove_file(&p);
                }
            }
        }
        for (p, b) in users {
            match serde_json::from_slice(&b) {
                Ok(r) => out.users.push(r),
                Err(e) => {
                    out.problems.push(format!("{}: {e}, ignoring", p.display()));
                    let _ = std::fs::remove_file(&p);
                }
            }
        }
        out.sessions.sort_by_key(|s| s.info.id);
        out.users.sort_by_key(|u| u.uid);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_junk_is_dropped() {
        let d = tempfile::tempdir().unwrap();
        let st = Store::new(d.path());
        let info = SessionInfo {
            id: 7,
            uid: 1000,
            user: "alice".into(),
            leader: 4242,
            origin: Some("/user.slice".into()),
            service: "sshd".into(),
            tty: "pts/1".into(),
            remote_host: "192.0.2.1".into(),
            remote_user: String::new(),
            class: "user".into(),
            session_type: "tty".into(),
            desktop: String::new(),
            display: String::new(),
            realtime_us: 1,
            monotonic_us: 2,
        };
        let s = SessionRecord {
            info,
            leader_start: Some(99),
            phase: "active".into(),
        };
        st.save_session(&s);
        let u = UserRecord {
            uid: 1000,
            manager: Some(ManagerRecord { pid: 77, start: 5 }),
            runtime: Some(RuntimeDir {
                path: "/run/user/1000".into(),
                mounted: true,
                created: true,
            }),
            starting: None,
        };
        st.save_user(&u);
        st.save_last_id(9);
        let mut st = st;
        st.flush();
        std::fs::write(d.path().join("sessions/8"), "{not json").unwrap();
        let l = st.load();
        assert_eq!(l.sessions, [s]);
        assert_eq!(l.users, [u]);
        assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
        assert!(!d.path().join("sessions/8").exists());
        assert_eq!(st.last_id(), 9);
        let mut st = Store::new(d.path());
        st.remove_session(7);
        st.save_user(&UserRecord {
            uid: 1000,
            manager: None,
            runtime: None,
            starting: None,
        });
        st.flush();
        let l = st.load();
        assert!(l.sessions.is_empty() && l.users.is_empty());
    }

    /// A fork's intent is on disk when the receiver hears, in order with what was queued
    /// before it; a record of an older version (no `starting`) reads as no fork under way.
    #[test]
    fn an_intent_is_written_before_the_receiver_hears() {
        let d = tempfile::tempdir().unwrap();
        let mut st = Store::new(d.path());
        let mut r = UserRecord {
            uid: 1000,
            manager: None,
            runtime: None,
            starting: None,
        };
        st.save_user(&r);
        r.starting = Some(4242);
        st.save_user_then(&r).recv().unwrap();
        let on_disk = std::fs::read_to_string(d.path().join("users/1000")).unwrap();
        let back: UserRecord = serde_json::from_str(&on_disk).unwrap();
        assert_eq!(back, r);
        st.flush();
        assert_eq!(st.load().users, [r]);
        let old: UserRecord =
            serde_json::from_str(r#"{"uid":7,"manager":{"pid":9,"start":1},"runtime":null}"#)
                .unwrap();
        assert_eq!(old.starting, None);
        assert!(!serde_json::to_string(&old).unwrap().contains("starting"));
    }

    /// A daemon restarted into a new version takes back the sessions the old one stored: the
    /// file keeps one level of keys, as every version so far wrote it.
    #[test]
    fn a_record_keeps_one_level_of_keys() {
        let stored = r#"{"id":3,"uid":1000,"user":"alice","leader":4242,"leader_start":99,
            "origin":null,"service":"login","tty":"tty3","remote_host":"","remote_user":"",
            "class":"user","session_type":"tty","desktop":"","display":"",
            "realtime_us":1,"monotonic_us":2,"phase":"abandoned"}"#;
        let r: SessionRecord = serde_json::from_str(stored).unwrap();
        assert_eq!(
            (r.info.id, r.info.leader, r.leader_start),
            (3, 4242, Some(99))
        );
        assert_eq!(
            (r.info.tty.as_str(), r.phase.as_str()),
            ("tty3", "abandoned")
        );
        let again: serde_json::Value = serde_json::to_value(&r).unwrap();
        let before: serde_json::Value = serde_json::from_str(stored).unwrap();
        assert_eq!(again, before);
    }
}
