//! Checks a SafeTensors file's header against the bytes actually present, before Burn sees them:
//! Burn's store trusts the header (its lengths and offsets) and allocates from it, so a damaged or
//! crafted file must be refused here, with a message that says what is wrong.
//!
//! Layout: an 8-byte little-endian header length, that many bytes of JSON (each tensor's `dtype`,
//! `shape` and `data_offsets` `[start, end)` into the data, and an optional `__metadata__` map of
//! strings), then the data.

use std::collections::BTreeMap;

use serde_json::Value;

use super::store::WeightsError;

/// The largest header read. The lab's biggest model (eight hidden layers) has a header of a few
/// kilobytes: a megabyte is far beyond any real one and small enough to parse at once.
pub const MAX_HEADER_BYTES: u64 = 1 << 20;

/// Latent Lab's models are all `f32` (Burn's default float), which is what their files hold.
pub const DTYPE: &str = "F32";
const DTYPE_BYTES: u64 = 4;

/// One tensor of a checked header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorInfo {
    pub name: String,
    pub shape: Vec<u64>,
}

impl TensorInfo {
    /// How many values the tensor holds (the header check guarantees no overflow).
    pub fn values(&self) -> u64 {
        self.shape.iter().product()
    }
}

/// What a checked header describes: every tensor's data lies inside the file and has exactly the
/// bytes its dtype and shape call for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub tensors: Vec<TensorInfo>,
}

impl Header {
    /// The values of all tensors together.
    pub fn values(&self) -> u64 {
        self.tensors.iter().map(TensorInfo::values).sum()
    }
}

fn unreadable(why: String) -> WeightsError {
    WeightsError::Unreadable(why)
}

/// Reads and checks the header of SafeTensors `bytes` (see the module's comment for what is checked).
pub fn check(bytes: &[u8]) -> Result<Header, WeightsError> {
    let Some(len_bytes) = bytes.get(..8) else {
        return Err(unreadable(format!(
            "the file has {} bytes, fewer than the 8 of its header length",
            bytes.len()
        )));
    };
    let header_len = u64::from_le_bytes(len_bytes.try_into().expect("8 bytes"));
    let after = (bytes.len() - 8) as u64;
    if header_len > MAX_HEADER_BYTES {
        return Err(unreadable(format!(
            "the header claims {header_len} bytes; a header has at most {MAX_HEADER_BYTES}"
        )));
    }
    if header_len > after {
        return Err(unreadable(format!(
            "the header claims {header_len} bytes, but only {after} bytes follow its length"
        )));
    }
    let header_end = 8 + header_len as usize;
    let data_len = (bytes.len() - header_end) as u64;
    let map: BTreeMap<String, Value> = serde_json::from_slice(&bytes[8..header_end])
        .map_err(|e| unreadable(format!("the header is not a JSON object of tensors: {e}")))?;
    let mut tensors = Vec::new();
    for (name, info) in map {
        if name == "__metadata__" {
            if !info
                .as_object()
                .is_some_and(|m| m.values().all(Value::is_string))
            {
                return Err(unreadable(
                    "the header's __metadata__ is not a map of strings".into(),
                ));
            }
            continue;
        }
        tensors.push(check_tensor(&name, &info, data_len)?);
    }
    Ok(Header { tensors })
}

fn check_tensor(name: &str, info: &Value, data_len: u64) -> Result<TensorInfo, WeightsError> {
    let bad = |why: String| unreadable(format!("tensor '{name}': {why}"));
    let dtype = info
        .get("dtype")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("no dtype".into()))?;
    if dtype != DTYPE {
        return Err(bad(format!(
            "dtype {dtype:?}, but Latent Lab's weights are {DTYPE}"
        )));
    }
    let shape = info
        .get("shape")
        .and_then(Value::as_array)
        .and_then(|dims| dims.iter().map(Value::as_u64).collect::<Option<Vec<u64>>>())
        .ok_or_else(|| bad("the shape is not a list of whole numbers".into()))?;
    let offsets = info
        .get("data_offsets")
        .and_then(Value::as_array)
        .and_then(|o| o.iter().map(Value::as_u64).collect::<Option<Vec<u64>>>());
    let Some(&[start, end]) = offsets.as_deref() else {
        return Err(bad("data_offsets is not two whole numbers".into()));
    };
    if start > end || end > data_len {
        return Err(bad(format!(
            "its data [{start}, {end}) is not inside the file's {data_len} bytes of data"
        )));
    }
    // The shape's byte size, refused as soon as it passes the bytes present (no overflow).
    let needed = shape.iter().try_fold(DTYPE_BYTES, |acc, &d| {
        acc.checked_mul(d).filter(|&n| n <= data_len)
    });
    match needed {
        Some(n) if n == end - start => Ok(TensorInfo {
            name: name.to_string(),
            shape,
        }),
        Some(n) => Err(bad(format!(
            "shape {shape:?} needs {n} bytes, its data has {}",
            end - start
        ))),
        None => Err(bad(format!(
            "shape {shape:?} needs more bytes than the file's {data_len} bytes of data"
        ))),
    }
}
