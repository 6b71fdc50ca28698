//! Traffic on socket units, from the watcher thread to the engine.

use std::os::fd::AsFd;

use linger_engine::Host;
use linger_unit::model::{ListenKind, UnitKind};
use rustix::event::{PollFd, PollFlags, poll};
use rustix::net::SocketFlags;

use crate::manager::Manager;
use crate::sockets::connection_instance;

/// Accept at most this many connections per wake-up, so one busy socket cannot starve the loop.
const ACCEPT_BATCH: usize = 64;

/// `unit`'s sockets became readable.
pub fn on_socket_event(s: &mut Manager, unit: &str) {
    let accept = matches!(
        s.engine.unit(unit).map(|u| &u.config.kind),
        Some(UnitKind::Socket(c)) if c.accept
    );
    if !accept {
        s.engine.on_socket_ready(unit);
        s.apply_effects();
        return;
    }
    let template = s.engine.triggers(unit).unwrap_or_default();
    let prefix = template.trim_end_matches("@.service").to_string();
    let listeners = s.engine.host().sockets.listening_fds(unit);
    for (spec, fd) in listeners {
        if !matches!(spec.kind, ListenKind::Stream | ListenKind::SequentialPacket) {
            continue;
        }
        for _ in 0..ACCEPT_BATCH {
            // The listening socket is blocking (it is handed to services as systemd does):
            // accept only what poll says is there.
            let mut p = [PollFd::new(&*fd, PollFlags::IN)];
            let zero = rustix::time::Timespec::default();
            if !matches!(poll(&mut p, Some(&zero)), Ok(n) if n > 0) {
                break;
            }
            let Ok(conn) = rustix::net::accept_with(fd.as_fd(), SocketFlags::CLOEXEC) else {
                break;
            };
            let nr = s
                .engine
                .unit(unit)
                .and_then(|u| u.socket())
                .map_or(0, |r| r.accepted);
            let instance = format!("{prefix}@{}.service", connection_instance(nr, &conn));
            s.engine.host_mut().sockets.hold_connection(&instance, conn);
            if s.engine.on_socket_connection(unit, &instance).is_err() {
                s.engine.host_mut().sockets.release_connection(&instance);
            }
            s.apply_effects();
        }
    }
    let listening = s
        .engine
        .unit(unit)
        .is_some_and(|u| u.active_state().is_active_or_reloading());
    if listening {
        s.engine.host_mut().watch_sockets(unit, true);
    }
}
