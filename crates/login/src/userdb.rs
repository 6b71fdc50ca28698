//! Who a user is: the user database (NSS, through `getpwnam_r`/`getpwuid_r`), and the rules a
//! name must pass before it is looked up or becomes a file name in the linger directory.

use std::ffi::CString;

/// One account from the user database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Login name (as the database spells it).
    pub name: String,
    /// User id.
    pub uid: u32,
    /// Primary group id.
    pub gid: u32,
    /// Home directory.
    pub home: String,
    /// Login shell.
    pub shell: String,
}

/// Why a user could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// Not a name that could be a user's (`/`, `..`, control characters, …).
    #[error("Invalid user name '{0}'")]
    InvalidName(String),
    /// No such user in the user database.
    #[error("No such user '{0}'")]
    NoSuchUser(String),
    /// The database itself failed.
    #[error("Cannot look up user '{name}': {message}")]
    Database {
        /// The name or uid asked for.
        name: String,
        /// The error.
        message: String,
    },
}

/// The user database, as a seam: the daemon uses [`SystemDb`], tests a fixed table.
pub trait UserDb: Sync {
    /// Look up by name.
    fn by_name(&self, name: &str) -> Result<Option<Account>, LookupError>;
    /// Look up by uid.
    fn by_uid(&self, uid: u32) -> Result<Option<Account>, LookupError>;
    /// Supplementary groups of `account` including its primary group (initgroups semantics).
    fn groups(&self, account: &Account) -> Vec<u32>;
}

/// The machine's user database (NSS).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemDb;

fn from_nix(u: nix::unistd::User) -> Account {
    Account {
        name: u.name,
        uid: u.uid.as_raw(),
        gid: u.gid.as_raw(),
        home: u.dir.display().to_string(),
        shell: u.shell.display().to_string(),
    }
}

impl UserDb for SystemDb {
    fn by_name(&self, name: &str) -> Result<Option<Account>, LookupError> {
        nix::unistd::User::from_name(name)
            .map(|o| o.map(from_nix))
            .map_err(|e| LookupError::Database {
                name: name.into(),
                message: e.to_string(),
            })
    }

    fn by_uid(&self, uid: u32) -> Result<Option<Account>, LookupError> {
        nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
            .map(|o| o.map(from_nix))
            .map_err(|e| LookupError::Database {
                name: uid.to_string(),
                message: e.to_string(),
            })
    }

    fn groups(&self, account: &Account) -> Vec<u32> {
        let Ok(name) = CString::new(account.name.as_str()) else {
            return vec![account.gid];
        };
        match nix::unistd::getgrouplist(&name, nix::unistd::Gid::from_raw(account.gid)) {
            Ok(g) => g.into_iter().map(|g| g.as_raw()).collect(),
            Err(_) => vec![account.gid],
        }
    }
}

/// Whether `name` may be a user name that linger looks up and stores as a file name: 1–255
/// bytes, not `.`/`..`, no `/`, no whitespace, control characters or `:`, not starting with
/// `-` or `+` (NSS compat entries), and not all digits (that is a uid).
pub fn valid_user_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name.starts_with('-')
        && !name.starts_with('+')
        && !name.starts_with('.')
        && !name.bytes().all(|b| b.is_ascii_digit())
        && !name
            .chars()
            .any(|c| c == '/' || c == ':' || c.is_whitespace() || c.is_control())
}

/// A user a request names, before it is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserRef {
    /// `""`: the caller.
    Caller,
    /// Plain decimal digits (no sign, no blanks: `+0` is not root).
    Uid(u32),
    /// A name that may be a user's ([`valid_user_name`]).
    Name(String),
}

/// Parse a `user` parameter: empty means the caller, plain digits a uid, else a valid name.
/// The error repeats at most the start of what was asked for (see `escape::shown`).
pub fn user_ref(spec: &str) -> Result<UserRef, LookupError> {
    if spec.is_empty() {
        return Ok(UserRef::Caller);
    }
    if let Some(uid) = spec
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| spec.parse().ok())
        .flatten()
    {
        return Ok(UserRef::Uid(uid));
    }
    if !valid_user_name(spec) {
        return Err(LookupError::InvalidName(crate::escape::shown(spec)));
    }
    Ok(UserRef::Name(spec.to_string()))
}

