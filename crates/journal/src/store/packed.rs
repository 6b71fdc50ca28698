//! A stream's constant fields packed into three allocations. A running service keeps one
//! stream (its stdout pipe) for its whole life; as a `Vec<(String, Vec<u8>)>` its nine
//! fields were nineteen heap blocks (~1.1 KB with the allocator's rounding) per service.

/// `NAME=value` pairs: the names back to back in one string, the values in one buffer, and
/// where each ends.
#[derive(Debug)]
pub(crate) struct PackedFields {
    names: Box<str>,
    values: Box<[u8]>,
    /// (end of the name in `names`, end of the value in `values`) per field, in order.
    ends: Box<[(u32, u32)]>,
}

impl PackedFields {
    pub(crate) fn new(fields: &[(String, Vec<u8>)]) -> Self {
        let mut names = String::with_capacity(fields.iter().map(|(n, _)| n.len()).sum());
        let mut values = Vec::with_capacity(fields.iter().map(|(_, v)| v.len()).sum());
        let mut ends = Vec::with_capacity(fields.len());
        for (n, v) in fields {
            names.push_str(n);
            values.extend_from_slice(v);
            // A stream's fields are a few short names and values: far below 4 GiB.
            ends.push((names.len() as u32, values.len() as u32));
        }
        PackedFields {
            names: names.into(),
            values: values.into(),
            ends: ends.into(),
        }
    }

    /// The fields in the order they were given.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        let mut start = (0usize, 0usize);
        self.ends.iter().map(move |&(n, v)| {
            let (n, v) = (n as usize, v as usize);
            // Each range is exactly one of the strings pushed in `new`: on char boundaries.
            let field = (&self.names[start.0..n], &self.values[start.1..v]);
            start = (n, v);
            field
        })
    }

    /// The value of the first field called `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&[u8]> {
        self.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_fields_give_back_every_pair_in_order() {
        let fields = vec![
            ("_TRANSPORT".to_string(), b"stdout".to_vec()),
            ("_PID".to_string(), b"42".to_vec()),
            ("EMPTY".to_string(), Vec::new()),
            ("_COMM".to_string(), "sl\u{e9}ep".as_bytes().to_vec()),
            ("_SYSTEMD_USER_UNIT".to_string(), b"a.service".to_vec()),
        ];
        let p = PackedFields::new(&fields);
        let back: Vec<(String, Vec<u8>)> =
            p.iter().map(|(n, v)| (n.to_string(), v.to_vec())).collect();
        assert_eq!(back, fields);
        assert_eq!(p.get("_PID"), Some(&b"42"[..]));
        assert_eq!(p.get("EMPTY"), Some(&b""[..]));
        assert_eq!(p.get("_UID"), None);
        assert_eq!(PackedFields::new(&[]).iter().count(), 0);
    }
}
