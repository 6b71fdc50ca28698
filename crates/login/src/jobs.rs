//! Work that may take long runs on worker threads (tokio's blocking pool), never on the event
//! loop: walking and signalling cgroup trees and process sets (a user can make them as large
//! as their limits allow), removing what a user left in their runtime directory or in
//! `/dev/shm`, `ipcrm`. The state stays with the loop: a job gets plain data (paths, pids,
//! pidfds) and hands a plain result back.
//!
//! Jobs are queued per uid — the uid whose processes or files they touch — and a uid's jobs
//! run one at a time, in order: a user who makes their own jobs slow (thousands of empty
//! cgroups to walk) delays only their own, while other users' jobs run beside them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

/// Worker threads at most (one per busy uid up to this many).
pub const MAX_WORKERS: usize = 32;

/// How much lower the workers' priority is than the loop's: bulk work done for one user (a
/// cgroup tree they made large, files they left) yields the CPU to the loop that serves
/// everyone.
pub const WORKER_NICE: i32 = 5;

/// Lower the calling worker thread's priority by [`WORKER_NICE`] (a thread's nice value is
/// its own on Linux). Run at the start of every worker thread.
pub fn lower_worker_priority() {
    let tid = rustix::thread::gettid();
    if let Ok(nice) = rustix::process::getpriority_process(Some(tid)) {
        let _ = rustix::process::setpriority_process(Some(tid), (nice + WORKER_NICE).min(19));
    }
}

/// How long an idle worker thread is kept.
pub const WORKER_KEEP_ALIVE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Start every worker thread now, before the loop serves anyone, and keep them
/// ([`WORKER_KEEP_ALIVE`]): creating a thread (clone) takes the kernel's cgroup threadgroup
/// lock, which waits behind every cgroup migration on the machine — made by the loop on
/// demand, a worker's creation held the loop 20–44 ms at a time (measured, attack 8).
pub async fn start_workers() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let started = Arc::new(AtomicUsize::new(0));
    let until = std::time::Instant::now() + std::time::Duration::from_secs(2);
    // Each job waits until all have started (or a thread could not be made), so no thread
    // is idle to take the next one: the pool makes a thread for each.
    let all: Vec<_> = (0..MAX_WORKERS)
        .map(|_| {
            let started = started.clone();
            tokio::task::spawn_blocking(move || {
                started.fetch_add(1, Ordering::SeqCst);
                while started.load(Ordering::SeqCst) < MAX_WORKERS
                    && std::time::Instant::now() < until
                {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
            })
        })
        .collect();
    for job in all {
        let _ = job.await;
    }
}

/// A job that could not run (the runtime is shutting down) or panicked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("background job failed: {0}")]
pub struct JobError(String);

/// One queue per uid: whoever holds a uid's [`Turn`] goes first, the others wait in order.
/// Also what makes requests fair (`server.rs`): one request per user at a time.
#[derive(Debug, Default)]
pub struct Lanes {
    map: RefCell<HashMap<u32, Arc<Semaphore>>>,
}

/// The turn of one uid; the next in that uid's queue goes when it is dropped.
#[derive(Debug)]
pub struct Turn {
    lanes: Rc<Lanes>,
    uid: u32,
    permit: Option<OwnedSemaphorePermit>,
}

impl Lanes {
    /// Wait for `uid`'s turn.
    pub async fn turn(self: &Rc<Self>, uid: u32) -> Result<Turn, JobError> {
        let lane = self
            .map
            .borrow_mut()
            .entry(uid)
            .or_insert_with(|| Arc::new(Semaphore::new(1)))
            .clone();
        let permit = lane
            .acquire_owned()
            .await
            .map_err(|e| JobError(e.to_string()))?;
        Ok(Turn {
            lanes: self.clone(),
            uid,
            permit: Some(permit),
        })
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        drop(self.permit.take());
        let mut map = self.lanes.map.borrow_mut();
        // The lane goes once nobody holds or waits for it (only the map refers to it).
        if map
            .get(&self.uid)
            .is_some_and(|l| Arc::strong_count(l) == 1)
        {
            map.remove(&self.uid);
        }
    }
}

/// The last job queued for a uid: its number and its end.
type Tail = (u64, oneshot::Receiver<()>);

/// The per-uid job queues. A job takes its place in its uid's queue when [`Jobs::run`] is
/// called — on the loop, in the order the loop decided things — not when its future is first
/// polled: a runtime directory set aside at a logout is gone before the next login's is made,
/// a scope is made before the leader moves in and before it is removed.
#[derive(Debug, Default)]
pub struct Jobs {
    /// Per uid: the number of the last job queued and the end of it, which the next job
    /// queued takes out to wait for (closed when that job finished or was dropped).
    tails: Rc<RefCell<HashMap<u32, Tail>>>,
    next: std::cell::Cell<u64>,
}

