//! The notify socket (`READY=1` from the user managers the daemon starts) is read on a thread
//! of its own at the workers' priority: anyone may send to it, and a user sending datagrams as
//! fast as they can made the loop spend its CPU receiving them (2.3 s in 3.2 s; root's
//! requests waited 190 ms). The thread drops a uid's datagrams beyond [`USER_RATE`] (a
//! manager sends a handful) and hands the rest to the loop, dropping them too when the loop
//! has not taken the last [`HANDED_OVER`] yet.

use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use linger_ipc::notify::Sender;
use tokio::sync::mpsc;

use crate::conns::Rates;
use crate::log;

/// Datagrams read and not yet taken by the loop at most.
const HANDED_OVER: usize = 64;
/// The largest datagram read (longer ones are dropped).
const MAX_DATAGRAM: usize = 4096;
/// How long the thread rests after a failed receive.
const PAUSE: Duration = Duration::from_millis(100);

/// Read `socket` for ever on a thread of its own; the datagrams admitted come out of the
/// receiver. The thread ends when the receiver is dropped and the next datagram comes.
///
/// [`USER_RATE`]: crate::conns::USER_RATE
pub fn start(socket: OwnedFd) -> std::io::Result<mpsc::Receiver<(Sender, Vec<u8>)>> {
    let (tx, rx) = mpsc::channel(HANDED_OVER);
    std::thread::Builder::new()
        .name("notify".into())
        .spawn(move || {
            crate::jobs::lower_worker_priority();
            let mut rates = Rates::default();
            let mut buf = vec![0u8; MAX_DATAGRAM];
            let mut failing = false;
            loop {
                let mut wait = [rustix::event::PollFd::new(
                    &socket,
                    rustix::event::PollFlags::IN,
                )];
                if rustix::event::poll(&mut wait, None).is_err() {
                    continue;
                }
                match linger_ipc::notify::receive(&socket, &mut buf) {
                    Ok(Some((sender, data))) => {
                        failing = false;
                        if !rates.allow(sender.uid, Instant::now()) {
                            continue;
                        }
                        match tx.try_send((sender, data)) {
                            Ok(()) | Err(mpsc::error::TrySendError::Full(_)) => {}
                            Err(mpsc::error::TrySendError::Closed(_)) => return,
                        }
                    }
                    Ok(None) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) => {
                        if !failing {
                            log::warn(format!("cannot read the notify socket: {e}; pausing"));
                            failing = true;
                        }
                        std::thread::sleep(PAUSE);
                    }
                }
            }
        })?;
    Ok(rx)
}
