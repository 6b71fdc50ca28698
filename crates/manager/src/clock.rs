//! Wall-clock jumps and time-zone changes, for calendar timers (`OnClockChange=`,
//! `OnTimezoneChange=`, and recomputing `OnCalendar=` elapses).
//!
//! A thread blocks in poll(2) on a CLOCK_REALTIME timerfd armed far in the future with
//! TFD_TIMER_CANCEL_ON_SET (the kernel cancels it, reading gives ECANCELED, whenever the clock
//! is set) and on an inotify watch of /etc, where `localtime` names the zone. It costs no
//! wake-up at all while nothing changes.

use std::mem::MaybeUninit;

use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::inotify;
use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockEvent {
    /// The wall clock was set.
    Clock,
    /// The local time zone changed.
    Timezone,
}

fn arm(fd: &std::os::fd::OwnedFd) -> rustix::io::Result<()> {
    // Far in the future: it never fires, it only gets cancelled by clock changes.
    let far = Timespec {
        tv_sec: i64::from(i32::MAX),
        tv_nsec: 0,
    };
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    timerfd_settime(
        fd,
        TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET,
        &Itimerspec {
            it_interval: zero,
            it_value: far,
        },
    )
    .map(|_| ())
}

/// Start watching; events arrive on the receiver. Err when neither source can be set up.
pub fn spawn() -> std::io::Result<UnboundedReceiver<ClockEvent>> {
    let timer = timerfd_create(
        TimerfdClockId::Realtime,
        TimerfdFlags::CLOEXEC | TimerfdFlags::NONBLOCK,
    )?;
    arm(&timer)?;
    let ino = inotify::init(inotify::CreateFlags::CLOEXEC | inotify::CreateFlags::NONBLOCK)?;
    let watch = inotify::WatchFlags::CLOSE_WRITE
        | inotify::WatchFlags::MOVED_TO
        | inotify::WatchFlags::CREATE
        | inotify::WatchFlags::DELETE;
    let _ = inotify::add_watch(&ino, "/etc", watch);
    let (tx, rx) = unbounded_channel();
    std::thread::Builder::new()
        .name("clock-watch".into())
        .spawn(move || {
            let mut buf = [MaybeUninit::<u8>::uninit(); 1024];
            loop {
                let mut fds = [
                    PollFd::new(&timer, PollFlags::IN),
                    PollFd::new(&ino, PollFlags::IN),
                ];
                if poll(&mut fds, None).is_err() {
                    continue;
                }
                let (clock_ready, ino_ready) =
                    (!fds[0].revents().is_empty(), !fds[1].revents().is_empty());
                if clock_ready {
                    let mut b = [0u8; 8];
                    if let Err(rustix::io::Errno::CANCELED) = rustix::io::read(&timer, &mut b) {
                        let _ = arm(&timer);
                        if tx.send(ClockEvent::Clock).is_err() {
                            return;
                        }
                    }
                }
                if ino_ready {
                    let mut zone = false;
                    let mut reader = inotify::Reader::new(&ino, &mut buf);
                    while let Ok(ev) = reader.next() {
                        let name = ev.file_name().map(|n| n.to_bytes().to_vec());
                        if matches!(name.as_deref(), Some(b"localtime") | Some(b"timezone")) {
                            zone = true;
                        }
                    }
                    if zone && tx.send(ClockEvent::Timezone).is_err() {
                        return;
                    }
                }
            }
        })?;
    Ok(rx)
}
