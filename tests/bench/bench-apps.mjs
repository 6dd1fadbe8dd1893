// Benchmark (not a test): the applications lab's whole-split computations, timed by the page
// itself (each tab shows how long it took and keeps the milliseconds in `data-ms`).
// Usage: `node tests/bench/bench-apps.mjs [cpu|webgpu ...]` (default: cpu), after
// `scripts/build-web.sh`. Targets (issue #11, CPU engine): retrieval table ≤ 5 s, k-means with
// k = 10 in all four spaces ≤ 2 s, anomaly scores ≤ 2 s.
import { launch, openApp } from '../browser/harness.mjs';

const SPACES = ['pixels', 'pca', 'ae', 'vae'];
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['cpu'];
const seconds = (ms) => (ms / 1000).toFixed(2);

/** Waits (up to 10 minutes) for `testid` to carry `data-ms` and returns it. */
async function elapsed(page, testid) {
  const selector = `[data-testid="${testid}"][data-ms]`;
  await page.waitForSelector(selector, { timeout: 600_000 });
  return Number(await page.getAttribute(selector, 'data-ms'));
}

for (const engine of engines) {
  const app = await launch(engine);
  try {
    const { page } = app;
    await openApp(page, app.url, '#/apps/retrieval');
    await page.waitForSelector('[data-testid="retrieval-measure"]:not([disabled])', { timeout: 600_000 });
    await page.click('[data-testid="retrieval-measure"]');
    const table = await elapsed(page, 'retrieval-table-time');
    const perQuery = [];
    for (const space of SPACES) {
      perQuery.push(`${space} ${await page.textContent(`[data-testid="retrieval-ms-${space}"]`)} ms`);
    }
    console.log(`${engine}: retrieval table (2,000 queries x 8,000 digits, 4 spaces) ${seconds(table)} s; per query: ${perQuery.join(', ')}`);

    await page.click('[data-testid="apps-tab-clustering"]');
    const total = await elapsed(page, 'kmeans-total-time');
    const kmeans = [];
    let kmeansTotal = 0;
    for (const space of SPACES) {
      const ms = await elapsed(page, `kmeans-time-${space}`);
      kmeansTotal += ms;
      kmeans.push(`${space} ${ms.toFixed(0)} ms`);
    }
    console.log(`${engine}: k-means k = 10 in 4 spaces ${seconds(kmeansTotal)} s (${kmeans.join(', ')}); with encoding and decoding ${seconds(total)} s`);

    await page.click('[data-testid="apps-tab-anomaly"]');
    const scores = await elapsed(page, 'anomaly-scores-time');
    console.log(`${engine}: anomaly scores (8,000 images, AE and VAE) ${seconds(scores)} s`);
  } finally {
    await app.close();
  }
}