/// Look `user` up (`caller`: the uid `UserRef::Caller` means). The account's own name must
/// also be valid (it becomes a path).
pub fn lookup(db: &dyn UserDb, user: &UserRef, caller: u32) -> Result<Account, LookupError> {
    let found = match user {
        UserRef::Caller => db
            .by_uid(caller)?
            .ok_or_else(|| LookupError::NoSuchUser(caller.to_string()))?,
        UserRef::Uid(uid) => db
            .by_uid(*uid)?
            .ok_or_else(|| LookupError::NoSuchUser(uid.to_string()))?,
        UserRef::Name(name) => db
            .by_name(name)?
            .ok_or_else(|| LookupError::NoSuchUser(name.clone()))?,
    };
    if !valid_user_name(&found.name) {
        return Err(LookupError::InvalidName(crate::escape::shown(&found.name)));
    }
    Ok(found)
}

/// Resolve a `user` parameter ([`user_ref`], then [`lookup`]).
pub fn resolve(db: &dyn UserDb, spec: &str, caller: u32) -> Result<Account, LookupError> {
    lookup(db, &user_ref(spec)?, caller)
}

#[cfg(test)]
pub(crate) mod fake {
    use super::*;

    /// A fixed user table.
    #[derive(Debug, Default)]
    pub struct MapDb(pub Vec<Account>);

    impl MapDb {
        pub fn with(users: &[(&str, u32)]) -> MapDb {
            MapDb(
                users
                    .iter()
                    .map(|(n, u)| Account {
                        name: (*n).into(),
                        uid: *u,
                        gid: *u,
                        home: format!("/home/{n}"),
                        shell: "/bin/sh".into(),
                    })
                    .collect(),
            )
        }
    }

    impl UserDb for MapDb {
        fn by_name(&self, name: &str) -> Result<Option<Account>, LookupError> {
            Ok(self.0.iter().find(|a| a.name == name).cloned())
        }
        fn by_uid(&self, uid: u32) -> Result<Option<Account>, LookupError> {
            Ok(self.0.iter().find(|a| a.uid == uid).cloned())
        }
        fn groups(&self, account: &Account) -> Vec<u32> {
            vec![account.gid]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fake::MapDb;
    use super::*;

    #[test]
    fn names() {
        let good = ["alice", "a.b", "a-b", "a_b", "A1", "user@example", "x$"];
        let bad = [
            "", ".", "..", "../etc", "a/b", "-rf", ".hidden", "a b", "a\tb", "a:b", "a\nb", "1000",
            "a\u{7f}", "+0", "+alice",
        ];
        let wrong: Vec<_> = good
            .iter()
            .filter(|n| !valid_user_name(n))
            .chain(bad.iter().filter(|n| valid_user_name(n)))
            .collect();
        assert!(wrong.is_empty(), "misjudged: {wrong:?}");
        assert!(!valid_user_name(&"x".repeat(256)));
    }

    #[test]
    fn resolution() {
        let db = MapDb::with(&[("alice", 1000), ("bob", 1001), ("bad/name", 1002)]);
        assert_eq!(resolve(&db, "alice", 0).unwrap().uid, 1000);
        assert_eq!(resolve(&db, "1001", 0).unwrap().name, "bob");
        assert_eq!(resolve(&db, "", 1000).unwrap().name, "alice");
        assert_eq!(
            resolve(&db, "carol", 0),
            Err(LookupError::NoSuchUser("carol".into()))
        );
        assert_eq!(
            resolve(&db, "../alice", 0),
            Err(LookupError::InvalidName("../alice".into()))
        );
        assert_eq!(
            resolve(&db, "4242", 0),
            Err(LookupError::NoSuchUser("4242".into()))
        );
        // `+0` is no uid (u32's parser would take it for root).
        let db0 = MapDb::with(&[("root", 0)]);
        assert!(matches!(
            resolve(&db0, "+0", 1000),
            Err(LookupError::InvalidName(_))
        ));
        assert_eq!(resolve(&db0, "0", 1000).unwrap().name, "root");
        // A huge name is not repeated whole.
        let huge = "x".repeat(1 << 20);
        match resolve(&db, &format!("{huge}/"), 0) {
            Err(e) => assert!(e.to_string().len() < 200, "{} bytes", e.to_string().len()),
            Ok(a) => panic!("{a:?}"),
        }
        // A database entry whose name could not be a file name never becomes one.
        assert_eq!(
            resolve(&db, "1002", 0),
            Err(LookupError::InvalidName("bad/name".into()))
        );
    }

    #[test]
    fn system_db_knows_root() {
        let root = SystemDb.by_uid(0).unwrap().expect("root exists");
        assert_eq!(root.name, "root");
        assert!(SystemDb.groups(&root).contains(&0));
        assert_eq!(SystemDb.by_name("no-such-user-linger-x").unwrap(), None);
    }
}
