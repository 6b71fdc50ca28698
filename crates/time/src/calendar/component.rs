//! One field of a calendar event ("*", "1,3", "9..17/2", "~03/1"): its values, how it is
//! normalized and validated, how it prints, and the next matching value.

use std::fmt::Write as _;

/// One element of a comma-separated list: `start`, `start/repeat`, `start..stop` or
/// `start..stop/repeat`. Seconds are stored in µs so fractions compare exactly.
///
/// Field order matters: lists are sorted by (start, stop, repeat), with "no stop" (-1)
/// before any range, as systemd sorts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Component {
    pub start: i64,
    /// End of a range, -1 if this is not a range.
    pub stop: i64,
    /// Step; 0 for a single value. Ranges step by one unit unless told otherwise.
    pub repeat: i64,
}

impl Component {
    pub const fn single(v: i64) -> Component {
        Component {
            start: v,
            stop: -1,
            repeat: 0,
        }
    }

    /// The smallest value ≥ `v` this element matches (unbounded above for `start/repeat`).
    fn next_from(&self, v: i64) -> Option<i64> {
        if v <= self.start {
            return Some(self.start);
        }
        if self.repeat > 0 {
            let steps = (v - self.start + self.repeat - 1) / self.repeat;
            let k = self.start + steps * self.repeat;
            return (self.stop < 0 || k <= self.stop).then_some(k);
        }
        None
    }
}

/// A field's list of elements; `None` is `*` (any value).
pub(crate) type Chain = Option<Vec<Component>>;

/// The smallest value in `[v, max]` that `chain` matches.
pub(crate) fn next_in_chain(chain: Option<&[Component]>, v: i64, max: i64) -> Option<i64> {
    let found = match chain {
        None => Some(v),
        Some(list) => list.iter().filter_map(|c| c.next_from(v)).min(),
    };
    found.filter(|&x| x <= max)
}

/// The `~` form counts days from the end of the month (`~01` is the last day). In day
/// numbers of a month with `dim` days, each element becomes a plain element again:
/// `~K` is day dim+1-K, a range is mirrored, and a repetition steps towards the end of
/// the month (`~07/1` is the last seven days).
pub(crate) fn from_end_of_month(list: &[Component], dim: i64) -> Vec<Component> {
    list.iter()
        .map(|c| {
            let start = dim + 1 - c.start;
            if c.stop >= 0 {
                Component {
                    start: dim + 1 - c.stop,
                    stop: start,
                    repeat: c.repeat,
                }
            } else {
                Component {
                    start,
                    stop: -1,
                    repeat: c.repeat,
                }
            }
        })
        .collect()
}

/// Brings a list to its canonical form: ranges end on a value they reach, ranges and
/// repetitions that cannot fire twice become single values, then sort and deduplicate.
pub(crate) fn normalize(list: &mut Vec<Component>) {
    for c in list.iter_mut() {
        if c.stop > c.start && c.repeat > 0 {
            c.stop -= (c.stop - c.start) % c.repeat;
        }
        if (c.stop > c.start && c.repeat > 0 && c.stop - c.start < c.repeat) || c.start == c.stop {
            c.stop = -1;
            c.repeat = 0;
        }
    }
    list.sort_unstable();
    list.dedup();
}

/// Limits of one field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub name: &'static str,
    pub min: i64,
    pub max: i64,
    /// Digits printed (zero-padded).
    pub width: usize,
    /// Values are µs and print as seconds with an optional fraction.
    pub usec: bool,
}

pub(crate) const YEAR: Field = Field {
    name: "year",
    min: 1970,
    max: 2199,
    width: 4,
    usec: false,
};
pub(crate) const MONTH: Field = Field {
    name: "month",
    min: 1,
    max: 12,
    width: 2,
    usec: false,
};
pub(crate) const DAY: Field = Field {
    name: "day",
    min: 1,
    max: 31,
    width: 2,
    usec: false,
};
/// Days counted from the end of the month must exist in every month (even February).
pub(crate) const DAY_FROM_END: Field = Field {
    name: "day",
    min: 1,
    max: 28,
    width: 2,
    usec: false,
};
pub(crate) const HOUR: Field = Field {
    name: "hour",
    min: 0,
    max: 23,
    width: 2,
    usec: false,
};
pub(crate) const MINUTE: Field = Field {
    name: "minute",
    min: 0,
    max: 59,
    width: 2,
    usec: false,
};
pub(crate) const SECOND: Field = Field {
    name: "second",
    min: 0,
    max: 59_999_999,
    width: 2,
    usec: true,
};

