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
    /// Appending the lines of one batch: the segment is not rotated now.
    no_rotation: bool,
    /// Takes the sources' bytes out of them around the writes (see [`super::Consumer`]).
    consumer: Option<Box<dyn super::Consumer>>,
    /// The sources of the lines in the pending buffer, for the next write.
    consumes: Vec<super::Consume>,
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
            no_rotation: false,
            consumer: None,
            consumes: Vec::new(),
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
                        // After its lines: it goes with the write that holds them.
                        if let Some(c) = m.consume {
                            self.consumes.push(c);
                        }
                    }
                    Msg::SetConsumer(c) => {
                        // The lines queued before it are written, and their bytes taken
                        // out, the old way.
                        self.commit();
                        self.consumer = Some(c);
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
        // A batch goes into one segment (one write can tell whether it is all there after
        // a crash): the segment is rotated, if need be, before it and not in its middle.
        self.rotate_if_due(rt);
        self.no_rotation = true;
        for l in batch.iter().take(passed as usize) {
            self.append(s.line(l.priority, l.message), rt, mono, [0; 16]);
        }
        self.no_rotation = false;
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
        if !self.no_rotation {
            self.rotate_if_due(rt);
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
            Ok((mut a, _)) => {
                a.unit_index = self.cfg.unit_index;
                a.entry_positions = self.cfg.entry_positions;
                a.dict_table = self.cfg.dict_table;
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

    /// Closes the active segment if it is full or old enough.
    fn rotate_if_due(&mut self, rt: u64) {
        if let Some(seg) = &self.seg {
            let too_old = self.cfg.max_file_usec > 0
                && rt.saturating_sub(seg.first_rt()) >= self.cfg.max_file_usec;
            if seg.size() >= self.max_file_size || too_old || seg.dict_full() {
                self.commit();
                self.close_segment();
            }
        }
    }

    /// Writes the pending buffer of the active segment, and takes the bytes its lines came
    /// from out of their sources: through the consumer, with its intent written down before
    /// the write and its commit after; without one (or when it fails), the submitters do.
    fn commit(&mut self) {
        let mut consumes = std::mem::take(&mut self.consumes);
        // The writer claims what the submitter did not take out already (a stall).
        if self.consumer.is_some() {
            consumes.retain(|c| !c.claimed.swap(true, Ordering::AcqRel));
        }
        let sources: Vec<(u64, usize)> = consumes.iter().map(|c| (c.source, c.bytes)).collect();
        let mut ok = !sources.is_empty() && self.consumer.is_some();
        if ok
            && let (Some(consumer), Some(seg)) = (self.consumer.as_mut(), self.seg.as_ref())
            && seg.pending() > 0
        {
            let start = seg.committed();
            ok = consumer.intent(&seg.path, start, start + seg.pending() as u64, &sources);
        }
        self.write_pending();
        if ok && let Some(consumer) = self.consumer.as_mut() {
            ok = consumer.commit(&sources);
        }
        for c in consumes {
            if !ok && self.consumer.is_some() {
                // Handed back: the submitter takes the bytes out.
                c.claimed.store(false, Ordering::Release);
            }
            (c.done)(ok);
        }
    }

    /// Writes the pending buffer of the active segment.
    fn write_pending(&mut self) {
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
        if !self.consumes.is_empty() {
            self.commit();
        }
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

    /// Lines submitted with their source's bytes: the consumer hears the intent (segment,
    /// range) before the write and the commit after it, when the range is in the file; each
    /// submitter is told the consumer took its bytes out. Without a consumer, the submitter
    /// is told to take them out itself.
    #[test]
    fn a_consumer_brackets_the_write_that_holds_the_lines() {
        use std::sync::Mutex;
        struct Fake(Arc<Mutex<Vec<String>>>);
        impl crate::writer::Consumer for Fake {
            fn intent(&mut self, seg: &Path, start: u64, end: u64, src: &[(u64, usize)]) -> bool {
                let len = std::fs::metadata(seg).map(|m| m.len()).unwrap_or(0);
                self.0
                    .lock()
                    .unwrap()
                    .push(format!("intent {start}..{end} len {len} {src:?}"));
                assert_eq!(len, start, "nothing of the write is there yet");
                true
            }
            fn commit(&mut self, src: &[(u64, usize)]) -> bool {
                self.0.lock().unwrap().push(format!("commit {src:?}"));
                true
            }
        }
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let w = crate::writer::JournalWriter::spawn(JournalConfig::new(tmp.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        let stream = w.stream(vec![("_SYSTEMD_USER_UNIT".into(), b"a.service".to_vec())]);
        let batch = |text: &[u8]| {
            let mut b = LineBatch::new();
            crate::capture::LineSplitter::new().feed_batch(text, &mut b);
            b
        };
        let submit = |text: &[u8], source: u64| {
            let (tx, rx) = std::sync::mpsc::channel();
            let claimed = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let c = crate::writer::Consume {
                source,
                bytes: text.len(),
                claimed: Arc::clone(&claimed),
                done: Box::new(move |ok| {
                    let _ = tx.send(ok);
                }),
            };
            assert!(
                w.try_submit_batch_consuming(&stream, batch(text), Some(c))
                    .is_ok()
            );
            (rx, claimed)
        };
        // No consumer yet: the submitter takes the bytes out (not claimed by the writer).
        let (rx, claimed) = submit(b"one\n", 1);
        assert_eq!(rx.recv().ok(), Some(false));
        assert!(!claimed.load(Ordering::Acquire));
        let log = Arc::new(Mutex::new(Vec::new()));
        assert!(w.set_consumer(Box::new(Fake(Arc::clone(&log)))));
        let (rx, claimed) = submit(b"two\nthree\n", 7);
        assert_eq!(rx.recv().ok(), Some(true));
        assert!(
            claimed.load(Ordering::Acquire),
            "the writer's consumer took them"
        );
        let seg = crate::store::dir::list_segments(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
        let len = std::fs::metadata(&seg[0].path)
            .map(|m| m.len())
            .unwrap_or(0);
        let log = log.lock().unwrap().clone();
        assert_eq!(log.len(), 2, "{log:?}");
        assert!(
            log[0].starts_with("intent ") && log[0].ends_with(" [(7, 10)]"),
            "{log:?}"
        );
        let end: u64 = log[0]["intent ".len()..]
            .split(' ')
            .next()
            .and_then(|r| r.split_once(".."))
            .and_then(|(_, e)| e.parse().ok())
            .unwrap_or(0);
        assert_eq!(end, len, "the intent's range ends where the write ended");
        assert_eq!(log[1], "commit [(7, 10)]");
        // A submitter that gave up and took its bytes out first: the writer leaves them.
        let (tx, rx) = std::sync::mpsc::channel();
        let c = crate::writer::Consume {
            source: 8,
            bytes: 4,
            claimed: Arc::new(std::sync::atomic::AtomicBool::new(true)),
            done: Box::new(move |ok| {
                let _ = tx.send(ok);
            }),
        };
        assert!(
            w.try_submit_batch_consuming(&stream, batch(b"four\n"), Some(c))
                .is_ok()
        );
        w.flush().unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(
                rx.try_recv(),
                Err(std::sync::mpsc::TryRecvError::Disconnected)
            ),
            "not told: it is gone"
        );
    }
}
