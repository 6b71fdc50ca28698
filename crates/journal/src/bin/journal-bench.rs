//! Benchmark of linger's journal: ingest, size on disk, writer CPU and memory, query times.
//!
//! `cargo run --release -p linger-journal --bin journal-bench [-- --big]` (`--big` adds the
//! 10 M-entry journal). Query times are measured in-process through the same code path as
//! `journalctl` (output to a sink), so they exclude the ~1 ms of process start-up.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use linger_journal::app::{self, Options};
use linger_journal::capture::LineSplitter;
use linger_journal::follow::Follow;
use linger_journal::{JournalConfig, JournalWriter, Query, Stream, Submitter};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Profiling helpers: `--fill DIR N [UNITS]` writes N entries over UNITS (100) units in turn; `--query DIR MODE`
    // runs `-o MODE` over everything 10 times.
    if args.get(1).map(String::as_str) == Some("--emit") {
        // Child of the pipe benchmark: print N lines as fast as possible.
        let n: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
        let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
        for i in 0..n {
            if writeln!(out, "bench line {i:07}").is_err() {
                return;
            }
        }
        let _ = out.flush();
        return;
    }
    if args.get(1).map(String::as_str) == Some("--fill") {
        fill_units(
            Path::new(&args[2]),
            args[3].parse().unwrap_or(1_000_000),
            args.get(4).and_then(|u| u.parse().ok()).unwrap_or(100),
        );
        return;
    }
    if args.get(1).map(String::as_str) == Some("--query") {
        let mut o = Options {
            directory: Some(args[2].clone().into()),
            ..Default::default()
        };
        o.output.mode = args[3].parse().unwrap_or_default();
        if let Some(u) = args.get(4) {
            o.units = vec![u.clone()];
        }
        for _ in 0..10 {
            app::run(&o, &mut CountingSink(0), &mut Vec::new());
        }
        return;
    }
    let big = std::env::args().any(|a| a == "--big");
    let base = std::env::temp_dir().join(format!("linger-journal-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    println!(
        "linger-journal bench (release build; in-process; temp dir {})",
        base.display()
    );

    let dir = base.join("one");
    let (rate, stats) = ingest(&dir, 1, 1_000_000);
    println!("ingest 1 writer:   {rate:>10.0} lines/s  {stats}");
    let usage = linger_journal::store::disk_usage(&dir).unwrap_or(0);
    println!(
        "bytes on disk:     {:>10.1} B/line ({} bytes for 1,000,000 lines)",
        usage as f64 / 1e6,
        usage
    );
    println!("-- the 1,000,000 lines of that one unit (journald's anchor workload)");
    let q1 = |f: &dyn Fn(&mut Options)| {
        let mut o = Options {
            directory: Some(dir.clone()),
            ..Default::default()
        };
        f(&mut o);
        o
    };
    time_query("-n 100", &q1(&|o| o.lines = Some(100)));
    time_query(
        "-u bench-0 -n 100",
        &q1(&|o| {
            o.units = vec!["bench-0".into()];
            o.lines = Some(100);
        }),
    );
    time_query(
        "-u bench-0 -o cat",
        &q1(&|o| {
            o.units = vec!["bench-0".into()];
            o.output.mode = linger_journal::output::OutputMode::Cat;
        }),
    );
    time_query(
        "-o short (all)",
        &q1(&|o| o.output.mode = linger_journal::output::OutputMode::Short),
    );
    let _ = std::fs::remove_dir_all(&dir);
    for (writers, per) in [(1u32, 1_000_000u64), (50, 20_000)] {
        let d = base.join(format!("pipes-{writers}"));
        let (rate, stats) = pipe_ingest(&d, writers, per);
        println!("ingest {writers:>2} processes via pipes: {rate:>10.0} lines/s  {stats}");
        let _ = std::fs::remove_dir_all(&d);
    }

    for (label, n) in [("1M", 1_000_000u64), ("10M", 10_000_000u64)] {
        if n > 1_000_000 && !big {
            println!("(10M-entry journal skipped; pass --big)");
            continue;
        }
        let d = base.join(format!("units-{label}"));
        let t = Instant::now();
        fill_units(&d, n, 100);
        println!(
            "-- {label} entries over 100 units (written in {:.1} s, {:.1} B/entry)",
            t.elapsed().as_secs_f64(),
            linger_journal::store::disk_usage(&d).unwrap_or(0) as f64 / n as f64
        );
        let q = |f: &dyn Fn(&mut Options)| {
            let mut o = Options {
                directory: Some(d.clone()),
                ..Default::default()
            };
            f(&mut o);
            o
        };
        time_query(
            "-u unit-042 -n 100",
            &q(&|o| {
                o.units = vec!["unit-042".into()];
                o.lines = Some(100);
            }),
        );
        time_query("-n 100", &q(&|o| o.lines = Some(100)));
        time_query(
            "-u unit-042 --since -1h",
            &q(&|o| {
                o.units = vec!["unit-042".into()];
                o.since = Some("-1h".into());
            }),
        );
        time_query(
            "--grep 'line 00042'",
            &q(&|o| o.grep = Some("line 00042".into())),
        );
        time_query(
            "-u unit-042 -o cat",
            &q(&|o| {
                o.units = vec!["unit-042".into()];
                o.output.mode = linger_journal::output::OutputMode::Cat;
            }),
        );
        time_query(
            "-o cat (all)",
            &q(&|o| o.output.mode = linger_journal::output::OutputMode::Cat),
        );
        time_query(
            "-o short (all)",
            &q(&|o| o.output.mode = linger_journal::output::OutputMode::Short),
        );
        time_query(
            "-o json (all)",
            &q(&|o| o.output.mode = linger_journal::output::OutputMode::Json),
        );
        let _ = std::fs::remove_dir_all(&d);
    }
    follow_latency(&base.join("follow"));
    let _ = std::fs::remove_dir_all(&base);
}

