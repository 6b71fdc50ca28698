//! Giving back the pages a long-running process mapped from its files only to start, and
//! the heap pages it freed ([`give_back_free_heap`]).
//!
//! The kernel maps a program's code in 64 KB windows around each page it touches
//! (fault-around), so a manager that has just started holds most of its binary's start-up
//! code resident (~7 MB of linger's ~10 MB idle VmRSS), though it will not run again.
//! [`release_clean_file_pages`] unmaps the resident pages of every read-only private file
//! mapping that holds no page of its own (smaps `Anonymous: 0`): the code, read-only data
//! and shared libraries, never the relocated (RELRO) data, whose pages are private copies.
//!
//! What this is and is not: `MADV_DONTNEED` on such a mapping only drops this process's page
//! table entries. The pages stay in the page cache (shared with every other process running
//! the binary, and reclaimable once nobody maps them); the next access faults them back in
//! from there, as after the kernel's own reclaim under memory pressure. Contents cannot
//! change: a private mapping's page that was never written *is* the page-cache page. The
//! process's RssFile (and so VmRSS) shrinks to what it touches afterwards; memory is freed
//! only when the kernel reclaims the page cache. What it touches afterwards comes back in
//! 64 KB windows too (MADV_RANDOM does not change fault-around on this kernel, 6.18,
//! measured): serving its first requests brings ~5 MB of linger's code back.

use std::io::{BufRead, BufReader};

/// What [`release_clean_file_pages`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Released {
    /// Mappings advised.
    pub mappings: usize,
    /// Their resident size before (kB, from smaps `Rss:`).
    pub rss_kb: u64,
}

/// One mapping of `/proc/self/smaps`: its range, whether it qualifies, its `Rss:` (kB).
#[derive(Debug, Default)]
struct Mapping {
    start: usize,
    end: usize,
    read_only_private_file: bool,
    rss_kb: u64,
    anonymous_kb: Option<u64>,
}

/// Parses a mapping's header line: `start-end perms offset dev inode path`.
fn header(line: &str) -> Option<Mapping> {
    let mut f = line.split_whitespace();
    let (start, end) = f.next()?.split_once('-')?;
    let perms = f.next()?;
    let path = f.nth(3);
    Some(Mapping {
        start: usize::from_str_radix(start, 16).ok()?,
        end: usize::from_str_radix(end, 16).ok()?,
        // r-xp or r--p: readable, not writable, private; a real file (not [vdso], not a
        // deleted file, which could not be read back).
        read_only_private_file: perms.len() == 4
            && perms.starts_with('r')
            && &perms[1..2] == "-"
            && perms.ends_with('p')
            && path.is_some_and(|p| p.starts_with('/'))
            && !line.ends_with(" (deleted)"),
        ..Default::default()
    })
}

/// The mappings of `smaps` text that [`release_clean_file_pages`] advises.
fn clean_file_mappings(smaps: impl BufRead) -> Vec<Mapping> {
    let mut out = Vec::new();
    let mut cur: Option<Mapping> = None;
    let done = |m: Option<Mapping>, out: &mut Vec<Mapping>| {
        if let Some(m) = m
            && m.read_only_private_file
            && m.anonymous_kb == Some(0)
            && m.rss_kb > 0
        {
            out.push(m);
        }
    };
    for line in smaps.lines().map_while(Result::ok) {
        let kb = |key: &str| {
            line.strip_prefix(key)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse::<u64>()
                .ok()
        };
        if let Some(v) = kb("Rss:") {
            if let Some(m) = cur.as_mut() {
                m.rss_kb = v;
            }
        } else if let Some(v) = kb("Anonymous:") {
            if let Some(m) = cur.as_mut() {
                m.anonymous_kb = Some(v);
            }
        } else if let Some(m) = line
            .split_whitespace()
            .next()
            .filter(|f| f.contains('-') && !f.ends_with(':'))
            .and_then(|_| header(&line))
        {
            done(cur.replace(m), &mut out);
        }
    }
    done(cur, &mut out);
    out
}

/// Unmaps the resident pages of this process's read-only private file mappings that hold no
/// private page (see the module comment). For a long-running process once it has started.
pub fn release_clean_file_pages() -> std::io::Result<Released> {
    let smaps = std::fs::File::open("/proc/self/smaps")?;
    let mut r = Released::default();
    for m in clean_file_mappings(BufReader::new(smaps)) {
        // SAFETY: the range is one whole mapping of this process, read-only and private,
        // whose pages are all the file's page-cache pages (smaps `Anonymous: 0`; nothing can
        // write to it, it is not writable). MADV_DONTNEED on it only drops the page table
        // entries: later reads fault the same bytes back in from the file. No Rust object
        // owns this memory and no pointer into it becomes invalid.
        let rc = unsafe {
            libc::madvise(
                m.start as *mut libc::c_void,
                m.end - m.start,
                libc::MADV_DONTNEED,
            )
        };
        if rc == 0 {
            r.mappings += 1;
            r.rss_kb += m.rss_kb;
        }
    }
    Ok(r)
}

