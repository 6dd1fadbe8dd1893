//! Fuzzing every parser that reads outside bytes (issue #14, "No input breaks it"): the model file
//! a student imports, the GAN lab's file, the data bundles, the pretrained models' manifests and SafeTensors weights,
//! the link state, and the homework's assignment, rubric and report files.
//!
//! Each parser gets structure-aware mutations of a VALID input built with the crate's own encoders
//! or taken from the shipped files: cuts at any point, flipped and overwritten bytes, headers
//! claiming huge sizes (4 GB, `u64::MAX` elements), wrong dtypes, shapes and offsets in SafeTensors
//! headers, the compact files' scales and int8 values overwritten (NaN, negative, huge), JSON values replaced by others, deep nesting, invalid UTF-8, and random bytes. The
//! properties: no panic (the call returns `Ok` or `Err`), no allocation larger than
//! [`MAX_ALLOCATION`] (measured by the allocator below), and an `Err` that says what is wrong.
//!
//! Seeded, so every run tries the same cases. `LATENT_LAB_FUZZ_CASES` sets the cases per parser
//! (10,000 by default); `docs/hardening.md` records a longer run.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::time::Instant;

use burn::prelude::*;
use latent_lab::data::Dataset;
use latent_lab::data::bundle::{MAX_IMAGES, Split, decode_fashion};
use latent_lab::gan::file::{self as gan_file, GanFileMeta};
use latent_lab::gan::settings::{GanMode, GanSettings};
use latent_lab::homework::assignment::{Assignment, Rubric, RubricCheck};
use latent_lab::homework::log::{NewEntry, WorkLog, kinds};
use latent_lab::homework::report::{
    ReportRecord, Student, TaskReport, extract_record, render_html,
};
use latent_lab::homework::verify::verify_record;
use latent_lab::homework::{replay, safetensors_sha256, views};
use latent_lab::i18n::Lang;
use latent_lab::link::digit::DigitRef;
use latent_lab::link::latent::{End, read_points, read_seed};
use latent_lab::link::train::{
    LATENT, Weights, read_activation, read_count, read_hidden, read_kind, read_weight,
};
use latent_lab::link::{Location, bits, packed, pixels, value};
use latent_lab::model::compact_file;
use latent_lab::model::gan_history::GanRecord;
use latent_lab::model::history::HistoryPoint;
use latent_lab::model::lab::{LabConfig, LabKind};
use latent_lab::model::manifest::Manifest;
use latent_lab::model::pretrained::{files, load_autoencoder, load_vae, parse_manifest};
use latent_lab::model::safetensors_header::{COMPACT_FORMAT, MAX_HEADER_BYTES, SCALE_SUFFIX};
use latent_lab::model::store::weights_to_bytes;
use latent_lab::model::trained_file::{self, TrainedMeta};
use latent_lab::model::{AutoencoderConfig, VaeConfig};
use latent_lab::{PIXELS, SIDE};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// The allocator: the largest single allocation each thread asks for, so a case can assert that a
// parser never allocates from a size it was told instead of the bytes it was given.

/// The largest single allocation a parser may make on these small inputs (all under 300 KB, their
/// models under 30,000 parameters): four megabytes, a layer of 1,024 × 1,024 `f32`.
const MAX_ALLOCATION: usize = 4 << 20;

struct Measuring;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    let _ = LARGEST.try_with(|l| l.set(l.get().max(size)));
}

