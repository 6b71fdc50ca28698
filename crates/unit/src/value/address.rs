//! Socket addresses of `ListenStream=`/`ListenDatagram=`/`ListenSequentialPacket=`, netlink
//! families of `ListenNetlink=`, file-system paths of `ListenFIFO=` and friends
//! (systemd.socket(5)), checked the way `systemd-analyze verify` (systemd 252) checks them.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::path::PathBuf;

use super::parse_c_integer;
use crate::model::ListenAddress;

/// `sun_path` holds 108 bytes: a file-system path needs its NUL terminator, and systemd keeps
/// one more byte free for abstract names.
const UNIX_PATH_MAX: usize = 107;
const ABSTRACT_NAME_MAX: usize = 106;

/// Why a socket address was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// Not an address systemd understands.
    #[error("{0}")]
    Invalid(&'static str),
    /// A number (port, CID, group) is too large or negative.
    #[error("{0} out of range")]
    Range(&'static str),
    /// `[addr]:port%ifname` names an interface that does not exist.
    #[error("no network interface named '{0}'")]
    NoDevice(String),
    /// A valid `vsock:CID:PORT` address: systemd supports it, linger does not.
    #[error("AF_VSOCK addresses are not supported by linger")]
    Vsock,
}

/// Parse a `Listen{Stream,Datagram,SequentialPacket}=` address (already specifier-expanded):
/// `/path` (Unix socket), `@name` (abstract), a bare port, `v.w.x.y:port`, `[v6]:port`
/// (optionally `%ifname` after the port), or `vsock:CID:PORT` (reported as
/// [`AddressError::Vsock`]). `ifindex` resolves interface names for IPv6 scopes.
pub fn parse_socket_address(
    s: &str,
    ifindex: &dyn Fn(&str) -> Option<u32>,
) -> Result<ListenAddress, AddressError> {
    if s.starts_with('/') {
        if s == "/" {
            return Err(AddressError::Invalid("not a socket path"));
        }
        if s.len() > UNIX_PATH_MAX {
            return Err(AddressError::Invalid(
                "socket path longer than 107 bytes (file name too long)",
            ));
        }
        return Ok(ListenAddress::Path(PathBuf::from(s)));
    }
    if let Some(name) = s.strip_prefix('@') {
        if name.is_empty() || name.len() > ABSTRACT_NAME_MAX {
            return Err(AddressError::Invalid(
                "abstract socket names are 1 to 106 bytes",
            ));
        }
        return Ok(ListenAddress::Abstract(name.to_string()));
    }
    if let Some(rest) = s.strip_prefix("vsock:") {
        return Err(check_vsock(rest));
    }
    if let Some(rest) = s.strip_prefix('[') {
        let (addr, after) = rest
            .split_once("]:")
            .ok_or(AddressError::Invalid("expected [IPv6]:PORT"))?;
        let ip: Ipv6Addr = addr
            .parse()
            .map_err(|_| AddressError::Invalid("not an IPv6 address"))?;
        let (port, scope) = split_scope(after);
        let port = parse_port(port)?;
        let scope_id = match scope {
            Some(sc) => parse_scope(sc, ifindex)?,
            None => 0,
        };
        return Ok(ListenAddress::Inet(SocketAddr::V6(SocketAddrV6::new(
            ip, port, 0, scope_id,
        ))));
    }
    if let Some((addr, after)) = s.rsplit_once(':') {
        let ip: Ipv4Addr = addr
            .parse()
            .map_err(|_| AddressError::Invalid("not an IPv4 address"))?;
        let (port, scope) = split_scope(after);
        let port = parse_port(port)?;
        // An IPv4 address has no scope; systemd checks the interface and drops it.
        if let Some(sc) = scope {
            parse_scope(sc, ifindex)?;
        }
        return Ok(ListenAddress::Inet(SocketAddr::V4(SocketAddrV4::new(
            ip, port,
        ))));
    }
    parse_port(s).map(ListenAddress::Port)
}

fn split_scope(s: &str) -> (&str, Option<&str>) {
    match s.split_once('%') {
        Some((p, sc)) => (p, Some(sc)),
        None => (s, None),
    }
}

/// A port: C integer syntax (`0x50`, `+80`), 1–65535, no surrounding blanks.
fn parse_port(s: &str) -> Result<u16, AddressError> {
    let v = strict_unsigned(s, "port")?;
    match u16::try_from(v) {
        Ok(0) => Err(AddressError::Invalid("port 0 is not allowed")),
        Ok(p) => Ok(p),
        Err(_) => Err(AddressError::Range("port")),
    }
}

/// An unsigned C integer without leading blanks; a minus sign is a range error (as systemd).
fn strict_unsigned(s: &str, what: &'static str) -> Result<u64, AddressError> {
    if s.is_empty() || s.starts_with(char::is_whitespace) {
        return Err(AddressError::Invalid("expected a number"));
    }
    if s.starts_with('-') {
        return Err(AddressError::Range(what));
    }
    let v = parse_c_integer(s).ok_or(AddressError::Invalid("expected a number"))?;
    u64::try_from(v).map_err(|_| AddressError::Range(what))
}

/// `%ifname` or `%ifindex` after the port.
fn parse_scope(s: &str, ifindex: &dyn Fn(&str) -> Option<u32>) -> Result<u32, AddressError> {
    if s.is_empty() {
        return Err(AddressError::Invalid("empty interface after '%'"));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.parse::<u32>() {
            Ok(0) => Err(AddressError::Invalid("interface index 0")),
            Ok(i) if i <= i32::MAX as u32 => Ok(i),
            _ => Err(AddressError::Range("interface index")),
        };
    }
    let valid_name = s.len() <= 15
        && s != "."
        && s != ".."
        && s.bytes()
            .all(|b| b.is_ascii_graphic() && b != b'/' && b != b':');
    if !valid_name {
        return Err(AddressError::Invalid("not a network interface name"));
    }
    ifindex(s).ok_or_else(|| AddressError::NoDevice(s.to_string()))
}

/// `vsock:[CID]:PORT`: Err(Vsock) when well-formed, else the reason.
fn check_vsock(rest: &str) -> AddressError {
    let Some((cid, port)) = rest.split_once(':') else {
        return AddressError::Invalid("expected vsock:CID:PORT");
    };
    let as_u32 = |s: &str, what: &'static str| {
        strict_unsigned(s, what)
            .and_then(|v| u32::try_from(v).map_err(|_| AddressError::Range(what)))
    };
    if !cid.is_empty()
        && let Err(e) = as_u32(cid, "CID")
    {
        return e;
    }
    match as_u32(port, "port") {
        Ok(_) => AddressError::Vsock,
        Err(e) => e,
    }
}

