//! Checks a SafeTensors file's header against the bytes actually present, before Burn sees them:
//! Burn's store trusts the header (its lengths and offsets) and allocates from it, so a damaged or
//! crafted file must be refused here, with a message that says what is wrong.
//!
//! Layout: an 8-byte little-endian header length, that many bytes of JSON (each tensor's `dtype`,
//! `shape` and `data_offsets` `[start, end)` into the data, and an optional `__metadata__` map of
//! strings), then the data.
//!
//! Two kinds of file are read: `f32` weights ([`check`]: a student's model, and what Burn's store
//! reads and writes), and the shipped models' compact int8 files ([`check_compact`], decoded by
//! `model::compact_file` into `f32` weights before Burn sees them).

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

/// Why weights could not be read into a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeightsError {
    /// The bytes are not a readable SafeTensors file.
    Unreadable(String),
    /// The file is readable but does not fit the model (missing tensors, extra tensors, wrong shapes).
    Mismatch(String),
}

impl fmt::Display for WeightsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(why) => write!(f, "the weights file cannot be read: {why}"),
            Self::Mismatch(why) => write!(f, "the weights do not fit this model: {why}"),
        }
    }
}

impl std::error::Error for WeightsError {}

/// The largest header read. The lab's biggest model (eight hidden layers) has a header of a few
/// kilobytes: a megabyte is far beyond any real one and small enough to parse at once.
pub const MAX_HEADER_BYTES: u64 = 1 << 20;

/// Latent Lab's models are all `f32` (Burn's default float), which is what their files hold.
pub const DTYPE: &str = "F32";

/// The shipped models' compact files (see [`check_compact`] and `model::compact`): int8 weight
/// matrices with one `f32` scale per output unit, `f32` biases. Their `__metadata__` says so under
/// [`FORMAT_KEY`], so a Python reader can tell the int8 tensors need their scales.
pub const COMPACT_FORMAT: &str = "int8-per-output";
pub const FORMAT_KEY: &str = "latent_lab_weights";
/// A weight matrix `<name>`'s scales are the tensor `<name>.scale`.
pub const SCALE_SUFFIX: &str = ".scale";

/// The element types a Latent Lab file may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    F32,
    I8,
}

impl Dtype {
    pub const fn name(self) -> &'static str {
        match self {
            Dtype::F32 => "F32",
            Dtype::I8 => "I8",
        }
    }

    pub const fn bytes(self) -> u64 {
        match self {
            Dtype::F32 => 4,
            Dtype::I8 => 1,
        }
    }
}

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

/// One tensor of a checked header with its element type and where its bytes lie in the data
/// (after the header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub dtype: Dtype,
    pub shape: Vec<u64>,
    pub start: u64,
    pub end: u64,
}

impl Entry {
    pub fn values(&self) -> u64 {
        self.shape.iter().product()
    }
}

/// Every tensor of a header (sorted by name), its `__metadata__`, and where the data starts.
struct Parsed {
    entries: Vec<Entry>,
    metadata: Option<BTreeMap<String, String>>,
    data_start: usize,
}

/// Reads and checks the header of SafeTensors `bytes` of `f32` tensors (see the module's comment
/// for what is checked).
pub fn check(bytes: &[u8]) -> Result<Header, WeightsError> {
    let tensors = parse(bytes, &[Dtype::F32])?
        .entries
        .into_iter()
        .map(|e| TensorInfo {
            name: e.name,
            shape: e.shape,
        })
        .collect();
    Ok(Header { tensors })
}

/// The tensors of `f32` SafeTensors `bytes` with where their data lie, checked as [`check`] does,
/// and where the data start in `bytes`.
pub fn f32_entries(bytes: &[u8]) -> Result<(Vec<Entry>, usize), WeightsError> {
    let parsed = parse(bytes, &[Dtype::F32])?;
    Ok((parsed.entries, parsed.data_start))
}

