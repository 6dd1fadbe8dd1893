// Soak (not a test, not in the test command): trains in the lab for a long time on one engine and
// samples the wasm memory and the JS heap every 30 s. After the warm-up (the first quarter of the
// run, at least one minute) memory must stay flat: the last sample may exceed the first sample after
// warm-up by at most 5 %. Prints every sample, the verdict, and a JSON line.
//
// Usage: node tests/bench/soak.mjs [engine: cpu|webgpu] [minutes, default 30] [sample seconds, default 30]
// Exit status 1 when memory grew. Results of the last run: docs/hardening.md ("Soak").
import { launch, openApp, setInput, trainProgress } from '../browser/harness.mjs';

const engine = process.argv[2] ?? 'cpu';
const minutes = Number(process.argv[3] ?? 30);
const every = Number(process.argv[4] ?? 30);
const GROWTH_LIMIT = 0.05;

const app = await launch(engine);
const { page } = app;
// Trunk's loader announces the started wasm instance: keep its memory to measure it.
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__soakWasmMemory = event.detail.wasm.memory;
  });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

async function sample(t0) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__soakWasmMemory?.buffer.byteLength ?? 0);
  const { step, loss, state } = await trainProgress(page);
  return { minute: (performance.now() - t0) / 60_000, wasmMiB: wasm / 2 ** 20, heapMiB: heap / 2 ** 20, step, loss, state };
}

const fmt = (s) =>
  `${s.minute.toFixed(1).padStart(5)} min  wasm ${s.wasmMiB.toFixed(1).padStart(7)} MiB  JS heap ${s.heapMiB.toFixed(1).padStart(6)} MiB  step ${String(s.step).padStart(7)}  loss ${s.loss.toFixed(4)}  ${s.state}`;

try {
  await openApp(page, app.url, '#/train');
  await setInput(page, 'train-epochs', 1000);
  await page.selectOption('[data-testid="train-engine"]', engine);
  await page.click('[data-testid="train-start"]');
  const t0 = performance.now();
  const samples = [];
  const end = t0 + minutes * 60_000;
  while (performance.now() < end) {
    const s = await sample(t0);
    samples.push(s);
    console.log(`${engine}: ${fmt(s)}`);
    if (s.state !== 'training') throw new Error(`training stopped (${s.state}): ${await page.textContent('[data-testid="train-progress"]')}`);
    await page.waitForTimeout(Math.max(0, Math.min(every * 1000, end - performance.now())));
  }
  samples.push(await sample(t0));
  console.log(`${engine}: ${fmt(samples.at(-1))}`);

  const warm = samples.find((s) => s.minute >= Math.max(1, minutes / 4)) ?? samples[0];
  const last = samples.at(-1);
  const growth = (key) => (last[key] - warm[key]) / warm[key];
  const verdict = {
    engine,
    minutes,
    steps: last.step - samples[0].step,
    warm: { minute: warm.minute, wasmMiB: warm.wasmMiB, heapMiB: warm.heapMiB },
    last: { minute: last.minute, wasmMiB: last.wasmMiB, heapMiB: last.heapMiB },
    wasmGrowth: growth('wasmMiB'),
    heapGrowth: growth('heapMiB'),
    problems: app.problems,
  };
  verdict.flat = verdict.wasmGrowth <= GROWTH_LIMIT && verdict.heapGrowth <= GROWTH_LIMIT && app.problems.length === 0;
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  console.log(
    `${engine}: ${verdict.flat ? 'FLAT' : 'GREW'} after warm-up (minute ${warm.minute.toFixed(1)} → ${last.minute.toFixed(1)}): ` +
      `wasm ${pct(verdict.wasmGrowth)}, JS heap ${pct(verdict.heapGrowth)} (limit ${pct(GROWTH_LIMIT)}); ${verdict.steps} steps`,
  );
  console.log(JSON.stringify(verdict));
  process.exitCode = verdict.flat ? 0 : 1;
} finally {
  await app.close();
}
