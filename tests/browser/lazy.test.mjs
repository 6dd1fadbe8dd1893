// Loading only what the first view needs: on both engines, the draw view becomes ready having
// fetched its own models only; the other views' models follow in the background without a
// navigation; a link straight into the noise lab shows the download's progress, then the
// denoising result; a failed background download says so in the view that needs it, leaves the
// working views alone, and "Retry" recovers it. The same for the 8,000 training digits, which
// only the labs and the applications train or search on.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, openApp, drawStroke, waitForInk, readCanvas, correlation, SEVEN } from './harness.mjs';

/** The models only other views need: not one of them may be fetched before the draw view is ready. */
const LATE = ['dae-16', 'inpaint-16', 'ae-2', 'vae-2'];
const ON_DEMAND = ['colour-16', 'linear-16'];

/** Records, in the page, when the app became ready (on the performance clock of its resources). */
function recordReady() {
  new MutationObserver(() => {
    const app = document.getElementById('app');
    if (app && app.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
}

/** The paths of the resources the page started fetching before and after it became ready. */
async function fetchedAroundReady(page) {
  return page.evaluate(() => {
    const before = [];
    const after = [];
    for (const e of performance.getEntriesByType('resource')) {
      (e.startTime < window.__readyAt ? before : after).push(new URL(e.name).pathname);
    }
    return { before, after };
  });
}

const named = (paths, stem) => paths.some((p) => p.endsWith(`/pretrained/${stem}.safetensors`));
const fetchedFile = (paths, file) => paths.some((p) => p.endsWith(`/static/${file}`));
const step = (page) => page.evaluate(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step));

for (const engine of ENGINES) {
  describe(`loading on demand on the ${engine} engine`, () => {
    let app;
    before(async () => {
      app = await launch(engine);
    });
    after(async () => {
      await app?.close();
    });

    it('the draw view is ready with its own models only; the others follow without a navigation', async () => {
      const { page, context } = await app.fresh();
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.addInitScript(recordReady);
      await openApp(page, app.url, '#/draw');
      const { before } = await fetchedAroundReady(page);
      // Gone if the page were loaded again.
      await page.evaluate(() => { window.__sameDocument = true; });
      assert.ok(named(before, 'ae-16') && named(before, 'vae-16'), `the draw view's models came first: ${before}`);
      for (const stem of [...LATE, ...ON_DEMAND]) {
        assert.ok(!named(before, stem), `${stem} was not fetched before the draw view was ready: ${before}`);
      }
      assert.ok(fetchedFile(before, 'mnist-test.bin'), `the test digits came first: ${before}`);
      assert.ok(!fetchedFile(before, 'mnist-train.bin'), `the training digits wait for the first view: ${before}`);
      // The other views' models arrive in the background while the draw view stays open.
      await page.waitForFunction(
        (stems) => stems.every((s) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/pretrained/${s}.safetensors`) && e.responseEnd > 0)),
        LATE,
        { timeout: 120_000 },
      );
      for (const stem of LATE) assert.ok(named(requests, stem), `${stem} was requested`);
      await page.waitForFunction(
        () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/static/mnist-train.bin') && e.responseEnd > 0),
        null,
        { timeout: 120_000 },
      );
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not loaded again');
      assert.equal(await page.getAttribute('#app', 'data-view'), 'draw');
      // The application models are fetched when their tab opens, not before.
      for (const stem of ON_DEMAND) assert.ok(!named(requests, stem), `${stem} waits for its tab`);
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'recon-ae');
      await context.close();
      assert.deepEqual(app.problems, []);
    });

    it('a link straight into the noise lab shows its download, then the denoising result', async () => {
      const { page, context } = await app.fresh();
      // A slow denoising model, so its progress is on screen long enough to see.
      await page.route('**/pretrained/dae-16.safetensors', async (route) => {
        await new Promise((r) => setTimeout(r, 2000));
        await route.continue();
      });
      await openApp(page, app.url, '#/noise');
      await page.waitForSelector('[data-testid="late-loading-dae-16"]');
      assert.match(await page.textContent('[data-testid="late-loading-dae-16"]'), /Loading the denoising model… \d+ %/);
      await page.waitForFunction(() => {
        const e = document.querySelector('[data-testid="err-clean-dae"]');
        return e && e.textContent.trim() !== '—';
      }, null, { timeout: 120_000 });
      assert.equal(await page.$('[data-testid="late-loading-dae-16"]'), null, 'the progress is gone once the model is there');
      const dae = Number((await page.textContent('[data-testid="err-clean-dae"]')).trim());
      assert.ok(Number.isFinite(dae) && dae >= 0 && dae < 0.1, `the denoising AE's error is a small number: ${dae}`);
      const clean = await readCanvas(page, 'clean-input');
      assert.ok(correlation(clean, await readCanvas(page, 'recon-dae')) > 0.7, 'the denoised digit resembles the clean one');
      await context.close();
      assert.deepEqual(app.problems, []);
    });

    it('a link straight into the training lab shows the training digits coming; Start waits for them, Pause ends the wait', async () => {
      const { page, context } = await app.fresh();
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route('**/static/mnist-train.bin', async (route) => {
        await held;
        await route.continue();
      });
      await openApp(page, app.url, '#/train');
      await page.waitForSelector('[data-testid="late-loading-training-digits"]');
      assert.match(await page.textContent('[data-testid="late-loading-training-digits"]'), /Loading the training digits… \d+ %/);
      // Pressed before the digits are there: the run starts once they arrive.
      await page.click('[data-testid="train-start"]');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await step(page), 0, 'no step without the training digits');
      // Pause while waiting: paused at once, nothing trained; Start waits again.
      await page.click('[data-testid="train-pause"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.state === 'paused', null, { timeout: 10_000 });
      assert.equal(await step(page), 0);
      await page.click('[data-testid="train-start"]');
      release();
      await page.waitForSelector('[data-testid="late-loading-training-digits"]', { state: 'detached', timeout: 120_000 });
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= 3, null, { timeout: 180_000 });
      await page.click('[data-testid="train-pause"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.state === 'paused', null, { timeout: 120_000 });
      const loss = Number(await page.getAttribute('[data-testid="train-progress"]', 'data-loss'));
      assert.ok(Number.isFinite(loss) && loss > 0, `a real loss after the steps: ${loss}`);
      assert.equal(await page.$('[data-testid="train-error"]'), null);
      await context.close();
      assert.deepEqual(app.problems, []);
    });

    it('training digits that cannot be downloaded: the lab says so, the draw view works, Retry recovers', async () => {
      const { page, context } = await app.fresh();
      let fail = true;
      await page.route('**/static/mnist-train.bin', (route) => (fail ? route.abort() : route.continue()));
      await openApp(page, app.url, '#/draw');
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'recon-ae');
      await page.click('[data-testid="nav-train"]');
      await page.waitForSelector('[data-testid="late-failed-training-digits"]', { timeout: 120_000 });
      assert.match(await page.textContent('[data-testid="late-failed-training-digits"]'), /The training digits could not be downloaded .*mnist-train\.bin/);
      await page.click('[data-testid="train-start"]');
      await page.waitForSelector('[data-testid="train-error"]');
      assert.match(await page.textContent('[data-testid="train-error"]'), /The training digits could not be downloaded .*Press Retry above, then start training again/);
      assert.equal(await step(page), 0);
      fail = false;
      await page.click('[data-testid="late-retry"]');
      await page.waitForSelector('[data-testid="late-failed-training-digits"]', { state: 'detached', timeout: 120_000 });
      await page.click('[data-testid="train-start"]');
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= 2, null, { timeout: 180_000 });
      await page.click('[data-testid="train-pause"]');
      await context.close();
      // The aborted request is the point of this test (Chromium reports it in the console).
      app.problems.length = 0;
    });

    it('a failed background download shows a message with Retry in its view, and Retry recovers', async () => {
      const { page, context } = await app.fresh();
      let fail = true;
      await page.route('**/pretrained/ae-2.safetensors', (route) => (fail ? route.abort() : route.continue()));
      await openApp(page, app.url, '#/draw');
      // The draw view works regardless.
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'recon-ae');
      await page.click('[data-testid="nav-latent"]');
      await page.waitForSelector('[data-testid="late-failed-ae-2"]', { timeout: 120_000 });
      const message = await page.textContent('[data-testid="late-failed-ae-2"]');
      assert.match(message, /The 2-D autoencoder could not be downloaded/);
      assert.match(message, /ae-2\.safetensors/);
      // Views that need nothing from it are untouched.
      await page.click('[data-testid="nav-draw"]');
      await page.waitForSelector('#app[data-view="draw"]');
      assert.equal(await page.$('[data-testid="late-failed-ae-2"]'), null);
      await waitForInk(page, 'recon-ae');
      await page.click('[data-testid="nav-latent"]');
      await page.waitForSelector('[data-testid="late-failed-ae-2"]');
      fail = false;
      await page.click('[data-testid="late-retry"]');
      await page.waitForSelector('[data-testid="late-failed-ae-2"]', { state: 'detached', timeout: 120_000 });
      await page.waitForFunction(() => !document.body.textContent.includes('Encoding the 2,000 test digits'), null, { timeout: 120_000 });
      assert.equal(await page.$('[data-testid="task-error"]'), null, 'no error left once the model is there');
      const map = await readCanvas(page, 'latent-map-ae');
      assert.ok(map.some((v) => v < 0.9), 'the 2-D AE map is drawn');
      await context.close();
      // The aborted request is the point of this test (Chromium reports it in the console).
      app.problems.length = 0;
    });
  });
}
