// Benchmark (not a test): Latent Lab against TensorFlow.js 4.22 in the same browser, in one run, so
// that the README can give ratios rather than one machine's absolute figures (issue #13).
//
// Usage, after `scripts/build-web.sh` and `npm ci` in tests/browser (the bench uses its node_modules):
//   node tests/bench/bench.mjs [seconds] [--runs N] [--json PATH] [--profile DIR] [--engine cpu|webgpu] [--no-load]
// seconds: training time measured per engine and library (default 20); --runs: timed single-image
// inferences per model (default 300, after 30 untimed); --json: where the figures go (default
// tests/bench/bench-results.json); --profile: also record CPU profiles (Chrome DevTools format) into
// DIR, 5 seconds of training on each side and Latent Lab's AE-16 single-image runs, and print the
// functions with the most self time (names need a build that keeps them: docs/toolchain.md);
// --engine: one engine only; --no-load: without the load figures.
//
// For each engine (CPU: Chromium without WebGPU; WebGPU: Chromium with WebGPU on SwiftShader here):
// - the lab's default model trained in the app through its UI (bench-train.mjs), steps/s and images/s;
// - single-image inference latency, p50 and p95 over the runs, upload and read-back included, of the
//   shipped AE-16 alone and of AE-16 + VAE-16 (one read-back, as the draw view), through the app's
//   benchmark hook (src/app/bench.rs, registered only with `?bench` in the address);
// - the same with TF.js (bench-tfjs.html, identical model; wasm backend with SIMD on the CPU browser,
//   webgpu backend on the WebGPU browser) in a fresh page of the same Chromium;
// - the long tasks while training (bench-longtasks.mjs, when present);
// - on WebGPU, what one training step and one layer ask of the GPU on each side (bench-gpu-work.mjs).
// Then the first-visit and repeat-visit load figures (bench-load.mjs). See docs/benchmark.md.
import { writeFile, mkdir, access } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize } from 'node:path';
import { launch, openApp } from '../browser/harness.mjs';
import { TYPES } from '../browser/server.mjs';
import { measureTraining } from './bench-train.mjs';
import { measureLoad, printLoad } from './bench-load.mjs';
import { measureGpuWork, printGpuWorkAll } from './bench-gpu-work.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BROWSER_TESTS = join(here, '..', 'browser');

function parseArgs(argv) {
  const o = { seconds: 20, runs: 300, warmup: 30, json: join(here, 'bench-results.json'), profile: null, engines: ['cpu', 'webgpu'], load: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--profile') o.profile = argv[++i];
    else if (a === '--engine') o.engines = [argv[++i]];
    else if (a === '--no-load') o.load = false;
    else if (/^\d+(\.\d+)?$/.test(a)) o.seconds = Number(a);
    else throw new Error(`unknown argument ${a} (see the top of bench.mjs)`);
  }
  if (!(o.runs >= 200)) throw new Error('--runs must be at least 200');
  return o;
}

// Cross-origin isolation: without it Chromium rounds performance.now() to 100 µs, as coarse as the
// latencies measured; with it, to 5 µs. Both pages get it (neither needs anything from another origin).
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** The bench's own server for the TF.js page, isolated: the pages from tests/bench/, the libraries
 * they load (`node_modules/…`) from tests/browser/, whose node_modules the tests and the bench share. */
export async function serveTests() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    const root = path.startsWith('node_modules') ? BROWSER_TESTS : here;
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...ISOLATED });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

/** The app's responses with the isolation headers added (the harness's server sends none). */
async function isolate(page) {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...ISOLATED } });
  });
}

/** p50 and p95 (nearest rank) of times in milliseconds. */
export function percentiles(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q) => s[Math.max(0, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), runs: s.length, min: s[0], max: s[s.length - 1] };
}

/**
 * Records a CPU profile of the page while `work` runs; writes it to `file` (open it in Chrome's
 * DevTools, Performance panel) and returns the functions with the most self time, in percent.
 */
async function profiled(page, file, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await writeFile(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (const id of profile.samples) {
    const { functionName, url } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? url.split('/').pop() : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, n]) => ({ name, percent: (100 * n) / total }));
}

