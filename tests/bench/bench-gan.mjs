// Benchmark (not a test): generator steps per second of the GAN lab, toy and digits modes, on
// WebGPU (SwiftShader here, a real GPU elsewhere) and on the CPU engine, trained through the UI as
// a student does. A toy step is one D and one G update on 128 points (2 → 64 → 64 → 2 and
// 2 → 64 → 64 → 1); a digits step one D and one G update on 64 digits (64 → 128 → 256 → 784 and
// 784 → 256 → 128 → 1). Prints a table and JSON.
// Usage: `node tests/bench/bench-gan.mjs [seconds per measurement, default 15]`
import { launch, openApp } from '../browser/harness.mjs';

const seconds = Number(process.argv[2] ?? 15);

/** Steps per second of `mode` on `engine`, measured between two refreshes `seconds` apart. */
async function measure(app, engine, mode) {
  const { page } = app;
  await openApp(page, app.url, `#/gan/${mode}`);
  await page.selectOption(`[data-testid="gan-${mode}-engine"]`, engine);
  const progress = `[data-testid="gan-${mode}-progress"]`;
  const nextStep = async (after) => {
    const handle = await page.waitForFunction(([sel, s]) => {
      const v = Number(document.querySelector(sel).dataset.step);
      return v > s ? v : false;
    }, [progress, after], { timeout: 300_000, polling: 5 });
    return [await handle.jsonValue(), performance.now()];
  };
  const current = async () => Number(await page.getAttribute(progress, 'data-step'));
  await page.click(`[data-testid="gan-${mode}-start"]`);
  await nextStep(2);
  const [s0, t0] = await nextStep(await current());
  await page.waitForTimeout(seconds * 1000);
  const [s1, t1] = await nextStep(await current());
  const label = (await page.textContent(progress)).match(/on (.*)$/)?.[1] ?? engine;
  await page.click(`[data-testid="gan-${mode}-pause"]`);
  await page.click(`[data-testid="gan-${mode}-reset"]`).catch(() => {});
  const stepsPerS = (s1 - s0) / ((t1 - t0) / 1000);
  return { engine, label, mode, steps: s1 - s0, seconds: (t1 - t0) / 1000, stepsPerS };
}

const results = [];
for (const engine of ['webgpu', 'cpu']) {
  const app = await launch(engine);
  try {
    for (const mode of ['toy', 'digits']) results.push(await measure(app, engine, mode));
  } finally {
    await app.close();
  }
}
console.log('engine              mode     steps/s');
for (const r of results) console.log(`${r.label.padEnd(20)}${r.mode.padEnd(9)}${r.stepsPerS.toFixed(1)}`);
console.log(JSON.stringify(results));
