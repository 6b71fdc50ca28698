//! The writer thread's side: batches, rate limits, rotation, caps and write errors.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, SyncSender};

use super::{
    BATCH_MAX, ITEM_OVERHEAD, MESSAGE_ID_MISSED, MESSAGE_ID_SUPPRESSED, Msg, Shared, StreamInner,
    WRITER_IDENTIFIER,
};
use crate::capture::LineBatch;
use crate::config::JournalConfig;
use crate::entry::{self, Entry, fields};
use crate::error::{Error, Result};
use crate::ratelimit::{RateLimiter, Verdict};
use crate::store::append::{Appender, Record, RecordFields};
use crate::store::dir;
use crate::store::segment::Segment;

pub(super) struct WriterState {
    pub(super) cfg: JournalConfig,
    max_use: u64,
    max_file_size: u64,
    _lock: File,
    seg: Option<Appender>,
    seqnum_id: [u8; 16],
    next_seqnum: u64,
    boot_id: [u8; 16],
    rl: RateLimiter,
    pub(super) shared: Arc<Shared>,
    /// Entries in the pending (unwritten) buffer of `seg`.
    batch_entries: u64,
    /// Entries lost to write errors not yet reported, and the last error.
    disk_missed: u64,
    /// The count a "Missed" notice in the pending batch reports (0: no notice pending).
    missed_in_batch: u64,
    disk_error: String,
    /// A write failed in this batch: do not retry until the next one.
    failed_this_batch: bool,
    #[cfg(test)]
    fail_writes: Arc<std::sync::atomic::AtomicBool>,
}

impl WriterState {
    pub(super) fn open(cfg: JournalConfig) -> Result<WriterState> {
        let lock = dir::lock_directory(&cfg.directory)?;
        let (seqnum_id, next_seqnum) = recover(&cfg.directory)?;
        let max_use = cfg.effective_max_use();
        let max_file_size = cfg.effective_max_file_size();
        let rl = RateLimiter::new(cfg.rate_limit_interval_usec, cfg.rate_limit_burst);
        let mut st = WriterState {
            cfg,
            max_use,
            max_file_size,
            _lock: lock,
            seg: None,
            seqnum_id,
            next_seqnum,
            boot_id: entry::current_boot_id(),
            rl,
            shared: Arc::new(Shared::default()),
            batch_entries: 0,
            disk_missed: 0,
            missed_in_batch: 0,
            disk_error: String::new(),
            failed_this_batch: false,
            #[cfg(test)]
            fail_writes: Arc::default(),
        };
        st.vacuum();
        Ok(st)
    }

