//! The message catalog `journalctl -x` adds below entries: for each `MESSAGE_ID=` linger's
//! manager and journal write, a subject and an explanation (linger's own words), with
//! `@FIELD@` replaced by the entry's field. Lines are prefixed `░░ ` as journalctl 252 does.

use std::io::{self, Write};

use crate::view::EntryView;

/// One catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The 128-bit id, lower-case hex without dashes.
    pub id: &'static str,
    /// One line.
    pub subject: &'static str,
    /// Paragraphs; `@FIELD@` is the entry's field.
    pub body: &'static str,
}

/// MESSAGE_ID of a unit's start that failed (systemd's id for the same event).
pub const UNIT_FAILED: &str = "be02cf6855d2428ba40df7e9d022f03d";
/// MESSAGE_ID of a unit started.
pub const UNIT_STARTED: &str = "39f53479d3a045ac8e11786248231fbf";
/// MESSAGE_ID of a unit stopped.
pub const UNIT_STOPPED: &str = "9d1aaa27d60140bd96365438aad20286";
/// MESSAGE_ID of a service whose main process exited with a failure.
pub const UNIT_PROCESS_EXIT: &str = "98e322203f7a4ed290d09fe03c09fe15";
/// MESSAGE_ID of an automatic restart being scheduled.
pub const UNIT_RESTART_SCHEDULED: &str = "5eb03494b6584870a536b337290809b3";
/// MESSAGE_ID of a start job beginning ("Starting …").
pub const UNIT_STARTING: &str = "7d4958e842da4a758f6c1cdc7b36dcc5";
/// MESSAGE_ID of a stop job (or a restart's stop half) beginning ("Stopping …").
pub const UNIT_STOPPING: &str = "de5b426a63be47a7b6ac3eaac82e2f6f";
/// MESSAGE_ID of a reload job beginning.
pub const UNIT_RELOADING: &str = "d34d037fff1847e6ae669a370e694725";
/// MESSAGE_ID of a unit reloaded.
pub const UNIT_RELOADED: &str = "7b05ebc668384222baa8881179cfda54";
/// MESSAGE_ID of a unit that went inactive without a failure.
pub const UNIT_SUCCESS: &str = "7ad2d189f7e94e70a38c781354912448";
/// MESSAGE_ID of a unit that entered the failed state.
pub const UNIT_FAILURE_RESULT: &str = "d9b373ed55a64feb8242e02dbe79a49c";

/// linger's catalog.
pub const CATALOG: &[CatalogEntry] = &[
    CatalogEntry {
        id: crate::writer::MESSAGE_ID_SUPPRESSED,
        subject: "Messages of a unit were dropped by the rate limit",
        body: "A unit logged more messages within RateLimitIntervalSec= than RateLimitBurst= \
allows; the rest of that interval's messages were dropped, and this entry counts them.\n\n\
The limits are set in ~/.config/linger/journald.conf ([Journal] RateLimitIntervalSec=, \
RateLimitBurst=).",
    },
    CatalogEntry {
        id: crate::writer::MESSAGE_ID_MISSED,
        subject: "Messages were lost: the journal writer could not keep up",
        body: "The manager's journal writer queue was full, so some messages could not be \
stored. This entry says how many.\n\nA unit that logs in bursts faster than the disk takes \
them causes this; consider logging less, or a larger RateLimitBurst=.",
    },
    CatalogEntry {
        id: UNIT_FAILED,
        subject: "A start job for unit @UNIT@ has failed",
        body: "A start job for unit @UNIT@ has finished with a failure (job result: \
@JOB_RESULT@).\n\n\
'systemctl --user status @UNIT@' shows the main process's exit status; the lines above \
this one are what the unit printed.",
    },
    CatalogEntry {
        id: UNIT_STARTED,
        subject: "A start job for unit @UNIT@ has finished successfully",
        body: "A start job for unit @UNIT@ has finished successfully.",
    },
    CatalogEntry {
        id: UNIT_STOPPED,
        subject: "A stop job for unit @UNIT@ has finished",
        body: "Unit @UNIT@ has been stopped.",
    },
    CatalogEntry {
        id: UNIT_PROCESS_EXIT,
        subject: "Unit process exited",
        body: "An ExecStart= process belonging to unit @UNIT@ has exited.\n\n\
'systemctl --user status @UNIT@' shows the exit code or signal.",
    },
    CatalogEntry {
        id: UNIT_RELOADED,
        subject: "A reload job for unit @UNIT@ has finished",
        body: "A reload job for unit @UNIT@ has finished; the job result is @JOB_RESULT@.",
    },
    CatalogEntry {
        id: UNIT_STARTING,
        subject: "A start job for unit @UNIT@ has begun execution",
        body: "A start job for unit @UNIT@ has begun: the manager is running its start \
commands. An entry saying it started (or failed) follows when the job ends.",
    },
    CatalogEntry {
        id: UNIT_STOPPING,
        subject: "A stop job for unit @UNIT@ has begun execution",
        body: "A stop job for unit @UNIT@ has begun (job type @JOB_TYPE@): the manager is \
running its stop commands and then signals its remaining processes.",
    },
    CatalogEntry {
        id: UNIT_RELOADING,
        subject: "A reload job for unit @UNIT@ has begun execution",
        body: "A reload job for unit @UNIT@ has begun: the manager is running its \
ExecReload= commands.",
    },
    CatalogEntry {
        id: UNIT_SUCCESS,
        subject: "Unit succeeded",
        body: "The unit @UNIT@ has become inactive without a failure; its processes are gone.",
    },
    CatalogEntry {
        id: UNIT_FAILURE_RESULT,
        subject: "Unit failed",
        body: "The unit @UNIT@ has entered the 'failed' state with result '@UNIT_RESULT@'.\n\n\
'systemctl --user reset-failed @UNIT@' clears the state; the lines above this one say why.",
    },
    CatalogEntry {
        id: UNIT_RESTART_SCHEDULED,
        subject: "Automatic restarting of a unit has been scheduled",
        body: "Automatic restarting of the unit @UNIT@ has been scheduled, as the result of \
the configured Restart= setting for the unit.",
    },
];

