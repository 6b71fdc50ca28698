//! The values specifiers expand to, gathered before expansion.

use super::host::{self, HostInfo};
use super::{SpecifierError, unescaped};
use crate::name::{self, NameError, UnitName, UnitType};

/// Machine specifiers shared by every table (`COMMON_SYSTEM_SPECIFIERS`).
pub(super) const SYSTEM: &str = "aAbBHlmMoqvwW";

/// Which manager the unit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The system manager (user root, `/run`, `/var/lib`, …).
    System,
    /// A per-user manager.
    User,
    /// `systemctl --global`: no particular user, so `%u %U %g %G %h %s` are unavailable.
    Global,
}

/// The user the manager runs as (`%u %U %g %G %h %s`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    /// User name (`%u`).
    pub name: String,
    /// Numeric user id (`%U`).
    pub uid: u32,
    /// Numeric primary group id (`%G`).
    pub gid: u32,
    /// Primary group name (`%g`).
    pub group: String,
    /// Home directory (`%h`).
    pub home: String,
    /// Login shell (`%s`).
    pub shell: String,
}

impl UserInfo {
    /// root, as the system manager reports it.
    pub fn root(shell: &str) -> UserInfo {
        UserInfo {
            name: "root".into(),
            uid: 0,
            gid: 0,
            group: "root".into(),
            home: "/root".into(),
            shell: shell.into(),
        }
    }
}

/// Everything `%`-specifiers can expand to, for one unit. All fields are plain data; build
/// it with a constructor and adjust fields (e.g. `fragment_path`, `slice`) as needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecifierContext {
    /// The unit (`%n %N %p %P %i %I %j %J %f`).
    pub unit: UnitName,
    /// The unit file (`%y`; `%Y` is its directory); `None` if the unit has none.
    pub fragment_path: Option<String>,
    /// The manager's user; `None` in [`Scope::Global`].
    pub user: Option<UserInfo>,
    /// Runtime directory root (`%t`): `/run`, or `$XDG_RUNTIME_DIR`.
    pub runtime_dir: String,
    /// State directory root (`%S`): `/var/lib`, or (systemd 252) `$XDG_CONFIG_HOME`.
    pub state_dir: String,
    /// Cache directory root (`%C`): `/var/cache`, or `$XDG_CACHE_HOME`.
    pub cache_dir: String,
    /// Log directory root (`%L`): `/var/log`, or (systemd 252) `$XDG_CONFIG_HOME/log`.
    pub logs_dir: String,
    /// Configuration directory root (`%E`): `/etc`, or `$XDG_CONFIG_HOME`.
    pub config_dir: String,
    /// Temporary directory (`%T`): `$TMPDIR` or `/tmp`.
    pub tmp_dir: String,
    /// Persistent temporary directory (`%V`): `$TMPDIR` or `/var/tmp`.
    pub var_tmp_dir: String,
    /// Credentials directory of the unit (`%d`): `<runtime dir>/credentials/<unit>`.
    pub credentials_dir: String,
    /// The manager's cgroup (`%R`).
    pub cgroup_root: String,
    /// The slice unit the unit is placed in (for `%r`, `%c`); `None` for the root slice.
    pub slice: Option<String>,
    /// Machine facts (`%H %l %q %m %b %o %w %W %B %M %A %v %a`).
    pub host: HostInfo,
}

/// Join path pieces, dropping empty ones, as one absolute path.
fn join_abs(parts: &[&str]) -> String {
    let inner: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.split('/'))
        .filter(|c| !c.is_empty())
        .collect();
    format!("/{}", inner.join("/"))
}

/// The first of `$TMPDIR`, `$TEMP`, `$TMP` that is an absolute path, else `default`.
fn tmp_from_env(env: &dyn Fn(&str) -> Option<String>, default: &str) -> String {
    ["TMPDIR", "TEMP", "TMP"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| v.starts_with('/'))
        .unwrap_or_else(|| default.to_owned())
}

