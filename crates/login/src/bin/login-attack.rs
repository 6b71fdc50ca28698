//! login-attack: what a hostile local user does to the login daemon, and the probes that
//! measure what everybody else sees meanwhile. Run by `tests/attacks.rs` (as the attacking
//! user, as a bystanding user, or as root) and by `bench/attacks.sh` for the figures; nothing
//! here needs privileges the user running it does not have.
//!
//! ```text
//! login-attack probe SOCKET METHOD JSON       calls on fresh connections until stdin closes
//!                                             (then finishes the call under way); one line
//!                                             per call: "MICROSECONDS CPU-WAIT ok|err: …"
//!                                             (CPU-WAIT: µs the probe itself waited for a
//!                                             CPU during the call)
//! login-attack login-probe SOCKET UID         (root) logins of UID as the PAM module makes
//!                                             them: CreateSession, then ReleaseSession
//! login-attack run-probe PROGRAM ARGS…       runs PROGRAM (e.g. loginctl) again and again
//!                                             until stdin closes; one line per run as probe's
//!                                             ("ok": it exited 0)
//! login-attack call SOCKET METHOD JSON        one call; prints the reply or "error NAME: …"
//! login-attack freeze-socket MANAGER_SOCKET   put a listener that never accepts in place of
//!                                             the user's manager socket, fill its backlog and
//!                                             kill the manager; hold until stdin closes
//! login-attack notify-flood STATE THREADS      THREADS threads sending READY=1 datagrams as
//!                                             fast as they can to every notify socket of
//!                                             the daemon with state directory STATE (a
//!                                             shared STATE/notify, the managers' sockets in
//!                                             STATE/notify/), until stdin closes: then
//!                                             "sent own N other N refused N" (own: sockets
//!                                             named for the caller's uid)
//! login-attack datagram-flood SOCKET THREADS TEXT
//!                                             THREADS threads sending TEXT in datagrams to
//!                                             SOCKET as fast as they can, until stdin closes
//! login-attack log-probe SOCKET KIND TAG      logs "TAG N" (N = 0, 1, …) through a journal
//!                                             socket until stdin closes, one line per
//!                                             message as probe's; KIND: stream (the stdout
//!                                             protocol, a connection per line), native,
//!                                             syslog
//! login-attack fd-datagrams SOCKET COUNT      COUNT datagrams to SOCKET, each carrying 253
//!                                             descriptors (of /dev/null); prints "sent N"
//! login-attack flood SOCKET CONNS BYTES       CONNS connections sending BYTES-long frames,
//!                                             again and again, until stdin closes
//! login-attack connect-flood SOCKET THREADS  THREADS threads connecting and hanging up at
//!                                             once, as fast as they can, until stdin closes
//! login-attack hold SOCKET CONNS BYTES        CONNS connections, each BYTES into a frame
//!                                             never finished, held until stdin closes
//! login-attack cgroups DIR N                  N empty cgroups below DIR, as many as allowed:
//!                                             "ready MADE" (+ "refused: …" at the limit)
//! login-attack nest DIR N                     cgroups nested N deep below DIR, as deep as
//!                                             allowed: "ready DEPTH" (+ "refused: …")
//! login-attack kill-user SOCKET USER THREADS  KillUser(USER, SIGCONT) in a loop on THREADS
//!                                             connections until stdin closes
//! ```
//! Every command that lasts prints "ready" once its attack is in place.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use linger_ipc::{CallError, Client};
use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(5);

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// When the call under way (of a probe) began, and how long the probe's thread had waited for
/// a CPU by then.
static IN_FLIGHT: std::sync::Mutex<Option<(Instant, u64)>> = std::sync::Mutex::new(None);
/// Set once stdin closed: the call under way is the last one.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// How long a probe told to stop waits for its call under way before it reports it as
/// "still waiting" (a failure bound, not an expected time: the call usually ends in ms).
const STOP_GRACE: Duration = Duration::from_secs(30);