unsafe impl GlobalAlloc for Measuring {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Measuring = Measuring;

/// Runs `parse`, failing the case if it allocated more than [`MAX_ALLOCATION`] at once.
fn bounded<T>(what: &str, parse: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    bounded_by(MAX_ALLOCATION, what, parse)
}

/// Runs `parse`, failing the case if it allocated more than `limit` bytes at once.
fn bounded_by<T>(limit: usize, what: &str, parse: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    LARGEST.with(|l| l.set(0));
    let out = parse();
    let largest = LARGEST.with(Cell::get);
    if largest > limit {
        return Err(TestCaseError::fail(format!(
            "{what} allocated {largest} bytes at once (at most {limit})"
        )));
    }
    Ok(out)
}

/// The longest error message shown: a few lines (a damaged file's bytes are never dumped into it).
const MAX_MESSAGE: usize = 16 << 10;

/// An `Err` must say what is wrong, in a message a person can read.
fn explained<T, E: std::fmt::Display>(what: &str, r: &Result<T, E>) -> Result<(), TestCaseError> {
    if let Err(e) = r {
        let text = e.to_string();
        if text.trim().is_empty() {
            return Err(TestCaseError::fail(format!(
                "{what}: an error without a message"
            )));
        }
        if text.len() > MAX_MESSAGE {
            return Err(TestCaseError::fail(format!(
                "{what}: an error message of {} bytes (at most {MAX_MESSAGE}): {}…",
                text.len(),
                text.chars().take(200).collect::<String>()
            )));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The runner.

fn cases() -> u32 {
    std::env::var("LATENT_LAB_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// Runs `cases()` cases of `strategy` through `check` with a fixed seed, and prints the time.
fn fuzz<S: Strategy>(
    name: &str,
    seed: u8,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        // Each failure is shrunk for a while; a clean run does not shrink at all.
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    );
    let start = Instant::now();
    let result = runner.run(&strategy, check);
    eprintln!(
        "fuzz {name}: {} cases in {:.1} s",
        cases(),
        start.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

/// Burn's CPU backend keeps one random generator for the whole process; the tests that build
/// models take turns (as `tests/homework.rs` does), so runs stay reproducible.
fn burn_rng() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

// ---------------------------------------------------------------------------------------------
// Mutations of bytes.

/// Lengths and counts a header may claim: zero, off by one, and huge.
fn claimed_size() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(1),
        Just(u32::MAX as u64),
        Just(4 << 30),
        Just(u64::MAX),
        Just(i64::MAX as u64 + 1),
        0u64..100_000,
        any::<u64>(),
    ]
}

#[derive(Clone, Debug)]
enum Edit {
    Truncate(Index),
    Flip(Index, u8),
    Set(Index, u8),
    /// A little-endian `u32` written over four bytes (a length or count field).
    Put32(Index, u32),
    Put64(Index, u64),
    Insert(Index, Vec<u8>),
    Remove(Index, usize),
    /// A byte that is never valid UTF-8.
    BadUtf8(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => any::<Index>().prop_map(Edit::Truncate),
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Edit::Flip(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        2 => (any::<Index>(), claimed_size()).prop_map(|(i, v)| Edit::Put32(i, v as u32)),
        1 => (any::<Index>(), claimed_size()).prop_map(|(i, v)| Edit::Put64(i, v)),
        1 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..32))
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        1 => (any::<Index>(), 1usize..64).prop_map(|(i, n)| Edit::Remove(i, n)),
        1 => any::<Index>().prop_map(Edit::BadUtf8),
    ]
}

fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for e in edits {
        if out.is_empty() {
            break;
        }
        let at = |i: &Index| i.index(out.len());
        match e {
            Edit::Truncate(i) => out.truncate(at(i)),
            Edit::Flip(i, b) => {
                let i = at(i);
                out[i] ^= 1 << b;
            }
            Edit::Set(i, b) => {
                let i = at(i);
                out[i] = *b;
            }
            Edit::Put32(i, v) => {
                let i = at(i);
                put(&mut out, i, &v.to_le_bytes());
            }
            Edit::Put64(i, v) => {
                let i = at(i);
                put(&mut out, i, &v.to_le_bytes());
            }
            Edit::Insert(i, b) => {
                let i = at(i);
                out.splice(i..i, b.iter().copied());
            }
            Edit::Remove(i, n) => {
                let i = at(i);
                out.drain(i..(i + n).min(out.len()));
            }
            Edit::BadUtf8(i) => {
                let i = at(i);
                out[i] = 0xff;
            }
        }
    }
    out
}

fn put(out: &mut [u8], at: usize, value: &[u8]) {
    for (o, v) in out[at..].iter_mut().zip(value) {
        *o = *v;
    }
}

/// One to three edits of `valid`, or (rarely) random bytes.
fn mutated(valid: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        12 => prop::collection::vec(edit(), 1..4).prop_map(move |e| apply(&valid, &e)),
        1 => prop::collection::vec(any::<u8>(), 0..256),
    ]
}

/// Edits of a header field at a fixed offset (`at..at + 8`), with a claimed size.
fn header_claim(valid: Vec<u8>, offsets: &'static [usize]) -> impl Strategy<Value = Vec<u8>> {
    (prop::sample::select(offsets), claimed_size(), any::<bool>()).prop_map(move |(at, v, wide)| {
        let mut out = valid.clone();
        if wide {
            put(&mut out, at, &v.to_le_bytes());
        } else {
            put(&mut out, at, &(v as u32).to_le_bytes());
        }
        out
    })
}

// ---------------------------------------------------------------------------------------------
// Mutations of JSON.

/// Values a JSON field may be replaced with: wrong types, huge and negative numbers, odd text.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(u64::MAX)),
        Just(json!(1e308)),
        Just(json!(-1e308)),
        Just(json!(4_294_967_296u64)),
        Just(json!(0.5)),
        Just(json!(true)),
        Just(json!("")),
        // Twelve bytes cut inside a character (`a` then two-byte characters).
        Just(json!(format!("a{}", "é".repeat(12)))),
        Just(json!("F16")),
        Just(json!([])),
        Just(json!([u64::MAX, u64::MAX])),
        Just(json!([0, 4_294_967_296u64])),
        Just(json!({})),
        // The largest sizes a model may have, and a list of them (eight layers of 2,048).
        Just(json!(2048)),
        Just(json!(1024)),
        Just(json!(vec![2048; 8])),
        any::<i64>().prop_map(|v| json!(v)),
        "[a-z0-9#/?=&,.é -]{0,24}".prop_map(Value::String),
    ]
}

fn nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(nodes).sum(),
        Value::Object(o) => o.values().map(nodes).sum(),
        _ => 0,
    }
}

/// Node `index` (below [`nodes`]) of `v` in pre-order, for a replacement or removal.
fn node_mut(v: &mut Value, index: usize) -> &mut Value {
    fn walk<'a>(v: &'a mut Value, index: &mut usize) -> Option<&'a mut Value> {
        if *index == 0 {
            return Some(v);
        }
        *index -= 1;
        match v {
            Value::Array(a) => a.iter_mut().find_map(|c| walk(c, index)),
            Value::Object(o) => o.values_mut().find_map(|c| walk(c, index)),
            _ => None,
        }
    }
    let mut i = index;
    walk(v, &mut i).expect("an index below the count of nodes")
}