impl SpecifierContext {
    /// Values as a user manager running as `user` sees them, its environment read through
    /// `env`: `%t` = `$XDG_RUNTIME_DIR` (else `/run/user/UID`), `%E` = `%S` =
    /// `$XDG_CONFIG_HOME` (else `~/.config`; systemd 252 keeps state there too),
    /// `%L` = that plus `/log`, `%C` = `$XDG_CACHE_HOME` (else `~/.cache`).
    pub fn for_user_manager(
        unit_name: &str,
        user: &UserInfo,
        env: &dyn Fn(&str) -> Option<String>,
        host: HostInfo,
    ) -> Result<SpecifierContext, NameError> {
        let unit = UnitName::parse(unit_name)?;
        let abs_env = |k: &str| env(k).filter(|v| v.starts_with('/'));
        let runtime_dir =
            abs_env("XDG_RUNTIME_DIR").unwrap_or_else(|| format!("/run/user/{}", user.uid));
        let config =
            abs_env("XDG_CONFIG_HOME").unwrap_or_else(|| join_abs(&[&user.home, ".config"]));
        let cache = abs_env("XDG_CACHE_HOME").unwrap_or_else(|| join_abs(&[&user.home, ".cache"]));
        let uid = user.uid;
        Ok(SpecifierContext {
            credentials_dir: join_abs(&[&runtime_dir, "credentials", unit_name]),
            slice: default_slice(&unit, "app"),
            unit,
            fragment_path: None,
            user: Some(user.clone()),
            runtime_dir,
            state_dir: config.clone(),
            cache_dir: cache,
            logs_dir: join_abs(&[&config, "log"]),
            config_dir: config,
            tmp_dir: tmp_from_env(env, "/tmp"),
            var_tmp_dir: tmp_from_env(env, "/var/tmp"),
            cgroup_root: format!("/user.slice/user-{uid}.slice/user@{uid}.service"),
            host,
        })
    }

    /// Values as the system manager sees them (user root, `/run`, `/var/lib`, `/var/cache`,
    /// `/var/log`, `/etc`); `root_shell` is root's login shell.
    pub fn for_system_manager(
        unit_name: &str,
        root_shell: &str,
        env: &dyn Fn(&str) -> Option<String>,
        host: HostInfo,
    ) -> Result<SpecifierContext, NameError> {
        let unit = UnitName::parse(unit_name)?;
        Ok(SpecifierContext {
            credentials_dir: join_abs(&["/run/credentials", unit_name]),
            slice: default_slice(&unit, "system"),
            unit,
            fragment_path: None,
            user: Some(UserInfo::root(root_shell)),
            runtime_dir: "/run".into(),
            state_dir: "/var/lib".into(),
            cache_dir: "/var/cache".into(),
            logs_dir: "/var/log".into(),
            config_dir: "/etc".into(),
            tmp_dir: tmp_from_env(env, "/tmp"),
            var_tmp_dir: tmp_from_env(env, "/var/tmp"),
            cgroup_root: "/".into(),
            host,
        })
    }

    /// Read this machine (machine id, boot id, hostname, os-release, kernel), the current
    /// user and the process environment, and build the context for `scope`. This is the
    /// only function of the module that does I/O.
    pub fn from_system(unit_name: &str, scope: Scope) -> Result<SpecifierContext, NameError> {
        let host = HostInfo::from_system();
        let env = |k: &str| std::env::var(k).ok();
        match scope {
            Scope::System => {
                let shell = host::passwd_entry(0).map_or_else(|| "/bin/sh".to_owned(), |u| u.shell);
                SpecifierContext::for_system_manager(unit_name, &shell, &env, host)
            }
            Scope::User => {
                SpecifierContext::for_user_manager(unit_name, &host::current_user(), &env, host)
            }
            Scope::Global => {
                let mut ctx = SpecifierContext::for_user_manager(
                    unit_name,
                    &host::current_user(),
                    &env,
                    host,
                )?;
                ctx.user = None;
                Ok(ctx)
            }
        }
    }

    /// The value of `%c` in `unit_full_printf()`, `None` if `c` is no specifier there.
    pub(super) fn full(&self, c: char) -> Option<Result<String, SpecifierError>> {
        let u = &self.unit;
        let ok = |s: &str| Some(Ok(s.to_owned()));
        let user = |f: fn(&UserInfo) -> String, what: &str| {
            Some(
                self.user
                    .as_ref()
                    .map(f)
                    .ok_or_else(|| SpecifierError::unavailable(c, what)),
            )
        };
        match c {
            'n' => Some(Ok(u.to_string())),
            'N' => Some(Ok(u.without_suffix())),
            'p' => ok(&u.prefix),
            'P' => Some(unescaped(&u.prefix, c)),
            'i' => ok(u.instance.as_deref().unwrap_or_default()),
            'I' => Some(unescaped(u.instance.as_deref().unwrap_or_default(), c)),
            'j' => ok(last_component(&u.prefix)),
            'J' => Some(unescaped(last_component(&u.prefix), c)),
            'f' => Some(self.filename()),
            'y' => Some(
                self.fragment_path
                    .clone()
                    .ok_or_else(|| SpecifierError::unavailable(c, "unit file path")),
            ),
            'Y' => Some(
                self.fragment_path
                    .as_deref()
                    .map(|p| {
                        p.rfind('/')
                            .map_or(".", |i| if i == 0 { "/" } else { &p[..i] })
                            .to_owned()
                    })
                    .ok_or_else(|| SpecifierError::unavailable(c, "unit file directory")),
            ),
            'u' => user(|u| u.name.clone(), "user name"),
            'U' => user(|u| u.uid.to_string(), "user id"),
            'g' => user(|u| u.group.clone(), "group name"),
            'G' => user(|u| u.gid.to_string(), "group id"),
            'h' => user(|u| u.home.clone(), "home directory"),
            's' => user(|u| u.shell.clone(), "shell"),
            't' => ok(&self.runtime_dir),
            'S' => ok(&self.state_dir),
            'C' => ok(&self.cache_dir),
            'L' => ok(&self.logs_dir),
            'E' => ok(&self.config_dir),
            'T' => ok(&self.tmp_dir),
            'V' => ok(&self.var_tmp_dir),
            'd' => ok(&self.credentials_dir),
            'R' => Some(Ok(join_abs(&[&self.cgroup_root]))),
            'r' => Some(Ok(self.slice_cgroup())),
            'c' => Some(Ok(join_abs(&[
                &self.slice_cgroup(),
                &cg_escape(&u.to_string()),
            ]))),
            _ if SYSTEM.contains(c) => Some(self.host.specifier(c)),
            _ => None,
        }
    }

