//! The kernel rules MemFs emulates, pinned so the logic tested on it means something.

use std::path::Path;

use rustix::io::Errno;

use super::{CgroupFs, Created, MemFs, MemKernel, RealFs};

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn v2() -> MemFs {
    let fs = MemFs::default();
    fs.add_v2_hierarchy("/cg", &["cpu", "io", "memory", "pids"]);
    fs
}

#[test]
fn events_follow_membership_of_the_subtree() {
    let fs = v2();
    fs.mkdir_all("/cg/a/b");
    assert_eq!(
        fs.read(p("/cg/a/cgroup.events")).unwrap(),
        "populated 0\nfrozen 0\n"
    );
    fs.spawn(7, &["/cg/a/b"]);
    assert_eq!(
        fs.read(p("/cg/a/cgroup.events")).unwrap(),
        "populated 1\nfrozen 0\n"
    );
    assert_eq!(fs.read(p("/cg/a/cgroup.procs")).unwrap(), "");
    assert_eq!(fs.read(p("/cg/a/b/cgroup.procs")).unwrap(), "7\n");
    fs.exit(7);
    assert_eq!(
        fs.read(p("/cg/a/cgroup.events")).unwrap(),
        "populated 0\nfrozen 0\n"
    );
    // The root cgroup has no cgroup.events, cgroup.kill or cgroup.freeze.
    assert!(!fs.exists(p("/cg/cgroup.events")));
    assert!(!fs.exists(p("/cg/cgroup.kill")));
}

#[test]
fn no_internal_processes() {
    let fs = v2();
    fs.mkdir_all("/cg/a/b");
    fs.write(p("/cg/cgroup.subtree_control"), "+memory +pids")
        .unwrap();
    fs.spawn(7, &["/cg/a"]);
    let e = fs
        .write(p("/cg/a/cgroup.subtree_control"), "+memory")
        .unwrap_err();
    assert!(e.is_errno(Errno::BUSY), "{e}");
    fs.write(p("/cg/a/b/cgroup.procs"), "7").unwrap();
    fs.write(p("/cg/a/cgroup.subtree_control"), "+memory +pids")
        .unwrap();
    let e = fs.write(p("/cg/a/cgroup.procs"), "7").unwrap_err();
    assert!(e.is_errno(Errno::BUSY), "{e}");
    assert_eq!(
        fs.read(p("/cg/a/b/cgroup.controllers")).unwrap(),
        "memory pids\n"
    );
    // A controller the parent does not offer cannot be enabled.
    let e = fs
        .write(p("/cg/a/b/cgroup.subtree_control"), "+cpu")
        .unwrap_err();
    assert!(e.is_errno(Errno::NOENT), "{e}");
    // Limit files appear only where the controller is enabled.
    assert!(fs.exists(p("/cg/a/b/memory.max")));
    assert!(!fs.exists(p("/cg/a/b/cpu.max")));
    assert!(!fs.exists(p("/cg/memory.max"))); // never in the root cgroup
}

#[test]
fn write_zero_moves_the_calling_process() {
    let fs = v2();
    fs.mkdir_all("/cg/a");
    fs.spawn(9, &[]);
    fs.set_self_pid(9);
    fs.write(p("/cg/a/cgroup.procs"), "0").unwrap();
    assert_eq!(fs.read(p("/cg/a/cgroup.procs")).unwrap(), "9\n");
    assert_eq!(fs.read(p("/cg/cgroup.procs")).unwrap(), "");
    let e = fs.write(p("/cg/a/cgroup.procs"), "12345").unwrap_err();
    assert!(e.is_errno(Errno::SRCH), "{e}");
}

#[test]
fn kill_file_kills_the_subtree() {
    let fs = v2();
    fs.mkdir_all("/cg/a/b");
    fs.spawn(1, &["/cg/a"]);
    fs.spawn(2, &["/cg/a/b"]);
    fs.spawn(3, &[]);
    fs.write(p("/cg/a/cgroup.kill"), "1").unwrap();
    assert_eq!(fs.signals(), [(1, 9), (2, 9)]);
    assert!(fs.is_alive(3) && !fs.is_alive(1) && !fs.is_alive(2));
    assert!(fs.write(p("/cg/a/cgroup.kill"), "2").is_err());
    let old = MemFs::new(MemKernel {
        cgroup_kill: false,
        ..MemKernel::default()
    });
    old.add_v2_hierarchy("/cg", &[]);
    old.mkdir_all("/cg/a");
    assert!(!old.exists(p("/cg/a/cgroup.kill")));
}

