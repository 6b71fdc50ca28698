//! Work on whole cgroup trees — signal everything in one, remove one — done on a worker
//! (`jobs.rs`): below `user@UID.service` the user makes as many cgroups as they like.
//!
//! Signals go through pidfds ([`crate::process::signal_members`]): a pid is signalled only if
//! `cgroup.procs` still lists it after its pidfd was opened. `SIGKILL` goes through
//! `cgroup.kill` where the kernel has it (atomic, nothing escapes); other signals are sent
//! with the tree frozen, so that nothing forks between reading the members and signalling.

use std::io;
use std::path::{Path, PathBuf};

use crate::process::signal_members;

/// Passes over the tree before giving up on one that keeps forking (the caller's SIGKILL
/// follows later through `cgroup.kill`).
const MAX_PASSES: usize = 16;
/// Deeper trees than this are not walked (the kernel's own default is unlimited; a tree this
/// deep is an attack, and `cgroup.kill` still reaches it).
const MAX_DEPTH: usize = 64;

fn procs(dir: &Path) -> Vec<u32> {
    std::fs::read_to_string(dir.join("cgroup.procs"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

/// `dir` and every cgroup below it, parents first.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), 0usize)];
    while let Some((d, depth)) = todo.pop() {
        if depth < MAX_DEPTH
            && let Ok(rd) = std::fs::read_dir(&d)
        {
            for e in rd.filter_map(Result::ok) {
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    todo.push((e.path(), depth + 1));
                }
            }
        }
        out.push(d);
    }
    out
}

/// Send `signal` to every process in the cgroup tree at `dir` but `spare`. Returns how many
/// processes were signalled one by one (0 when `cgroup.kill` did it).
pub fn signal_tree(dir: &Path, signal: i32, spare: Option<u32>) -> io::Result<usize> {
    if signal == 9 && spare.is_none() && dir.join("cgroup.kill").exists() {
        std::fs::write(dir.join("cgroup.kill"), "1")?;
        return Ok(0);
    }
    let freeze = dir.join("cgroup.freeze");
    let frozen = freeze.exists() && std::fs::write(&freeze, "1").is_ok();
    let mut done = std::collections::BTreeSet::new();
    let mut signalled = 0;
    for _ in 0..MAX_PASSES {
        let mut fresh = 0;
        for cg in tree(dir) {
            let pids: Vec<u32> = procs(&cg)
                .into_iter()
                .filter(|p| !done.contains(p) && Some(*p) != spare)
                .collect();
            if pids.is_empty() {
                continue;
            }
            fresh += pids.len();
            signalled += signal_members(&pids, signal, |held| {
                let now = procs(&cg);
                held.iter().map(|p| now.contains(&p.pid())).collect()
            });
            done.extend(pids);
        }
        if fresh == 0 {
            break;
        }
    }
    // Always thaw: a frozen tree cannot act on the signal.
    if frozen {
        std::fs::write(&freeze, "0")?;
    }
    Ok(signalled)
}

/// Remove the cgroup tree at `dir`, children first. A tree already gone is fine; a cgroup
/// still holding processes fails with `EBUSY`.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
    for cg in tree(dir).iter().rev() {
        match std::fs::remove_dir(cg) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Whether the cgroup at `dir` (or one below it) holds a process (`populated 1` in
/// `cgroup.events`); a cgroup that is gone holds none.
pub fn populated(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("cgroup.events"))
        .is_ok_and(|t| t.lines().any(|l| l == "populated 1"))
}