/**
 * Latent Lab on `engine`: training through the UI, then (in a fresh context, so that no restored
 * training session works in the background) single-image latency through the hook.
 */
async function latentLab(app, engine, o) {
  await isolate(app.page);
  let profile;
  const training = await measureTraining(app, engine, o.seconds, o.profile && (async (page) => {
    profile = await profiled(page, join(o.profile, `latent-lab-${engine}.cpuprofile`), () => page.waitForTimeout(5000));
  }));
  await app.context.close();
  const { context, page } = await app.fresh();
  try {
    await isolate(page);
    await openApp(page, `${app.url}?bench`, '#/draw');
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the app page is not cross-origin isolated');
    await page.waitForTimeout(2000); // whatever the view starts once ready
    const latency = {};
    for (const model of ['ae', 'both']) {
      const r = await page.evaluate(
        ([e, m, runs, warmup]) => window.latentLabBench(e, m, runs, warmup).then((r) => ({ engine: r.engine, times: [...r.times] })),
        [engine, model, o.runs, o.warmup],
      );
      if (r.engine !== engine) throw new Error(`Latent Lab ran ${model} on ${r.engine}, not ${engine}: is WebGPU available?`);
      latency[model] = percentiles(r.times);
    }
    // Where one image's time goes, profiled apart from the timed runs (the sampling slows them):
    // ten times the runs on the CPU (0.2 s at 0.07 ms each), the runs once on WebGPU (≈ 6 s here).
    const profiledRuns = engine === 'cpu' ? 10 * o.runs : o.runs;
    const latencyProfile = o.profile && (await profiled(page, join(o.profile, `latent-lab-${engine}-ae16-image.cpuprofile`), () =>
      page.evaluate(([e, runs]) => window.latentLabBench(e, 'ae', runs, 0).then(() => {}), [engine, profiledRuns])));
    return { training, latency, profile, latencyProfile };
  } finally {
    await context.close();
  }
}

/** TF.js 4.22 on `backend` in a fresh page of the same browser, served by `serveTests`. */
export async function tfjs(app, backend, batch, o) {
  const server = await serveTests();
  const { context, page } = await app.fresh();
  try {
    await page.goto(`${server.url}bench-tfjs.html`);
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the TF.js page is not cross-origin isolated');
    const setup = await page.evaluate((b) => window.bench.setup(b), backend);
    const training = await page.evaluate((a) => window.bench.train(a), { batch, seconds: o.seconds });
    let profile;
    if (o.profile) {
      profile = await profiled(page, join(o.profile, `tfjs-${backend}.cpuprofile`), () =>
        page.evaluate((a) => window.bench.train(a), { batch, seconds: 5, warmup: 0 }));
    }
    const latency = {};
    for (const which of ['ae', 'both']) {
      latency[which] = percentiles(await page.evaluate((a) => window.bench.infer(a), { which, runs: o.runs, warmup: o.warmup }));
    }
    return { ...setup, training, latency, profile };
  } finally {
    await context.close();
    await server.close();
  }
}

async function longTasks(engine, seconds) {
  const file = join(here, 'bench-longtasks.mjs');
  try {
    await access(file);
  } catch {
    return { skipped: 'tests/bench/bench-longtasks.mjs is not there' };
  }
  const { measureLongTasks } = await import('./bench-longtasks.mjs');
  return measureLongTasks({ engine, seconds });
}

const f = (x, d = 2) => (x == null ? '–' : x.toFixed(d));

