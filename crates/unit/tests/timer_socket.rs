//! `.timer` and `.socket` units: unit snippets → the typed model (`TimerConfig`,
//! `SocketConfig`), the lines that draw a diagnostic, the load verdict, and the implicit
//! dependencies the loader adds.

#![allow(clippy::print_stdout)] // tests report pass counts

mod model_support;
mod timer_socket_cases;

use linger_unit::loader::load_file;
use linger_unit::model::{LoadState, SocketConfig, TimerConfig, UnitConfig, UnitKind};
use timer_socket_cases::{CASES, Case};

fn state_str(s: LoadState) -> &'static str {
    s.as_str()
}

fn run(t: &model_support::Tree, c: &Case) -> Result<(), String> {
    let path = t.write(&t.tmp.path().join("cases"), c.file, c.text);
    let u = load_file(&path, &t.ctx);
    let lines: Vec<usize> = {
        let mut l: Vec<usize> = u
            .diagnostics
            .iter()
            .filter(|d| d.line > 0 && d.path.as_deref() == Some(path.as_path()))
            .map(|d| d.line)
            .collect();
        l.sort_unstable();
        l.dedup();
        l
    };
    let mut errs = Vec::new();
    if state_str(u.load_state) != c.state {
        errs.push(format!(
            "load state: expected {}, got {}",
            c.state,
            state_str(u.load_state)
        ));
    }
    if lines != c.lines {
        errs.push(format!(
            "diagnostic lines: expected {:?}, got {lines:?}",
            c.lines
        ));
    }
    if let Err(e) = (c.check)(&u) {
        errs.push(e);
    }
    if errs.is_empty() {
        Ok(())
    } else {
        let msgs: Vec<String> = u.diagnostics.iter().map(|d| d.to_string()).collect();
        Err(format!(
            "{}: {}\n    diagnostics:\n      {}",
            c.file,
            errs.join("; "),
            msgs.join("\n      ")
        ))
    }
}