/// Gives the allocator's free pages back to the kernel (glibc's `malloc_trim`): memory the
/// process freed stays in glibc's free lists, counted in its RSS, until then — a manager
/// that stopped 500 services held 1.7 MB so. Returns whether any memory was released.
/// Elsewhere than glibc, does nothing.
pub fn give_back_free_heap() -> bool {
    #[cfg(target_env = "gnu")]
    {
        // SAFETY: malloc_trim takes no pointer; it walks glibc's own free chunks under the
        // arenas' locks (safe from any thread at any time) and releases whole free pages
        // with madvise. No live allocation is touched.
        unsafe { libc::malloc_trim(0) == 1 }
    }
    #[cfg(not(target_env = "gnu"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
55d0c0000000-55d0c0100000 r--p 00000000 fd:00 123 /usr/bin/linger
Size:               1024 kB
Rss:                 512 kB
Anonymous:             0 kB
55d0c0100000-55d0c0800000 r-xp 00100000 fd:00 123 /usr/bin/linger
Size:               7168 kB
Rss:                6000 kB
Anonymous:             0 kB
55d0c0800000-55d0c0900000 r--p 00800000 fd:00 123 /usr/bin/linger
Size:               1024 kB
Rss:                1024 kB
Anonymous:           300 kB
55d0c0900000-55d0c0910000 rw-p 00900000 fd:00 123 /usr/bin/linger
Rss:                  64 kB
Anonymous:            64 kB
7f0000000000-7f0000100000 r-xp 00000000 fd:00 9 /old/lib.so (deleted)
Rss:                 100 kB
Anonymous:             0 kB
7f0000200000-7f0000300000 r--p 00000000 00:00 0 
Rss:                  12 kB
Anonymous:            12 kB
7fff00000000-7fff00002000 r-xp 00000000 00:00 0                          [vdso]
Rss:                   8 kB
Anonymous:             0 kB
7fff10000000-7fff10001000 r-xp 00000000 fd:00 77 /usr/lib/libc.so.6
Rss:                   0 kB
Anonymous:             0 kB
7fff20000000-7fff20100000 r-xp 00000000 fd:00 78 /usr/lib/libm.so.6
Rss:                  40 kB
Anonymous:             0 kB
";

    #[test]
    fn only_clean_read_only_file_mappings_are_chosen() {
        let got: Vec<(usize, u64)> = clean_file_mappings(SMAPS.as_bytes())
            .iter()
            .map(|m| (m.start, m.rss_kb))
            .collect();
        assert_eq!(
            got,
            vec![
                (0x55d0c0000000, 512),
                (0x55d0c0100000, 6000),
                (0x7fff20000000, 40)
            ],
            "not RELRO (private pages), rw, deleted, anonymous, [vdso] or unmapped"
        );
    }

    fn rss_anon_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("RssAnon:"))
            .and_then(|v| v.trim().strip_suffix("kB"))
            .map_or(0, |v| v.trim().parse().unwrap())
    }

    #[cfg(target_env = "gnu")]
    #[test]
    fn freed_small_allocations_go_back_to_the_kernel() {
        // 64 MB in 1 KB pieces (below glibc's mmap threshold: they come from the heap),
        // one in 64 kept, so the freed ones lie between live ones (as a stopped unit's do)
        // and cannot simply be cut off the heap's top.
        let pieces: Vec<Vec<u8>> = (0..65_536).map(|i| vec![i as u8; 1024]).collect();
        let (kept, freed): (Vec<_>, Vec<_>) = pieces
            .into_iter()
            .enumerate()
            .partition(|(i, _)| i % 64 == 0);
        drop(freed);
        let before = rss_anon_kb();
        give_back_free_heap();
        let after = rss_anon_kb();
        assert!(
            before.saturating_sub(after) > 32 * 1024,
            "RssAnon {before} kB -> {after} kB: the freed 63 MB stayed resident"
        );
        assert_eq!(kept.len(), 1024);
    }

    #[test]
    fn the_code_still_runs_after_its_pages_are_released() {
        let before = std::fs::read_to_string("/proc/self/status").unwrap();
        let r = release_clean_file_pages().unwrap();
        assert!(r.mappings > 0 && r.rss_kb > 0, "{r:?}\n{before}");
        // Code, read-only data and libc are faulted back in and behave the same.
        let v: Vec<String> = (0..1000).map(|i| format!("{i:x}")).collect();
        assert_eq!(v[255], "ff");
        assert!(release_clean_file_pages().is_ok());
    }
}
