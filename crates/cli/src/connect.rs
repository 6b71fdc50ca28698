//! Finding the caller's user manager.

use std::path::PathBuf;

use linger_ipc::{CallError, Client};

/// The manager socket: `$LINGER_MANAGER_SOCKET`, else `$XDG_RUNTIME_DIR/linger/manager`, else
/// `/run/user/UID/linger/manager` — so `sudo -u USER linger ctl …` (no XDG_RUNTIME_DIR) still
/// finds the user's manager (systemd#40604).
pub fn manager_socket() -> PathBuf {
    if let Some(p) = std::env::var_os("LINGER_MANAGER_SOCKET") {
        return PathBuf::from(p);
    }
    runtime_dir().join("linger/manager")
}

/// `$XDG_RUNTIME_DIR`, else `/run/user/UID`.
pub fn runtime_dir() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(format!("/run/user/{}", rustix::process::getuid().as_raw()))
        })
}

/// Connect, with a message that says what to do when no manager runs.
pub fn connect() -> Result<Client, String> {
    let path = manager_socket();
    Client::connect(&path).map_err(|e| match e {
        CallError::Connect { source, .. } => format!(
            "Failed to connect to user manager at {}: {source}\nhint: start it with 'linger daemon --user &' (or log in, when the linger login daemon runs), or set XDG_RUNTIME_DIR.",
            path.display()
        ),
        other => other.to_string(),
    })
}
