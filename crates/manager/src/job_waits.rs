//! Job calls that wait (`systemctl start` without `--no-block`): their outcomes so far and
//! where the answer goes, answered when their last job finishes (once the journal holds what
//! was logged until then).

use std::collections::HashMap;

use linger_engine::{JobId, JobResult};
use linger_ipc::manager::{JobOutcome, JobsReply};

use crate::api::{Answer, ReplyTo};

struct Waiting {
    outcomes: Vec<JobOutcome>,
    remaining: usize,
    reply: ReplyTo,
}

impl std::fmt::Debug for Waiting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Waiting")
            .field("outcomes", &self.outcomes)
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

/// Every waiting job call.
#[derive(Debug, Default)]
pub struct JobWaits {
    next: u64,
    calls: HashMap<u64, Waiting>,
    /// The calls (and which of their outcomes) each job answers.
    by_job: HashMap<JobId, Vec<(u64, usize)>>,
}

impl JobWaits {
    /// Answer with `outcomes` once each `(outcome index, job)` of `jobs` has finished (at
    /// once if there is none).
    pub fn wait(&mut self, outcomes: Vec<JobOutcome>, jobs: Vec<(usize, JobId)>, reply: ReplyTo) {
        if jobs.is_empty() {
            let _ = reply.send(Ok(Answer::Jobs(JobsReply { jobs: outcomes })));
            return;
        }
        self.next += 1;
        let id = self.next;
        for &(i, job) in &jobs {
            self.by_job.entry(job).or_default().push((id, i));
        }
        self.calls.insert(
            id,
            Waiting {
                outcomes,
                remaining: jobs.len(),
                reply,
            },
        );
    }

    /// Whether a call waits for `job`.
    pub fn waits_for(&self, job: JobId) -> bool {
        self.by_job.contains_key(&job)
    }

    /// `job` ended with `result` (and `message` for the user); returns the calls whose last
    /// job it was, with their answers (the caller sends them once the journal has what was
    /// logged before: see `Manager::answer_after_journal`).
    pub fn finished(
        &mut self,
        job: JobId,
        result: JobResult,
        message: &str,
    ) -> Vec<(ReplyTo, JobsReply)> {
        let mut done = Vec::new();
        for (call, i) in self.by_job.remove(&job).unwrap_or_default() {
            let Some(w) = self.calls.get_mut(&call) else {
                continue;
            };
            if let Some(o) = w.outcomes.get_mut(i) {
                o.result = Some(result);
                o.message = message.to_string();
            }
            w.remaining -= 1;
            if w.remaining == 0
                && let Some(w) = self.calls.remove(&call)
            {
                done.push((w.reply, JobsReply { jobs: w.outcomes }));
            }
        }
        done
    }
}