    pub(super) fn run(mut self, rx: Receiver<Msg>) {
        let mut acks: Vec<SyncSender<()>> = Vec::new();
        let mut thens: Vec<super::AfterWritten> = Vec::new();
        'outer: while let Ok(first) = rx.recv() {
            self.failed_this_batch = false;
            let mut closing = false;
            let mut next = Some(first);
            let mut handled = 0;
            while let Some(msg) = next.take() {
                self.report_queue_drops();
                match msg {
                    Msg::Entry(e, bytes) => {
                        self.shared.release(bytes);
                        self.write_entry(&e);
                    }
                    Msg::Line {
                        stream,
                        rt,
                        mono,
                        priority,
                        message,
                    } => {
                        self.shared.release(ITEM_OVERHEAD + message.len());
                        self.write_line(&stream, rt, mono, priority, &message);
                    }
                    Msg::Lines(m) => {
                        self.shared.release(super::batch_bytes(&m.batch));
                        self.write_lines(&m.stream, m.rt, m.mono, &m.batch);
                    }
                    Msg::Flush(ack) => acks.push(ack),
                    Msg::AfterWritten(then) => {
                        self.shared.release(ITEM_OVERHEAD);
                        thens.push(then);
                    }
                    Msg::Rotate(ack) => {
                        self.commit();
                        self.close_segment();
                        acks.push(ack);
                    }
                    Msg::Close => closing = true,
                }
                handled += 1;
                if closing || handled >= BATCH_MAX {
                    break;
                }
                if self.seg.as_ref().is_some_and(|s| s.pending() >= 1 << 20) {
                    self.commit();
                }
                next = rx.try_recv().ok();
            }
            self.commit();
            for ack in acks.drain(..) {
                let _ = ack.send(());
            }
            for then in thens.drain(..) {
                then();
            }
            self.shared.drained();
            if closing {
                break 'outer;
            }
        }
        self.close_segment();
    }

    fn report_queue_drops(&mut self) {
        let n = self.shared.pending_queue_drops.swap(0, Ordering::Relaxed);
        if n > 0 {
            let msg = format!("Missed {n} log messages: the journal writer could not keep up");
            self.write_notice(MESSAGE_ID_MISSED, &msg, None);
        }
    }

    fn write_notice(&mut self, id: &str, msg: &str, unit: Option<&str>) {
        let mut e = Entry::message(entry::priority::WARNING, msg);
        e.push(fields::MESSAGE_ID, id)
            .push(fields::SYSLOG_IDENTIFIER, WRITER_IDENTIFIER)
            .push(fields::TRANSPORT, "driver");
        if let Some(u) = unit {
            e.push(fields::USER_UNIT, u);
        }
        e.stamp_now();
        self.append(
            RecordFields::Entry(&e.fields),
            e.realtime_usec,
            e.monotonic_usec,
            e.boot_id,
        );
    }

    fn write_entry(&mut self, e: &Entry) {
        let unit = e.unit().unwrap_or("").to_owned();
        if !self.rate_ok(&unit, e.monotonic_usec) {
            return;
        }
        self.append(
            RecordFields::Entry(&e.fields),
            e.realtime_usec,
            e.monotonic_usec,
            e.boot_id,
        );
    }

    fn write_line(&mut self, s: &StreamInner, rt: u64, mono: u64, priority: u8, message: &[u8]) {
        if !self.rate_ok(&s.unit, mono) {
            return;
        }
        self.append(s.line(priority, message), rt, mono, [0; 16]);
    }

    /// Lines read together: one rate-limit decision for all of them (the first ones up to
    /// the burst pass), then each is appended.
    fn write_lines(&mut self, s: &StreamInner, rt: u64, mono: u64, batch: &LineBatch) {
        let (verdict, passed) = self.rl.check_n(&s.unit, mono, batch.len() as u64);
        let dropped = batch.len() as u64 - passed;
        if dropped > 0 {
            self.shared.suppressed.fetch_add(dropped, Ordering::Relaxed);
        }
        if passed == 0 || !self.rate_verdict(&s.unit, verdict) {
            return;
        }
        for l in batch.iter().take(passed as usize) {
            self.append(s.line(l.priority, l.message), rt, mono, [0; 16]);
        }
    }

    fn rate_ok(&mut self, unit: &str, mono: u64) -> bool {
        let verdict = self.rl.check(unit, mono);
        self.rate_verdict(unit, verdict)
    }

    /// Acts on a rate-limit verdict (a notice after suppressed lines); `false`: drop.
    fn rate_verdict(&mut self, unit: &str, verdict: Verdict) -> bool {
        match verdict {
            Verdict::Pass => true,
            Verdict::PassAfterSuppressed(n) => {
                let shown = if unit.is_empty() {
                    "the user manager"
                } else {
                    unit
                };
                self.write_notice(
                    MESSAGE_ID_SUPPRESSED,
                    &format!("Suppressed {n} messages from {shown}"),
                    Some(unit).filter(|u| !u.is_empty()),
                );
                true
            }
            Verdict::Drop => {
                self.shared.suppressed.fetch_add(1, Ordering::Relaxed);
                false
            }
        }
    }

    fn append(&mut self, fields: RecordFields<'_>, rt: u64, mono: u64, boot: [u8; 16]) {
        let boot_id = if boot == [0; 16] { self.boot_id } else { boot };
        if !self.ensure_segment(rt) {
            self.disk_missed += 1;
            self.shared.dropped_disk.fetch_add(1, Ordering::Relaxed);
            return;
        }
        if self.disk_missed > 0 && self.missed_in_batch == 0 {
            let n = self.disk_missed;
            self.missed_in_batch = n;
            let msg = format!(
                "Missed {n} log messages: could not write to the journal ({})",
                self.disk_error
            );
            let mut e = Entry::message(entry::priority::WARNING, msg);
            e.push(fields::MESSAGE_ID, MESSAGE_ID_MISSED)
                .push(fields::SYSLOG_IDENTIFIER, WRITER_IDENTIFIER)
                .push(fields::TRANSPORT, "driver");
            e.stamp_now();
            let r = Record {
                rt: e.realtime_usec,
                mono: e.monotonic_usec,
                boot_id: self.boot_id,
                fields: RecordFields::Entry(&e.fields),
            };
            if let Some(seg) = self.seg.as_mut() {
                seg.append(&r);
                self.batch_entries += 1;
            }
        }
        let r = Record {
            rt,
            mono,
            boot_id,
            fields,
        };
        if let Some(seg) = self.seg.as_mut() {
            seg.append(&r);
            self.batch_entries += 1;
        }
    }

    /// Makes sure a segment is open and within its limits; `false` if none can be had now.
    fn ensure_segment(&mut self, rt: u64) -> bool {
        if let Some(seg) = &self.seg {
            let too_old = self.cfg.max_file_usec > 0
                && rt.saturating_sub(seg.first_rt()) >= self.cfg.max_file_usec;
            if seg.size() >= self.max_file_size || too_old || seg.dict_full() {
                self.commit();
                self.close_segment();
            }
        }
        if self.seg.is_some() {
            return true;
        }
        if self.failed_this_batch {
            return false;
        }
        let now_rt = entry::now().0;
        match Appender::create(
            &self.cfg.directory,
            self.seqnum_id,
            self.next_seqnum,
            now_rt,
        ) {
            Ok((a, _)) => {
                self.seg = Some(a);
                true
            }
            Err(e) => {
                self.disk_error = e.to_string();
                self.failed_this_batch = true;
                false
            }
        }
    }

    /// Writes the pending buffer of the active segment.
    fn commit(&mut self) {
        let Some(seg) = self.seg.as_mut() else { return };
        #[cfg(test)]
        let injected = self.fail_writes.load(Ordering::Relaxed) && seg.pending() > 0;
        #[cfg(not(test))]
        let injected = false;
        let res = if injected {
            Err(std::io::Error::from_raw_os_error(28))
        } else {
            seg.write_out()
        };
        match res {
            Ok(()) => {
                self.next_seqnum = seg.next_seqnum;
                self.shared
                    .written
                    .fetch_add(self.batch_entries, Ordering::Relaxed);
                self.disk_missed -= self.missed_in_batch;
            }
            Err(e) => {
                // The appender's dictionary may now describe bytes that never reached the
                // file, so it is abandoned; the next entry starts a new segment.
                self.disk_error = e.to_string();
                let lost = self.batch_entries - u64::from(self.missed_in_batch > 0);
                self.disk_missed += lost;
                self.shared.dropped_disk.fetch_add(lost, Ordering::Relaxed);
                self.failed_this_batch = true;
                let path = seg.path.clone();
                self.seg = None;
                if std::fs::metadata(&path)
                    .is_ok_and(|m| m.len() <= crate::store::format::HEADER_LEN)
                {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
        self.batch_entries = 0;
        self.missed_in_batch = 0;
    }

    fn close_segment(&mut self) {
        let Some(mut seg) = self.seg.take() else {
            return;
        };
        match seg.finish() {
            Ok(()) => {
                self.next_seqnum = seg.next_seqnum;
                self.shared
                    .written
                    .fetch_add(self.batch_entries, Ordering::Relaxed);
                self.disk_missed -= self.missed_in_batch;
            }
            Err(e) => {
                self.disk_error = e.to_string();
                let lost = self.batch_entries - u64::from(self.missed_in_batch > 0);
                self.disk_missed += lost;
                self.shared.dropped_disk.fetch_add(lost, Ordering::Relaxed);
            }
        }
        self.batch_entries = 0;
        self.missed_in_batch = 0;
        self.shared.rotations.fetch_add(1, Ordering::Relaxed);
        drop(seg);
        self.vacuum();
    }

    /// Applies `SystemMaxUse=` (leaving room for the next segment) and `MaxRetentionSec=`.
    fn vacuum(&mut self) {
        let room = self.max_file_size.min(self.max_use / 2);
        let cut = (self.cfg.max_retention_usec > 0)
            .then(|| entry::now().0.saturating_sub(self.cfg.max_retention_usec));
        let keep = self.seg.as_ref().map(|s| s.path.clone());
        let _ = dir::vacuum(
            &self.cfg.directory,
            Some(self.max_use - room),
            cut,
            keep.as_deref(),
        );
    }
}

/// Finds where the previous writer stopped: cuts a torn tail of the newest readable segment
/// and returns its seqnum id and the next seqnum (a fresh id for an empty directory).
fn recover(directory: &Path) -> Result<([u8; 16], u64)> {
    let segs = dir::list_segments(directory)?;
    for s in segs.iter().rev() {
        let Ok(seg) = Segment::open(&s.path) else {
            continue;
        };
        if seg.valid_end < seg.file_len {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&s.path)
                .map_err(|e| Error::io(&s.path, e))?;
            f.set_len(seg.valid_end)
                .map_err(|e| Error::io(&s.path, e))?;
        }
        let next = match seg.last_entry() {
            Ok(Some((seq, _))) => seq + 1,
            _ => seg.header.first_seqnum,
        };
        return Ok((seg.header.seqnum_id, next.max(1)));
    }
    Ok((entry::random_id128(), 1))
}

impl StreamInner {
    /// One line of this stream as a record's fields.
    fn line<'a>(&'a self, priority: u8, message: &'a [u8]) -> RecordFields<'a> {
        RecordFields::Line {
            stream_key: self.key,
            stream_fields: &self.fields,
            priority,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_errors_are_counted_and_reported() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut cfg = JournalConfig::new(tmp.path());
        cfg.max_use = Some(64 << 20);
        let mut st = WriterState::open(cfg).unwrap_or_else(|e| panic!("{e}"));
        let fail = Arc::clone(&st.fail_writes);
        let mut e = Entry::message(6, "before");
        e.stamp_now();
        st.write_entry(&e);
        st.commit();
        fail.store(true, Ordering::Relaxed);
        for _ in 0..3 {
            st.failed_this_batch = false;
            st.write_entry(&e);
            st.commit();
        }
        assert_eq!(st.disk_missed, 3);
        fail.store(false, Ordering::Relaxed);
        st.failed_this_batch = false;
        st.write_entry(&Entry {
            fields: vec![("MESSAGE".into(), b"after".to_vec())],
            ..e.clone()
        });
        st.commit();
        st.close_segment();
        let j =
            crate::reader::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
        let msgs: Vec<String> = j
            .entries(&crate::query::Query::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .iter()
            .map(|e| e.field_str("MESSAGE").unwrap_or("").to_owned())
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(msgs[0], "before");
        assert!(
            msgs[1].starts_with("Missed 3 log messages: could not write to the journal"),
            "{msgs:?}"
        );
        assert_eq!(msgs[2], "after");
    }
}
