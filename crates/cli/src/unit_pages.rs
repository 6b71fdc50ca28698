//! The manager's `Units` call for any number of names. One reply is bounded by
//! [`linger_ipc::MAX_MESSAGE`] (the properties of 10,000 units are far more than 8 MiB), so the
//! names are asked page by page, in order; a page whose reply the manager finds too large to
//! send (`ReplyTooLarge`: long log lines in `status`) is asked again in halves. Every CLI
//! caller of `Units` goes through [`units`].

use linger_ipc::manager::{UnitProperties, UnitsRequest, error, method};
use linger_ipc::{CallError, Client, FrameError};

/// Names per call: small enough that a page of every property (~8 KB a unit) stays well below
/// the limit and the manager answers other clients between pages, large enough that 10,000
/// names take a few dozen round trips.
const PAGE: usize = 256;

/// The rows of `req.units` (units that could not be loaded at all have none), asked `PAGE`
/// names at a time on `client`.
pub fn units(client: &mut Client, req: &UnitsRequest) -> Result<Vec<UnitProperties>, CallError> {
    let mut out = Vec::with_capacity(req.units.len());
    for page in req.units.chunks(PAGE) {
        ask_page(client, req, page, &mut out)?;
    }
    Ok(out)
}

/// As [`units`], running `during` while the manager works on the answer: with one page of
/// names, the call is sent, `during` runs, and then the reply is read (`status` reads the
/// journal meanwhile: the two take turns on one core, run at once on two). With more names,
/// `during` runs first.
pub fn units_while<R>(
    client: &mut Client,
    req: &UnitsRequest,
    during: impl FnOnce() -> R,
) -> (Result<Vec<UnitProperties>, CallError>, R) {
    if req.units.len() > PAGE {
        let r = during();
        return (units(client, req), r);
    }
    let sent = serde_json::to_value(req)
        .map_err(|e| CallError::from(FrameError::Malformed(e)))
        .and_then(|params| client.send_call(method::UNITS, params));
    if let Err(e) = sent {
        return (Err(e), during());
    }
    let r = during();
    let rows = match client.reply_as::<linger_ipc::manager::UnitsReply>() {
        Ok(reply) => Ok(reply.units),
        Err(CallError::Remote { name, .. })
            if name == error::REPLY_TOO_LARGE && req.units.len() > 1 =>
        {
            let mut out = Vec::with_capacity(req.units.len());
            let (first, second) = req.units.split_at(req.units.len() / 2);
            ask_page(client, req, first, &mut out)
                .and_then(|()| ask_page(client, req, second, &mut out))
                .map(|()| out)
        }
        Err(e) => Err(e),
    };
    (rows, r)
}

fn ask_page(
    client: &mut Client,
    req: &UnitsRequest,
    page: &[String],
    out: &mut Vec<UnitProperties>,
) -> Result<(), CallError> {
    let page_req = UnitsRequest {
        units: page.to_vec(),
        ..req.clone()
    };
    let params = serde_json::to_value(&page_req).map_err(FrameError::Malformed)?;
    match client.call_as::<linger_ipc::manager::UnitsReply>(method::UNITS, params) {
        Ok(r) => {
            out.extend(r.units);
            Ok(())
        }
        Err(CallError::Remote { name, .. }) if name == error::REPLY_TOO_LARGE && page.len() > 1 => {
            let (first, second) = page.split_at(page.len() / 2);
            ask_page(client, req, first, out)?;
            ask_page(client, req, second, out)
        }
        Err(e) => Err(e),
    }
}
