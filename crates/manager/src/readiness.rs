//! Waiting for a foreign fd (a pidfd, the cgroup inotify fd, a service's output pipe) to become readable in the event
//! loop.

use std::os::fd::OwnedFd;
use std::sync::Arc;

use tokio::io::unix::AsyncFd;

/// Register `fd` with the event loop for readability.
///
/// The registration owns the fd it polls, which is the I/O-safety condition behind
/// `AsyncFd::new`'s deprecation (in favour of an `unsafe` constructor this crate avoids).
#[allow(deprecated)]
pub fn register(fd: OwnedFd) -> Option<AsyncFd<OwnedFd>> {
    AsyncFd::with_interest(fd, tokio::io::Interest::READABLE).ok()
}

/// Register a shared fd with the event loop for readability: the registration holds a share
/// of it, so the fd stays open while it is registered (the same I/O-safety condition).
#[allow(deprecated)]
pub fn register_shared(fd: Arc<OwnedFd>) -> std::io::Result<AsyncFd<Arc<OwnedFd>>> {
    AsyncFd::with_interest(fd, tokio::io::Interest::READABLE)
}

/// Resolves when `fd` is readable (never without one); the readiness is cleared, so the next
/// call waits for new events.
pub async fn readable(fd: Option<&AsyncFd<OwnedFd>>) {
    match fd {
        Some(a) => {
            if let Ok(mut g) = a.readable().await {
                g.clear_ready();
            }
        }
        None => std::future::pending().await,
    }
}