#[test]
fn timer_and_socket_snippets() {
    let t = model_support::Tree::new();
    let failures: Vec<String> = CASES.iter().filter_map(|c| run(&t, c).err()).collect();
    println!(
        "timer/socket cases: {} of {} pass",
        CASES.len() - failures.len(),
        CASES.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn activated_unit_names() {
    let t = TimerConfig::default();
    assert_eq!(t.target_unit("foo.timer"), "foo.service");
    assert_eq!(t.target_unit("foo@x.timer"), "foo@x.service");
    let t = TimerConfig {
        unit: Some("bar.target".into()),
        ..TimerConfig::default()
    };
    assert_eq!(t.target_unit("foo.timer"), "bar.target");

    let s = SocketConfig::default();
    assert_eq!(s.target_service("foo.socket"), "foo.service");
    assert_eq!(s.target_service("foo@x.socket"), "foo@x.service");
    let s = SocketConfig {
        service: Some("bar.service".into()),
        ..SocketConfig::default()
    };
    assert_eq!(s.target_service("foo.socket"), "bar.service");
    let s = SocketConfig {
        accept: true,
        ..SocketConfig::default()
    };
    assert_eq!(s.target_service("foo.socket"), "foo@.service");
    assert_eq!(s.target_service("foo@x.socket"), "foo@.service");
    assert_eq!(s.effective_trigger_burst(), 200);
    assert_eq!(SocketConfig::default().effective_trigger_burst(), 20);
}

/// A unit that is not a timer or socket is untouched by the new code, except `Sockets=`.
#[test]
fn service_with_sockets_wants_and_orders_after_them() {
    let t = model_support::Tree::new();
    let p = t.write(
        &t.vendor,
        "svc.service",
        "[Service]\nExecStart=/bin/true\nSockets=a.socket b.socket\n",
    );
    let u: UnitConfig = load_file(&p, &t.ctx);
    assert_eq!(u.load_state, LoadState::Loaded);
    assert!(matches!(u.kind, UnitKind::Service(_)));
    assert_eq!(u.unit.wants, vec!["a.socket", "b.socket"]);
    assert_eq!(u.unit.after, vec!["a.socket", "b.socket"]);
    assert!(u.unit.triggers.is_empty());
}

/// systemd.service(5): a `Type=dbus` service needs the bus (`Requires=`, `After=`
/// `dbus.socket`), and `BusName=` without `Type=` makes a service `Type=dbus`.
#[test]
fn dbus_services_require_the_bus_and_bus_name_implies_the_type() {
    use linger_unit::model::ServiceType;
    let t = model_support::Tree::new();
    let load = |name: &str, text: &str| -> UnitConfig {
        let p = t.write(&t.vendor, name, text);
        load_file(&p, &t.ctx)
    };
    let typed = |u: &UnitConfig| match &u.kind {
        UnitKind::Service(s) => (s.service_type, s.bus_name.clone()),
        _ => panic!("not a service"),
    };
    let implied = load(
        "implied.service",
        "[Service]\nBusName=org.example.Implied\nExecStart=/bin/true\n",
    );
    assert_eq!(implied.load_state, LoadState::Loaded);
    assert_eq!(
        typed(&implied),
        (ServiceType::Dbus, Some("org.example.Implied".into()))
    );
    assert_eq!(implied.unit.requires, vec!["dbus.socket"]);
    assert_eq!(implied.unit.after, vec!["dbus.socket"]);
    // An explicit Type= wins; only Type=dbus needs the bus.
    let simple = load(
        "simple.service",
        "[Service]\nType=simple\nBusName=org.example.Simple\nExecStart=/bin/true\n",
    );
    assert_eq!(typed(&simple).0, ServiceType::Simple);
    assert!(simple.unit.requires.is_empty() && simple.unit.after.is_empty());
    let ordered = load(
        "ordered.service",
        "[Unit]\nAfter=dbus.socket\n[Service]\nType=dbus\nBusName=org.example.O\nExecStart=/bin/true\n",
    );
    assert_eq!(ordered.unit.after, vec!["dbus.socket"], "listed once");
}

/// `verify` reports the refusals, the new warnings, and activated units that do not exist.
#[test]
fn verify_reports_timer_and_socket_problems() {
    use linger_unit::diag::Severity;
    use linger_unit::lint::verify_file;
    let t = model_support::Tree::new();
    let dir = t.tmp.path().join("verify");
    let msgs = |name: &str, text: &str| -> Vec<(Severity, String)> {
        let p = t.write(&dir, name, text);
        verify_file(&p, &t.ctx)
            .into_iter()
            .map(|d| (d.severity, d.message))
            .collect()
    };
    let has = |v: &[(Severity, String)], sev: Severity, needle: &str| {
        v.iter().any(|(s, m)| *s == sev && m.contains(needle))
    };

    let v = msgs("empty.timer", "[Timer]\nPersistent=yes\n");
    assert!(
        has(&v, Severity::Error, "Timer unit lacks value setting"),
        "{v:?}"
    );
    assert!(
        has(&v, Severity::Error, "has a bad unit file setting"),
        "{v:?}"
    );

    let v = msgs(
        "lonely.timer",
        "[Timer]\nOnBootSec=1\nPersistent=yes\nOnCalendar=nope\n",
    );
    assert!(
        has(
            &v,
            Severity::Warning,
            "unit lonely.service to trigger not found"
        ),
        "{v:?}"
    );
    assert!(
        has(
            &v,
            Severity::Warning,
            "Persistent=yes only affects OnCalendar="
        ),
        "{v:?}"
    );
    assert!(has(&v, Severity::Warning, "'nope'"), "{v:?}");
    assert!(!v.iter().any(|(s, _)| *s == Severity::Error), "{v:?}");

    t.write(&dir, "paired.service", "[Service]\nExecStart=/bin/true\n");
    let v = msgs(
        "paired.timer",
        "[Timer]\nOnCalendar=daily\nPersistent=yes\n",
    );
    assert!(v.is_empty(), "{v:?}");
    let v = msgs("paired.socket", "[Socket]\nListenStream=%t/p.sock\n");
    assert!(v.is_empty(), "{v:?}");

    let v = msgs(
        "lonely.socket",
        "[Socket]\nListenStream=/x\nListenNetlink=route\n",
    );
    assert!(
        has(
            &v,
            Severity::Error,
            "service lonely.service not loaded, socket cannot be started"
        ),
        "{v:?}"
    );
    assert!(
        has(
            &v,
            Severity::Warning,
            "ListenNetlink= is not supported by linger"
        ),
        "{v:?}"
    );

    // Accept=yes needs the template, which verify checks through an instance.
    let v = msgs("acc.socket", "[Socket]\nListenStream=/x\nAccept=yes\n");
    assert!(
        has(
            &v,
            Severity::Error,
            "service acc@internal.service not loaded"
        ),
        "{v:?}"
    );
    t.write(
        &dir,
        "acc@.service",
        "[Service]\nExecStart=/bin/true\nStandardInput=socket\n",
    );
    let v = msgs("acc.socket", "[Socket]\nListenStream=/x\nAccept=yes\n");
    assert!(v.is_empty(), "{v:?}");

    let v = msgs(
        "refused.socket",
        "[Socket]\nListenStream=/x\nAccept=yes\nService=a.service\n",
    );
    assert!(
        has(&v, Severity::Error, "Explicit service configuration"),
        "{v:?}"
    );
}
