//! Helpers shared by the fuzz targets (each target is a binary in `fuzz_targets/`).
#![forbid(unsafe_code)]

pub mod segment;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Splits `data` at the first `sep` byte: the part before (or all of it) and the rest.
pub fn split_once(data: &[u8], sep: u8) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == sep) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// Decodes `value` as a `T` the way both daemons decode method parameters, and checks that
/// whatever decodes survives the trip back: `T` → JSON → `T` gives the same value, and the
/// JSON frame it makes has no NUL inside (a NUL would end the frame early).
pub fn wire_round_trip<T>(value: &serde_json::Value)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let Ok(typed) = serde_json::from_value::<T>(value.clone()) else {
        return;
    };
    let frame = linger_ipc::encode(&typed);
    assert_eq!(
        frame.iter().position(|&b| b == 0),
        Some(frame.len() - 1),
        "NUL inside {typed:?}"
    );
    let back: T = serde_json::from_slice(&frame[..frame.len() - 1]).expect("own frame decodes");
    assert_eq!(back, typed);
}