#[derive(Clone, Debug)]
enum JsonEdit {
    Replace(Index, Value),
    /// Drops a key of an object (or an element of an array).
    Remove(Index, Index),
    /// Adds an unknown key to an object.
    Extra(Index),
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        6 => (any::<Index>(), json_value()).prop_map(|(i, v)| JsonEdit::Replace(i, v)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| JsonEdit::Remove(i, j)),
        1 => any::<Index>().prop_map(JsonEdit::Extra),
    ]
}

fn apply_json(valid: &Value, edits: &[JsonEdit]) -> Value {
    let mut v = valid.clone();
    for e in edits {
        let count = nodes(&v);
        match e {
            JsonEdit::Replace(i, with) => *node_mut(&mut v, i.index(count)) = with.clone(),
            JsonEdit::Remove(i, j) => match node_mut(&mut v, i.index(count)) {
                Value::Object(o) if !o.is_empty() => {
                    let key = o.keys().nth(j.index(o.len())).cloned().unwrap();
                    o.remove(&key);
                }
                Value::Array(a) if !a.is_empty() => {
                    a.remove(j.index(a.len()));
                }
                _ => {}
            },
            JsonEdit::Extra(i) => {
                if let Value::Object(o) = node_mut(&mut v, i.index(count)) {
                    o.insert("surprise".into(), json!(1));
                }
            }
        }
    }
    v
}

/// Texts no JSON reader should recurse into without a limit (100,000 levels).
fn deep_json() -> Vec<Vec<u8>> {
    let n = 100_000;
    vec![
        "[".repeat(n).into_bytes(),
        format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes(),
        "{\"a\":".repeat(n).into_bytes(),
        format!(
            "{{\"format\":\"latent-lab-assignment\",\"version\":1,\"tasks\":{}",
            "[".repeat(n)
        )
        .into_bytes(),
    ]
}

/// JSON text of `valid`: a few of its values replaced or removed, then maybe its bytes edited.
fn mutated_json(valid: Value) -> impl Strategy<Value = Vec<u8>> {
    let text = serde_json::to_vec(&valid).unwrap();
    let deep = deep_json();
    prop_oneof![
        8 => prop::collection::vec(json_edit(), 1..4)
            .prop_map(move |e| serde_json::to_vec(&apply_json(&valid, &e)).unwrap()),
        4 => mutated(text),
        1 => prop::sample::select(deep),
    ]
}

// ---------------------------------------------------------------------------------------------
// SafeTensors files: the header as JSON, mutated, with its length right or wrong.

fn split_safetensors(bytes: &[u8]) -> (Value, Vec<u8>) {
    let len = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header = serde_json::from_slice(&bytes[8..8 + len]).unwrap();
    (header, bytes[8 + len..].to_vec())
}

fn join_safetensors(header: &[u8], data: &[u8], claimed: Option<u64>) -> Vec<u8> {
    let mut out = claimed
        .unwrap_or(header.len() as u64)
        .to_le_bytes()
        .to_vec();
    out.extend_from_slice(header);
    out.extend_from_slice(data);
    out
}

/// A SafeTensors file with its header's JSON mutated (dtypes, shapes, offsets), its length field
/// mostly right; or its bytes mutated.
fn mutated_safetensors(valid: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let (header, data) = split_safetensors(&valid);
    let data_len = data.len() as u64;
    let claims = prop_oneof![
        6 => Just(None),
        1 => claimed_size().prop_map(Some),
        1 => Just(Some(MAX_HEADER_BYTES + 1)),
    ];
    let data_cut = prop_oneof![4 => Just(data_len), 1 => 0..=data_len];
    prop_oneof![
        3 => (prop::collection::vec(json_edit(), 1..3), claims, data_cut).prop_map(
            move |(e, claimed, keep)| {
                let h = serde_json::to_vec(&apply_json(&header, &e)).unwrap();
                join_safetensors(&h, &data[..keep as usize], claimed)
            }
        ),
        2 => mutated(valid.clone()),
        1 => header_claim(valid, &[0]),
    ]
}

// ---------------------------------------------------------------------------------------------
// 1. The model file a student imports (`trained_file`).

fn tiny_config() -> LabConfig {
    LabConfig {
        kind: LabKind::Ae,
        hidden: vec![4],
        latent: 2,
        ..LabConfig::default()
    }
}

fn tiny_model_file() -> Vec<u8> {
    let config = tiny_config();
    let model = config.init(&Device::flex());
    let meta = TrainedMeta {
        config,
        history: vec![HistoryPoint {
            step: 3,
            epoch: 0,
            train_total: 100.0,
            train_reconstruction: 100.0,
            train_kl: None,
            train_penalty: None,
            test_total: None,
        }],
    };
    trained_file::encode(&model, &meta).unwrap()
}

/// The model file's parts: magic and version, description, weights.
fn model_file_parts(bytes: &[u8]) -> (Vec<u8>, Value, Vec<u8>) {
    let len = u32::from_le_bytes(bytes[17..21].try_into().unwrap()) as usize;
    let json = serde_json::from_slice(&bytes[21..21 + len]).unwrap();
    (bytes[..17].to_vec(), json, bytes[21 + len..].to_vec())
}

fn model_file_from(head: &[u8], description: &[u8], weights: &[u8]) -> Vec<u8> {
    let mut out = head.to_vec();
    out.extend_from_slice(&(description.len() as u32).to_le_bytes());
    out.extend_from_slice(description);
    out.extend_from_slice(weights);
    out
}

