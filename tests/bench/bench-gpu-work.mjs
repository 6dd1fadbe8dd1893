// Benchmark (not a test): what one WebGPU training step of the lab's default model asks of the GPU,
// in Latent Lab (Burn 0.22 / cubecl) and in TensorFlow.js 4.22 (webgpu backend), in the same
// Chromium: compute dispatches, distinct pipelines (kernels) used, queue submits, buffer uploads
// and read-backs (mapAsync) per step, counted by wrapping the page's WebGPU API before anything
// runs. On SwiftShader a step's time is spent running these dispatches on the CPU, so the counts
// and the time per dispatch say where a step goes (issue #13; docs/benchmark.md).
//
// Usage, after `scripts/build-web.sh` and `npm ci` in tests/browser:
//   node tests/bench/bench-gpu-work.mjs [seconds, default 10]
// Latent Lab's figures include its refreshes (losses, test loss and grid every 0.7 s), which are
// part of what the lab does per step; TF.js's loop reads its loss back every step. Then one layer
// alone: the lab's largest, out ← out + x·w with x [64, 784] and w [784, 256], queued 40 times with
// one read-back (src/app/bench.rs `latentLabLayer`, bench-tfjs.html `layer`): milliseconds and
// dispatches per layer, which isolates the matrix-product kernel each library runs. Last, that layer's
// three products by three hand-written WGSL kernels (bench-matmul.html): what a kernel without
// workgroup barriers would save on this adapter.
import { pathToFileURL } from 'node:url';
import { launch, openApp, setInput } from '../browser/harness.mjs';
import { serveTests } from './bench.mjs';

/** Installed before the page's scripts: counts WebGPU calls in `window.__gpuWork`. */
function countWebGpuWork() {
  if (!self.GPUComputePassEncoder) return;
  const c = (window.__gpuWork = { dispatches: 0, workgroups: 0, submits: 0, commandBuffers: 0, uploads: 0, uploadBytes: 0, readBacks: 0, pipelinesCreated: 0, used: new Set() });
  const ids = new WeakMap();
  let next = 0;
  const wrap = (proto, name, before) => {
    const original = proto[name];
    if (!original) return;
    proto[name] = function (...args) {
      before(...args);
      return original.apply(this, args);
    };
  };
  wrap(GPUComputePassEncoder.prototype, 'setPipeline', (p) => {
    if (!ids.has(p)) ids.set(p, ++next);
    c.used.add(ids.get(p));
  });
  wrap(GPUComputePassEncoder.prototype, 'dispatchWorkgroups', (x, y = 1, z = 1) => {
    c.dispatches++;
    c.workgroups += x * y * z;
  });
  wrap(GPUComputePassEncoder.prototype, 'dispatchWorkgroupsIndirect', () => { c.dispatches++; });
  wrap(GPUQueue.prototype, 'submit', (buffers) => { c.submits++; c.commandBuffers += buffers.length; });
  // Uploads: queue writes (wgpu), and buffers created mapped with their data in them (TF.js's
  // staging buffers, copied into place on the GPU).
  wrap(GPUQueue.prototype, 'writeBuffer', (_b, _o, data, _dataOffset, size) => {
    c.uploads++;
    c.uploadBytes += size !== undefined ? size * (data.BYTES_PER_ELEMENT ?? 1) : data.byteLength;
  });
  wrap(GPUQueue.prototype, 'writeTexture', (_d, data) => {
    c.uploads++;
    c.uploadBytes += data.byteLength;
  });
  wrap(GPUDevice.prototype, 'createBuffer', (d) => {
    if (d.mappedAtCreation && !(d.usage & GPUBufferUsage.MAP_READ)) {
      c.uploads++;
      c.uploadBytes += d.size;
    }
  });
  // bench-tfjs.html's train() says when its warm-up steps are done: the counted window starts there.
  window.addEventListener('bench-warm', () => {
    window.__gpuWorkAtWarm = { ...c, used: c.used.size, at: performance.now() };
    c.used = new Set();
  });
  wrap(GPUBuffer.prototype, 'mapAsync', (mode) => { if (mode & GPUMapMode.READ) c.readBacks++; });
  wrap(GPUDevice.prototype, 'createComputePipeline', () => { c.pipelinesCreated++; });
  wrap(GPUDevice.prototype, 'createComputePipelineAsync', () => { c.pipelinesCreated++; });
}

/** The counters now, with the set of pipelines used since the last snapshot (then cleared). */
const snapshot = (page) => page.evaluate(() => {
  const c = window.__gpuWork;
  const out = { ...c, used: c.used.size, at: performance.now() };
  c.used = new Set();
  return out;
});

function perStep(a, b, steps) {
  const per = (k) => (b[k] - a[k]) / steps;
  return {
    steps,
    msPerStep: (b.at - a.at) / steps,
    dispatches: per('dispatches'),
    workgroups: per('workgroups'),
    pipelinesUsed: b.used,
    submits: per('submits'),
    uploads: per('uploads'),
    uploadKB: per('uploadBytes') / 1024,
    readBacks: per('readBacks'),
  };
}

/** Latent Lab: the training lab's default model on WebGPU, through the UI. */
async function latentLab(app, seconds) {
  const { page, context } = await app.fresh();
  try {
    await page.addInitScript(countWebGpuWork);
    await openApp(page, app.url, '#/train');
    await page.selectOption('[data-testid="train-engine"]', 'webgpu');
    await setInput(page, 'train-epochs', 1000);
    const step = () => page.evaluate(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step));
    const nextStep = async (after) => {
      await page.waitForFunction((s) => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) > s, after, { timeout: 300_000, polling: 5 });
      return step();
    };
    await page.click('[data-testid="train-start"]');
    await nextStep(2);
    const s0 = await nextStep(await step());
    const a = await snapshot(page);
    await page.waitForTimeout(seconds * 1000);
    const s1 = await nextStep(await step());
    const b = await snapshot(page);
    await page.click('[data-testid="train-pause"]');
    return perStep(a, b, s1 - s0);
  } finally {
    await context.close();
  }
}

