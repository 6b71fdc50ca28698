//! Time spans (`TimeoutStartSec=5min 20s`) per systemd.time(7), parsed by linger-time.

use linger_time::Usec;

use super::ValueError;

fn span_err(e: &linger_time::SpanError) -> ValueError {
    ValueError::new(format!(
        "expected a time span such as 90s, 5min 20s, 1h or infinity: {}",
        e.reason()
    ))
}

/// Parse a time span in µs (bare numbers are seconds), `infinity` → `USEC_INFINITY`.
pub fn parse_sec(s: &str) -> Result<Usec, ValueError> {
    linger_time::parse_sec(s).map_err(|e| span_err(&e))
}

/// Like [`parse_sec`], but `0` means "no timeout" (infinity), as `TimeoutStartSec=0`.
pub fn parse_sec_fix_0(s: &str) -> Result<Usec, ValueError> {
    linger_time::parse_sec_fix_0(s).map_err(|e| span_err(&e))
}

/// Parse a time span in µs where bare numbers are microseconds (`LimitRTTIME=`).
pub fn parse_time_usec(s: &str) -> Result<Usec, ValueError> {
    linger_time::parse_time(s, 1).map_err(|e| span_err(&e))
}

/// Parse a time span in nanoseconds (bare numbers are nanoseconds).
pub fn parse_nsec(s: &str) -> Result<u64, ValueError> {
    linger_time::parse_nsec(s).map_err(|e| span_err(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        let ok = [
            ("5s500ms", 5_500_000),
            (" 5.5s 0.5ms ", 5_500_500),
            (" .50y ", 15_778_800_000_000),
            ("3.1s.2", 3_300_000),
            ("3.1 .2", 3_300_000),
            ("3.1 sec 1.2 sec", 4_300_000),
            ("+3.1s", 3_100_000),
            ("23µs", 23),
            ("5min 20s", 320_000_000),
            ("1M", 2_629_800_000_000),
        ];
        for (s, v) in ok {
            assert_eq!(parse_sec(s), Ok(v), "{s}");
        }
        for s in [
            " xyz ",
            "",
            " . ",
            " 5. ",
            ".s ",
            "-5s",
            "0.-0s",
            "3.+1s",
            "3. 1s",
            "3.s",
            "12.34.56",
            "12..34",
            "..1234",
            "1234..",
            " infinity .7",
            ".3 infinity",
            "10foo",
        ] {
            assert!(parse_sec(s).is_err(), "{s:?}");
        }
        assert_eq!(parse_nsec("3.1 .2s"), Ok(200_000_003));
        assert_eq!(parse_nsec("1.111111111111y"), Ok(35_063_999_999_996_493));
        assert!(parse_nsec("1111111111111y").is_err());
        assert_eq!(parse_time_usec("5"), Ok(5));
    }
}