#[test]
fn rmdir_rules() {
    let fs = v2();
    fs.mkdir_all("/cg/a/b");
    assert!(fs.rmdir(p("/cg/a")).unwrap_err().is_errno(Errno::BUSY));
    fs.spawn(4, &["/cg/a/b"]);
    assert!(fs.rmdir(p("/cg/a/b")).unwrap_err().is_errno(Errno::BUSY));
    fs.exit(4);
    fs.rmdir(p("/cg/a/b")).unwrap();
    fs.rmdir(p("/cg/a")).unwrap();
    fs.rmdir(p("/cg/a")).unwrap(); // already gone: fine
    assert!(fs.rmdir(p("/cg")).is_err());
    assert_eq!(fs.mkdir(p("/cg/x")).unwrap(), Created::New);
    assert_eq!(fs.mkdir(p("/cg/x")).unwrap(), Created::Existed);
    assert!(fs.mkdir(p("/cg/y/z")).unwrap_err().is_errno(Errno::NOENT));
}

/// (file, written, read back or None if the kernel refuses it)
const V2_FORMATS: &[(&str, &str, Option<&str>)] = &[
    ("memory.max", "max", Some("max\n")),
    ("memory.max", "536870912", Some("536870912\n")),
    ("memory.max", "1000", Some("0\n")), // rounded down to a page
    ("memory.max", "1G", Some("1073741824\n")),
    ("memory.max", "lots", None),
    ("memory.high", "12582912", Some("12582912\n")),
    ("memory.low", "max", Some("max\n")),
    ("memory.swap.max", "0", Some("0\n")),
    ("pids.max", "20", Some("20\n")),
    ("pids.max", "max", Some("max\n")),
    ("pids.max", "-1", None),
    ("cpu.max", "20000 100000", Some("20000 100000\n")),
    ("cpu.max", "max", Some("max 100000\n")),
    ("cpu.max", "500 100000", None),
    ("cpu.max", "20000 100", None),
    ("cpu.weight", "30", Some("30\n")),
    ("cpu.weight", "0", None),
    ("cpu.weight", "10001", None),
    ("io.weight", "default 200", Some("default 200\n")),
    ("io.weight", "300", Some("default 300\n")),
    ("io.weight", "0", None),
    ("memory.current", "5", None),
    ("memory.events", "x", None),
];

