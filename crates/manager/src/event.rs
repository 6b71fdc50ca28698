//! Everything that can happen to the manager, as one type: the event loop turns each source
//! (signals, sockets, pipes, pidfds, timers, the clock, requests) into an [`Event`] and hands it
//! to `Manager::handle`, the only place that changes the manager's state.

use std::os::fd::OwnedFd;

use linger_engine::ExitStatus;
use linger_ipc::manager::{Change, LogLine, SubscribeRequest};
use tokio::sync::mpsc;

use crate::call::{Call, ReplyTo};

/// One thing that happened.
#[derive(Debug)]
pub enum Event {
    /// Children exited (reaped in a batch on SIGCHLD; may be empty: look again at who is
    /// empty anyway).
    Reaped(Vec<(u32, ExitStatus)>),
    /// An sd_notify datagram.
    Notify(linger_ipc::notify::NotifyMessage),
    /// The earliest timer deadline passed.
    TimerDue,
    /// `cgroup.events` of watched units changed.
    CgroupEvents,
    /// A socket unit's listening sockets became readable.
    SocketReady(String),
    /// The wall clock was set (`false`) or the time zone changed (`true`).
    ClockChanged {
        /// The zone changed (else the clock).
        timezone: bool,
    },
    /// A native-protocol or syslog datagram for the journal.
    LogDatagram {
        /// The sender's pid.
        pid: u32,
        /// Its fields.
        fields: Vec<(String, Vec<u8>)>,
        /// `journal` or `syslog`.
        transport: &'static str,
    },
    /// Lines read from a stdout-stream connection (`journal_stream.rs`), one entry's fields
    /// each; `taken` is answered (dropped) once they are handed to the journal.
    LogStream {
        /// The pid that connected.
        pid: u32,
        /// The unit the stream's header names, when root sent it (journald's rule): used
        /// only if the pid belongs to no unit.
        unit_hint: Option<String>,
        /// The entries.
        entries: Vec<Vec<(String, Vec<u8>)>>,
        /// Lets the connection's reader read on.
        taken: tokio::sync::oneshot::Sender<()>,
    },
    /// Complete lines a service wrote to its output pipe (already in the journal).
    Output {
        /// The pipe.
        pipe: u64,
        /// The lines, for the in-memory tail `status` shows.
        lines: Vec<LogLine>,
        /// The incomplete line read so far (handed over at `daemon-reexec`).
        pending: Vec<u8>,
    },
    /// An output pipe's reader, asked after its writer exited, has put everything that was in
    /// the pipe into the journal (the lines came before).
    OutputDrained {
        /// The pipe.
        pipe: u64,
    },
    /// An output pipe reached its end (the last lines came before).
    OutputClosed {
        /// The pipe.
        pipe: u64,
    },
    /// An output pipe's reader stopped when asked (for `daemon-reexec`) and gives its pipe
    /// back.
    OutputHandedBack {
        /// The pipe.
        pipe: u64,
        /// Its read end (None if it could not be taken out of the reactor).
        fd: Option<OwnedFd>,
    },
    /// An adopted main process (not our child) exited, with its `wait` status if known.
    AdoptedExit {
        /// Its unit.
        unit: String,
        /// Its pid.
        pid: u32,
        /// The raw `wait(2)` status, when the kernel tells it.
        status: Option<i32>,
    },
    /// The login daemon answered a request to move a scope's process into its cgroup.
    ScopeAttached {
        /// The scope.
        unit: String,
        /// The process.
        pid: u32,
        /// The scope's v1 `cgroup.procs` to join as well.
        v1: Vec<OwnedFd>,
        /// Whether it was moved (else why not).
        result: Result<(), String>,
        /// Where the `StartScope` answer goes.
        reply: ReplyTo,
    },
    /// A request, and where its answer goes.
    Call {
        /// What is asked.
        call: Call,
        /// Where the answer goes.
        reply: ReplyTo,
    },
    /// A client's connection closed; streams it attached to these units are let go unless a
    /// start came for them.
    ConnectionClosed {
        /// Units that got the connection's streams.
        attached: Vec<String>,
    },
    /// Someone wants to hear of changes.
    Subscribe {
        /// Which units.
        filter: SubscribeRequest,
        /// Where changes go.
        tx: mpsc::Sender<Change>,
    },
    /// SIGHUP: reload unit files.
    Hangup,
    /// SIGTERM or SIGINT: stop everything and exit.
    Terminate,
}