impl Jobs {
    /// Run `job` on a worker at once, in no uid's queue (for work the loop waits on as a
    /// whole, which must not wait behind a user's long jobs), and yield its result.
    pub async fn run_unqueued<T: Send + 'static>(
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, JobError> {
        tokio::task::spawn_blocking(job)
            .await
            .map_err(|e| JobError(e.to_string()))
    }

    /// Queue `job` for `uid` now; the future runs it on a worker once that uid's earlier jobs
    /// are done, and yields its result.
    pub fn run<T: Send + 'static>(
        &self,
        uid: u32,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> impl std::future::Future<Output = Result<T, JobError>> + 'static {
        let (done, end) = oneshot::channel::<()>();
        let n = self.next.get();
        self.next.set(n + 1);
        let before = self
            .tails
            .borrow_mut()
            .insert(uid, (n, end))
            .map(|(_, end)| end);
        let tails = self.tails.clone();
        async move {
            if let Some(before) = before {
                // Finished or dropped: either way it is over.
                let _ = before.await;
            }
            let result = tokio::task::spawn_blocking(job)
                .await
                .map_err(|e| JobError(e.to_string()));
            drop(done);
            let mut tails = tails.borrow_mut();
            if tails.get(&uid).is_some_and(|(last, _)| *last == n) {
                tails.remove(&uid);
            }
            result
        }
    }

    /// Uids with jobs queued or running.
    #[cfg(test)]
    pub fn busy(&self) -> usize {
        self.tails.borrow().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    fn local<F: std::future::Future>(f: F) -> F::Output {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        tokio::task::LocalSet::new().block_on(&rt, f)
    }

    #[test]
    fn workers_run_below_the_loop() {
        let me = rustix::process::getpriority_process(None).unwrap();
        let worker = std::thread::spawn(|| {
            lower_worker_priority();
            rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap()
        })
        .join()
        .unwrap();
        assert_eq!(worker, (me + WORKER_NICE).min(19));
        // The loop's own thread keeps its priority.
        assert_eq!(rustix::process::getpriority_process(None).unwrap(), me);
    }

    #[test]
    fn one_uid_in_order_others_beside_it() {
        local(async {
            let jobs = Rc::new(Jobs::default());
            let running = Arc::new(AtomicUsize::new(0));
            let most = Arc::new(AtomicUsize::new(0));
            let slow = |running: Arc<AtomicUsize>, most: Arc<AtomicUsize>| {
                move || {
                    let n = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(n, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(50));
                    running.fetch_sub(1, Ordering::SeqCst);
                }
            };
            // Three slow jobs of uid 1000 run one after the other…
            let mut handles = Vec::new();
            for _ in 0..3 {
                let j = jobs.clone();
                let f = slow(running.clone(), most.clone());
                handles.push(tokio::task::spawn_local(async move {
                    j.run(1000, f).await.unwrap()
                }));
            }
            tokio::task::yield_now().await;
            // …while uid 1001's job is not kept waiting behind them.
            let t = Instant::now();
            jobs.run(1001, || 7).await.unwrap();
            assert!(t.elapsed() < Duration::from_millis(40), "{:?}", t.elapsed());
            for h in handles {
                h.await.unwrap();
            }
            assert_eq!(most.load(Ordering::SeqCst), 1, "uid 1000's jobs overlapped");
            assert_eq!(jobs.busy(), 0, "idle lanes are dropped");
        });
    }

    #[test]
    fn jobs_run_in_the_order_they_were_queued_not_first_polled() {
        local(async {
            let jobs = Jobs::default();
            let order = Arc::new(std::sync::Mutex::new(Vec::new()));
            let job = |n: u32, order: Arc<std::sync::Mutex<Vec<u32>>>| {
                move || {
                    std::thread::sleep(Duration::from_millis(5));
                    order.lock().unwrap().push(n);
                }
            };
            let first = jobs.run(1000, job(1, order.clone()));
            let second = jobs.run(1000, job(2, order.clone()));
            let third = jobs.run(1000, job(3, order.clone()));
            // Polled in the reverse order: they still run as queued.
            let h3 = tokio::task::spawn_local(third);
            tokio::task::yield_now().await;
            let h2 = tokio::task::spawn_local(second);
            tokio::task::yield_now().await;
            first.await.unwrap();
            h2.await.unwrap().unwrap();
            h3.await.unwrap().unwrap();
            assert_eq!(*order.lock().unwrap(), vec![1, 2, 3]);
            // A job dropped unrun does not hold up the ones after it.
            drop(jobs.run(1000, || ()));
            jobs.run(1000, || ()).await.unwrap();
            assert_eq!(jobs.busy(), 0);
        });
    }
}
