// Benchmark (not a test): steps per second and images per second of the training lab's default
// configuration, on WebGPU (SwiftShader here, a real GPU elsewhere) and on the CPU engine.
// Usage: `node tests/bench/bench-train.mjs [seconds per engine, default 20]`; bench.mjs uses
// `measureTraining` as part of the whole comparison with TensorFlow.js.
import { pathToFileURL } from 'node:url';
import { launch, openApp, setInput } from '../browser/harness.mjs';

/**
 * Trains the lab's default model in the app on `app` (from harness `launch`) on `engine` ('cpu' or
 * 'webgpu') for `seconds` after its first 3 steps (kernel compilation, warm caches), through the
 * UI as a student does; `whileRunning(page)`, when given, runs after the measurement while the
 * training still goes on (bench.mjs records a CPU profile there).
 * Returns `{ engine, label, batch, steps, seconds, stepsPerS, imagesPerS }`.
 */
export async function measureTraining(app, engine, seconds = 20, whileRunning = null) {
  const { page } = app;
  await openApp(page, app.url, '#/train');
  await page.selectOption('[data-testid="train-engine"]', engine);
  // Enough epochs that the run cannot end inside the measurement (the time per step does not depend on it).
  await setInput(page, 'train-epochs', 1000);
  const batch = Number(await page.inputValue('[data-testid="train-batch"]'));
  // The step count and the time just after it next changes: whole steps are counted between two
  // such moments, which matters when a step takes seconds (WebGPU on SwiftShader).
  const nextStep = async (after) => {
    const handle = await page.waitForFunction((s) => {
      const v = Number(document.querySelector('[data-testid="train-progress"]').dataset.step);
      return v > s ? v : false;
    }, after, { timeout: 300_000, polling: 5 });
    return [await handle.jsonValue(), performance.now()];
  };
  const current = async () => Number(await page.getAttribute('[data-testid="train-progress"]', 'data-step'));
  await page.click('[data-testid="train-start"]');
  await nextStep(2);
  const [s0, t0] = await nextStep(await current());
  await page.waitForTimeout(seconds * 1000);
  const [s1, t1] = await nextStep(await current());
  const label = (await page.textContent('[data-testid="train-progress"]')).match(/on (.*)$/)?.[1] ?? engine;
  if (whileRunning) await whileRunning(page);
  await page.click('[data-testid="train-pause"]');
  const elapsed = (t1 - t0) / 1000;
  const stepsPerS = (s1 - s0) / elapsed;
  return { engine, label, batch, steps: s1 - s0, seconds: elapsed, stepsPerS, imagesPerS: stepsPerS * batch };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.argv[2] ?? 20);
  for (const engine of ['cpu', 'webgpu']) {
    const app = await launch(engine);
    try {
      const r = await measureTraining(app, engine, seconds);
      console.log(`${r.label}: ${r.stepsPerS.toFixed(2)} steps/s, ${r.imagesPerS.toFixed(0)} images/s (batch ${r.batch}, ${r.steps} steps in ${r.seconds.toFixed(1)} s)`);
    } finally {
      await app.close();
    }
  }
}
