// Benchmark (not a test): steps per second and images per second of the training lab's default
// configuration, on WebGPU (SwiftShader here, a real GPU elsewhere) and on the CPU engine.
// Usage: `node tests/browser/bench-train.mjs [seconds per engine, default 20]`.
import { launch, openApp } from './harness.mjs';

const seconds = Number(process.argv[2] ?? 20);
for (const engine of ['cpu', 'webgpu']) {
  const app = await launch(engine);
  try {
    await openApp(app.page, app.url, '#/train');
    if (engine === 'webgpu') await app.page.selectOption('[data-testid="train-engine"]', 'webgpu');
    const batch = Number(await app.page.inputValue('[data-testid="train-batch"]'));
    const step = async () => Number(await app.page.getAttribute('[data-testid="train-progress"]', 'data-step'));
    await app.page.click('[data-testid="train-start"]');
    // The first steps compile kernels (WebGPU) and warm caches: measure after them.
    await app.page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= 3, null, { timeout: 300_000 });
    const [s0, t0] = [await step(), performance.now()];
    await app.page.waitForTimeout(seconds * 1000);
    const [s1, t1] = [await step(), performance.now()];
    const rate = (s1 - s0) / ((t1 - t0) / 1000);
    const label = (await app.page.textContent('[data-testid="train-progress"]')).match(/on (.*)$/)?.[1] ?? engine;
    console.log(`${label}: ${rate.toFixed(2)} steps/s, ${(rate * batch).toFixed(0)} images/s (batch ${batch}, ${s1 - s0} steps in ${((t1 - t0) / 1000).toFixed(1)} s)`);
  } finally {
    await app.close();
  }
}