fn config(dir: &Path) -> JournalConfig {
    let mut c = JournalConfig::new(dir);
    c.max_use = Some(16 << 30);
    c.max_file_size = Some(128 << 20);
    c.rate_limit_burst = 0;
    c
}

fn stream_fields(unit: &str, pid: u32) -> Vec<(String, Vec<u8>)> {
    let f = |k: &str, v: String| (k.to_owned(), v.into_bytes());
    vec![
        f("_PID", pid.to_string()),
        f("_UID", "1000".into()),
        f("_GID", "1000".into()),
        f("_COMM", "bench".into()),
        f("_EXE", "/usr/bin/bench".into()),
        f("_CMDLINE", "/usr/bin/bench --lines".into()),
        f("_HOSTNAME", "benchhost".into()),
        f("_TRANSPORT", "stdout".into()),
        f("_SYSTEMD_USER_UNIT", unit.into()),
        f(
            "_SYSTEMD_INVOCATION_ID",
            "0123456789abcdef0123456789abcdef".into(),
        ),
        f("SYSLOG_IDENTIFIER", "bench".into()),
        f("_STREAM_ID", format!("{pid:032x}")),
    ]
}

/// Feeds `lines` lines per writer thread through a LineSplitter into the writer, applying
/// back-pressure when the queue is full (as a pipe reader does).
fn feed(sub: &Submitter, stream: &Stream, lines: u64) {
    let mut splitter = LineSplitter::new();
    let mut chunk = Vec::with_capacity(64 << 10);
    let mut i = 0;
    while i < lines {
        chunk.clear();
        while chunk.len() < 60_000 && i < lines {
            let _ = writeln!(chunk, "bench line {i:07}");
            i += 1;
        }
        splitter.feed(&chunk, &mut |l| {
            while sub.try_submit_line(stream, l.priority, l.message).is_err() {
                std::thread::sleep(Duration::from_micros(50));
            }
        });
    }
}