#[test]
fn v2_limit_file_formats() {
    let fs = v2();
    fs.mkdir_all("/cg/a");
    fs.write(p("/cg/cgroup.subtree_control"), "+memory +pids +cpu +io")
        .unwrap();
    let mut bad = Vec::new();
    for (file, value, want) in V2_FORMATS {
        let path = Path::new("/cg/a").join(file);
        let got = fs.write(&path, value).and_then(|()| fs.read(&path));
        match (got, want) {
            (Ok(g), Some(w)) if g == *w => {}
            (Err(_), None) => {}
            (g, w) => bad.push(format!("{file} <- {value:?}: expected {w:?}, got {g:?}")),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    fs.mkdir_all("/cg/b");
    let defaults = [
        (
            "memory.events",
            "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n",
        ),
        ("cpu.weight", "100\n"),
        ("memory.current", "0\n"),
    ];
    for (file, want) in defaults {
        assert_eq!(
            fs.read(&Path::new("/cg/b").join(file)).unwrap(),
            want,
            "{file}"
        );
    }
    assert!(
        fs.read(p("/cg/b/cpu.stat"))
            .unwrap()
            .starts_with("usage_usec 0\n")
    );
}

#[test]
fn v1_limit_file_formats() {
    let fs = MemFs::default();
    fs.add_v1_hierarchy("/m", &["memory"]);
    fs.add_v1_hierarchy("/c", &["cpu"]);
    fs.mkdir_all("/m/a");
    fs.mkdir_all("/c/a");
    let r = |f: &str| fs.read(p(f)).unwrap();
    assert_eq!(r("/m/a/memory.limit_in_bytes"), "9223372036854771712\n");
    fs.write(p("/m/a/memory.limit_in_bytes"), "52428800")
        .unwrap();
    assert_eq!(r("/m/a/memory.limit_in_bytes"), "52428800\n");
    // memory+swap can never be below memory.
    assert!(
        fs.write(p("/m/a/memory.memsw.limit_in_bytes"), "1M")
            .unwrap_err()
            .is_errno(Errno::INVAL)
    );
    fs.write(p("/m/a/memory.memsw.limit_in_bytes"), "60M")
        .unwrap();
    assert!(fs.write(p("/m/a/memory.limit_in_bytes"), "-1").is_err());
    fs.write(p("/m/a/memory.memsw.limit_in_bytes"), "-1")
        .unwrap();
    fs.write(p("/m/a/memory.limit_in_bytes"), "-1").unwrap();
    assert_eq!(r("/m/a/memory.limit_in_bytes"), "9223372036854771712\n");
    assert_eq!(
        r("/m/a/memory.oom_control"),
        "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n"
    );
    assert_eq!(r("/c/a/cpu.cfs_quota_us"), "-1\n");
    fs.write(p("/c/a/cpu.cfs_quota_us"), "20000").unwrap();
    assert!(fs.write(p("/c/a/cpu.cfs_quota_us"), "999").is_err());
    fs.write(p("/c/a/cpu.shares"), "1").unwrap();
    assert_eq!(r("/c/a/cpu.shares"), "2\n");
}

#[test]
fn signals_and_forks() {
    let fs = v2();
    fs.mkdir_all("/cg/a");
    fs.spawn(5, &["/cg/a"]);
    fs.ignore_signals(5);
    fs.fork_on_signal(5, 6);
    let five = fs.pin(5).unwrap().unwrap();
    assert!(fs.signal(&five, 15).unwrap());
    assert!(fs.is_alive(5) && fs.is_alive(6));
    assert_eq!(fs.read(p("/cg/a/cgroup.procs")).unwrap(), "5\n6\n");
    let six = fs.pin(6).unwrap().unwrap();
    assert!(fs.signal(&six, 15).unwrap());
    assert!(!fs.is_alive(6));
    assert!(!fs.signal(&six, 15).unwrap());
    assert!(fs.pin(6).unwrap().is_none(), "nothing to pin once gone");
    assert!(fs.pin(0).is_err());
    assert!(fs.signal(&five, 0).is_err());
}

#[test]
fn a_pin_does_not_reach_the_next_process_with_the_pid() {
    let fs = v2();
    fs.mkdir_all("/cg/a");
    fs.spawn(5, &["/cg/a"]);
    let old = fs.pin(5).unwrap().unwrap();
    fs.exit(5);
    fs.spawn(5, &["/cg"]);
    assert!(!fs.signal(&old, 9).unwrap());
    assert!(fs.is_alive(5), "the new process with pid 5 is untouched");
}

#[test]
fn real_fs_names_paths_in_errors() {
    let dir = std::env::temp_dir().join(format!("linger-cgroup-realfs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fs = RealFs::new(&dir);
    assert_eq!(fs.mkdir(p("/a")).unwrap(), Created::New);
    assert_eq!(fs.mkdir(p("/a")).unwrap(), Created::Existed);
    std::fs::write(dir.join("a/cgroup.procs"), "").unwrap();
    fs.write(p("/a/cgroup.procs"), "123").unwrap();
    assert_eq!(fs.read(p("/a/cgroup.procs")).unwrap(), "123");
    assert_eq!(fs.children(p("/")).unwrap(), ["a"]);
    let e = fs.read(p("/a/missing")).unwrap_err().to_string();
    assert!(
        e.contains(&dir.join("a/missing").display().to_string()),
        "{e}"
    );
    let e = fs
        .write(p("/nope/cgroup.procs"), "1")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("cannot write ") && e.contains("nope/cgroup.procs"),
        "{e}"
    );
    assert!(fs.pin(0).is_err());
    let me = fs.pin(std::process::id()).unwrap().unwrap();
    assert!(fs.signal(&me, 12345).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}
