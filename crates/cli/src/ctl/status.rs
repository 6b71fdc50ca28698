//! `status`: systemd's layout — dot, Loaded, Drop-In, Active (since …; ago), Main PID,
//! Tasks, processes, last log lines.

use std::process::ExitCode;

use linger_ipc::manager::{self as api};
use linger_ipc::unit_status::{self, MainExit, Stamp};
use linger_wire::ActiveState;

use super::Opts;
use crate::output::{fail, paint};

fn now_realtime() -> u64 {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Realtime);
    (t.tv_sec as u64) * 1_000_000 + (t.tv_nsec as u64) / 1000
}

/// "since Mon 2026-11-23 10:00:00 UTC; 5s ago" from a show-formatted timestamp and its µs.
fn since(stamp: Stamp<'_>) -> String {
    if !stamp.is_set() {
        return String::new();
    }
    let (formatted, mono) = (stamp.formatted, stamp.monotonic);
    let now_mono = {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
        (t.tv_sec as u64) * 1_000_000 + (t.tv_nsec as u64) / 1000
    };
    let ago = now_mono.saturating_sub(mono);
    let rel = linger_time::timestamp::format_timestamp_relative(
        now_realtime().saturating_sub(ago),
        now_realtime(),
    );
    format!(" since {formatted}; {rel}")
}

fn dot(active: Option<ActiveState>) -> String {
    match active {
        Some(ActiveState::Active | ActiveState::Reloading) => {
            paint(crate::output::style::HIGHLIGHT_GREEN, "●")
        }
        Some(ActiveState::Failed) => paint(crate::output::style::HIGHLIGHT_RED, "×"),
        Some(ActiveState::Activating | ActiveState::Deactivating) => {
            paint(crate::output::style::BOLD, "●")
        }
        Some(ActiveState::Inactive) | None => "○".to_string(),
    }
}

fn short_time(us: u64) -> String {
    if us == 0 {
        return String::new();
    }
    let ts = jiff::Timestamp::from_microsecond(us as i64).unwrap_or_default();
    ts.to_zoned(linger_time::local_zone())
        .strftime("%b %d %H:%M:%S")
        .to_string()
}

fn hostname() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

