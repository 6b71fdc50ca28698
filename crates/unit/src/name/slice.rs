//! Slice names: `-`-separated hierarchy (`a-b.slice` lives in `a.slice`, `-.slice` is the root).

use super::{NameError, NameKinds, is_valid};

/// A plain `.slice` name whose prefix has no leading, trailing or doubled `-` (or is `-`).
pub fn slice_is_valid(name: &str) -> bool {
    if name == "-.slice" {
        return true;
    }
    if !is_valid(name, NameKinds::PLAIN) {
        return false;
    }
    let Some(prefix) = name.strip_suffix(".slice") else {
        return false;
    };
    !prefix.starts_with('-') && !prefix.ends_with('-') && !prefix.contains("--")
}

/// The parent of a slice: `a-b.slice` → `a.slice`, `a.slice` → `-.slice`, `-.slice` → none.
pub fn slice_parent(name: &str) -> Result<Option<String>, NameError> {
    if name == "-.slice" {
        return Ok(None);
    }
    if !slice_is_valid(name) {
        return Err(NameError::InvalidName(name.to_owned()));
    }
    let prefix = &name[..name.len() - ".slice".len()];
    Ok(Some(match prefix.rfind('-') {
        Some(dash) => format!("{}.slice", &prefix[..dash]),
        None => "-.slice".to_owned(),
    }))
}

/// A child slice: `a.slice` + `b` → `a-b.slice`; `-.slice` + `b` → `b.slice`.
pub fn slice_subslice(slice: &str, name: &str) -> Result<String, NameError> {
    if !slice_is_valid(slice) {
        return Err(NameError::InvalidName(slice.to_owned()));
    }
    let built = if slice == "-.slice" {
        format!("{name}.slice")
    } else {
        format!("{}-{name}.slice", &slice[..slice.len() - ".slice".len()])
    };
    if slice_is_valid(&built) {
        Ok(built)
    } else {
        Err(NameError::InvalidName(built))
    }
}
