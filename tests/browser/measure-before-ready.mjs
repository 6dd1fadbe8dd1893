// Measurement (not a test): the files a first visit to #/draw starts fetching before the app is
// ready (Resource Timing against the moment data-state became "ready", so nothing that starts just
// after counts), with their sizes uncompressed and gzip -9, from the build in LATENT_LAB_DIST (or
// dist/), on the CPU engine. Usage: `node tests/browser/measure-before-ready.mjs`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, launch } from './harness.mjs';
const app = await launch('cpu');
try {
  await app.page.addInitScript(() => {
    new MutationObserver(() => {
      const a = document.getElementById('app');
      if (a && a.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
  });
  await app.page.goto(app.url + '#/draw');
  await app.page.waitForSelector('#app[data-state="ready"]', { timeout: 600_000 });
  const paths = await app.page.evaluate(() => [new URL(location.href).pathname, ...performance.getEntriesByType('resource')
    .filter((e) => e.startTime < window.__readyAt).map((e) => new URL(e.name).pathname)]);
  let raw = 0, gz = 0;
  for (const p of [...new Set(paths)]) {
    const body = readFileSync(join(DIST, p === '/' ? 'index.html' : p));
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length; gz += z;
    console.log(`  ${p}: ${(body.length / 1e6).toFixed(2)} MB, gzip -9 ${(z / 1e6).toFixed(2)} MB`);
  }
  console.log(`before ready: ${(raw / 1e6).toFixed(2)} MB uncompressed, ${(gz / 1e6).toFixed(2)} MB gzip -9`);
} finally {
  await app.close();
}
