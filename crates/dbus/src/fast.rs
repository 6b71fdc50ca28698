//! State reads answered without a turn of the manager's event loop: `GetUnit` of a loaded
//! unit by its id, and `Properties.Get` of a unit's `Id`, `LoadState`, `ActiveState` or
//! `SubState` — what `systemctl is-active` and most pollers ask, and the pair issue 11 times.
//! The answer comes from the states the manager publishes at the end of each turn
//! ([`linger_manager::Requests::unit_state`]), so it is what a call through the loop would have
//! said at that moment. Anything else (an alias, a unit not loaded, another property, a
//! wrong signature: errors are the slow path's) goes the usual way (dispatch.rs).
//!
//! [`answer`] decides; two encoders send: [`Front::fast`] with zbus (the session bus, and
//! calls that reached the private socket's dispatcher) and `read_ahead.rs`, which answers
//! such calls on the private socket before zbus sees them (`wire.rs` marshals).

use linger_manager::Requests;
use zbus::message::{Header, Message};
use zbus::zvariant::Value;

use crate::front::{Front, MANAGER, Reply, ret};
use crate::paths;

const PROPERTIES: &str = "org.freedesktop.DBus.Properties";
const UNIT: &str = "org.freedesktop.systemd1.Unit";

/// A method call as the fast path looks at it.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// The object path.
    pub path: &'a str,
    /// The interface, if the call named one.
    pub iface: Option<&'a str>,
    /// The method.
    pub member: &'a str,
    /// The arguments, when they are all strings (the body's signature `s`, `ss`, …).
    pub args: &'a [&'a str],
}

/// What the fast path answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// An object path (`o`): GetUnit's.
    Path(String),
    /// A string in a variant (`v` holding `s`): Get's.
    Str(String),
}

/// The answer to `ask` from the published states; None: ask the manager.
pub fn answer(requests: &Requests, ask: &Ask<'_>) -> Option<Answer> {
    match (ask.member, ask.args) {
        ("GetUnit", [name])
            if ask.path == paths::MANAGER && matches!(ask.iface, None | Some(MANAGER)) =>
        {
            requests.unit_state(name)?;
            Some(Answer::Path(paths::unit(name)))
        }
        ("Get", [of, prop]) if matches!(ask.iface, None | Some(PROPERTIES)) => {
            if !of.is_empty() && *of != UNIT {
                return None;
            }
            let id = paths::unescape(ask.path.strip_prefix(paths::UNIT_PREFIX)?)?;
            let state = requests.unit_state(&id)?;
            let value = match *prop {
                "Id" => id,
                "LoadState" => state.load.to_string(),
                "ActiveState" => state.active.to_string(),
                "SubState" => state.sub.to_string(),
                _ => return None,
            };
            Some(Answer::Str(value))
        }
        _ => None,
    }
}

impl Front {
    /// The reply to `msg` if it is one of the reads above about a unit the manager has
    /// loaded under that id; None: ask the manager.
    pub fn fast(&self, msg: &Message, hdr: &Header<'_>) -> Option<Reply> {
        let member = hdr.member()?.as_str();
        if !matches!(member, "GetUnit" | "Get") {
            return None;
        }
        let body = msg.body();
        let sig = body.signature().to_string_no_parens();
        let (args, n): ([&str; 2], usize) = match sig.as_str() {
            "s" => ([body.deserialize().ok()?, ""], 1),
            "ss" => {
                let (a, b): (&str, &str) = body.deserialize().ok()?;
                ([a, b], 2)
            }
            _ => return None,
        };
        let ask = Ask {
            path: hdr.path()?.as_str(),
            iface: hdr.interface().map(|i| i.as_str()),
            member,
            args: &args[..n],
        };
        Some(match answer(&self.requests, &ask)? {
            Answer::Path(p) => ret(hdr, &crate::props::object_path(p)),
            Answer::Str(s) => ret(hdr, &Value::from(s)),
        })
    }
}