fn check_model_file(bytes: &[u8]) -> Result<(), TestCaseError> {
    let decoded = bounded("trained_file::decode", || {
        trained_file::decode(bytes, &Device::flex())
    })?;
    explained("trained_file::decode", &decoded)?;
    let hashed = bounded("model_file_weights_sha256", || {
        replay::model_file_weights_sha256(bytes)
    })?;
    explained("model_file_weights_sha256", &hashed)
}

#[test]
fn model_files_never_break_the_import() {
    let _burn = burn_rng();
    let valid = tiny_model_file();
    assert!(trained_file::decode(&valid, &Device::flex()).is_ok());
    let (head, description, weights) = model_file_parts(&valid);
    let weights_for_description = weights.clone();
    let head_for_weights = head.clone();
    let description_text = serde_json::to_vec(&description).unwrap();
    let strategy = prop_oneof![
        3 => mutated(valid.clone()),
        1 => header_claim(valid.clone(), &[17]),
        3 => mutated_json(description)
            .prop_map(move |d| model_file_from(&head, &d, &weights_for_description)),
        3 => mutated_safetensors(weights)
            .prop_map(move |w| model_file_from(&head_for_weights, &description_text, &w)),
    ];
    fuzz("model file (trained_file::decode)", 1, strategy, |bytes| {
        check_model_file(&bytes)
    });

    // A description that asks for the largest model the limits allow (8 × 2,048 units, about
    // 60 million parameters) with a few kilobytes of weights is refused before it is built.
    let (head, mut description, weights) = model_file_parts(&valid);
    description["config"]["hidden"] = json!(vec![2048; 8]);
    let file = model_file_from(&head, &serde_json::to_vec(&description).unwrap(), &weights);
    let err = bounded("a huge described model", || {
        trained_file::decode(&file, &Device::flex())
    })
    .unwrap()
    .expect_err("refused");
    assert!(err.to_string().contains("parameters"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// 1b. The GAN lab's file (`gan_file`): a description, then G's and D's SafeTensors.

/// A toy GAN straight from its settings, with a short history.
fn tiny_gan_file() -> Vec<u8> {
    let settings = GanSettings::default_for(GanMode::Toy);
    let config = settings.config(GanMode::Toy);
    let device = Device::flex();
    let meta = GanFileMeta {
        mode: GanMode::Toy,
        settings,
        steps: 2,
        history: vec![GanRecord {
            step: 2,
            values: latent_lab::train::gan::GanValues {
                d_loss: 1.3,
                g_loss: f32::NAN,
                d_real: 0.5,
                d_fake: 0.4,
            },
        }],
    };
    gan_file::encode(
        &meta,
        &config.generator.init(&device),
        &config.discriminator.init(&device),
    )
    .unwrap()
}

/// The GAN file's parts: magic and version, description, G's weights, D's weights.
fn gan_file_parts(bytes: &[u8]) -> (Vec<u8>, Value, Vec<u8>, Vec<u8>) {
    let len = u32::from_le_bytes(bytes[15..19].try_into().unwrap()) as usize;
    let json = serde_json::from_slice(&bytes[19..19 + len]).unwrap();
    let g_at = 19 + len;
    let g_len = u32::from_le_bytes(bytes[g_at..g_at + 4].try_into().unwrap()) as usize;
    let d_at = g_at + 4 + g_len;
    (
        bytes[..15].to_vec(),
        json,
        bytes[g_at + 4..d_at].to_vec(),
        bytes[d_at..].to_vec(),
    )
}

fn gan_file_from(head: &[u8], description: &[u8], g: &[u8], d: &[u8]) -> Vec<u8> {
    let mut out = head.to_vec();
    out.extend_from_slice(&(description.len() as u32).to_le_bytes());
    out.extend_from_slice(description);
    out.extend_from_slice(&(g.len() as u32).to_le_bytes());
    out.extend_from_slice(g);
    out.extend_from_slice(d);
    out
}

#[test]
fn gan_files_never_break_the_import() {
    let _burn = burn_rng();
    let valid = tiny_gan_file();
    assert!(gan_file::decode(&valid, &Device::flex()).is_ok());
    let (head, description, g, d) = gan_file_parts(&valid);
    let text = serde_json::to_vec(&description).unwrap();
    // The length fields: the description's, and G's right after the description (the valid
    // file's: `text` is the description written again, its numbers as `f64`).
    let description_len = u32::from_le_bytes(valid[15..19].try_into().unwrap()) as usize;
    let lengths: &'static [usize] = vec![15, 19 + description_len].leak();
    let strategy = prop_oneof![
        3 => mutated(valid.clone()),
        1 => header_claim(valid.clone(), lengths),
        3 => mutated_json(description).prop_map({
            let (head, g, d) = (head.clone(), g.clone(), d.clone());
            move |j| gan_file_from(&head, &j, &g, &d)
        }),
        2 => mutated_safetensors(g.clone()).prop_map({
            let (head, text, d) = (head.clone(), text.clone(), d.clone());
            move |g| gan_file_from(&head, &text, &g, &d)
        }),
        2 => mutated_safetensors(d).prop_map(move |d| gan_file_from(&head, &text, &g, &d)),
    ];
    fuzz("GAN file (gan_file::decode)", 7, strategy, |bytes| {
        let decoded = bounded("gan_file::decode", || {
            gan_file::decode(&bytes, &Device::flex())
        })?;
        explained("gan_file::decode", &decoded)
    });
}

// ---------------------------------------------------------------------------------------------
// 2. The data bundles (`static/mnist-test.bin`, `static/mnist-train.bin`, `static/fashion.bin`).

fn tiny_dataset() -> Dataset {
    let split = |n: usize, offset: u8| Split {
        labels: (0..n).map(|i| (i % 10) as u8).collect(),
        pixels: (0..n * PIXELS)
            .map(|i| (i as u8).wrapping_add(offset))
            .collect(),
    };
    Dataset {
        train: split(4, 0),
        test: split(2, 7),
        seed: 42,
    }
}

/// A bundle whose header is honest about nothing: `images` announced, `inflated` bytes of zeros.
fn bundle_with(train: u32, test: u32, inflated: usize) -> Vec<u8> {
    let mut out = b"LLDS".to_vec();
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&(SIDE as u16).to_le_bytes());
    out.extend_from_slice(&train.to_le_bytes());
    out.extend_from_slice(&test.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(
        &vec![0u8; inflated],
        6,
    ));
    out
}

/// What a data file may allocate: the images its header announces (and [`MAX_IMAGES`] allows),
/// twice over for a growing buffer, never what its compressed data would inflate to beyond them.
fn bundle_allocation(bytes: &[u8]) -> usize {
    let count = |at: usize| {
        bytes
            .get(at..at + 4)
            .map_or(0, |b| u32::from_le_bytes(b.try_into().unwrap()) as u64)
    };
    let images = (count(8) + count(12)).min(MAX_IMAGES) as usize;
    MAX_ALLOCATION.max(2 * images * (1 + PIXELS))
}

#[test]
fn data_bundles_never_break_the_loader() {
    let valid = tiny_dataset().encode();
    assert_eq!(Dataset::decode(&valid), Ok(tiny_dataset()));
    // A deflate bomb: 8 MB of zeros in 8 KB, its header announcing some count of images.
    let bomb = bundle_with(1, 0, 8 << 20);
    let strategy = prop_oneof![
        4 => mutated(valid.clone()),
        2 => header_claim(valid.clone(), &[8, 12, 16]),
        1 => header_claim(bomb.clone(), &[8, 12]),
    ];
    fuzz("data bundle (Dataset::decode)", 2, strategy, |bytes| {
        let limit = bundle_allocation(&bytes);
        let decoded = bounded_by(limit, "Dataset::decode", || Dataset::decode(&bytes))?;
        explained("Dataset::decode", &decoded)?;
        let fashion = bounded_by(limit, "decode_fashion", || decode_fashion(&bytes))?;
        explained("decode_fashion", &fashion)?;
        let test = bounded_by(limit, "decode_test_file", || {
            Dataset::decode_test_file(&bytes)
        })?;
        explained("Dataset::decode_test_file", &test)?;
        let train = bounded_by(limit, "decode_train_file", || {
            Dataset::decode_train_file(&bytes, 42)
        })?;
        explained("Dataset::decode_train_file", &train)
    });

    // A header claiming four billion images is refused by its count, before inflating.
    let claim = bundle_with(u32::MAX, u32::MAX, 10);
    let err = bounded("a huge image count", || Dataset::decode(&claim))
        .unwrap()
        .expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains(&(2 * u32::MAX as u64).to_string()) && text.contains(&MAX_IMAGES.to_string()),
        "{text}"
    );
    // The bomb announcing one image stops inflating past it.
    let err = bounded("a deflate bomb", || Dataset::decode(&bomb))
        .unwrap()
        .expect_err("refused");
    assert!(err.to_string().contains(&(1 + PIXELS).to_string()), "{err}");
}

// ---------------------------------------------------------------------------------------------
// 3. The pretrained models: manifests and SafeTensors weights.

/// The shipped manifest of `name`, its architecture made tiny, with compact weights of that
/// architecture (as `pretrain` writes them).
fn tiny_pretrained(name: &str, vae: bool) -> (Manifest, Vec<u8>) {
    let (manifest, weights) = tiny_pretrained_f32(name, vae);
    (manifest, compact_file::encode(&weights).unwrap())
}

/// The same with the weights as Burn writes them (`f32`): the format before issue #13, which the
/// pretrained loader refuses.
fn tiny_pretrained_f32(name: &str, vae: bool) -> (Manifest, Vec<u8>) {
    let mut manifest = files::read_manifest(name).unwrap();
    manifest.architecture.hidden = vec![8];
    manifest.architecture.latent = 2;
    let device = Device::flex();
    let weights = if vae {
        weights_to_bytes(&VaeConfig::new(vec![8], 2).init(&device))
    } else {
        weights_to_bytes(&AutoencoderConfig::new(vec![8], 2).init(&device))
    }
    .unwrap();
    (manifest, weights)
}

/// Where each scale tensor's data lie in a compact file, from its header.
fn scale_ranges(bytes: &[u8]) -> Vec<(usize, usize)> {
    let len = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let (header, _) = split_safetensors(bytes);
    header
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| name.ends_with(SCALE_SUFFIX))
        .map(|(_, info)| {
            let at = |i: usize| 8 + len + info["data_offsets"][i].as_u64().unwrap() as usize;
            (at(0), at(1))
        })
        .collect()
}