/// The netlink families systemd 252 knows by name (numbers are accepted too).
const NETLINK_FAMILIES: &[&str] = &[
    "audit",
    "connector",
    "dnrtmsg",
    "ecryptfs",
    "fib-lookup",
    "firewall",
    "generic",
    "inet-diag",
    "ip6-fw",
    "iscsi",
    "kobject-uevent",
    "netfilter",
    "nflog",
    "rdma",
    "route",
    "scsitransport",
    "selinux",
    "xfrm",
];

/// Check a `ListenNetlink=` value: `FAMILY [GROUP]`. Returns (family, group).
pub fn parse_netlink(s: &str) -> Result<(String, u32), AddressError> {
    let mut words = s.split_whitespace();
    let family = words
        .next()
        .ok_or(AddressError::Invalid("expected a netlink family"))?;
    let known = NETLINK_FAMILIES.contains(&family)
        || strict_unsigned(family, "family").is_ok_and(|v| v <= i32::MAX as u64);
    if !known {
        return Err(AddressError::Invalid("unknown netlink family"));
    }
    let group = match words.next() {
        Some(g) => {
            u32::try_from(strict_unsigned(g, "group")?).map_err(|_| AddressError::Range("group"))?
        }
        None => 0,
    };
    if words.next().is_some() {
        return Err(AddressError::Invalid("expected FAMILY [GROUP]"));
    }
    Ok((family.to_string(), group))
}

/// A file-system path for `ListenFIFO=`, `ListenSpecial=`, `Symlinks=` …: absolute, of valid
/// length, simplified (`//`, `/./` and trailing `/` collapse), with no `..` component. Err is
/// the reason ("is not absolute", "has invalid length", "is not normalized").
pub fn parse_node_path(s: &str) -> Result<PathBuf, &'static str> {
    if !s.starts_with('/') {
        return Err("is not absolute");
    }
    // PATH_MAX with its NUL, NAME_MAX per component.
    if s.len() >= 4096 || s.split('/').any(|c| c.len() > 255) {
        return Err("has invalid length");
    }
    let parts: Vec<&str> = s
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.contains(&"..") {
        return Err("is not normalized");
    }
    Ok(PathBuf::from(format!("/{}", parts.join("/"))))
}