/** TF.js 4.22, webgpu backend, the identical model (bench-tfjs.html). */
async function tfjs(app, seconds) {
  const server = await serveTests();
  const { context, page } = await app.fresh();
  try {
    await page.addInitScript(countWebGpuWork);
    await page.goto(`${server.url}bench-tfjs.html`);
    await page.evaluate(() => window.bench.setup('webgpu'));
    const r = await page.evaluate((s) => window.bench.train({ seconds: s, warmup: 3 }), seconds);
    const b = await snapshot(page);
    const a = await page.evaluate(() => window.__gpuWorkAtWarm);
    return perStep(a, b, r.steps);
  } finally {
    await context.close();
    await server.close();
  }
}

const LAYER_RUNS = 40;

/** Waits until the page has dispatched nothing for a second (the app's models loaded and checked). */
async function settled(page) {
  let last = -1;
  for (;;) {
    const now = await page.evaluate(() => window.__gpuWork.dispatches);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(1000);
  }
}

/** One layer's forward pass, `LAYER_RUNS` times: `{ ms, dispatches, workgroups }` per pass. */
async function layer(app, open, run) {
  const { page, context } = await app.fresh();
  try {
    await page.addInitScript(countWebGpuWork);
    await open(page);
    await settled(page);
    const a = await snapshot(page);
    const ms = await run(page);
    const b = await snapshot(page);
    const per = (k) => (b[k] - a[k]) / (LAYER_RUNS + 2);
    return { ms, dispatches: per('dispatches'), workgroups: per('workgroups') };
  } finally {
    await context.close();
  }
}

async function layers(app) {
  const lab = await layer(
    app,
    (page) => openApp(page, `${app.url}?bench`, '#/draw'),
    (page) => page.evaluate((runs) => window.latentLabLayer(runs), LAYER_RUNS),
  );
  const server = await serveTests();
  try {
    const tf = await layer(
      app,
      async (page) => {
        await page.goto(`${server.url}bench-tfjs.html`);
        await page.evaluate(() => window.bench.setup('webgpu'));
      },
      (page) => page.evaluate((runs) => window.bench.layer({ runs }), LAYER_RUNS),
    );
    return { 'Latent Lab': lab, 'TF.js 4.22 webgpu': tf };
  } finally {
    await server.close();
  }
}

/** The three products of the largest layer's step by hand-written WGSL kernels (bench-matmul.html). */
async function kernels(app) {
  const server = await serveTests();
  const { context, page } = await app.fresh();
  try {
    await page.goto(`${server.url}bench-matmul.html`);
    await page.waitForFunction(() => window.bench?.matmul);
    return await page.evaluate(() => window.bench.matmul({ runs: 10 }));
  } finally {
    await context.close();
    await server.close();
  }
}

export function printGpuWork(rows) {
  const cols = ['msPerStep', 'dispatches', 'workgroups', 'pipelinesUsed', 'submits', 'uploads', 'uploadKB', 'readBacks'];
  console.log(['per training step'.padEnd(20), ...cols.map((c) => c.padStart(14))].join(''));
  for (const [name, r] of Object.entries(rows)) {
    const ms = `${(r.msPerStep / Math.max(r.dispatches, 1)).toFixed(1)} ms/dispatch`;
    console.log([name.padEnd(20), ...cols.map((c) => r[c].toFixed(c === 'pipelinesUsed' ? 0 : 1).padStart(14)), `   (${r.steps} steps; ${ms})`].join(''));
  }
}

/** Per step and per layer, both libraries, on `app` (a WebGPU browser from harness `launch`). */
export async function measureGpuWork(app, seconds) {
  const steps = { 'Latent Lab': await latentLab(app, seconds), 'TF.js 4.22 webgpu': await tfjs(app, seconds) };
  return { steps, layer: await layers(app), kernels: await kernels(app) };
}

export function printGpuWorkAll({ steps, layer, kernels }) {
  printGpuWork(steps);
  console.log(`one layer, [64, 784] x [784, 256] plus an addition, ${LAYER_RUNS} queued, one read-back:`);
  for (const [name, r] of Object.entries(layer)) {
    console.log(`${name.padEnd(20)}${r.ms.toFixed(2).padStart(8)} ms per layer, ${r.dispatches.toFixed(1)} dispatches, ${r.workgroups.toFixed(0)} workgroups per layer`);
  }
  console.log('the same layer\'s three products by hand-written WGSL kernels (bench-matmul.html), ms per dispatch:');
  const names = [...new Set(kernels.map((r) => r.kernel))];
  console.log(['product'.padEnd(46), ...names.map((k) => k.padStart(15))].join(''));
  for (const product of [...new Set(kernels.map((r) => r.product))]) {
    const rows = kernels.filter((r) => r.product === product);
    const { m, k, n } = rows[0];
    const cells = names.map((name) => {
      const r = rows.find((x) => x.kernel === name);
      return `${r.ms.toFixed(1)}${r.maxError > 1e-3 ? ' WRONG' : ''}`.padStart(15);
    });
    console.log([`${product} [${m}, ${k}]·[${k}, ${n}]`.padEnd(46), ...cells].join(''));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.argv[2] ?? 10);
  const app = await launch('webgpu');
  try {
    printGpuWorkAll(await measureGpuWork(app, seconds));
  } finally {
    await app.close();
  }
}