fn ingest(dir: &Path, writers: u32, per_writer: u64) -> (f64, String) {
    let cpu0 = process_cpu();
    let t = Instant::now();
    let w = JournalWriter::spawn(config(dir)).unwrap_or_else(|e| panic!("{e}"));
    std::thread::scope(|s| {
        for k in 0..writers {
            let sub = w.submitter();
            s.spawn(move || {
                let stream = sub.stream(stream_fields(&format!("bench-{k}.service"), 1000 + k));
                feed(&sub, &stream, per_writer);
            });
        }
    });
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let el = t.elapsed().as_secs_f64();
    let writer_cpu = thread_cpu("linger-journal");
    let (rss, hwm) = rss();
    let st = w.stats();
    drop(w);
    let total = f64::from(writers) * per_writer as f64;
    (
        total / el,
        format!(
            "(wall {el:.2} s; writer thread CPU {writer_cpu:.2} s; process CPU {:.2} s; RSS {:.1} MB, peak {:.1} MB; written {} dropped {})",
            process_cpu() - cpu0,
            rss as f64 / 1e6,
            hwm as f64 / 1e6,
            st.written,
            st.dropped_queue + st.dropped_disk
        ),
    )
}

/// The manager's way: `writers` child processes print `per_writer` lines each into pipes;
/// one thread polls the pipes, splits lines and submits them (pausing the pipe when the
/// writer's queue is full, so nothing is dropped).
fn pipe_ingest(dir: &Path, writers: u32, per_writer: u64) -> (f64, String) {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::Read;
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let cpu0 = process_cpu();
    let t = Instant::now();
    let w = JournalWriter::spawn(config(dir)).unwrap_or_else(|e| panic!("{e}"));
    let mut children = Vec::new();
    for k in 0..writers {
        let mut c = Command::new(&exe)
            .args(["--emit", &per_writer.to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        let out = c.stdout.take().unwrap_or_else(|| panic!("stdout"));
        let stream = w.stream(stream_fields(&format!("bench-{k}.service"), c.id()));
        children.push((c, Some(out), stream, LineSplitter::new()));
    }
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let open: Vec<usize> = (0..children.len())
            .filter(|&i| children[i].1.is_some())
            .collect();
        if open.is_empty() {
            break;
        }
        let ready: Vec<usize> = {
            let mut fds: Vec<PollFd<'_>> = open
                .iter()
                .filter_map(|&i| {
                    children[i]
                        .1
                        .as_ref()
                        .map(|o| PollFd::new(o, PollFlags::IN))
                })
                .collect();
            let _ = poll(&mut fds, None);
            fds.iter()
                .zip(&open)
                .filter(|(f, _)| !f.revents().is_empty())
                .map(|(_, &i)| i)
                .collect()
        };
        for i in ready {
            let (_, out, stream, splitter) = &mut children[i];
            let n = out.as_mut().map_or(0, |o| o.read(&mut buf).unwrap_or(0));
            let mut emit = |l: linger_journal::capture::Line<'_>| {
                while w.try_submit_line(stream, l.priority, l.message).is_err() {
                    std::thread::sleep(Duration::from_micros(50));
                }
            };
            if n == 0 {
                splitter.finish(&mut emit);
                *out = None;
            } else {
                splitter.feed(&buf[..n], &mut emit);
            }
        }
    }
    for (mut c, _, _, _) in children {
        let _ = c.wait();
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let el = t.elapsed().as_secs_f64();
    let writer_cpu = thread_cpu("linger-journal");
    let (rss, hwm) = rss();
    let st = w.stats();
    drop(w);
    let total = f64::from(writers) * per_writer as f64;
    (
        total / el,
        format!(
            "(wall {el:.2} s; writer thread CPU {writer_cpu:.2} s; reader+writer CPU {:.2} s; RSS {:.1} MB, peak {:.1} MB; written {} dropped {})",
            process_cpu() - cpu0,
            rss as f64 / 1e6,
            hwm as f64 / 1e6,
            st.written,
            st.dropped_queue + st.dropped_disk
        ),
    )
}

fn fill_units(dir: &Path, n: u64, units: u32) {
    let w = JournalWriter::spawn(config(dir)).unwrap_or_else(|e| panic!("{e}"));
    let streams: Vec<Stream> = (0..units)
        .map(|u| w.stream(stream_fields(&format!("unit-{u:03}.service"), 2000 + u)))
        .collect();
    let mut buf = Vec::with_capacity(32);
    for i in 0..n {
        buf.clear();
        let _ = write!(buf, "bench line {i:07}");
        let s = &streams[(i % u64::from(units)) as usize];
        while w.try_submit_line(s, 6, &buf).is_err() {
            std::thread::sleep(Duration::from_micros(50));
        }
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
}

fn time_query(label: &str, o: &Options) {
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..5 {
        let mut out = CountingSink(0);
        let mut err = Vec::new();
        let t = Instant::now();
        let code = app::run(o, &mut out, &mut err);
        times.push(t.elapsed());
        bytes = out.0;
        if code != 0 {
            println!("  {label}: exit {code}: {}", String::from_utf8_lossy(&err));
        }
    }
    times.sort();
    println!(
        "  {label:<28} median {:>9.3} ms  (min {:.3} ms; {} bytes of output)",
        times[2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        bytes
    );
}

struct CountingSink(usize);

impl Write for CountingSink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn follow_latency(dir: &Path) {
    let w = JournalWriter::spawn(config(dir)).unwrap_or_else(|e| panic!("{e}"));
    let s = w.stream(stream_fields("follow.service", 3000));
    w.submit_line(&s, 6, b"start");
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let mut f = Follow::directory(dir).unwrap_or_else(|e| panic!("{e}"));
    let mut lat = Vec::new();
    for i in 0..20 {
        let t = Instant::now();
        let sub = w.submitter();
        let s2 = s.clone();
        std::thread::spawn(move || {
            sub.submit_line(&s2, 6, format!("follow {i}").as_bytes());
        });
        let want = format!("follow {i}");
        'wait: loop {
            let _ = f.wait(Some(Duration::from_secs(2)));
            let j = f.open().unwrap_or_else(|e| panic!("{e}"));
            let last = j
                .entries(&Query {
                    lines: Some(1),
                    ..Default::default()
                })
                .unwrap_or_default();
            if last.first().and_then(|e| e.field_str("MESSAGE")) == Some(&want) {
                break 'wait;
            }
            if t.elapsed() > Duration::from_secs(5) {
                println!("  follow: timed out");
                return;
            }
        }
        lat.push(t.elapsed());
    }
    lat.sort();
    println!(
        "-f latency (submit -> visible to a follower): median {:.2} ms, max {:.2} ms over 20",
        lat[10].as_secs_f64() * 1e3,
        lat[19].as_secs_f64() * 1e3
    );
}

fn process_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let Some(close) = stat.rfind(')') else {
        return 0.0;
    };
    let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
    let f = |i: usize| {
        rest.get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (f(11) + f(12)) / 100.0
}

/// CPU seconds of the threads named `name` (utime + stime from /proc).
fn thread_cpu(name: &str) -> f64 {
    let mut total = 0.0;
    let Ok(rd) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    for t in rd.flatten() {
        let Ok(stat) = std::fs::read_to_string(t.path().join("stat")) else {
            continue;
        };
        let Some(open) = stat.find('(') else { continue };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        if &stat[open + 1..close] != name {
            continue;
        }
        let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        let ticks: f64 = rest
            .get(11)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            + rest
                .get(12)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0);
        total += ticks / 100.0;
    }
    total
}

fn rss() -> (u64, u64) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .unwrap_or(0)
            * 1024
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}
