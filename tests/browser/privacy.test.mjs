// Nothing leaves the page: a whole session on each engine (every view and tab, drawing, training,
// exporting the model and importing it back, the homework and teacher's pages, the offline copy's
// downloads by the service worker) makes requests to the app's own origin only, and the
// Content-Security-Policy of index.html never has to refuse anything the app does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, drawStroke, waitForInk, setInput, SEVEN, scratchPath } from './harness.mjs';

const APPS_TABS = ['reduce', 'retrieval', 'anomaly', 'clustering', 'pca', 'colour'];

/** Records the policy violations of every document of `context` (the page's own event). */
export async function watchCsp(context, violations) {
  await context.exposeBinding('__latentLabCspViolation', (_source, text) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__latentLabCspViolation(`${e.effectiveDirective} refused ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
}

for (const engine of ENGINES) {
  describe(`privacy and policy on the ${engine} engine`, () => {
    let app, origin;
    const requests = [];
    const violations = [];
    before(async () => {
      app = await launch(engine, undefined, undefined, '/', { serviceWorkers: 'allow' });
      origin = new URL(app.url).origin;
      app.context.on('request', (r) => requests.push({ url: r.url(), worker: !!r.serviceWorker() }));
      await watchCsp(app.context, violations);
    });
    after(async () => {
      await app?.close();
    });

    it('a whole session: every view, drawing, training, export and import', async () => {
      const { page } = app;
      const view = async (hash, slug) => {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.waitForSelector(`#app[data-view="${slug}"]`);
      };
      await page.goto(app.url + '#/draw');
      await page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'recon-ae');
      await view('#/noise', 'noise');
      await page.waitForTimeout(500);
      await view('#/latent', 'latent');
      await page.waitForTimeout(500);
      for (const tab of APPS_TABS) {
        await view(`#/apps/${tab}`, 'apps');
        await page.waitForSelector(`[data-testid="apps-tab-${tab}"][aria-selected="true"]`);
        await page.waitForTimeout(engine === 'webgpu' ? 1500 : 800);
      }
      await view('#/hw', 'hw');
      await page.click('[data-testid="hw-bundled-ae-sizes"]');
      await page.waitForSelector('[data-testid="hw-task-1"]');
      await view('#/verify', 'verify');
      await page.waitForSelector('[data-testid="verify-reports"]');
      await view('#/train', 'train');
      await setInput(page, 'train-hidden', '64');
      await setInput(page, 'train-latent', 8);
      await setInput(page, 'train-batch', 32);
      await page.click('[data-testid="train-start"]');
      const steps = engine === 'webgpu' ? 3 : 20;
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= n, steps, { timeout: 180_000 });
      await page.click('[data-testid="train-pause"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.state === 'paused', null, { timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="model-export"]')]);
      const file = scratchPath(`latent-lab-privacy-${engine}.llmodel`);
      await download.saveAs(file);
      await page.click('[data-testid="train-reset"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '0');
      await page.setInputFiles('[data-testid="model-import"]', file);
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step !== '0', null, { timeout: 60_000 });
      // The service worker has kept every file by now: its downloads are part of the session.
      await page.waitForSelector('[data-testid="offline-status"][data-state="ready"]', { timeout: 120_000 });
    });

    it('made requests to the app\u2019s own origin only', () => {
      const elsewhere = requests.filter(({ url }) => !url.startsWith('data:') && new URL(url).origin !== origin);
      assert.deepEqual(elsewhere, [], `requests outside ${origin}`);
      assert.ok(requests.length > 20, `the session made ${requests.length} requests`);
      assert.ok(requests.some((r) => r.worker), 'the service worker\u2019s requests are watched too');
      assert.ok(requests.some((r) => r.url.endsWith('static/fashion.bin')), 'the anomaly tab fetched its data');
    });

    it('the Content-Security-Policy refused nothing, and nothing logged an error', () => {
      assert.deepEqual([...new Set(violations)], []);
      assert.deepEqual([...new Set(app.problems)], []);
    });
  });
}

describe('the Content-Security-Policy is in force', () => {
  it('refuses a string run as code, an injected script and a request to another site', async () => {
    const app = await launch('cpu');
    try {
      const violations = [];
      await watchCsp(app.context, violations);
      await app.page.goto(app.url + '#/draw');
      await app.page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
      // (`eval` typed in the evaluated function itself would run: the DevTools protocol is exempt.)
      const outcome = await app.page.evaluate(async () => {
        setTimeout('window.__stringRan = true;', 0);
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true;';
        document.head.append(inline);
        const external = document.createElement('script');
        external.src = 'https://example.invalid/tracker.js';
        document.head.append(external);
        let fetched;
        try { await fetch('https://example.invalid/collect'); fetched = true; } catch { fetched = false; }
        await new Promise((r) => setTimeout(r, 200));
        return { stringRan: window.__stringRan === true, inlineRan: window.__inlineRan === true, fetched };
      });
      assert.deepEqual(outcome, { stringRan: false, inlineRan: false, fetched: false });
      const refused = violations.map((v) => v.split(' at ')[0]).sort();
      assert.deepEqual(refused, [
        'connect-src refused https://example.invalid/collect',
        'script-src refused eval',
        'script-src-elem refused https://example.invalid/tracker.js',
        'script-src-elem refused inline',
      ], violations.join('\n'));
    } finally {
      await app.close();
    }
  });
});
