//! The crate's only `unsafe` code: libpam's C interface, the exported `pam_sm_*` entry points,
//! and `getpwnam_r`.
//!
//! libpam is linked by its runtime file name, `libpam.so.0` (the only one present where the
//! development package is not installed), so the module records its dependency as every PAM
//! module does: an application that loads libpam itself with `RTLD_LOCAL` (e.g. through
//! Python's ctypes) can then still load this module — without it, `pam_syslog` & co. stay
//! unresolved and libpam reports "Module is unknown". No panic crosses into C: each entry
//! point and the data cleanup run inside `catch_unwind`.

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use crate::session::{self, Item, Pam, Priority, Session, Status};

/// libpam's opaque handle.
#[repr(C)]
pub struct PamHandle {
    _private: [u8; 0],
}

type Cleanup = unsafe extern "C" fn(*mut PamHandle, *mut c_void, c_int);

// Return codes and item types from <security/_pam_types.h>.
const PAM_SUCCESS: c_int = 0;
const PAM_SESSION_ERR: c_int = 14;
const PAM_IGNORE: c_int = 25;
const PAM_SERVICE: c_int = 1;
const PAM_TTY: c_int = 3;
const PAM_RHOST: c_int = 4;
const PAM_RUSER: c_int = 8;
const PAM_XDISPLAY: c_int = 11;

/// Name of our entry in the handle's module data.
const DATA_NAME: &CStr = c"linger.session";

#[link(name = "libpam.so.0", kind = "dylib", modifiers = "+verbatim")]
unsafe extern "C" {
    fn pam_get_item(pamh: *const PamHandle, item_type: c_int, item: *mut *const c_void) -> c_int;
    fn pam_get_user(pamh: *mut PamHandle, user: *mut *const c_char, prompt: *const c_char)
    -> c_int;
    fn pam_getenv(pamh: *mut PamHandle, name: *const c_char) -> *const c_char;
    fn pam_putenv(pamh: *mut PamHandle, name_value: *const c_char) -> c_int;
    fn pam_set_data(
        pamh: *mut PamHandle,
        name: *const c_char,
        data: *mut c_void,
        cleanup: Option<Cleanup>,
    ) -> c_int;
    fn pam_get_data(pamh: *const PamHandle, name: *const c_char, data: *mut *const c_void)
    -> c_int;
    fn pam_syslog(pamh: *const PamHandle, priority: c_int, fmt: *const c_char, ...);
}

/// Copy a C string libpam owns (valid until the next change of that value).
fn copy(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: libpam returns NUL-terminated strings, alive until that item/variable changes;
    // we copy before calling into libpam again.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

/// A live handle, valid for the duration of one entry point call.
struct Handle(*mut PamHandle);

impl Pam for Handle {
    fn item(&self, item: Item) -> Option<String> {
        let t = match item {
            Item::Service => PAM_SERVICE,
            Item::Tty => PAM_TTY,
            Item::Rhost => PAM_RHOST,
            Item::Ruser => PAM_RUSER,
            Item::Xdisplay => PAM_XDISPLAY,
        };
        let mut p: *const c_void = ptr::null();
        // SAFETY: self.0 is the handle libpam passed to this entry point; `p` is a valid out
        // pointer; these item types hold C strings.
        let r = unsafe { pam_get_item(self.0, t, &mut p) };
        if r == PAM_SUCCESS {
            copy(p.cast())
        } else {
            None
        }
    }

    fn user(&self) -> Option<String> {
        let mut p: *const c_char = ptr::null();
        // SAFETY: valid handle and out pointer; a null prompt means libpam's default prompt
        // (in the session phase the user is already known, so there is no prompt).
        let r = unsafe { pam_get_user(self.0, &mut p, ptr::null()) };
        if r == PAM_SUCCESS { copy(p) } else { None }
    }

    fn getenv(&self, name: &str) -> Option<String> {
        let name = CString::new(name).ok()?;
        // SAFETY: valid handle and NUL-terminated name; the result is copied at once.
        copy(unsafe { pam_getenv(self.0, name.as_ptr()) })
    }

    fn putenv(&mut self, name_value: &str) -> bool {
        let Ok(nv) = CString::new(name_value) else {
            return false;
        };
        // SAFETY: valid handle; libpam copies the string.
        unsafe { pam_putenv(self.0, nv.as_ptr()) == PAM_SUCCESS }
    }

    fn log(&self, priority: Priority, msg: &str) {
        let prio = match priority {
            Priority::Err => libc::LOG_ERR,
            Priority::Warning => libc::LOG_WARNING,
            Priority::Debug => libc::LOG_DEBUG,
        };
        let msg = CString::new(msg.replace('\0', " ")).unwrap_or_default();
        // SAFETY: valid handle; a constant "%s" format with one C string argument. pam_syslog
        // logs with LOG_AUTHPRIV and the "pam_linger(service:session)" prefix.
        unsafe { pam_syslog(self.0, prio, c"%s".as_ptr(), msg.as_ptr()) };
    }

    fn uid_of(&self, user: &str) -> Option<u32> {
        uid_of(user)
    }

    fn store(&mut self, session: Session) -> bool {
        let cell: *mut Option<Session> = Box::into_raw(Box::new(Some(session)));
        // SAFETY: valid handle and name; libpam keeps `cell` until it is replaced or pam_end,
        // then hands it to `cleanup`, which frees it exactly once.
        let r = unsafe { pam_set_data(self.0, DATA_NAME.as_ptr(), cell.cast(), Some(cleanup)) };
        if r != PAM_SUCCESS {
            // SAFETY: libpam did not take `cell`; it came from Box::into_raw just above.
            drop(unsafe { Box::from_raw(cell) });
        }
        r == PAM_SUCCESS
    }

    fn take(&mut self) -> Option<Session> {
        let mut p: *const c_void = ptr::null();
        // SAFETY: valid handle, name and out pointer.
        let r = unsafe { pam_get_data(self.0, DATA_NAME.as_ptr(), &mut p) };
        if r != PAM_SUCCESS || p.is_null() {
            return None;
        }
        // SAFETY: only `store` sets DATA_NAME, always to a live Box<Option<Session>> that we
        // own; no other reference to it exists during this call.
        let session = unsafe { &mut *(p as *mut Option<Session>) }.take();
        // Replacing the entry makes libpam run `cleanup` on the (now empty) box at once.
        // SAFETY: valid handle and name; null data with no cleanup is allowed.
        unsafe { pam_set_data(self.0, DATA_NAME.as_ptr(), ptr::null_mut(), None) };
        session
    }
}

/// Frees what `store` kept: at pam_end, or when `take` replaced it. Dropping the session
/// closes the connection in this process only (a forked child's copy is its own).
unsafe extern "C" fn cleanup(_pamh: *mut PamHandle, data: *mut c_void, _status: c_int) {
    if data.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `data` is the Box<Option<Session>> that `store` leaked; libpam calls this
        // once per stored value.
        drop(unsafe { Box::from_raw(data.cast::<Option<Session>>()) });
    }));
}

