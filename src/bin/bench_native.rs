//! What the lab's training step and one-image inference cost natively, on Burn's wgpu backend
//! (the browser's WebGPU engine, here on Vulkan with a real GPU) and on Flex (the CPU engine), with
//! the browser build's settings: WGSL kernels, fusion on, autotune off. It answers issue #13's
//! question "what will a real GPU pay" with a measurement; the browser benchmark
//! (`tests/bench/bench.mjs`) stays the one that compares with TensorFlow.js.
//!
//! Usage (needs the `native-gpu` feature, which CI never builds; `native-gpu-autotune` turns on
//! cubecl's autotune too):
//! `cargo run --release --features native-gpu --bin bench-native -- [--seconds S] [--batches 64,256]
//! [--engines wgpu,flex]`. Reads `static/mnist-*.bin` under the current folder. Prints one line per
//! measurement and, last, all of them as one JSON object. `scripts/bench-native/torch_reference.py`
//! trains the same model in PyTorch for a comparison on the same GPU.

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use burn::prelude::*;
use latent_lab::PIXELS;
use latent_lab::analysis::scores::percentile;
use latent_lab::data::Dataset;
use latent_lab::model::lab::LabConfig;
use latent_lab::train::batches::BatchSchedule;
use latent_lab::train::lab::LabTrainer;

/// Steps between two loss read-backs, about what the lab's 700 ms refresh leaves on a fast engine.
const STEPS_PER_READ: usize = 50;
/// Untimed training steps first: kernels compiled, buffers allocated.
const WARM_UP_STEPS: usize = 10;
/// Untimed inference runs first, then the timed ones.
const WARM_UP_RUNS: usize = 30;
const INFERENCE_RUNS: usize = 300;

struct Args {
    seconds: f64,
    batches: Vec<usize>,
    engines: Vec<String>,
}

fn parse_args() -> Result<Args, Box<dyn Error>> {
    let mut args = Args {
        seconds: 10.0,
        batches: vec![64, 256, 1024],
        engines: vec!["wgpu".into(), "flex".into()],
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--seconds" => args.seconds = value.parse()?,
            "--batches" => {
                args.batches = value.split(',').map(str::parse).collect::<Result<_, _>>()?
            }
            "--engines" => args.engines = value.split(',').map(String::from).collect(),
            other => return Err(format!("unknown flag {other}").into()),
        }
    }
    Ok(args)
}

fn device_for(engine: &str) -> Result<Device, Box<dyn Error>> {
    match engine {
        "flex" => Ok(Device::flex()),
        "wgpu" => {
            let (device, setup) = Device::wgpu_options().init_with_setup()?;
            let info = setup.adapter.get_info();
            let autotune = if cfg!(feature = "native-gpu-autotune") {
                "on"
            } else {
                "off, as in the browser"
            };
            println!(
                "wgpu adapter: {} ({:?}, {:?}, driver {} {}); autotune {autotune}",
                info.name, info.device_type, info.backend, info.driver, info.driver_info
            );
            Ok(device)
        }
        other => Err(format!("unknown engine {other} (wgpu or flex)").into()),
    }
}

struct Training {
    steps: usize,
    seconds: f64,
    loss: f32,
}

/// Trains the lab's default model (784→256→16→256→784, Adam) with `batch` images a step for
/// about `seconds`, as the lab does: a step never waits for the device; the loss is read back
/// every [`STEPS_PER_READ`] steps and at the end (which waits for every queued step).
fn train(device: &Device, digits: &Dataset, batch: usize, seconds: f64) -> Training {
    let config = LabConfig {
        batch_size: batch,
        ..LabConfig::default()
    };
    let mut trainer = LabTrainer::new(config, device);
    let mut schedule = BatchSchedule::new(digits.train.len(), batch, 1);
    let mut step = |trainer: &mut LabTrainer, k: usize| {
        let images = digits.train.batch(schedule.batch(k));
        trainer.step(&images)
    };
    for k in 0..WARM_UP_STEPS {
        let _ = step(&mut trainer, k).total.into_scalar::<f32>();
    }
    let start = Instant::now();
    let budget = Duration::from_secs_f64(seconds);
    let mut steps = 0;
    let loss = loop {
        let loss = step(&mut trainer, WARM_UP_STEPS + steps);
        steps += 1;
        if steps % STEPS_PER_READ == 0 {
            let value = loss.total.into_scalar::<f32>();
            if start.elapsed() >= budget {
                break value;
            }
        }
    };
    Training {
        steps,
        seconds: start.elapsed().as_secs_f64(),
        loss,
    }
}

/// p50 and p95 in ms of reconstructing one test digit, the read-back included.
fn one_image_latency(device: &Device, digits: &Dataset) -> (f32, f32) {
    let model = LabConfig::default().init(device);
    let mut times = Vec::with_capacity(INFERENCE_RUNS);
    for run in 0..WARM_UP_RUNS + INFERENCE_RUNS {
        let image = digits.test.image(run % digits.test.len());
        let start = Instant::now();
        let x = Tensor::<2>::from_data(TensorData::new(image, [1, PIXELS]), device);
        let pixels = model.reconstruct(x).into_data();
        std::hint::black_box(pixels);
        if run >= WARM_UP_RUNS {
            times.push(start.elapsed().as_secs_f32() * 1e3);
        }
    }
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

fn main() -> Result<(), Box<dyn Error>> {
    let args = parse_args()?;
    // The current folder's, not the source tree's: the binary may run on another machine.
    let digits = Dataset::load_from(Path::new("static"))?;
    let mut results = Vec::new();
    for engine in &args.engines {
        let device = device_for(engine)?;
        for &batch in &args.batches {
            let run = train(&device, &digits, batch, args.seconds);
            let per_s = run.steps as f64 / run.seconds;
            println!(
                "{engine:5} training, batch {batch:5}: {per_s:8.1} steps/s, {:10.0} images/s, \
                 {:.3} ms a step, loss {:.2} after {} steps",
                per_s * batch as f64,
                1e3 / per_s,
                run.loss,
                run.steps + WARM_UP_STEPS,
            );
            results.push(serde_json::json!({
                "engine": engine, "what": "training", "batch": batch,
                "steps_per_s": per_s, "images_per_s": per_s * batch as f64, "loss": run.loss,
            }));
        }
        let (p50, p95) = one_image_latency(&device, &digits);
        println!("{engine:5} one image, read back: p50 {p50:.3} ms, p95 {p95:.3} ms");
        results.push(serde_json::json!({
            "engine": engine, "what": "one_image", "p50_ms": p50, "p95_ms": p95,
        }));
    }
    println!("{}", serde_json::json!({ "results": results }));
    Ok(())
}