/// Values a scale may be overwritten with: not numbers, infinite, negative, zero, tiny and huge.
fn odd_f32() -> impl Strategy<Value = f32> {
    prop_oneof![
        Just(f32::NAN),
        Just(f32::INFINITY),
        Just(f32::NEG_INFINITY),
        Just(-1.0),
        Just(0.0),
        Just(-0.0),
        Just(f32::MIN_POSITIVE / 2.0),
        Just(f32::MAX),
        any::<f32>(),
    ]
}

/// A compact file with one to three scales overwritten by [`odd_f32`] values, or one to eight of
/// its bytes (int8 values among them) set to any value, the header untouched.
fn mutated_compact(valid: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let scales = scale_ranges(&valid);
    let scale_slots: usize = scales.iter().map(|(a, b)| (b - a) / 4).sum();
    let header_end = 8 + u64::from_le_bytes(valid[..8].try_into().unwrap()) as usize;
    let data_len = valid.len() - header_end;
    let overwritten = valid.clone();
    prop_oneof![
        prop::collection::vec((0..scale_slots, odd_f32()), 1..4).prop_map(move |edits| {
            let mut out = valid.clone();
            for (slot, value) in edits {
                // The slot-th scale over all scale tensors.
                let mut k = slot;
                for &(a, b) in &scales {
                    let n = (b - a) / 4;
                    if k < n {
                        put(&mut out, a + 4 * k, &value.to_le_bytes());
                        break;
                    }
                    k -= n;
                }
            }
            out
        }),
        prop::collection::vec((0..data_len, any::<u8>()), 1..9).prop_map(move |edits| {
            let mut out = overwritten.clone();
            for (at, b) in edits {
                out[header_end + at] = b;
            }
            out
        }),
    ]
}

