// Benchmark (not a test): a first visit as a student in a classroom makes it. The build is served
// the way a typical static host serves it (gzip -9 when the browser accepts it, cacheable for an
// hour), Chromium's network is throttled to 20 Mbit/s down and up with 40 ms latency, and the page
// runs on the CPU engine. Prints the bytes on the wire before the draw view is ready, per file
// and in total, the time to ready, and what a repeat visit downloads.
// Usage: `node tests/bench/bench-load.mjs` after `scripts/build-web.sh`; for the published build,
// `scripts/build-publish.sh /tmp/pub && LATENT_LAB_DIST=/tmp/pub node tests/bench/bench-load.mjs` (issue #13's targets:
// ≤ 4 MB before ready, ready ≤ 5 s, nothing downloaded on a repeat visit); bench.mjs uses
// `measureLoad` as part of the whole comparison.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { DIST } from '../browser/harness.mjs';
import { TYPES } from '../browser/server.mjs';

// One node_modules for the tests and the benchmarks: tests/browser's (`npm ci` there). Node looks
// for a package from the importing file's folder upwards, so from here it is asked for by path.
const { chromium } = createRequire(new URL('../browser/package.json', import.meta.url))('playwright-core');


/** dist/ served with gzip -9 (compressed once per file) and an hour of caching. */
async function serveGzip(root) {
  const cache = new Map();
  const sent = [];
  const server = createServer(async (req, res) => {
    const at = Date.now();
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    let file = join(root, path || 'index.html');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      if (!cache.has(file)) {
        const body = await readFile(file);
        cache.set(file, { body, gz: gzipSync(body, { level: 9 }) });
      }
      const { body, gz } = cache.get(file);
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' };
      if (gzip) headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers);
      res.end(gzip ? gz : body);
      sent.push({ path: '/' + path, bytes: gzip ? gz.length : body.length, raw: body.length, at });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, sent, close: () => new Promise((r) => server.close(r)) };
}

const mb = (b) => (b / 1e6).toFixed(2);

/**
 * One first visit and one repeat visit, as above. `mbitPerS` and `latencyMs` set the network
 * (20 Mbit/s and 40 ms by default). Returns `{ network, readyS, bytes, requests, files, afterReadyBytes,
 * repeat: { readyS, bytes, requests } }`, files largest first as `{ path, bytes, raw }`.
 */
export async function measureLoad({ mbitPerS = 20, latencyMs = 40 } = {}) {
  const server = await serveGzip(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: (mbitPerS * 1e6) / 8,
      uploadThroughput: (mbitPerS * 1e6) / 8,
    });
    // The moment the app says it is ready, on the clock the server stamps requests with (one machine):
    // what was asked for before it is what the first view waited for. Requests after it (the other
    // views' models, the offline cache's copies) are counted separately, even those that arrive before
    // this script notices the change.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (window.__readyAt === undefined && document.getElementById('app')?.dataset.state === 'ready') {
          window.__readyAt = Date.now();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    });
    const start = Date.now();
    await page.goto(`${server.url}#/draw`);
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 600_000 });
    const readyAt = await page.evaluate(() => window.__readyAt);
    const readyS = (readyAt - start) / 1000;
    // Whatever the page fetches after it is ready (models of other views, in the background).
    await page.waitForTimeout(3000);
    const firstVisit = server.sent.splice(0);
    const files = firstVisit.filter((f) => f.at < readyAt).sort((a, b) => b.bytes - a.bytes);
    const afterReadyBytes = firstVisit.filter((f) => f.at >= readyAt).reduce((s, f) => s + f.bytes, 0);
    const again = Date.now();
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 600_000 });
    const repeat = server.sent.splice(0);
    return {
      network: { mbitPerS, latencyMs, gzip: 9, engine: 'cpu' },
      readyS,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      requests: files.length,
      files,
      afterReadyBytes,
      repeat: {
        readyS: (Date.now() - again) / 1000,
        bytes: repeat.reduce((s, f) => s + f.bytes, 0),
        requests: repeat.length,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures as the lines this script has always printed. */
export function printLoad(r) {
  console.log(`first visit (${r.network.mbitPerS} Mbit/s, ${r.network.latencyMs} ms, gzip -9, CPU engine): ready after ${r.readyS.toFixed(1)} s, ${mb(r.bytes)} MB on the wire in ${r.requests} requests`);
  for (const f of r.files) console.log(`  ${f.path}: ${mb(f.bytes)} MB (${mb(f.raw)} MB uncompressed)`);
  console.log(`after ready, within 3 s (other views' models, the offline copy): ${mb(r.afterReadyBytes)} MB more`);
  console.log(`repeat visit: ready after ${r.repeat.readyS.toFixed(1)} s, ${mb(r.repeat.bytes)} MB in ${r.repeat.requests} requests`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printLoad(await measureLoad());
}
