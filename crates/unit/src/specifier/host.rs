//! Machine facts for specifiers, and the reads that gather them (the module's only I/O).

use std::path::Path;

use super::SpecifierError;
use super::context::UserInfo;

/// The os-release(5) fields specifiers use; empty when unset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OsRelease {
    /// `ID=` (`%o`).
    pub id: String,
    /// `VERSION_ID=` (`%w`).
    pub version_id: String,
    /// `VARIANT_ID=` (`%W`).
    pub variant_id: String,
    /// `BUILD_ID=` (`%B`).
    pub build_id: String,
    /// `IMAGE_ID=` (`%M`).
    pub image_id: String,
    /// `IMAGE_VERSION=` (`%A`).
    pub image_version: String,
}

impl OsRelease {
    /// Parse os-release text (`KEY=value` lines, values optionally quoted).
    pub fn parse(text: &str) -> OsRelease {
        let mut r = OsRelease::default();
        for line in text.lines() {
            let Some((k, v)) = line.trim().split_once('=') else {
                continue;
            };
            let v = unquote(v.trim());
            let slot = match k.trim() {
                "ID" => &mut r.id,
                "VERSION_ID" => &mut r.version_id,
                "VARIANT_ID" => &mut r.variant_id,
                "BUILD_ID" => &mut r.build_id,
                "IMAGE_ID" => &mut r.image_id,
                "IMAGE_VERSION" => &mut r.image_version,
                _ => continue,
            };
            *slot = v;
        }
        r
    }

    /// Read `path`, or `$SYSTEMD_OS_RELEASE`, `/etc/os-release`, `/usr/lib/os-release`;
    /// `None` if none can be read (the os-release specifiers then fail, as in systemd).
    pub fn load(path: Option<&Path>) -> Option<OsRelease> {
        let candidates: Vec<std::path::PathBuf> = match path {
            Some(p) => vec![p.to_path_buf()],
            None => std::env::var_os("SYSTEMD_OS_RELEASE")
                .map(|p| vec![p.into()])
                .unwrap_or_else(|| vec!["/etc/os-release".into(), "/usr/lib/os-release".into()]),
        };
        candidates
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .map(|t| OsRelease::parse(&t))
    }
}

/// Strip one level of shell-style quoting (os-release and machine-info values).
fn unquote(v: &str) -> String {
    let inner = v
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
    match inner {
        Some(s) => s.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => v.to_owned(),
    }
}

/// Facts about the machine (`%H %l %q %m %b %v %a` and the os-release specifiers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostInfo {
    /// Host name (`%H`); `%l` is the part before the first dot.
    pub hostname: String,
    /// `PRETTY_HOSTNAME=` from /etc/machine-info (`%q`, else the short host name).
    pub pretty_hostname: Option<String>,
    /// Machine id, 32 hex digits (`%m`); `None` if unknown (expansion then fails).
    pub machine_id: Option<String>,
    /// Boot id, 32 hex digits without dashes (`%b`); `None` if unknown.
    pub boot_id: Option<String>,
    /// Kernel release, `uname -r` (`%v`).
    pub kernel_release: String,
    /// systemd's architecture name, e.g. `x86-64`, `arm64` (`%a`).
    pub architecture: String,
    /// os-release fields; `None` if there is no os-release file.
    pub os_release: Option<OsRelease>,
}

