//! The user search path (systemd.unit(5) table 2).

use std::path::{Path, PathBuf};

use super::LoadContext;
use crate::specifier::{HostInfo, Scope, UserInfo};

/// Environment variables specifier expansion reads (`%t`, `%E`, `%S`, `%C`, `%L`, `%T`, `%V`).
const SPECIFIER_ENV: &[&str] = &[
    "XDG_RUNTIME_DIR",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "TMPDIR",
    "TEMP",
    "TMP",
];

/// An XDG variable if set to an absolute path, else the fallback.
fn xdg(env: &dyn Fn(&str) -> Option<String>, var: &str, fallback: PathBuf) -> PathBuf {
    env(var)
        .filter(|v| v.starts_with('/'))
        .map_or(fallback, PathBuf::from)
}

/// A colon-separated XDG list if set, else the defaults.
fn xdg_list(env: &dyn Fn(&str) -> Option<String>, var: &str, defaults: &[&str]) -> Vec<PathBuf> {
    let set: Vec<PathBuf> = env(var)
        .map(|v| {
            v.split(':')
                .filter(|p| p.starts_with('/'))
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default();
    if set.is_empty() {
        defaults.iter().map(PathBuf::from).collect()
    } else {
        set
    }
}

pub(super) fn user_default(
    user: UserInfo,
    host: HostInfo,
    env: &dyn Fn(&str) -> Option<String>,
) -> LoadContext {
    let home = PathBuf::from(&user.home);
    let config_home = xdg(env, "XDG_CONFIG_HOME", home.join(".config"));
    let data_home = xdg(env, "XDG_DATA_HOME", home.join(".local/share"));
    let runtime = env("XDG_RUNTIME_DIR")
        .filter(|v| v.starts_with('/'))
        .map(PathBuf::from);
    let config_dirs = xdg_list(env, "XDG_CONFIG_DIRS", &["/etc/xdg"]);
    let data_dirs = xdg_list(env, "XDG_DATA_DIRS", &["/usr/local/share", "/usr/share"]);
    let rt = |sub: &str| runtime.as_ref().map(|r| r.join("systemd").join(sub));

    let mut path: Vec<PathBuf> = Vec::new();
    let mut push = |p: Option<PathBuf>| {
        if let Some(p) = p
            && !path.contains(&p)
        {
            path.push(p);
        }
    };
    push(Some(config_home.join("systemd/user.control")));
    push(rt("user.control"));
    push(rt("transient"));
    push(rt("generator.early"));
    push(Some(config_home.join("systemd/user")));
    for d in &config_dirs {
        push(Some(d.join("systemd/user")));
    }
    push(Some(PathBuf::from("/etc/systemd/user")));
    push(rt("user"));
    push(Some(PathBuf::from("/run/systemd/user")));
    push(rt("generator"));
    push(Some(data_home.join("systemd/user")));
    for d in &data_dirs {
        push(Some(d.join("systemd/user")));
    }
    push(Some(PathBuf::from("/usr/local/lib/systemd/user")));
    push(Some(PathBuf::from("/usr/lib/systemd/user")));
    push(rt("generator.late"));

    // $SYSTEMD_UNIT_PATH replaces the path; a trailing ':' keeps the default after it.
    if let Some(custom) = env("SYSTEMD_UNIT_PATH").filter(|v| !v.is_empty()) {
        let mut p: Vec<PathBuf> = custom
            .split(':')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
        if custom.ends_with(':') {
            p.extend(
                path.into_iter()
                    .filter(|d| !p.contains(d))
                    .collect::<Vec<_>>(),
            );
        }
        path = p;
    }

    LoadContext {
        scope: Scope::User,
        search_path: path,
        config_dir: config_home.join("systemd/user"),
        admin_config_dir: Some(PathBuf::from("/etc/systemd/user")),
        transient_dir: rt("transient"),
        generator_dirs: ["generator.early", "generator", "generator.late"]
            .iter()
            .filter_map(|g| rt(g))
            .collect(),
        env: SPECIFIER_ENV
            .iter()
            .filter_map(|k| env(k).map(|v| ((*k).to_string(), v)))
            .collect(),
        runtime_dir: runtime,
        user,
        host,
        root: None,
    }
}

/// Whether `dir` is one of the search-path directories (lexically, or after resolving symlinks).
pub(super) fn in_search_path(ctx_path: &[PathBuf], dir: &Path) -> bool {
    if ctx_path.iter().any(|p| p == dir) {
        return true;
    }
    match std::fs::canonicalize(dir) {
        Ok(c) => ctx_path
            .iter()
            .any(|p| std::fs::canonicalize(p).is_ok_and(|pc| pc == c)),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> UserInfo {
        UserInfo {
            name: "u".into(),
            uid: 1000,
            group: "u".into(),
            gid: 1000,
            home: "/home/u".into(),
            shell: "/bin/sh".into(),
        }
    }

    #[test]
    fn user_search_path_matches_systemd_analyze() {
        let env = |k: &str| (k == "XDG_RUNTIME_DIR").then(|| "/run/user/1000".to_string());
        let ctx = user_default(user(), HostInfo::default(), &env);
        let got: Vec<String> = ctx
            .search_path
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        // `systemd-analyze --user unit-paths` with HOME=/home/u and only XDG_RUNTIME_DIR set.
        let want = [
            "/home/u/.config/systemd/user.control",
            "/run/user/1000/systemd/user.control",
            "/run/user/1000/systemd/transient",
            "/run/user/1000/systemd/generator.early",
            "/home/u/.config/systemd/user",
            "/etc/xdg/systemd/user",
            "/etc/systemd/user",
            "/run/user/1000/systemd/user",
            "/run/systemd/user",
            "/run/user/1000/systemd/generator",
            "/home/u/.local/share/systemd/user",
            "/usr/local/share/systemd/user",
            "/usr/share/systemd/user",
            "/usr/local/lib/systemd/user",
            "/usr/lib/systemd/user",
            "/run/user/1000/systemd/generator.late",
        ];
        assert_eq!(got, want);
        assert_eq!(
            ctx.config_dir,
            PathBuf::from("/home/u/.config/systemd/user")
        );
    }

    #[test]
    fn unit_path_override() {
        let env = |k: &str| (k == "SYSTEMD_UNIT_PATH").then(|| "/a:/b:".to_string());
        let ctx = user_default(user(), HostInfo::default(), &env);
        assert_eq!(ctx.search_path[0], PathBuf::from("/a"));
        assert_eq!(ctx.search_path[1], PathBuf::from("/b"));
        assert!(ctx.search_path.len() > 5);
    }
}