fn load_pretrained(manifest_text: &[u8], weights: Vec<u8>) -> Result<(), TestCaseError> {
    let Ok(text) = std::str::from_utf8(manifest_text) else {
        return Ok(()); // the app reads manifests as text: invalid UTF-8 never reaches the parser
    };
    let manifest = bounded("parse_manifest", || parse_manifest(text))?;
    explained("parse_manifest", &manifest)?;
    let Ok(manifest) = manifest else {
        return Ok(());
    };
    let device = Device::flex();
    let ae = bounded("load_autoencoder", || {
        load_autoencoder(&manifest, weights.clone(), &device).map(|_| ())
    })?;
    explained("load_autoencoder", &ae)?;
    let vae = bounded("load_vae", || {
        load_vae(&manifest, weights, &device).map(|_| ())
    })?;
    explained("load_vae", &vae)
}

#[test]
fn pretrained_models_never_break_the_loader() {
    let _burn = burn_rng();
    // The shipped files load as they are.
    for name in ["ae-16", "vae-16"] {
        let manifest = files::read_manifest(name).unwrap();
        let weights = files::read_weights(&manifest).unwrap();
        let loaded = if name.starts_with("vae") {
            load_vae(&manifest, weights, &Device::flex()).map(|_| ())
        } else {
            load_autoencoder(&manifest, weights, &Device::flex()).map(|_| ())
        };
        assert_eq!(loaded, Ok(()), "{name}");
    }
    let (ae, ae_weights) = tiny_pretrained("ae-16", false);
    let (vae, vae_weights) = tiny_pretrained("vae-16", true);
    let (_, ae_f32) = tiny_pretrained_f32("ae-16", false);
    let device = Device::flex();
    assert!(load_autoencoder(&ae, ae_weights.clone(), &device).is_ok());
    assert!(load_vae(&vae, vae_weights.clone(), &device).is_ok());
    // The f32 file of the same model is refused: the shipped models are compact.
    let err = load_autoencoder(&ae, ae_f32.clone(), &device).expect_err("refused");
    assert!(err.to_string().contains(COMPACT_FORMAT), "{err}");
    let ae_json = serde_json::to_value(&ae).unwrap();
    let vae_json = serde_json::to_value(&vae).unwrap();
    let ae_text = serde_json::to_vec(&ae_json).unwrap();
    let vae_text = serde_json::to_vec(&vae_json).unwrap();
    let (ae_w1, ae_w2, ae_w3) = (ae_weights.clone(), ae_weights.clone(), ae_weights.clone());
    let (ae_text2, ae_text3, ae_text4) = (ae_text.clone(), ae_text.clone(), ae_text.clone());
    let (vae_w1, vae_text2) = (vae_weights.clone(), vae_text.clone());
    let strategy = prop_oneof![
        3 => mutated_safetensors(ae_weights).prop_map(move |w| (ae_text.clone(), w)),
        2 => mutated_safetensors(vae_weights.clone()).prop_map(move |w| (vae_text.clone(), w)),
        2 => mutated_json(ae_json).prop_map(move |m| (m, ae_w1.clone())),
        1 => mutated_json(vae_json).prop_map(move |m| (m, vae_weights.clone())),
        1 => mutated(ae_w2.clone()).prop_map(move |w| (ae_text2.clone(), w)),
        2 => mutated_compact(ae_w3).prop_map(move |w| (ae_text3.clone(), w)),
        1 => mutated_compact(vae_w1).prop_map(move |w| (vae_text2.clone(), w)),
        1 => mutated_safetensors(ae_f32).prop_map(move |w| (ae_text4.clone(), w)),
    ];
    fuzz(
        "pretrained (parse_manifest, load_autoencoder, load_vae)",
        3,
        strategy,
        |(manifest, weights)| {
            let hashed = bounded("safetensors_sha256", || safetensors_sha256(&weights))?;
            explained("safetensors_sha256", &hashed)?;
            load_pretrained(&manifest, weights)
        },
    );

    // A scale that is not a number is refused, and says which tensor.
    let (mut ae, weights) = tiny_pretrained("ae-16", false);
    let mut nan = weights.clone();
    let (first_scale, _) = scale_ranges(&weights)[0];
    put(&mut nan, first_scale, &f32::NAN.to_le_bytes());
    let err = load_autoencoder(&ae, nan, &device).expect_err("refused");
    assert!(
        err.to_string().contains("code.weight.scale") && err.to_string().contains("not a number"),
        "{err}"
    );
    // A header claiming u64::MAX bytes says so, and the limit.
    let mut huge = weights.clone();
    huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
    let err = load_autoencoder(&ae, huge, &device).expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains(&u64::MAX.to_string()) && text.contains(&MAX_HEADER_BYTES.to_string()),
        "{text}"
    );
    // A tensor claiming 2^32 × 2^32 values in a small file is refused by its size.
    let (mut header, data) = split_safetensors(&weights);
    let first = header
        .as_object()
        .unwrap()
        .keys()
        .find(|k| *k != "__metadata__")
        .cloned()
        .unwrap();
    header[&first]["shape"] = json!([4_294_967_296u64, 4_294_967_296u64]);
    let file = join_safetensors(&serde_json::to_vec(&header).unwrap(), &data, None);
    let err = load_autoencoder(&ae, file, &device).expect_err("refused");
    assert!(err.to_string().contains("4294967296"), "{err}");
    // A manifest asking for a million hidden units is refused before anything is built.
    ae.architecture.hidden = vec![1_000_000];
    let err = bounded("a huge architecture", || {
        load_autoencoder(&ae, weights, &device)
    })
    .unwrap()
    .expect_err("refused");
    assert!(err.to_string().contains("1000000"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// 4. Link state: the hash, each view's values, drawings, masks and packed files.

const HASHES: [&str; 4] = [
    "#/train?kind=vae&beta=1&sigma=0.3&lambda=0.01&rho=0.05&hidden=256,128&latent=16&act=relu&lr=0.001&batch=64&epochs=5&seed=7",
    "#/latent?pa=0.125,-1.5,3,0.001&pv=0,0&a=t42&b=p0.1,0.2,-1,0.3&seed=3&d=42",
    "#/noise?sigma=0.3&seed=7&d=",
    "#/hw?a=zAAAA&task=1",
];

fn link_values() -> Vec<String> {
    let drawing: Vec<f32> = (0..PIXELS).map(|i| (i % 13) as f32 / 12.0).collect();
    let mask: Vec<bool> = (0..PIXELS).map(|i| i % 7 == 3).collect();
    vec![
        pixels::encode(&drawing),
        bits::encode(&mask),
        packed::pack(&std::fs::read("static/assignments/ae-sizes.json").unwrap()),
        // A deflate bomb: a megabyte of zeros, packed.
        packed::pack(&vec![0u8; 1 << 20]),
        "p".to_string() + &"A".repeat(4000),
    ]
}

/// Every reader of a link value, on `v`; none may panic, and what they return stays in limits.
fn read_value(v: &str) -> Result<(), TestCaseError> {
    let _ = DigitRef::read(v, 10_000);
    let _ = End::read(v, 10_000);
    if let Ok((points, _)) = read_points(v, 8) {
        prop_assert!(points.len() <= 8);
    }
    let _ = read_seed(v);
    for param in Weights::ALL {
        let _ = read_weight(param, v);
    }
    let _ = read_kind(v);
    let _ = read_activation(v);
    if let Ok((hidden, _)) = read_hidden(v) {
        prop_assert!(hidden.len() <= 8 && hidden.iter().all(|&w| (1..=2048).contains(&w)));
    }
    let _ = read_count(v, LATENT);
    let _ = value::real(v, 0.0..=1.0);
    let _ = value::number(v, 0.0..=1.0);
    let _ = value::whole(v, 0..=9);
    let _ = value::flag(v);
    if let Some(p) = pixels::decode(v) {
        prop_assert_eq!(p.len(), PIXELS);
    }
    if let Some(m) = bits::decode(v) {
        prop_assert_eq!(m.len(), PIXELS);
    }
    if let Some(bytes) = packed::unpack(v, 64 << 10) {
        prop_assert!(bytes.len() <= 64 << 10);
    }
    Ok(())
}

fn check_link(hash: &str) -> Result<(), TestCaseError> {
    let location = bounded("Location::parse", || Location::parse(hash))?;
    let _ = location.to_hash();
    for (_, v) in &location.query {
        bounded("a link value", || read_value(v))??;
    }
    let view = bounded("views::check_view", || views::check_view(hash))?;
    explained("views::check_view", &view)?;
    let _ = bounded("views::train_config", || views::train_config(hash))?;
    Ok(())
}

#[test]
fn links_never_break_the_views() {
    let mut hashes: Vec<Vec<u8>> = HASHES.iter().map(|h| h.as_bytes().to_vec()).collect();
    for v in link_values() {
        hashes.push(format!("#/noise?d={v}&m={v}&a={v}").into_bytes());
    }
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    let strategy = prop_oneof![
        6 => prop::sample::select(hashes)
            .prop_flat_map(|h| mutated(h).prop_map(text)),
        2 => "[#/?=&%,.a-z0-9pztm_-]{0,80}",
        1 => any::<String>(),
        1 => "[0-9eE.+-]{0,30}".prop_map(|n| format!("#/train?lr={n}&latent={n}&hidden={n},{n}")),
    ];
    fuzz("link state (Location, link values)", 4, strategy, |hash| {
        check_link(&hash)
    });
}

// ---------------------------------------------------------------------------------------------
// 5. Homework: assignment, rubric and report files.

const ASSIGNMENTS: [&str; 4] = [
    "static/assignments/ae-sizes.json",
    "static/assignments/applications.json",
    "static/assignments/denoising.json",
    "static/assignments/vae.json",
];

fn shipped(path: &str) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn assignment_and_rubric_files_never_break_the_homework() {
    let a = Assignment::parse(&std::fs::read(ASSIGNMENTS[0]).unwrap()).unwrap();
    let checks: Vec<RubricCheck> = a
        .tasks
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            t.checks.iter().map(move |c| RubricCheck {
                task: i + 1,
                check: c.clone(),
            })
        })
        .collect();
    let rubric = serde_json::to_value(Rubric::new(&a, checks)).unwrap();
    let strategies: Vec<_> = ASSIGNMENTS
        .iter()
        .map(|p| mutated_json(shipped(p)).prop_map(|b| (false, b)).boxed())
        .chain([mutated_json(rubric).prop_map(|b| (true, b)).boxed()])
        .collect();
    let strategy = prop::strategy::Union::new(strategies);
    fuzz(
        "assignments and rubrics (Assignment::parse, Rubric::parse)",
        5,
        strategy,
        |(is_rubric, bytes)| {
            if is_rubric {
                let parsed = bounded("Rubric::parse", || Rubric::parse(&bytes))?;
                explained("Rubric::parse", &parsed)?;
                if let Ok(r) = parsed {
                    explained("Rubric::check_against", &r.check_against(&a))?;
                }
            } else {
                let parsed = bounded("Assignment::parse", || Assignment::parse(&bytes))?;
                explained("Assignment::parse", &parsed)?;
                if let Ok(parsed) = parsed {
                    let _ = parsed.hash();
                    let _ = parsed.to_pretty_json();
                }
            }
            Ok(())
        },
    );
}