/// Nanoseconds this thread has spent waiting on a run queue (`/proc/thread-self/schedstat`'s
/// second field; 0 where the kernel keeps no schedstats).
fn cpu_wait_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Set by a probe's loop: a stop waits for the probe to come round to [`stop_point`].
static PROBING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The top of a probe's loop, where it holds nothing: once stdin closed, the probe exits here
/// (its last call and what followed it, such as a login probe's logout, are done).
fn stop_point() {
    PROBING.store(true, std::sync::atomic::Ordering::SeqCst);
    if STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
        std::process::exit(0);
    }
}

fn begin_call() -> Instant {
    let t = Instant::now();
    *IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner()) = Some((t, cpu_wait_ns()));
    t
}

/// One line for a finished call: "MICROSECONDS CPU-WAIT-MICROSECONDS WHAT", the second the
/// time the probe itself waited for a CPU meanwhile (what the machine's load, not the daemon,
/// made it wait).
fn end_call(t: Instant, what: &str) {
    let mut g = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    let waited = g
        .take()
        .map_or(0, |(_, w0)| cpu_wait_ns().saturating_sub(w0) / 1000);
    say(&format!("{} {waited} {what}", t.elapsed().as_micros()));
}

/// Once stdin closes (the test says stop by closing it): an attack exits at once; a probe
/// exits at the top of its loop ([`stop_point`]), so the call under way is reported by
/// [`end_call`] as every other — or, if it does not end within [`STOP_GRACE`], with a "still
/// waiting" line for it (a daemon that never answers must not go unnoticed).
fn stop_on_stdin_eof() {
    std::thread::spawn(|| {
        let mut sink = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut sink);
        STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
        if !PROBING.load(std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(0);
        }
        std::thread::sleep(STOP_GRACE);
        let g = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((t, _)) = *g {
            say(&format!("{} 0 err: still waiting", t.elapsed().as_micros()));
        }
        std::process::exit(0);
    });
}

fn call(socket: &Path, method: &str, params: Value) -> Result<Value, CallError> {
    let mut c = Client::connect_with_timeout(socket, TIMEOUT)?;
    c.call(method, params)
}

fn outcome(r: &Result<Value, CallError>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(CallError::Remote { name, message, .. }) => format!("err: {name}: {message}"),
        Err(e) => format!("err: {e}"),
    }
}