fn read_trimmed(p: &str) -> Option<String> {
    std::fs::read_to_string(p)
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

impl HostInfo {
    /// Read /etc/machine-id, the boot id, host name, kernel release, /etc/machine-info and
    /// os-release.
    pub fn from_system() -> HostInfo {
        let pretty = std::fs::read_to_string("/etc/machine-info")
            .ok()
            .and_then(|t| {
                t.lines()
                    .filter_map(|l| l.trim().strip_prefix("PRETTY_HOSTNAME="))
                    .map(|v| unquote(v.trim()))
                    .find(|v| !v.is_empty())
            });
        HostInfo {
            hostname: read_trimmed("/proc/sys/kernel/hostname")
                .unwrap_or_else(|| "localhost".into()),
            pretty_hostname: pretty,
            machine_id: read_trimmed("/etc/machine-id").filter(|m| is_id128(m)),
            boot_id: read_trimmed("/proc/sys/kernel/random/boot_id")
                .map(|b| b.replace('-', ""))
                .filter(|b| is_id128(b)),
            kernel_release: read_trimmed("/proc/sys/kernel/osrelease").unwrap_or_default(),
            architecture: native_architecture().to_owned(),
            os_release: OsRelease::load(None),
        }
    }

    /// The host name up to its first dot (`%l`).
    pub fn short_hostname(&self) -> &str {
        self.hostname.split('.').next().unwrap_or_default()
    }

    /// The value of a machine specifier.
    pub(super) fn specifier(&self, c: char) -> Result<String, SpecifierError> {
        let missing = |what| SpecifierError::unavailable(c, what);
        let os = || {
            self.os_release
                .as_ref()
                .ok_or_else(|| missing("os-release"))
        };
        Ok(match c {
            'H' => self.hostname.clone(),
            'l' => self.short_hostname().to_owned(),
            'q' => self
                .pretty_hostname
                .clone()
                .unwrap_or_else(|| self.short_hostname().to_owned()),
            'm' => self
                .machine_id
                .clone()
                .ok_or_else(|| missing("machine id"))?,
            'b' => self.boot_id.clone().ok_or_else(|| missing("boot id"))?,
            'v' => self.kernel_release.clone(),
            'a' => self.architecture.clone(),
            'o' => os()?.id.clone(),
            'w' => os()?.version_id.clone(),
            'W' => os()?.variant_id.clone(),
            'B' => os()?.build_id.clone(),
            'M' => os()?.image_id.clone(),
            'A' => os()?.image_version.clone(),
            _ => return Err(SpecifierError::unknown(c)),
        })
    }
}

#[cfg(test)]
mod architecture_tests {
    use super::architecture_name;

    /// systemd's names, not Rust's (`ConditionArchitecture=arm64` on an ARM64 machine).
    #[test]
    fn rust_targets_have_systemds_names() {
        for (rust, little, systemd) in [
            ("x86_64", true, "x86-64"),
            ("aarch64", true, "arm64"),
            ("aarch64", false, "arm64-be"),
            ("powerpc64", true, "ppc64-le"),
            ("powerpc64", false, "ppc64"),
            ("riscv64", true, "riscv64"),
        ] {
            assert_eq!(architecture_name(rust, little), systemd, "{rust}");
        }
    }
}

fn is_id128(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// systemd's name (`%a`, `ConditionArchitecture=`) for a Rust target architecture of the given
/// byte order: the one mapping between the two.
pub fn architecture_name(rust_arch: &str, little_endian: bool) -> &str {
    match (rust_arch, little_endian) {
        ("x86_64", _) => "x86-64",
        ("x86", _) => "x86",
        ("aarch64", true) => "arm64",
        ("aarch64", false) => "arm64-be",
        ("arm", true) => "arm",
        ("arm", false) => "arm-be",
        ("powerpc64", true) => "ppc64-le",
        ("powerpc64", false) => "ppc64",
        ("powerpc", true) => "ppc-le",
        ("powerpc", false) => "ppc",
        ("s390x", _) => "s390x",
        ("riscv64", _) => "riscv64",
        ("loongarch64", _) => "loongarch64",
        ("mips64", true) => "mips64-le",
        ("mips64", false) => "mips64",
        ("mips", true) => "mips-le",
        ("mips", false) => "mips",
        (other, _) => other,
    }
}

/// systemd's name of the architecture this program runs on.
pub fn native_architecture() -> &'static str {
    architecture_name(std::env::consts::ARCH, cfg!(target_endian = "little"))
}

/// A passwd(5) entry by uid (from /etc/passwd; NSS sources are not consulted).
pub(super) fn passwd_entry(uid: u32) -> Option<UserInfo> {
    let text = std::fs::read_to_string("/etc/passwd").ok()?;
    let line = text
        .lines()
        .find(|l| l.split(':').nth(2).and_then(|u| u.parse().ok()) == Some(uid))?;
    let f: Vec<&str> = line.split(':').collect();
    let gid: u32 = f.get(3)?.parse().ok()?;
    Some(UserInfo {
        name: (*f.first()?).to_owned(),
        uid,
        gid,
        group: group_name(gid).unwrap_or_else(|| gid.to_string()),
        home: (*f.get(5)?).to_owned(),
        shell: (*f.get(6)?).to_owned(),
    })
}

fn group_name(gid: u32) -> Option<String> {
    let text = std::fs::read_to_string("/etc/group").ok()?;
    text.lines()
        .find(|l| l.split(':').nth(2).and_then(|g| g.parse().ok()) == Some(gid))
        .and_then(|l| l.split(':').next())
        .map(str::to_owned)
}

/// The real uid and gid of this process, from /proc/self/status.
fn current_ids() -> Option<(u32, u32)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u32> {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    Some((field("Uid:")?, field("Gid:")?))
}

/// The user this process runs as. As systemd does for a user manager, `$USER`, `$HOME` and
/// `$SHELL` win over the user database when set (the latter two only if absolute).
pub fn current_user() -> UserInfo {
    let (uid, gid) = current_ids().unwrap_or((0, 0));
    let mut u = passwd_entry(uid).unwrap_or_else(|| UserInfo {
        name: uid.to_string(),
        uid,
        gid,
        group: group_name(gid).unwrap_or_else(|| gid.to_string()),
        home: "/".into(),
        shell: "/bin/sh".into(),
    });
    u.gid = gid;
    u.group = group_name(gid).unwrap_or_else(|| gid.to_string());
    if let Ok(name) = std::env::var("USER") {
        u.name = name;
    }
    if let Some(home) = std::env::var("HOME").ok().filter(|h| h.starts_with('/')) {
        let trimmed = home.trim_end_matches('/');
        u.home = if trimmed.is_empty() {
            "/".into()
        } else {
            trimmed.to_owned()
        };
    }
    if let Some(shell) = std::env::var("SHELL").ok().filter(|s| s.starts_with('/')) {
        u.shell = shell;
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_release_parsing() {
        let r = OsRelease::parse("ID=debian\nVERSION_ID=\"12\"\n# c\nIMAGE_ID='x y'\n");
        assert_eq!(
            (r.id.as_str(), r.version_id.as_str(), r.image_id.as_str()),
            ("debian", "12", "x y")
        );
        assert_eq!(OsRelease::parse(""), OsRelease::default());
    }
}