/// A checked compact file: each int8 matrix with its scales, the `f32` vectors, and where the
/// data starts in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompactHeader {
    pub data_start: usize,
    /// `(values, scales)`: an `I8` tensor `[in, out]` and its `F32` scales `[out]`.
    pub matrices: Vec<(Entry, Entry)>,
    /// The `F32` vectors (the biases), stored as they are.
    pub vectors: Vec<Entry>,
}

impl CompactHeader {
    /// The model values the file holds (the scales are not model parameters).
    pub fn values(&self) -> u64 {
        let matrices: u64 = self.matrices.iter().map(|(m, _)| m.values()).sum();
        matrices + self.vectors.iter().map(Entry::values).sum::<u64>()
    }
}

/// Reads and checks the header of a compact file (the shipped models): what [`check`] checks, with
/// `I8` allowed beside `F32`, and the layout exactly: the metadata names [`COMPACT_FORMAT`], every
/// matrix is `I8` with an `F32` vector `<name>.scale` of one scale per column, every other tensor
/// an `F32` vector, and the tensors' data follow each other with no gap, overlap or bytes left over.
pub fn check_compact(bytes: &[u8]) -> Result<CompactHeader, WeightsError> {
    let parsed = parse(bytes, &[Dtype::F32, Dtype::I8])?;
    let format = parsed
        .metadata
        .as_ref()
        .and_then(|m| m.get(FORMAT_KEY))
        .map(String::as_str);
    if format != Some(COMPACT_FORMAT) {
        return Err(unreadable(format!(
            "the shipped models' weights are {COMPACT_FORMAT} (__metadata__ {FORMAT_KEY}), this file \
             says {}",
            format.map_or("nothing".to_string(), |f| format!("{f:?}"))
        )));
    }
    let find = |name: &str| parsed.entries.iter().find(|e| e.name == name);
    let (mut matrices, mut vectors) = (Vec::new(), Vec::new());
    for e in &parsed.entries {
        let bad = |why: String| Err(unreadable(format!("tensor '{}': {why}", e.name)));
        match (e.dtype, e.shape.len()) {
            (Dtype::I8, 2) => {
                let scale_name = format!("{}{SCALE_SUFFIX}", e.name);
                match find(&scale_name) {
                    Some(s) if s.dtype == Dtype::F32 && s.shape == [e.shape[1]] => {
                        matrices.push((e.clone(), s.clone()))
                    }
                    Some(s) => {
                        return bad(format!(
                            "its scales '{scale_name}' are {} {:?}, expected F32 [{}]",
                            s.dtype.name(),
                            s.shape,
                            e.shape[1]
                        ));
                    }
                    None => {
                        return bad(format!("an int8 matrix without its scales '{scale_name}'"));
                    }
                }
            }
            (Dtype::F32, 1) => {
                let scales_of = e.name.strip_suffix(SCALE_SUFFIX).and_then(find);
                match scales_of {
                    Some(m) if m.dtype == Dtype::I8 => {} // checked with its matrix
                    _ if e.name.ends_with(SCALE_SUFFIX) => {
                        return bad("scales without their int8 matrix".into());
                    }
                    _ => vectors.push(e.clone()),
                }
            }
            (dtype, dims) => {
                return bad(format!(
                    "{} with {dims} dimensions; a compact file holds I8 matrices and F32 vectors",
                    dtype.name()
                ));
            }
        }
    }
    let mut by_start: Vec<&Entry> = parsed.entries.iter().collect();
    by_start.sort_by_key(|e| (e.start, e.end));
    let mut next = 0;
    for e in &by_start {
        if e.start != next {
            return Err(unreadable(format!(
                "tensor '{}': its data starts at {}, where {} was expected (tensors follow each \
                 other)",
                e.name, e.start, next
            )));
        }
        next = e.end;
    }
    let data_len = (bytes.len() - parsed.data_start) as u64;
    if next != data_len {
        return Err(unreadable(format!(
            "the tensors hold {next} bytes of the file's {data_len} bytes of data"
        )));
    }

    Ok(CompactHeader {
        data_start: parsed.data_start,
        matrices,
        vectors,
    })
}