/// A sealed report on the first shipped assignment, with an untrained tiny model handed in.
fn report() -> (Assignment, ReportRecord) {
    let a = Assignment::parse(&std::fs::read(ASSIGNMENTS[0]).unwrap()).unwrap();
    let bytes = tiny_model_file();
    let (meta, weights) = trained_file::split(&bytes).unwrap();
    let hash = safetensors_sha256(weights).unwrap();
    let mut log = WorkLog::new();
    log.append(NewEntry {
        task: 1,
        kind: kinds::RUN.into(),
        config: serde_json::to_value(&meta.config).unwrap(),
        seed: meta.config.seed,
        engine: "cpu".into(),
        metrics: BTreeMap::from([("test_mse".to_string(), 0.05)]),
        weights_sha256: Some(hash.clone()),
        ..NewEntry::default()
    });
    let mut task = TaskReport {
        task: 1,
        config: Some(serde_json::to_value(&meta.config).unwrap()),
        seed: Some(meta.config.seed),
        engine: Some("cpu".into()),
        steps: Some(3),
        metrics: BTreeMap::from([("test_mse".to_string(), 0.05)]),
        weights_sha256: Some(hash),
        answer: Some("Un răspuns <b>scurt</b>.".into()),
        ..TaskReport::default()
    };
    task.set_model(&bytes);
    let student = Student {
        name: "Ana".into(),
        id: "s001".into(),
    };
    let record = ReportRecord::new(&a, student, "0.1.0", 1.7e12, vec![task], &log);
    (a, record)
}