/// Render one unit's status block; `journal_tail`: its last log lines read from the journal
/// (None: there is no journal to read, the manager's in-memory tail in `u.logs` is shown).
pub fn render(u: &api::UnitProperties, full: bool, journal_tail: Option<&str>) -> String {
    let s = u.status();
    let mut out = String::new();
    let id = s.id;
    let desc = s.description;
    let state = s.active_state;
    let active = state.map_or("", ActiveState::as_str);
    let sub = s.sub_state;
    let load = s.load_state.map_or("", |l| l.as_str());
    let title = if desc.is_empty() || desc == id {
        id.to_string()
    } else {
        format!("{id} - {desc}")
    };
    out.push_str(&format!("{} {title}\n", dot(state)));
    let frag = s.fragment_path;
    let ufs = s.unit_file_state;
    // systemd's LoadError= sentence replaces the path for units that did not load.
    let reason = match load {
        "bad-setting" => Some(format!("Unit {id} has a bad unit file setting.")),
        "masked" => Some(format!("Unit {id} is masked.")),
        "not-found" => Some(format!("Unit {id} not found.")),
        _ => None,
    };
    let loaded_extra = if let Some(reason) = reason {
        format!(" (Reason: {reason})")
    } else if frag.is_empty() {
        String::new()
    } else {
        let preset = s.unit_file_preset;
        let mut parts = vec![frag.to_string()];
        if !ufs.is_empty() {
            parts.push(ufs.to_string());
        }
        if !preset.is_empty() {
            parts.push(format!("preset: {preset}"));
        }
        format!(" ({})", parts.join("; "))
    };
    let load_str = match load {
        "loaded" => load.to_string(),
        other => paint(crate::output::style::HIGHLIGHT_RED, other),
    };
    out.push_str(&format!("     Loaded: {load_str}{loaded_extra}\n"));
    // What the unit file says that was ignored or refused is in the log tail below (the
    // manager logs it once, at load), as with systemd: not repeated here.
    let dropins = &s.drop_in_paths;
    let mut last_dir = "";
    for (i, d) in dropins.iter().enumerate() {
        let (dir, file) = d.rsplit_once('/').unwrap_or(("", d));
        let label = if i == 0 {
            "    Drop-In: "
        } else {
            "             "
        };
        if dir != last_dir {
            out.push_str(&format!("{label}{dir}\n"));
            last_dir = dir;
        }
        let last_in_dir = dropins
            .get(i + 1)
            .is_none_or(|n| !n.starts_with(&format!("{dir}/")));
        out.push_str(&format!(
            "             {}{file}\n",
            if last_in_dir { "└─" } else { "├─" }
        ));
    }
    let result = s.result;
    let result_part = if !result.is_empty()
        && result != "success"
        && matches!(state, Some(ActiveState::Failed | ActiveState::Activating))
    {
        format!(" (Result: {result})")
    } else {
        String::new()
    };
    let stamp = match state {
        Some(ActiveState::Active | ActiveState::Reloading) => s.active_enter,
        Some(ActiveState::Inactive | ActiveState::Failed) => s.inactive_enter,
        Some(ActiveState::Activating) => s.inactive_exit,
        Some(ActiveState::Deactivating) | None => s.active_exit,
    };
    // systemctl omits the sub-state when it says the same ("failed (Result: …)").
    let state_text = if sub == active || sub.is_empty() {
        active.to_string()
    } else {
        format!("{active} ({sub})")
    };
    let state_col = match state {
        Some(ActiveState::Active | ActiveState::Reloading) => {
            paint(crate::output::style::HIGHLIGHT_GREEN, &state_text)
        }
        Some(ActiveState::Failed) => paint(crate::output::style::HIGHLIGHT_RED, &state_text),
        Some(ActiveState::Inactive | ActiveState::Activating | ActiveState::Deactivating)
        | None => state_text,
    };
    // A frozen (or freezing, thawing) unit says so after its state, as systemctl 252 does.
    let freezer = s.freezer_state;
    let freezer_part = if freezer.is_empty() || freezer == "running" {
        String::new()
    } else {
        format!(
            " {}",
            paint(
                crate::output::style::HIGHLIGHT_YELLOW,
                &format!("({freezer})")
            )
        )
    };
    out.push_str(&format!(
        "     Active: {state_col}{result_part}{freezer_part}{}\n",
        since(stamp)
    ));
    if s.condition_failed {
        out.push_str(&format!(
            "  Condition: start condition failed{}\n",
            since(s.condition_timestamp)
        ));
        if let Some(f) = s.failed_condition {
            out.push_str(&format!("             └─ {f} was not met\n"));
        }
    }
    out.push_str(&super::activation::status_lines(&u.activation(), active));
    let status_text = s.status_text;
    if let Some(main) = s.main_pid {
        let comm = u
            .processes
            .iter()
            .find(|x| x.pid == main)
            .map(|x| {
                x.cmdline
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default();
        out.push_str(&format!("   Main PID: {main} ({comm})\n"));
    } else if let (Some(exec_main), Some(exit)) = (s.exec_main_pid, s.main_exit) {
        out.push_str(&format!(
            "   Main PID: {exec_main} {}\n",
            describe_exit(exit)
        ));
        if let Some(why) = explain(exit) {
            out.push_str(&format!("             {why}\n"));
        }
    }
    if !status_text.is_empty() {
        out.push_str(&format!("     Status: \"{status_text}\"\n"));
    }
    if let Some(t) = s.tasks_current.filter(|&t| t != 0) {
        out.push_str(&format!("      Tasks: {t}\n"));
    }
    if let Some(m) = s.memory_current {
        out.push_str(&format!("     Memory: {}\n", format_bytes(m)));
    }
    if let Some(ns) = s.cpu_usage_nsec {
        out.push_str(&format!(
            "        CPU: {}\n",
            linger_time::format_timespan(ns / 1000, 1000)
        ));
    }
    let cgroup = s.control_group;
    if !cgroup.is_empty() {
        out.push_str(&format!("     CGroup: {cgroup}\n"));
    } else if !u.processes.is_empty() {
        out.push_str("    Process: (tracked by session and $INVOCATION_ID; no cgroup)\n");
    }
    if !u.processes.is_empty() {
        for (i, proc) in u.processes.iter().enumerate() {
            let branch = if i + 1 == u.processes.len() {
                "└─"
            } else {
                "├─"
            };
            let mut line = format!("             {branch}{} {}", proc.pid, proc.cmdline);
            if !full && let Some(w) = crate::output::term::width() {
                line = crate::output::term::ellipsize(&line, w);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    if let Some(tail) = journal_tail {
        if !tail.is_empty() {
            out.push('\n');
            out.push_str(tail);
        }
    } else if !u.logs.is_empty() {
        out.push('\n');
        let host = hostname();
        for l in &u.logs {
            let mut line = format!(
                "{} {host} {}[{}]: {}",
                short_time(l.realtime),
                l.identifier,
                l.pid,
                l.message
            );
            if l.priority <= 3 {
                line = paint(crate::output::style::HIGHLIGHT_RED, &line);
            } else if l.priority == 4 {
                line = paint(crate::output::style::HIGHLIGHT_YELLOW, &line);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// journalctl's options for status's log tails (`-o short -q`), when the tails come from
/// the journal; None when there is no journal directory (the manager's tail is shown).
fn tail_options() -> Option<linger_journal::app::Options> {
    let args = crate::journalctl::JournalArgs {
        output: "short".into(),
        quiet: true,
        ..Default::default()
    };
    let opts = args.to_options().ok()?;
    let dir = opts
        .directory
        .clone()
        .or_else(linger_journal::JournalConfig::default_directory)?;
    dir.is_dir().then_some(opts)
}

/// Each unit's last `n` lines in journalctl's short format, from one walk of the journal
/// (not one per unit: status of 10,000 units); None when the journal cannot be read.
fn journal_tails(
    opts: &linger_journal::app::Options,
    units: &[&str],
    n: usize,
) -> Option<Vec<String>> {
    if n == 0 {
        return Some(vec![String::new(); units.len()]);
    }
    let units: Vec<String> = units.iter().map(|u| (*u).to_string()).collect();
    let tails = linger_journal::tails::unit_tails(opts, &units, n)?;
    Some(
        tails
            .into_iter()
            .map(|t| String::from_utf8_lossy(&t).into_owned())
            .collect(),
    )
}

/// As [`journal_tails`] (with lines to show), with the journal read.
fn journal_tails_of(
    opts: &linger_journal::app::Options,
    units: &[String],
    n: usize,
) -> Option<(Vec<String>, linger_journal::Journal)> {
    let (tails, journal) = linger_journal::tails::unit_tails_of(opts, units, n)?;
    let tails = tails
        .into_iter()
        .map(|t| String::from_utf8_lossy(&t).into_owned())
        .collect();
    Some((tails, journal))
}

fn describe_exit(exit: MainExit) -> String {
    match exit {
        MainExit::Exited(n) => {
            let name = exit_name(n).map(|x| format!("/{x}")).unwrap_or_default();
            format!("(code=exited, status={n}{name})")
        }
        MainExit::Killed(n) => format!("(code=killed, signal={})", signal_name(n)),
        MainExit::Dumped(n) => format!("(code=dumped, signal={})", signal_name(n)),
    }
}

fn explain(exit: MainExit) -> Option<&'static str> {
    match exit {
        MainExit::Exited(200) => {
            Some("Changing to the requested working directory failed (check WorkingDirectory=).")
        }
        MainExit::Exited(203) => {
            Some("Executing the program failed: the ExecStart= path is missing or not executable.")
        }
        MainExit::Exited(205) => Some("Setting a resource limit (Limit*=) failed."),
        MainExit::Exited(216 | 217) => Some("User=/Group= cannot be changed by a user manager."),
        MainExit::Exited(_) | MainExit::Killed(_) | MainExit::Dumped(_) => None,
    }
}

fn exit_name(n: i32) -> Option<&'static str> {
    linger_engine::exit_status_name(n)
}

fn signal_name(n: i32) -> String {
    format!("SIG{}", linger_engine::signal_name(n))
}

/// `status [UNIT…]`: exit 0 if all running, 3 if any not active, 4 if any unknown.
pub fn status(units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return manager_status();
    }
    let names = match status_names(units) {
        Ok(n) => n,
        Err(e) => return fail(&e),
    };
    // With a journal to read, the manager need not send its in-memory log tails.
    let tail_opts = tail_options();
    let manager_lines = if tail_opts.is_some() { 0 } else { o.lines };
    let props = status_properties();
    let mut client = match crate::connect::connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let req = api::UnitsRequest {
        units: names.clone(),
        log_lines: manager_lines,
        processes: true,
        properties: props.iter().map(|p| (*p).to_string()).collect(),
        ..Default::default()
    };
    // The journal is read while the manager works on its answer, for the names asked: they
    // are the ids the manager names unless one is an alias or unknown, and the journal may
    // be written meanwhile (the manager logs what it found wrong loading a unit before it
    // answers). So these tails are kept only when the ids are the names and the journal is
    // what was read; else they are read again, after the answer, as without this.
    let (rows, early) = crate::unit_pages::units_while(&mut client, &req, || {
        tail_opts
            .as_ref()
            .filter(|_| o.lines > 0)
            .and_then(|t| journal_tails_of(t, &names, o.lines))
    });
    let mut list = match rows {
        Ok(u) => u,
        Err(e) => return fail(&e.to_string()),
    };
    drop(client);
    let found: Vec<&str> = list
        .iter()
        .map(|u| u.status())
        .filter(|s| !s.not_found())
        .map(|s| s.id)
        .collect();
    let tails = match early {
        Some((tails, journal)) if found == names && journal.unchanged() => Some(tails),
        _ => tail_opts.and_then(|t| journal_tails(&t, &found, o.lines)),
    };
    if tails.is_none() && manager_lines != o.lines {
        // The journal could not be read after all: the manager's tails, as without one.
        list = match super::show::fetch_props(&names, o.lines, true, &props) {
            Ok(u) => u,
            Err(e) => return fail(&e),
        };
    }
    let mut tails = tails.into_iter().flatten();
    let mut code = 0u8;
    let mut blocks = Vec::new();
    for u in &list {
        let s = u.status();
        if s.not_found() {
            eprintln!("Unit {} could not be found.", s.id);
            code = code.max(4);
            continue;
        }
        if !s.is_up() {
            code = code.max(3);
        }
        if s.need_daemon_reload {
            eprintln!("{}", super::reload_warning::line(s.id));
        }
        let tail = tails.next();
        blocks.push(render(u, o.full, tail.as_deref()));
    }
    print!("{}", blocks.join("\n"));
    ExitCode::from(code)
}

/// The properties [`render`] reads (its typed views' lists, and a socket's connection
/// counters): the manager sends these, not all ~200 of a unit (a third of the reply's bytes
/// to render, send and parse).
fn status_properties() -> Vec<&'static str> {
    use linger_ipc::unit_activation::{ACCEPT, Activation, N_ACCEPTED, N_CONNECTIONS};
    let mut v: Vec<&'static str> = unit_status::UnitStatus::PROPERTIES
        .iter()
        .chain(Activation::TIMER_PROPERTIES)
        .chain(Activation::SOCKET_PROPERTIES)
        .chain(&[ACCEPT, N_ACCEPTED, N_CONNECTIONS])
        .copied()
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// `status`'s arguments as unit names: a number is a process, shown as the unit it belongs
/// to (as `systemctl status PID`); patterns match loaded units.
fn status_names(args: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for a in args {
        if let Ok(pid) = a.parse::<u32>() {
            out.push(unit_of_pid(pid)?);
        } else {
            out.extend(crate::unit_names::expand_names(std::slice::from_ref(a))?);
        }
    }
    Ok(out)
}

/// The unit whose processes include `pid`, asked of the manager (it knows them with or
/// without cgroups).
fn unit_of_pid(pid: u32) -> Result<String, String> {
    if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
        return Err(format!("PID {pid} does not exist."));
    }
    let mut client = crate::connect::connect()?;
    let v = client
        .call(
            linger_ipc::manager::method::LIST,
            serde_json::json!({ "all": false }),
        )
        .map_err(|e| e.to_string())?;
    let loaded: api::ListReply = serde_json::from_value(v).unwrap_or_default();
    let req = api::UnitsRequest {
        units: loaded.units.into_iter().map(|u| u.unit).collect(),
        processes: true,
        properties: vec![unit_status::ID.into()],
        ..Default::default()
    };
    let rows = crate::unit_pages::units(&mut client, &req).map_err(|e| e.to_string())?;
    rows.iter()
        .find(|u| u.processes.iter().any(|p| p.pid == pid))
        .map(|u| u.status().id.to_string())
        .ok_or_else(|| format!("PID {pid} does not belong to any loaded unit."))
}

fn manager_status() -> ExitCode {
    let mut client = match crate::connect::connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let v = match client.call(linger_ipc::manager::method::MANAGER, serde_json::json!({})) {
        Ok(v) => v,
        Err(e) => return fail(&e.to_string()),
    };
    let p: linger_ipc::manager_status::ManagerProperties =
        serde_json::from_value(v).unwrap_or_default();
    let m = p.status();
    let state = m.system_state;
    println!(
        "{} {}",
        dot(Some(if state == "running" {
            ActiveState::Active
        } else {
            ActiveState::Failed
        })),
        hostname()
    );
    println!("    State: {state}");
    println!("     Jobs: {} queued", m.n_jobs);
    println!("   Failed: {} units", m.n_failed_units);
    println!("  Manager: linger {} (pid {})", m.version, m.main_pid);
    let driver = m.cgroup_driver;
    if driver == "none" {
        println!(
            "   Cgroup: driver none ({}; processes tracked by session and $INVOCATION_ID)",
            m.cgroup_reason
        );
    } else {
        println!("   Cgroup: driver {driver} (one cgroup per unit)");
    }
    ExitCode::SUCCESS
}

/// systemd's byte format: `512B`, `1.5K`, `12.0M`, `2.1G` (base 1024, one decimal).
fn format_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["K", "M", "G", "T", "P"];
    if n < 1024 {
        return format!("{n}B");
    }
    let mut factor = 1024u64;
    let mut i = 0;
    while i + 1 < UNITS.len() && n >= factor * 1024 {
        factor *= 1024;
        i += 1;
    }
    format!("{}.{}{}", n / factor, (n % factor) * 10 / factor, UNITS[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use linger_ipc::unit_activation as act;
    use linger_ipc::unit_status as us;

    /// A unit with every property `status` could read set, and others it does not read.
    fn rich(id: &str) -> api::UnitProperties {
        api::UnitProperties::with_properties([
            (us::ID, id),
            (us::DESCRIPTION, "A rich unit"),
            (us::LOAD_STATE, "loaded"),
            (us::ACTIVE_STATE, "failed"),
            (us::SUB_STATE, "failed"),
            (us::RESULT, "exit-code"),
            (us::FRAGMENT_PATH, "/u/x"),
            (us::UNIT_FILE_STATE, "enabled"),
            (us::UNIT_FILE_PRESET, "disabled"),
            (us::DROP_IN_PATHS, "/u/x.d/a.conf /u/x.d/b.conf"),
            (us::FREEZER_STATE, "frozen"),
            (us::NEED_DAEMON_RELOAD, "yes"),
            (us::CONDITION_RESULT, "no"),
            (us::CONDITION_FAILED, "ConditionPathExists=/nope"),
            (us::EXEC_MAIN_PID, "42"),
            (us::EXEC_MAIN_CODE, "exited"),
            (us::EXEC_MAIN_STATUS, "203"),
            (us::STATUS_TEXT, "Working"),
            (us::TASKS_CURRENT, "3"),
            (us::MEMORY_CURRENT, "1048576"),
            (us::CPU_USAGE_NSEC, "5000000"),
            (us::CONTROL_GROUP, "/x.service"),
            (us::DOCUMENTATION, "man:x(1)"),
            (us::TRIGGERED_BY, "x.timer x.socket"),
            (us::AFTER, "basic.target"),
            (act::TRIGGERS, "y.service"),
            (act::NEXT_ELAPSE_REALTIME, ""),
            (act::NEXT_ELAPSE_MONOTONIC, "0"),
            (act::LISTEN, "127.0.0.1:80 (Stream)\n/run/x.sock (Stream)"),
            (act::ACCEPT, "yes"),
            (act::N_ACCEPTED, "7"),
            (act::N_CONNECTIONS, "2"),
            (act::PATHS, "PathExists /p"),
            ("ExecStart", "{ path=/bin/x ; argv[]=/bin/x }"),
            ("Restart", "always"),
            ("Names", id),
        ])
    }

    #[test]
    fn status_asks_for_every_property_it_shows() {
        let wanted = status_properties();
        for id in ["x.service", "x.socket", "x.timer"] {
            let all = rich(id);
            let mut some = all.clone();
            some.properties.retain(|k, _| wanted.contains(&k.as_str()));
            assert!(some.properties.len() < all.properties.len());
            assert_eq!(
                render(&some, true, Some("")),
                render(&all, true, Some("")),
                "{id}"
            );
        }
    }
}
