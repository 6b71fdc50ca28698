//! Shared helpers for linger-unit's model/loader tests: temp unit trees and contexts.
#![allow(dead_code, clippy::print_stdout)]

use std::path::{Path, PathBuf};

use linger_unit::loader::{HostInfo, LoadContext, UserInfo};

/// The conformance data directory, or None (after printing why) when it is missing and not
/// required.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/conformance");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("LINGER_REQUIRE_CONFORMANCE").as_deref() == Ok("1") {
        panic!("conformance data not found at {}", dir.display());
    }
    println!("skipped: conformance data not found");
    None
}

/// A temp tree with the three directories a user search path usually has.
pub struct Tree {
    /// Keeps the directory alive.
    pub tmp: tempfile::TempDir,
    /// ~/.config/systemd/user (enablement writes here).
    pub config: PathBuf,
    /// /etc/systemd/user
    pub admin: PathBuf,
    /// /usr/lib/systemd/user
    pub vendor: PathBuf,
    /// The context over those three.
    pub ctx: LoadContext,
}

impl Tree {
    pub fn new() -> Tree {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_path_buf();
        let home = root.join("home");
        let user = UserInfo {
            name: "tester".into(),
            uid: 1000,
            group: "tester".into(),
            gid: 1000,
            home: home.display().to_string(),
            shell: "/bin/sh".into(),
        };
        let rt = root.join("run");
        let env = |k: &str| match k {
            "XDG_RUNTIME_DIR" => Some(rt.display().to_string()),
            _ => None,
        };
        let host = HostInfo {
            hostname: "host.example".into(),
            machine_id: Some("0123456789abcdef0123456789abcdef".into()),
            ..HostInfo::default()
        };
        let mut ctx = LoadContext::user_default(user, host, &env);
        let config = home.join(".config/systemd/user");
        let admin = root.join("etc/systemd/user");
        let vendor = root.join("usr/lib/systemd/user");
        for d in [&config, &admin, &vendor, &rt] {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        ctx.admin_config_dir = Some(admin.clone());
        ctx = ctx.with_search_path(vec![
            config.clone(),
            admin.clone(),
            rt.join("systemd/user"),
            vendor.clone(),
        ]);
        Tree {
            tmp,
            config,
            admin,
            vendor,
            ctx,
        }
    }

    /// Write `text` to `dir/rel`, creating parents.
    pub fn write(&self, dir: &Path, rel: &str, text: &str) -> PathBuf {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
        p
    }

    /// Make `dir/rel` a symlink to `target`.
    pub fn link(&self, dir: &Path, rel: &str, target: &Path) -> PathBuf {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(target, &p).expect("symlink");
        p
    }
}

/// A minimal valid service.
pub const SIMPLE: &str = "[Service]\nExecStart=/bin/true\n";