/// Whether `s` is a valid `FileDescriptorName=`: 1–255 printable ASCII characters, no `:`.
pub fn fd_name_is_valid(s: &str) -> bool {
    !s.is_empty() && s.len() <= 255 && s.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<ListenAddress, AddressError> {
        parse_socket_address(s, &|n| (n == "lo").then_some(1))
    }

    #[test]
    fn addresses() {
        assert_eq!(p("80"), Ok(ListenAddress::Port(80)));
        assert_eq!(p("0x50"), Ok(ListenAddress::Port(80)));
        assert_eq!(p("+80"), Ok(ListenAddress::Port(80)));
        assert_eq!(p("010"), Ok(ListenAddress::Port(8)));
        assert!(matches!(p("080"), Err(AddressError::Invalid(_))));
        assert!(matches!(p("0"), Err(AddressError::Invalid(_))));
        assert!(matches!(p("65536"), Err(AddressError::Range(_))));
        assert!(matches!(p("-80"), Err(AddressError::Range(_))));
        assert_eq!(
            p("127.0.0.1:80"),
            Ok(ListenAddress::Inet("127.0.0.1:80".parse().expect("addr")))
        );
        assert!(p("1.2.3.4: 80").is_err());
        assert!(p("01.2.3.4:80").is_err());
        assert!(p("1.2.3.4").is_err());
        assert!(p("::1:80").is_err());
        assert!(p("[::1]").is_err());
        assert!(p("[fe80::1%2]:80").is_err());
        assert_eq!(
            p("[fe80::1]:80%lo"),
            Ok(ListenAddress::Inet(SocketAddr::V6(SocketAddrV6::new(
                "fe80::1".parse().expect("v6"),
                80,
                0,
                1
            ))))
        );
        assert_eq!(
            p("[::1]:80%nonexist"),
            Err(AddressError::NoDevice("nonexist".into()))
        );
        assert!(p("[::1]:80%0").is_err());
        assert!(p("[::1]:80%").is_err());
        assert_eq!(p("@x"), Ok(ListenAddress::Abstract("x".into())));
        assert!(p("@").is_err());
        assert!(p("/").is_err());
        assert_eq!(p("//"), Ok(ListenAddress::Path("//".into())));
        assert!(p(&format!("/{}", "a".repeat(106))).is_ok());
        assert!(p(&format!("/{}", "a".repeat(107))).is_err());
        assert!(p(&format!("@{}", "a".repeat(106))).is_ok());
        assert!(p(&format!("@{}", "a".repeat(107))).is_err());
        assert_eq!(p("vsock:2:3"), Err(AddressError::Vsock));
        assert_eq!(p("vsock::3"), Err(AddressError::Vsock));
        assert!(matches!(p("vsock:2"), Err(AddressError::Invalid(_))));
        assert!(matches!(p("vsock:-1:2"), Err(AddressError::Range(_))));
        assert!(p("relative").is_err());
        assert!(p("localhost:53").is_err());
    }

    #[test]
    fn netlink_paths_names() {
        assert_eq!(parse_netlink("route 1361"), Ok(("route".into(), 1361)));
        assert_eq!(parse_netlink("audit"), Ok(("audit".into(), 0)));
        assert!(parse_netlink("12").is_ok());
        assert!(parse_netlink("sock_diag").is_err());
        assert!(parse_netlink("route 1 2").is_err());
        assert!(matches!(
            parse_netlink("route 4294967296"),
            Err(AddressError::Range(_))
        ));
        assert_eq!(parse_node_path("/a//b/"), Ok(PathBuf::from("/a/b")));
        assert_eq!(parse_node_path("/"), Ok(PathBuf::from("/")));
        assert_eq!(parse_node_path("rel"), Err("is not absolute"));
        assert_eq!(parse_node_path("/a/../b"), Err("is not normalized"));
        assert!(parse_node_path(&format!("/{}", "a".repeat(255))).is_ok());
        assert_eq!(
            parse_node_path(&format!("/{}", "a".repeat(256))),
            Err("has invalid length")
        );
        assert!(fd_name_is_valid("a b~"));
        assert!(!fd_name_is_valid("a:b"));
        assert!(!fd_name_is_valid("ä"));
        assert!(!fd_name_is_valid(&"a".repeat(256)));
    }
}
