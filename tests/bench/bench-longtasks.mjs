// Benchmark (not a test): how smooth the page stays while the training lab trains its default
// configuration. Every main-thread task over 50 ms ("long task", what the browser reports to a
// PerformanceObserver) is counted over N seconds of training, with the longest, their total and
// the steps per second of the run. The default configuration trains 5 epochs, about 20 s on the
// CPU engine here: the benchmark asks for 100 (nothing else changes), so that the whole window is
// a run going on.
// Usage: `node tests/bench/bench-longtasks.mjs [cpu|webgpu|all, default cpu] [seconds, default 20]`.
// `measureLongTasks({ engine, seconds })` does one measurement for another script.
import { pathToFileURL } from 'node:url';
import { launch, openApp, setInput } from '../browser/harness.mjs';

/** Long tasks during `seconds` of training on `engine` ('cpu' or 'webgpu'), after the first steps. */
export async function measureLongTasks({ engine = 'cpu', seconds = 20, epochs = 100 } = {}) {
  const app = await launch(engine);
  try {
    const { page } = app;
    // Collect from the page's start, so that none is missed: the window is cut out below.
    await page.addInitScript(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch (e) {
        window.__longTasks = null;
      }
    });
    await openApp(page, app.url, '#/train');
    if (await page.evaluate(() => window.__longTasks === null)) throw new Error('this browser reports no long tasks');
    if (engine === 'webgpu') await page.selectOption('[data-testid="train-engine"]', 'webgpu');
    await setInput(page, 'train-epochs', epochs);
    const stepNow = () => page.evaluate(() => [Number(document.querySelector('[data-testid="train-progress"]').dataset.step), performance.now()]);
    await page.click('[data-testid="train-start"]');
    // The first steps compile kernels (WebGPU) and warm caches: measure after them.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= 3, null, { timeout: 300_000 });
    const [s0, t0] = await stepNow();
    await page.waitForTimeout(seconds * 1000);
    const [s1, t1] = await stepNow();
    const state = await page.getAttribute('[data-testid="train-progress"]', 'data-state');
    const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0 && t.start < t1);
    const durations = tasks.map((t) => t.duration).sort((a, b) => b - a);
    if (app.problems.length) throw new Error(`the page reported: ${app.problems.join('; ')}`);
    return {
      engine,
      seconds: (t1 - t0) / 1000,
      count: durations.length,
      longestMs: durations[0] ?? 0,
      totalMs: durations.reduce((s, d) => s + d, 0),
      // The time input would have waited: what each task took beyond 50 ms.
      blockingMs: durations.reduce((s, d) => s + Math.max(0, d - 50), 0),
      top: durations.slice(0, 8),
      steps: s1 - s0,
      stepsPerS: (s1 - s0) / ((t1 - t0) / 1000),
      // A run that finished or stopped within the window measured less than it says.
      state,
    };
  } finally {
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const which = process.argv[2] ?? 'cpu';
  const seconds = Number(process.argv[3] ?? 20);
  for (const engine of which === 'all' ? ['cpu', 'webgpu'] : [which]) {
    const r = await measureLongTasks({ engine, seconds });
    console.log(
      `${engine}: ${r.count} tasks over 50 ms in ${r.seconds.toFixed(1)} s of training, longest ${r.longestMs.toFixed(0)} ms, ` +
      `total ${r.totalMs.toFixed(0)} ms (blocking ${r.blockingMs.toFixed(0)} ms); ${r.stepsPerS.toFixed(2)} steps/s (${r.steps} steps, ${r.state})` +
      (r.top.length ? `; longest ones: ${r.top.map((d) => d.toFixed(0)).join(', ')} ms` : ''),
    );
  }
}