#[test]
fn reports_never_break_the_teachers_page() {
    let _burn = burn_rng();
    let (a, record) = report();
    let html = render_html(&record, Lang::En);
    assert_eq!(extract_record(&html), Ok(record.clone()));
    let record_json = serde_json::to_value(&record).unwrap();
    let strategy = prop_oneof![
        2 => mutated(html.clone().into_bytes()),
        // The record's JSON mutated, put back into its page.
        3 => (prop::collection::vec(json_edit(), 1..4)).prop_map(move |e| {
            let json = serde_json::to_string(&apply_json(&record_json, &e)).unwrap();
            format!("<html><script type=\"application/json\" id=\"latent-lab-report\">{json}</script></html>")
                .into_bytes()
        }),
        1 => prop::sample::select(deep_json()).prop_map(|d| {
            let mut page = b"<script id=\"latent-lab-report\">".to_vec();
            page.extend(d);
            page.extend(b"</script>");
            page
        }),
    ];
    // The teacher's page decodes every embedded model file (as its replay does).
    let recompute = |_task: usize, bytes: &[u8]| {
        trained_file::decode(bytes, &Device::flex()).map(|_| BTreeMap::new())
    };
    fuzz(
        "reports (extract_record, verify_record)",
        6,
        strategy,
        |bytes| {
            let Ok(html) = String::from_utf8(bytes) else {
                return Ok(()); // the page reads a file as UTF-8 text first
            };
            let extracted = bounded("extract_record", || extract_record(&html))?;
            explained("extract_record", &extracted)?;
            if let Ok(record) = extracted {
                let verdict = bounded("verify_record", || {
                    verify_record(&record, &a, None, &recompute)
                })?;
                prop_assert!(
                    verdict
                        .messages
                        .iter()
                        .all(|m| !m.in_lang(Lang::En).trim().is_empty())
                );
            }
            Ok(())
        },
    );
}
