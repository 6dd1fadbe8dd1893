// The training lab on both engines: a small configuration trains (the loss falls), pause stops
// the step counter, export then import reproduces the reconstructions, a reload keeps the model,
// a corrupt file is refused without touching the model, and the model can stand in for the AE.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, readFile } from 'node:fs/promises';
import {
  ENGINES, launch, openApp, readCanvas, waitForInk, setInput, trainProgress, same as sameImage, scratchPath,
} from './harness.mjs';

const progress = trainProgress;
const same = (a, b) => sameImage(a, b, 1e-3);

for (const engine of ENGINES) {
  describe(`training lab on the ${engine} engine`, () => {
    let app;
    // SwiftShader's emulated WebGPU takes about a second per step: train fewer steps there.
    const steps = engine === 'webgpu' ? 6 : 60;
    let exported;
    before(async () => {
      app = await launch(engine);
      await openApp(app.page, app.url, '#/train');
    });
    after(async () => {
      await app?.close();
    });

    it('trains a small configuration: after some steps the loss is below the first step\u2019s', async () => {
      const { page } = app;
      assert.equal(await page.getAttribute('#app', 'data-view'), 'train');
      await setInput(page, 'train-hidden', '64');
      await setInput(page, 'train-latent', 8);
      await setInput(page, 'train-batch', 32);
      await setInput(page, 'train-epochs', 1);
      await setInput(page, 'train-lr', 0.003);
      await page.click('[data-testid="train-step"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '1', null, { timeout: 120_000 });
      const first = await progress(page);
      assert.ok(first.loss > 0, `first loss ${first.loss}`);
      await page.click('[data-testid="train-start"]');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= n, steps, { timeout: 180_000 });
      const later = await progress(page);
      assert.ok(later.loss < first.loss, `loss ${first.loss} → ${later.loss} after ${later.step} steps`);
      assert.match(await page.textContent('[data-testid="train-progress"]'), engine === 'webgpu' ? /on WebGPU/ : /on CPU/);
    });

    it('pause stops the step counter', async () => {
      const { page } = app;
      await page.click('[data-testid="train-pause"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.state === 'paused', null, { timeout: 60_000 });
      const a = await progress(page);
      await page.waitForTimeout(1500);
      const b = await progress(page);
      assert.equal(b.step, a.step);
      await waitForInk(page, 'recon-grid', 100);
      await page.waitForFunction(() => document.querySelector('[data-testid="loss-chart"]').width > 0);
    });

    it('export then import reproduces the same reconstructions', async () => {
      const { page } = app;
      await page.waitForTimeout(1000);
      const before = await readCanvas(page, 'recon-grid');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="model-export"]')]);
      exported = scratchPath(`latent-lab-${engine}.llmodel`);
      await download.saveAs(exported);
      const bytes = await readFile(exported);
      assert.equal(bytes.subarray(0, 15).toString(), 'LATENTLAB-MODEL');
      await page.click('[data-testid="train-reset"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '0');
      await page.setInputFiles('[data-testid="model-import"]', exported);
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step !== '0', null, { timeout: 60_000 });
      await page.waitForTimeout(500);
      assert.ok(same(before, await readCanvas(page, 'recon-grid')), 'the imported model reconstructs the same digits the same way');
    });

    it('refuses a corrupt file with a clear message and keeps the model', async () => {
      const { page } = app;
      const before = await progress(page);
      const grid = await readCanvas(page, 'recon-grid');
      const bytes = await readFile(exported);
      const corrupt = scratchPath(`corrupt-${engine}.llmodel`);
      await writeFile(corrupt, bytes.subarray(0, bytes.length - 500));
      await page.setInputFiles('[data-testid="model-import"]', corrupt);
      await page.waitForSelector('[data-testid="train-error"]');
      assert.match(await page.textContent('[data-testid="train-error"]'), /Import failed: .*weights.*Your current model is unchanged/);
      await writeFile(corrupt, Buffer.from('hello, not a model'));
      await page.setInputFiles('[data-testid="model-import"]', corrupt);
      await page.waitForFunction(() => document.querySelector('[data-testid="train-error"]').textContent.includes('not a Latent Lab model file'));
      assert.equal((await progress(page)).step, before.step);
      assert.ok(same(grid, await readCanvas(page, 'recon-grid')));
    });

    it('keeps the model across a reload', async () => {
      const { page } = app;
      const before = await progress(page);
      const grid = await readCanvas(page, 'recon-grid');
      await page.reload();
      await openApp(page, app.url, '#/train');
      await page.waitForSelector('[data-testid="train-notice"]', { timeout: 60_000 });
      assert.match(await page.textContent('[data-testid="train-notice"]'), /Restored/);
      await page.waitForFunction((s) => document.querySelector('[data-testid="train-progress"]').dataset.step === String(s), before.step, { timeout: 60_000 });
      await waitForInk(page, 'recon-grid', 100);
      assert.ok(same(grid, await readCanvas(page, 'recon-grid')));
      assert.equal(await page.inputValue('[data-testid="train-latent"]'), '8', 'the settings are kept too');
      assert.equal(await page.inputValue('[data-testid="train-hidden"]'), '64');
    });

    it('can stand in for the autoencoder in the other views', async () => {
      const { page } = app;
      await page.check('[data-testid="use-trained"]');
      await page.waitForSelector('[data-testid="trained-banner"]');
      await page.click('[data-testid="nav-draw"]');
      await page.click('[data-testid="random-digit"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="err-ae"]').textContent.trim() !== '—', null, { timeout: 60_000 });
      await waitForInk(page, 'recon-ae', 3);
      const err = Number((await page.textContent('[data-testid="err-ae"]')).trim());
      assert.ok(err > 0 && err < 0.2, `the lab model's error is shown: ${err}`);
      // The choice survives a reload with the model.
      await page.reload();
      await openApp(page, app.url, '#/draw');
      await page.waitForSelector('[data-testid="trained-banner"]', { timeout: 60_000 });
    });

    it('stops a diverging run with an explanation and a suggestion', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-train"]');
      await page.selectOption('[data-testid="train-kind"]', 'vae');
      await setInput(page, 'train-lr', 1);
      await page.click('[data-testid="train-start"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.state === 'stopped: diverged', null, { timeout: 120_000 });
      const message = await page.textContent('[data-testid="train-error"]');
      assert.match(message, /diverged/);
      assert.match(message, /lower it \(try 0\.1\)/);
      assert.ok(await page.isVisible('[data-testid="trained-banner"]'), 'the last good model still stands in for the AE');
    });

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });
  });
}