function printEngine(engine, r) {
  const { lab, tf, ratios } = r;
  console.log(`\n== ${engine === 'cpu' ? 'CPU engine' : 'WebGPU'} (Latent Lab on ${lab.training.label}; TF.js ${tf.backend}${tf.simd != null ? `, SIMD ${tf.simd}, threads ${tf.threads}` : ''})`);
  console.log('                                  Latent Lab      TF.js   Latent Lab / TF.js');
  const row = (name, a, b, ratio) => console.log(`${name.padEnd(32)}${f(a).padStart(12)}${f(b).padStart(11)}${f(ratio).padStart(12)}`);
  row('training steps/s', lab.training.stepsPerS, tf.training.stepsPerS, ratios.trainingImages);
  row('training images/s', lab.training.imagesPerS, tf.training.imagesPerS, ratios.trainingImages);
  for (const [m, name] of [['ae', 'AE-16'], ['both', 'AE-16 + VAE-16']]) {
    row(`${name} latency p50 (ms)`, lab.latency[m].p50, tf.latency[m].p50, ratios[`${m}P50`]);
    row(`${name} latency p95 (ms)`, lab.latency[m].p95, tf.latency[m].p95, ratios[`${m}P95`]);
  }
  const lt = r.longTasks;
  if (lt?.skipped) console.log(`long tasks: skipped (${lt.skipped})`);
  else if (lt) console.log(`long tasks (over 50 ms) while training ${f(lt.steps, 0)} steps (${f(lt.stepsPerS)} steps/s): ${lt.count}, longest ${f(lt.longestMs, 0)} ms, ${f(lt.totalMs, 0)} ms in all${lt.blockingMs != null ? `, ${f(lt.blockingMs, 0)} ms blocking` : ''}`);
  for (const [who, p, what] of [
    ['Latent Lab', lab.profile, 'while training'],
    ['TF.js', tf.profile, 'while training'],
    ['Latent Lab', lab.latencyProfile, 'for one AE-16 image'],
  ]) {
    if (!p) continue;
    console.log(`${who}, self time ${what}:`);
    for (const { name, percent } of p) console.log(`  ${f(percent, 1).padStart(5)} %  ${name}`);
  }
}

/** The issue's targets, judged on one run's ratios. */
function targets(results) {
  const t = [];
  const cpu = results.engines.cpu;
  const gpu = results.engines.webgpu;
  if (cpu) {
    t.push({ target: 'CPU engine training ≥ 3× TF.js wasm images/s', ratio: cpu.ratios.trainingImages, met: cpu.ratios.trainingImages >= 3 });
    t.push({ target: 'CPU engine single-image AE-16 latency (p50) ≤ TF.js wasm', ratio: cpu.ratios.aeP50, met: cpu.ratios.aeP50 <= 1 });
  }
  if (gpu) t.push({ target: 'WebGPU training ≥ 1.5× TF.js webgpu images/s', ratio: gpu.ratios.trainingImages, met: gpu.ratios.trainingImages >= 1.5 });
  return t;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.profile) await mkdir(o.profile, { recursive: true });
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    options: { seconds: o.seconds, runs: o.runs, warmup: o.warmup },
    engines: {},
  };
  for (const engine of o.engines) {
    const app = await launch(engine);
    let r;
    try {
      results.machine.chromium = app.page.context().browser().version();
      // The app's pages are closed before TF.js runs, so that nothing of them competes for the CPU.
      const lab = await latentLab(app, engine, o);
      const tf = await tfjs(app, engine === 'cpu' ? 'wasm' : 'webgpu', lab.training.batch, o);
      const ratios = {
        trainingImages: lab.training.imagesPerS / tf.training.imagesPerS,
        aeP50: lab.latency.ae.p50 / tf.latency.ae.p50,
        aeP95: lab.latency.ae.p95 / tf.latency.ae.p95,
        bothP50: lab.latency.both.p50 / tf.latency.both.p50,
        bothP95: lab.latency.both.p95 / tf.latency.both.p95,
      };
      r = { lab, tf, ratios };
      // What a WebGPU step asks of the GPU on each side (dispatches, kernels, uploads, read-backs).
      if (engine === 'webgpu') r.gpuWork = await measureGpuWork(app, Math.min(o.seconds, 10));
    } finally {
      await app.close();
    }
    // In a browser of its own, after this one is closed.
    r.longTasks = await longTasks(engine, o.seconds);
    results.engines[engine] = r;
    printEngine(engine, r);
    if (r.gpuWork) printGpuWorkAll(r.gpuWork);
  }
  if (o.load) {
    console.log('\n== Load (bench-load.mjs)');
    results.load = await measureLoad();
    printLoad(results.load);
  }
  results.targets = targets(results);
  console.log('\n== Targets (issue #13), ratios of this run');
  for (const t of results.targets) console.log(`${t.met ? 'met    ' : 'MISSED '} ${t.target}: ${f(t.ratio)}`);
  await writeFile(o.json, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nfigures written to ${o.json}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
