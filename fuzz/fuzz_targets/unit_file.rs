//! The unit-file language: the lexer (sections, comments, continuations) and the settings
//! table behind it (every `Section.Key` parser, `ExecStart=` command lines, specifiers,
//! conditions, timers, sockets, resource limits, the whole-unit checks) — what the user
//! manager reads from `~/.config/systemd/user` and what `linger ctl verify` is pointed at.
//!
//! The first byte picks the unit type; the rest is the file. Invariants: the lexer's keys
//! and values are trimmed, its section names hold no ASCII control characters, quotes or backslashes, its lines are in order and inside the
//! file; a file the lexer refuses leaves the unit in `error`; finishing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linger_unit::model::{LoadState, UnitType};
use linger_unit::settings::{ApplyContext, UnitBuilder};
use linger_unit::specifier::{HostInfo, SpecifierContext, UserInfo};
use linger_unit::syntax;

const TYPES: [(UnitType, &str); 6] = [
    (UnitType::Service, "fuzz@inst.service"),
    (UnitType::Socket, "fuzz.socket"),
    (UnitType::Timer, "fuzz.timer"),
    (UnitType::Target, "fuzz.target"),
    (UnitType::Scope, "fuzz.scope"),
    (UnitType::Path, "fuzz.path"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    lexer_invariants(file);
    let (unit_type, name) = TYPES[usize::from(pick) % TYPES.len()];
    let user = UserInfo {
        name: "fuzz".into(),
        uid: 1000,
        gid: 1000,
        group: "fuzz".into(),
        home: "/home/fuzz".into(),
        shell: "/bin/sh".into(),
    };
    let host = HostInfo {
        hostname: "host.example".into(),
        machine_id: Some("0123456789abcdef0123456789abcdef".into()),
        boot_id: Some("fedcba9876543210fedcba9876543210".into()),
        kernel_release: "6.1.0".into(),
        architecture: "x86-64".into(),
        ..HostInfo::default()
    };
    let sctx = SpecifierContext::for_user_manager(name, &user, &|_| None, host)
        .expect("a valid unit name");
    let expand = |s: &str| linger_unit::specifier::expand(s, &sctx).map_err(|e| e.message);
    let expand_name =
        |s: &str| linger_unit::specifier::expand_name(s, &sctx).map_err(|e| e.message);
    let home = std::path::PathBuf::from("/home/fuzz");
    let actx = ApplyContext {
        expand: &expand,
        expand_name: &expand_name,
        home: Some(&home),
    };
    let path = std::path::Path::new("/home/fuzz/.config/systemd/user/fuzz.service");
    let mut b = UnitBuilder::new(name, unit_type);
    b.apply_bytes(file, Some(path), &actx);
    let refused = syntax::parse_bytes(file, None).is_fatal();
    let cfg = b.finish();
    if refused {
        assert_eq!(cfg.load_state, LoadState::Error);
    }
    for d in &cfg.diagnostics {
        assert!(!d.message.is_empty());
    }
});

fn lexer_invariants(file: &[u8]) {
    let parsed = syntax::parse_bytes(file, None);
    let lines = syntax::lines(file).count();
    let blank = |c: char| " \t\n\r".contains(c);
    let mut last = 0;
    for a in &parsed.assignments {
        assert!(
            !a.key.starts_with(blank) && !a.key.ends_with(blank),
            "{a:?}"
        );
        assert!(
            !a.value.starts_with(blank) && !a.value.ends_with(blank),
            "{a:?}"
        );
        assert!(
            a.line >= last && a.line >= 1 && a.line <= lines + 1,
            "{a:?} of {lines}"
        );
        last = a.line;
    }
    for (name, line) in &parsed.sections {
        let unsafe_char = |c: char| c.is_ascii_control() || "\"'\\".contains(c);
        assert!(!name.contains(unsafe_char), "{name:?}:{line}");
        assert!(*line >= 1 && *line <= lines + 1, "{name:?}:{line}");
    }
}