/// The header's tensors, each of a dtype in `allowed` with its data inside the file and exactly
/// the bytes its dtype and shape call for.
fn parse(bytes: &[u8], allowed: &[Dtype]) -> Result<Parsed, WeightsError> {
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
    let mut entries = Vec::new();
    let mut metadata = None;
    for (name, info) in map {
        if name == "__metadata__" {
            let strings = info.as_object().and_then(|m| {
                m.iter()
                    .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect::<Option<BTreeMap<String, String>>>()
            });
            let Some(strings) = strings else {
                return Err(unreadable(
                    "the header's __metadata__ is not a map of strings".into(),
                ));
            };
            metadata = Some(strings);
            continue;
        }
        entries.push(check_tensor(&name, &info, data_len, allowed)?);
    }
    Ok(Parsed {
        entries,
        metadata,
        data_start: header_end,
    })
}

fn check_tensor(
    name: &str,
    info: &Value,
    data_len: u64,
    allowed: &[Dtype],
) -> Result<Entry, WeightsError> {
    let bad = |why: String| unreadable(format!("tensor '{name}': {why}"));
    let dtype_name = info
        .get("dtype")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("no dtype".into()))?;
    let Some(&dtype) = allowed.iter().find(|d| d.name() == dtype_name) else {
        let names: Vec<&str> = allowed.iter().map(|d| d.name()).collect();
        return Err(bad(format!(
            "dtype {dtype_name:?}, but Latent Lab's weights are {}",
            names.join(" or ")
        )));
    };
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
    let needed = shape.iter().try_fold(dtype.bytes(), |acc, &d| {
        acc.checked_mul(d).filter(|&n| n <= data_len)
    });
    match needed {
        Some(n) if n == end - start => Ok(Entry {
            name: name.to_string(),
            dtype,
            shape,
            start,
            end,
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

/// A tensor to write: its name, dtype name (`F32`, `I8`, `F16`…), shape and little-endian bytes.
pub struct TensorBytes<'a> {
    pub name: String,
    pub dtype: &'static str,
    pub shape: Vec<u64>,
    pub data: &'a [u8],
}

/// The bytes of one value of a dtype (1 for names this module does not know).
fn dtype_bytes(dtype: &str) -> usize {
    match dtype {
        "F64" | "I64" | "U64" => 8,
        "F32" | "I32" | "U32" => 4,
        "F16" | "BF16" | "I16" | "U16" => 2,
        _ => 1,
    }
}

/// Writes a SafeTensors file the way the safetensors library does: the header padded with spaces
/// to a multiple of 8 bytes, the data of the widest dtypes first, then by name, so that every
/// tensor's data is aligned to its dtype (readers that map the file, like PyTorch's, need it).
pub fn write(mut tensors: Vec<TensorBytes>, metadata: &BTreeMap<String, String>) -> Vec<u8> {
    tensors.sort_by(|a, b| (dtype_bytes(b.dtype), &a.name).cmp(&(dtype_bytes(a.dtype), &b.name)));
    let mut header = serde_json::Map::new();
    if !metadata.is_empty() {
        header.insert("__metadata__".into(), serde_json::json!(metadata));
    }
    let mut offset = 0;
    for t in &tensors {
        let end = offset + t.data.len();
        header.insert(
            t.name.clone(),
            serde_json::json!({"dtype": t.dtype, "shape": t.shape, "data_offsets": [offset, end]}),
        );
        offset = end;
    }
    let mut json = serde_json::to_vec(&header).expect("a map of strings and numbers serialises");
    while !json.len().is_multiple_of(8) {
        json.push(b' ');
    }
    let mut out = Vec::with_capacity(8 + json.len() + offset);
    out.extend_from_slice(&(json.len() as u64).to_le_bytes());
    out.extend_from_slice(&json);
    for t in &tensors {
        out.extend_from_slice(t.data);
    }
    out
}