    /// `%f`: `/` plus the unescaped instance, or for plain names the unescaped prefix.
    fn filename(&self) -> Result<String, SpecifierError> {
        let r = match self.unit.instance.as_deref() {
            Some(i) if !i.is_empty() => name::unescape_path(i),
            _ => name::unescape_path(&self.unit.prefix),
        };
        r.map_err(|e| SpecifierError::new(format!("Failed to expand %f: {e}")))
    }

    /// The cgroup of the unit's slice below the manager's cgroup root.
    fn slice_cgroup(&self) -> String {
        let mut parts = vec![self.cgroup_root.clone()];
        if let Some(slice) = self.slice.as_deref().filter(|s| *s != "-.slice") {
            let prefix = slice.strip_suffix(".slice").unwrap_or(slice);
            // a-b-c.slice lives at a.slice/a-b.slice/a-b-c.slice.
            let mut acc = String::new();
            for piece in prefix.split('-') {
                if !acc.is_empty() {
                    acc.push('-');
                }
                acc.push_str(piece);
                parts.push(cg_escape(&format!("{acc}.slice")));
            }
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        join_abs(&refs)
    }
}

/// `%j`: the prefix after its last `-` (the whole prefix if it has none).
fn last_component(prefix: &str) -> &str {
    prefix.rsplit('-').next().unwrap_or(prefix)
}

/// The slice systemd places a unit in when it has no `Slice=`: instances of templates in a
/// per-template slice (`app-getty.slice`), other units with cgroups in `app.slice` /
/// `system.slice`, slices in their parent, units without cgroups nowhere.
fn default_slice(unit: &UnitName, top: &str) -> Option<String> {
    match unit.unit_type {
        UnitType::Slice => name::slice_parent(&unit.to_string()).ok().flatten(),
        UnitType::Service
        | UnitType::Socket
        | UnitType::Mount
        | UnitType::Swap
        | UnitType::Scope => {
            if unit.instance.is_some() {
                Some(format!("{top}-{}.slice", name::escape(&unit.prefix)))
            } else {
                Some(format!("{top}.slice"))
            }
        }
        _ => None,
    }
}

/// systemd's `cg_escape()` (the one escaper, shared with the cgroup crate).
fn cg_escape(p: &str) -> String {
    linger_wire::cgroup_escape(p).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(name: &str) -> SpecifierContext {
        let user = UserInfo {
            name: "alice".into(),
            uid: 1000,
            gid: 1000,
            group: "alice".into(),
            home: "/home/alice".into(),
            shell: "/bin/zsh".into(),
        };
        let env = |k: &str| (k == "XDG_RUNTIME_DIR").then(|| "/run/user/1000".to_owned());
        SpecifierContext::for_user_manager(name, &user, &env, HostInfo::default())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn user_manager_defaults() {
        let c = ctx("getty@tty1.service");
        let x = |s: &str| super::super::expand(s, &c).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            x("%t %S %C %L %E"),
            "/run/user/1000 /home/alice/.config /home/alice/.cache /home/alice/.config/log /home/alice/.config"
        );
        assert_eq!(x("%d"), "/run/user/1000/credentials/getty@tty1.service");
        assert_eq!(
            x("%r"),
            "/user.slice/user-1000.slice/user@1000.service/app.slice/app-getty.slice"
        );
        assert_eq!(
            x("%u %U %g %G %h %s"),
            "alice 1000 alice 1000 /home/alice /bin/zsh"
        );
    }

    #[test]
    fn slices_and_escaping() {
        assert_eq!(cg_escape("cpu.service"), "_cpu.service");
        assert_eq!(cg_escape("foo.service"), "foo.service");
        let mut c = ctx("a-b.slice");
        assert_eq!(c.slice.as_deref(), Some("a.slice"));
        c.cgroup_root = "/r".into();
        assert_eq!(
            c.full('c').and_then(Result::ok).as_deref(),
            Some("/r/a.slice/a-b.slice")
        );
    }
}