/// The catalog entry of a MESSAGE_ID.
pub fn lookup(id: &str) -> Option<&'static CatalogEntry> {
    CATALOG.iter().find(|c| c.id.eq_ignore_ascii_case(id))
}

/// Write the explanation of `e` (nothing when it has no MESSAGE_ID the catalog knows).
pub fn explain(e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
    let Some(id) = e
        .get("MESSAGE_ID")
        .and_then(|b| std::str::from_utf8(b).ok())
    else {
        return Ok(());
    };
    let Some(entry) = lookup(id.trim()) else {
        return Ok(());
    };
    let text = format!("Subject: {}\n\n{}", entry.subject, entry.body);
    for line in substitute(&text, e).lines() {
        if line.is_empty() {
            writeln!(out, "░░")?;
        } else {
            writeln!(out, "░░ {line}")?;
        }
    }
    Ok(())
}

/// `@FIELD@` → the entry's field (`@UNIT@` also finds `USER_UNIT=`); unknown ones stay.
fn substitute(text: &str, e: &dyn EntryView) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('@') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('@') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        let value = e.get(name).or_else(|| match name {
            "UNIT" => e.get("USER_UNIT").or_else(|| e.get("_SYSTEMD_USER_UNIT")),
            _ => None,
        });
        match value {
            Some(v) if !name.is_empty() => {
                out.push_str(&String::from_utf8_lossy(v));
                rest = &after[end + 1..];
            }
            _ => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Entry;

    fn entry(fields: &[(&str, &str)]) -> Entry {
        let mut e = Entry::default();
        for (k, v) in fields {
            e.push(*k, v.as_bytes());
        }
        e
    }

    #[test]
    fn unit_failure_is_explained_with_the_unit_name() {
        let e = entry(&[
            ("MESSAGE", "Failed to start Web."),
            ("MESSAGE_ID", UNIT_FAILED),
            ("USER_UNIT", "web.service"),
        ]);
        let mut out = Vec::new();
        explain(&e, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("░░ Subject: A start job for unit web.service has failed\n░░\n"),
            "{text}"
        );
        assert!(
            text.contains("systemctl --user status web.service"),
            "{text}"
        );
    }

    #[test]
    fn entries_without_a_known_id_get_nothing() {
        let mut out = Vec::new();
        explain(&entry(&[("MESSAGE", "hello")]), &mut out).unwrap();
        explain(
            &entry(&[("MESSAGE_ID", "00000000000000000000000000000000")]),
            &mut out,
        )
        .unwrap();
        assert!(out.is_empty());
    }

    #[test]
    fn ids_are_unique() {
        for (i, a) in CATALOG.iter().enumerate() {
            assert_eq!(a.id.len(), 32);
            assert!(CATALOG[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
        }
    }
}