/// The uid of `user` from the passwd database (NSS included).
fn uid_of(user: &str) -> Option<u32> {
    let name = CString::new(user).ok()?;
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as c_char; size];
        // SAFETY: passwd is plain old data, all-zero is a valid value.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = ptr::null_mut();
        // SAFETY: every pointer is valid for the call; `buf` is `size` bytes long.
        let r = unsafe {
            libc::getpwnam_r(name.as_ptr(), &mut pw, buf.as_mut_ptr(), size, &mut result)
        };
        if r == libc::ERANGE && size < (1 << 20) {
            size *= 4;
            continue;
        }
        return (r == 0 && !result.is_null()).then_some(pw.pw_uid);
    }
}

/// The module arguments as strings.
fn arguments(argc: c_int, argv: *const *const c_char) -> Vec<String> {
    if argv.is_null() {
        return Vec::new();
    }
    (0..usize::try_from(argc).unwrap_or(0))
        // SAFETY: libpam passes `argc` valid entries in `argv`.
        .filter_map(|i| copy(unsafe { *argv.add(i) }))
        .collect()
}

fn entry(
    pamh: *mut PamHandle,
    argc: c_int,
    argv: *const *const c_char,
    f: fn(&mut dyn Pam, &[String]) -> Status,
) -> c_int {
    if pamh.is_null() {
        return PAM_SESSION_ERR;
    }
    let mut handle = Handle(pamh);
    let r = catch_unwind(AssertUnwindSafe(|| f(&mut handle, &arguments(argc, argv))));
    match r {
        Ok(Status::Success) => PAM_SUCCESS,
        Ok(Status::SessionErr) => PAM_SESSION_ERR,
        Err(_) => {
            let _ = catch_unwind(AssertUnwindSafe(|| {
                Handle(pamh).log(
                    Priority::Err,
                    "Internal error (panic), session not handled.",
                )
            }));
            PAM_SESSION_ERR
        }
    }
}

/// Register the session with linger's login daemon.
///
/// # Safety
/// Called by libpam with a valid handle and `argc` module arguments in `argv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pam_sm_open_session(
    pamh: *mut PamHandle,
    _flags: c_int,
    argc: c_int,
    argv: *const *const c_char,
) -> c_int {
    entry(pamh, argc, argv, session::open_session)
}

/// Release the session.
///
/// # Safety
/// Called by libpam with a valid handle and `argc` module arguments in `argv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pam_sm_close_session(
    pamh: *mut PamHandle,
    _flags: c_int,
    argc: c_int,
    argv: *const *const c_char,
) -> c_int {
    entry(pamh, argc, argv, session::close_session)
}

/// Not an authentication module: stays out of the decision (like a module without the type).
///
/// # Safety
/// Touches none of its arguments.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pam_sm_authenticate(
    _pamh: *mut PamHandle,
    _flags: c_int,
    _argc: c_int,
    _argv: *const *const c_char,
) -> c_int {
    PAM_IGNORE
}

/// No credentials to set.
///
/// # Safety
/// Touches none of its arguments.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pam_sm_setcred(
    _pamh: *mut PamHandle,
    _flags: c_int,
    _argc: c_int,
    _argv: *const *const c_char,
) -> c_int {
    PAM_IGNORE
}

/// No account policy.
///
/// # Safety
/// Touches none of its arguments.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pam_sm_acct_mgmt(
    _pamh: *mut PamHandle,
    _flags: c_int,
    _argc: c_int,
    _argv: *const *const c_char,
) -> c_int {
    PAM_IGNORE
}