pub(crate) const USEC_PER_SEC: i64 = 1_000_000;

/// Checks a normalized list against the field's limits; on failure returns why.
/// A repetition without end must fire at least twice within the field (towards the start
/// of the month for `~` days).
pub(crate) fn validate(
    list: &[Component],
    field: Field,
    from_end: bool,
) -> Result<(), &'static str> {
    for (i, c) in (0i64..).zip(list) {
        // systemd 252 lowers the limit for days counted from the end of the month by three
        // for every further element of the list (28, 25, 22, …): "*~1,26" is rejected while
        // "*~26" is not. Reproduced so that the same unit files load and fail.
        let max = if from_end {
            field.max - 3 * i
        } else {
            field.max
        };
        if c.start < field.min || c.start > max {
            return Err(match field.name {
                "year" => "year out of range (1970..2199)",
                "month" => "month out of range (1..12)",
                "day" if from_end => "day from end of month out of range (1..28, less in lists)",
                "day" => "day out of range (1..31)",
                "hour" => "hour out of range (0..23)",
                "minute" => "minute out of range (0..59)",
                _ => "second out of range (0..59.999999)",
            });
        }
        if c.stop >= 0 {
            if c.stop < c.start {
                return Err("range ends before it starts");
            }
            if c.stop > max {
                return Err("range ends beyond the field's largest value");
            }
        } else if c.repeat > 0 {
            let fires_again = if from_end {
                c.start - c.repeat >= field.min
            } else {
                c.start + c.repeat <= max
            };
            if !fires_again {
                return Err("repetition never fires a second time");
            }
        }
    }
    Ok(())
}

/// Prints a list as systemd normalizes it: "*", "01,03", "09..17/2", "00/1.500000".
pub(crate) fn format_chain(out: &mut String, chain: Option<&[Component]>, field: Field) {
    let Some(list) = chain else {
        out.push('*');
        return;
    };
    if field.usec && is_every_second(list) {
        out.push('*');
        return;
    }
    let width = field.width;
    let unit = if field.usec { USEC_PER_SEC } else { 1 };
    for (i, c) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{:0width$}", c.start / unit);
        if c.start % unit > 0 {
            let _ = write!(out, ".{:06}", c.start % unit);
        }
        if c.stop >= 0 {
            let _ = write!(out, "..{:0width$}", c.stop / unit);
            if c.stop % unit > 0 {
                let _ = write!(out, ".{:06}", c.stop % unit);
            }
        }
        if c.repeat > 0 && !(c.stop >= 0 && c.repeat == unit) {
            let _ = write!(out, "/{}", c.repeat / unit);
            if c.repeat % unit > 0 {
                let _ = write!(out, ".{:06}", c.repeat % unit);
            }
        }
    }
}

/// The seconds list `*` stands for: every whole second.
pub(crate) const EVERY_SECOND: Component = Component {
    start: 0,
    stop: -1,
    repeat: USEC_PER_SEC,
};

/// A seconds list containing "every whole second" matches nothing more than that alone,
/// and systemd prints it as `*`.
pub(crate) fn is_every_second(list: &[Component]) -> bool {
    list.contains(&EVERY_SECOND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_values() {
        let list = [
            Component {
                start: 20,
                stop: 35,
                repeat: 5,
            },
            Component::single(3),
        ];
        assert_eq!(next_in_chain(Some(&list), 0, 59), Some(3));
        assert_eq!(next_in_chain(Some(&list), 21, 59), Some(25));
        assert_eq!(next_in_chain(Some(&list), 36, 59), None);
        assert_eq!(next_in_chain(None, 7, 59), Some(7));
        assert_eq!(next_in_chain(None, 60, 59), None);
    }

    #[test]
    fn normalizing() {
        let mut list = vec![
            Component {
                start: 20,
                stop: 39,
                repeat: 5,
            },
            Component {
                start: 5,
                stop: 10,
                repeat: 6,
            },
        ];
        normalize(&mut list);
        assert_eq!(
            list,
            vec![
                Component::single(5),
                Component {
                    start: 20,
                    stop: 35,
                    repeat: 5
                }
            ]
        );
    }
}