fn probe(socket: &Path, method: &str, params: &Value) {
    stop_on_stdin_eof();
    loop {
        stop_point();
        let t = begin_call();
        let r = call(socket, method, params.clone());
        end_call(t, &outcome(&r));
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn login_probe(socket: &Path, uid: u32) {
    stop_on_stdin_eof();
    loop {
        stop_point();
        // Its output is not ours: a leader left behind would hold our stdout open.
        let Ok(mut leader) = std::process::Command::new("sleep")
            .arg("60")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
        else {
            say("0 0 err: cannot start a leader");
            return;
        };
        let t = begin_call();
        let made = Client::connect_with_timeout(socket, TIMEOUT).and_then(|mut c| {
            let v = c.call(
                "io.linger.Login.CreateSession",
                json!({"uid": uid, "pid": leader.id(), "service": "login-attack"}),
            )?;
            Ok((c, v))
        });
        match made {
            Ok((mut c, v)) => {
                let id = v["id"].as_str().unwrap_or_default().to_string();
                if id.is_empty() {
                    end_call(t, &format!("err: no session id in {v}"));
                } else {
                    end_call(t, "ok");
                }
                let _ = c.call("io.linger.Login.ReleaseSession", json!({ "id": id }));
            }
            Err(e) => end_call(t, &outcome(&Err(e))),
        }
        let _ = leader.kill();
        let _ = leader.wait();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run_probe(program: &str, args: &[&str]) {
    stop_on_stdin_eof();
    loop {
        stop_point();
        let t = begin_call();
        let out = std::process::Command::new(program)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output();
        let what = match out {
            Ok(o) if o.status.success() => "ok".to_string(),
            Ok(o) => format!(
                "err: {}: {}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
                    .trim()
                    .replace('\n', " / ")
            ),
            Err(e) => format!("err: {program}: {e}"),
        };
        end_call(t, &what);
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn freeze_socket(manager_socket: &Path) -> Result<(), String> {
    use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
    // Who listens now is the manager.
    let s = UnixStream::connect(manager_socket).map_err(|e| format!("connect: {e}"))?;
    let manager = linger_ipc::peer_cred(&s).map_err(|e| e.to_string())?.pid;
    drop(s);
    std::fs::remove_file(manager_socket).map_err(|e| format!("remove: {e}"))?;
    let l = rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::CLOEXEC,
        None,
    )
    .map_err(|e| e.to_string())?;
    let addr = SocketAddrUnix::new(manager_socket).map_err(|e| e.to_string())?;
    rustix::net::bind(&l, &addr).map_err(|e| format!("bind: {e}"))?;
    rustix::net::listen(&l, 0).map_err(|e| e.to_string())?;
    // Fill the backlog: every further blocking connect waits for ever.
    let mut held = Vec::new();
    loop {
        let c = rustix::net::socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
            None,
        )
        .map_err(|e| e.to_string())?;
        match rustix::net::connect(&c, &addr) {
            Ok(()) => held.push(c),
            Err(_) => break,
        }
    }
    if let Some(p) = rustix::process::Pid::from_raw(manager as i32) {
        let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
    }
    say("ready");
    stop_on_stdin_eof();
    loop {
        std::thread::park();
    }
}

fn flood(socket: PathBuf, conns: usize, bytes: usize) {
    stop_on_stdin_eof();
    let chunk = vec![b'x'; 64 * 1024];
    let (tx, rx) = std::sync::mpsc::channel();
    for _ in 0..conns {
        let (socket, chunk, tx) = (socket.clone(), chunk.clone(), tx.clone());
        std::thread::spawn(move || {
            let mut first = true;
            loop {
                if let Ok(mut s) = UnixStream::connect(&socket) {
                    let mut sent = 0;
                    while sent < bytes {
                        let n = chunk.len().min(bytes - sent);
                        if s.write_all(&chunk[..n]).is_err() {
                            break;
                        }
                        sent += n;
                    }
                    let _ = s.write_all(b"\0");
                }
                if first {
                    let _ = tx.send(());
                    first = false;
                }
            }
        });
    }
    for _ in 0..conns {
        let _ = rx.recv();
    }
    say("ready");
    loop {
        std::thread::park();
    }
}

fn connect_flood(socket: PathBuf, threads: usize) {
    stop_on_stdin_eof();
    let (tx, rx) = std::sync::mpsc::channel();
    for _ in 0..threads {
        let (socket, tx) = (socket.clone(), tx.clone());
        std::thread::spawn(move || {
            let mut first = true;
            loop {
                // Made and dropped: the daemon accepts, reads nothing and closes.
                let made = UnixStream::connect(&socket).is_ok();
                if first && made {
                    let _ = tx.send(());
                    first = false;
                }
            }
        });
    }
    for _ in 0..threads {
        let _ = rx.recv();
    }
    say("ready");
    loop {
        std::thread::park();
    }
}

/// Datagrams carrying as many descriptors as one message can (253 copies of one); how many
/// were sent (a full queue waits up to a second, then gives up).
fn fd_datagrams(socket: &Path, count: usize) -> usize {
    use rustix::net::{SendAncillaryBuffer, SendAncillaryMessage, SendFlags, SocketAddrUnix};
    use std::os::fd::AsFd;
    let (Ok(null), Ok(addr)) = (
        std::fs::File::open("/dev/null"),
        SocketAddrUnix::new(socket),
    ) else {
        return 0;
    };
    let Ok(sock) = std::os::unix::net::UnixDatagram::unbound() else {
        return 0;
    };
    let _ = sock.set_write_timeout(Some(Duration::from_secs(1)));
    let fds = vec![null.as_fd(); 253];
    let mut sent = 0;
    for _ in 0..count {
        let mut space = vec![std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(253))];
        let mut control = SendAncillaryBuffer::new(&mut space);
        control.push(SendAncillaryMessage::ScmRights(&fds));
        let data = [std::io::IoSlice::new(b"MESSAGE=fds\n")];
        match rustix::net::sendmsg_addr(&sock, &addr, &data, &mut control, SendFlags::empty()) {
            Ok(_) => sent += 1,
            Err(_) => break,
        }
    }
    sent
}

/// Log "TAG N" through a journal socket, again and again until stdin closes.
fn log_probe(socket: &Path, kind: &str, tag: &str) {
    stop_on_stdin_eof();
    let Ok(dgram) = std::os::unix::net::UnixDatagram::unbound() else {
        say("0 0 err: no socket");
        return;
    };
    let _ = dgram.set_write_timeout(Some(TIMEOUT));
    for n in 0u64.. {
        stop_point();
        let t = begin_call();
        let sent = match kind {
            "stream" => connect_timed(socket, TIMEOUT)
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::TimedOut))
                .and_then(|mut s| {
                    s.set_write_timeout(Some(TIMEOUT))?;
                    // The stdout protocol's header (identifier, unit, priority, level
                    // prefix, three forwards), then the line.
                    s.write_all(format!("{tag}\n\n6\n0\n0\n0\n0\n{tag} {n}\n").as_bytes())
                }),
            "native" => dgram
                .send_to(
                    format!("MESSAGE={tag} {n}\nSYSLOG_IDENTIFIER={tag}\n").as_bytes(),
                    socket,
                )
                .map(drop),
            _ => dgram
                .send_to(format!("<13>{tag}: {tag} {n}").as_bytes(), socket)
                .map(drop),
        };
        end_call(
            t,
            &match sent {
                Ok(()) => "ok".to_string(),
                Err(e) => format!("err: {e}"),
            },
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn datagram_flood(socket: PathBuf, threads: usize, text: String) {
    stop_on_stdin_eof();
    let (tx, rx) = std::sync::mpsc::channel();
    for _ in 0..threads {
        let (socket, tx, text) = (socket.clone(), tx.clone(), text.clone());
        std::thread::spawn(move || {
            let Ok(sock) = std::os::unix::net::UnixDatagram::unbound() else {
                return;
            };
            let mut first = true;
            loop {
                let sent = sock.send_to(text.as_bytes(), &socket).is_ok();
                if first && sent {
                    let _ = tx.send(());
                    first = false;
                }
            }
        });
    }
    for _ in 0..threads {
        let _ = rx.recv();
    }
    say("ready");
    loop {
        std::thread::park();
    }
}

/// Datagrams sent (to the caller's own sockets, to others'), and refused.
#[derive(Default)]
struct FloodCounts {
    own: std::sync::atomic::AtomicU64,
    other: std::sync::atomic::AtomicU64,
    refused: std::sync::atomic::AtomicU64,
}

/// The daemon's notify sockets under `state` (the shared one, the managers' ones), each
/// with whether it is the caller's: by its name (`UID.N`), not its owner, which is root's
/// for a moment after the daemon binds it (a socket listed then and chowned to the caller
/// before the send was once counted as another's).
fn notify_targets(state: &Path) -> Vec<(PathBuf, bool)> {
    use std::os::unix::fs::FileTypeExt;
    let mine = format!("{}.", rustix::process::geteuid().as_raw());
    let shared = state.join("notify");
    let mut paths = vec![shared.clone()];
    if let Ok(d) = std::fs::read_dir(&shared) {
        paths.extend(d.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    paths
        .into_iter()
        .filter_map(|p| {
            let m = std::fs::symlink_metadata(&p).ok()?;
            let own = p != shared
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&mine));
            m.file_type().is_socket().then_some((p, own))
        })
        .collect()
}

/// `notify-flood`: what a manager says when it is up, sent to every notify socket there is
/// (listed again every millisecond) by each thread in turn. A round whose every send was
/// refused is followed by a millisecond's rest: a refused send costs the daemon nothing, and
/// spinning on them would only test the scheduler.
fn notify_flood(state: &Path, threads: usize) {
    use std::sync::atomic::Ordering::Relaxed;
    let text = b"READY=1\nSTATUS=flood";
    let targets = Arc::new(Mutex::new(notify_targets(state)));
    let counts = Arc::new(FloodCounts::default());
    {
        let (targets, state) = (targets.clone(), state.to_path_buf());
        std::thread::spawn(move || {
            loop {
                let t = notify_targets(&state);
                *targets.lock().unwrap_or_else(|e| e.into_inner()) = t;
                std::thread::sleep(Duration::from_millis(1));
            }
        });
    }
    let (tx, rx) = std::sync::mpsc::channel();
    for _ in 0..threads {
        let (targets, counts, tx) = (targets.clone(), counts.clone(), tx.clone());
        std::thread::spawn(move || {
            let Ok(sock) = std::os::unix::net::UnixDatagram::unbound() else {
                return;
            };
            let mut first = true;
            loop {
                let round = targets.lock().unwrap_or_else(|e| e.into_inner()).clone();
                let mut any = false;
                for (path, own) in round {
                    if sock.send_to(text, &path).is_ok() {
                        any = true;
                        let c = if own { &counts.own } else { &counts.other };
                        c.fetch_add(1, Relaxed);
                    } else {
                        counts.refused.fetch_add(1, Relaxed);
                    }
                }
                if first {
                    let _ = tx.send(());
                    first = false;
                }
                if !any {
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
        });
    }
    for _ in 0..threads {
        let _ = rx.recv();
    }
    say("ready");
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    say(&format!(
        "sent own {} other {} refused {}",
        counts.own.load(Relaxed),
        counts.other.load(Relaxed),
        counts.refused.load(Relaxed)
    ));
    std::process::exit(0);
}

/// A connection, or `None` when `connect` fails or waits longer than `timeout` (a blocking
/// connect waits while the listener's backlog is full; `SO_SNDTIMEO` bounds that).
fn connect_timed(socket: &Path, timeout: Duration) -> Option<UnixStream> {
    use rustix::net::sockopt::{Timeout, set_socket_timeout};
    use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
    let fd = rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::CLOEXEC,
        None,
    )
    .ok()?;
    set_socket_timeout(&fd, Timeout::Send, Some(timeout)).ok()?;
    rustix::net::connect(&fd, &SocketAddrUnix::new(socket).ok()?).ok()?;
    Some(UnixStream::from(fd))
}

fn hold(socket: &Path, conns: usize, bytes: usize) {
    let chunk = vec![b'x'; bytes];
    let mut held = Vec::new();
    for _ in 0..conns {
        // A full backlog (a daemon that stopped accepting) ends the loop instead of blocking.
        match connect_timed(socket, Duration::from_secs(1)) {
            Some(mut s) => {
                // What the socket takes at once: a daemon that stops reading does not hold
                // the attack up.
                let _ = s.set_nonblocking(true);
                let mut sent = 0;
                while sent < chunk.len() {
                    match s.write(&chunk[sent..]) {
                        Ok(n) if n > 0 => sent += n,
                        _ => break,
                    }
                }
                held.push(s);
            }
            None => break,
        }
    }
    say(&format!("ready {}", held.len()));
    stop_on_stdin_eof();
    loop {
        std::thread::park();
    }
}

fn cgroups(dir: &Path, n: usize) -> Result<(), String> {
    let mut made = 0;
    for i in 0..n {
        let d = dir.join(format!("junk{i}"));
        match std::fs::create_dir(&d) {
            Ok(()) => made += 1,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => made += 1,
            // cgroup.max.descendants reached.
            Err(e) if e.raw_os_error() == Some(rustix::io::Errno::AGAIN.raw_os_error()) => {
                say(&format!("refused: {}: {e}", d.display()));
                break;
            }
            Err(e) => return Err(format!("{}: {e}", d.display())),
        }
    }
    say(&format!("ready {made}"));
    Ok(())
}

fn nest(dir: &Path, n: usize) -> Result<(), String> {
    let mut d = dir.to_path_buf();
    let mut depth = 0;
    for _ in 0..n {
        d.push("deeper");
        match std::fs::create_dir(&d) {
            Ok(()) => depth += 1,
            Err(e) if e.raw_os_error() == Some(rustix::io::Errno::AGAIN.raw_os_error()) => {
                say(&format!("refused: depth {}: {e}", depth + 1));
                break;
            }
            Err(e) => return Err(format!("{}: {e}", d.display())),
        }
    }
    say(&format!("ready {depth}"));
    Ok(())
}

fn kill_user(socket: PathBuf, user: String, threads: usize) {
    stop_on_stdin_eof();
    for _ in 0..threads {
        let (socket, user) = (socket.clone(), user.clone());
        std::thread::spawn(move || {
            loop {
                let Ok(mut c) = Client::connect_with_timeout(&socket, TIMEOUT) else {
                    continue;
                };
                while c
                    .call(
                        "io.linger.Login.KillUser",
                        json!({"user": user, "signal": 18}),
                    )
                    .is_ok()
                {}
            }
        });
    }
    say("ready");
    loop {
        std::thread::park();
    }
}

fn main() -> ExitCode {
    // Holding many connections needs the open-files limit the user may have.
    let lim = rustix::process::getrlimit(rustix::process::Resource::Nofile);
    let _ = rustix::process::setrlimit(
        rustix::process::Resource::Nofile,
        rustix::process::Rlimit {
            current: lim.maximum,
            maximum: lim.maximum,
        },
    );
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let num = |s: &str| s.parse::<usize>().unwrap_or(0);
    let json = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(json!({}));
    let result: Result<(), String> = match a.as_slice() {
        ["probe", socket, method, params] => {
            probe(Path::new(socket), method, &json(params));
            Ok(())
        }
        ["login-probe", socket, uid] => {
            login_probe(Path::new(socket), num(uid) as u32);
            Ok(())
        }
        ["run-probe", program, args @ ..] => {
            run_probe(program, args);
            Ok(())
        }
        ["fd-datagrams", socket, count] => {
            say(&format!(
                "sent {}",
                fd_datagrams(Path::new(socket), num(count))
            ));
            Ok(())
        }
        ["notify-flood", state, threads] => {
            notify_flood(Path::new(state), num(threads));
            Ok(())
        }
        ["datagram-flood", socket, threads, text] => {
            datagram_flood(PathBuf::from(socket), num(threads), text.to_string());
            Ok(())
        }
        ["log-probe", socket, kind, tag] => {
            log_probe(Path::new(socket), kind, tag);
            Ok(())
        }
        ["connect-flood", socket, threads] => {
            connect_flood(PathBuf::from(socket), num(threads));
            Ok(())
        }
        ["call", socket, method, params] => {
            let r = call(Path::new(socket), method, json(params));
            match r {
                Ok(v) => say(&v.to_string()),
                Err(CallError::Remote { name, message, .. }) => {
                    say(&format!("error {name}: {message}"))
                }
                Err(e) => say(&format!("error transport: {e}")),
            }
            Ok(())
        }
        ["freeze-socket", path] => freeze_socket(Path::new(path)),
        ["flood", socket, conns, bytes] => {
            flood(PathBuf::from(socket), num(conns), num(bytes));
            Ok(())
        }
        ["hold", socket, conns, bytes] => {
            hold(Path::new(socket), num(conns), num(bytes));
            Ok(())
        }
        ["cgroups", dir, n] => cgroups(Path::new(dir), num(n)),
        ["nest", dir, n] => nest(Path::new(dir), num(n)),
        ["kill-user", socket, user, threads] => {
            kill_user(PathBuf::from(socket), user.to_string(), num(threads));
            Ok(())
        }
        _ => Err("usage: see the file header of login-attack.rs".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("login-attack: {e}");
            ExitCode::from(1)
        }
    }
}
