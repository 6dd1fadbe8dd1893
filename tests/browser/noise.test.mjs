// The noise and occlusion lab on both engines: noise and masks set through the UI change the
// corrupted image and every output; on a noisy digit the denoising AE beats the plain AE; the
// batch view shows its means over the test split.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, openApp, readCanvas, correlation, readNumber, setRange } from './harness.mjs';

const num = readNumber;
const MODELS = ['ae', 'dae', 'inpaint', 'vae'];

async function snapshot(page) {
  const out = { corrupted: await readCanvas(page, 'corrupted-input') };
  for (const m of MODELS) out[m] = await readCanvas(page, `recon-${m}`);
  return out;
}

/** Waits until the corrupted image and every output differ from `before`. */
async function waitForChange(page, before) {
  await page.waitForFunction(
    ([prev, ids]) => ids.every((id) => {
      const c = document.querySelector(`[data-testid="${id === 'corrupted' ? 'corrupted-input' : 'recon-' + id}"]`);
      const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
      let diff = 0;
      for (let i = 0; i < 784; i++) diff += Math.abs(d[i * 4] / 255 - prev[id][i]);
      return diff > 0.5;
    }),
    [before, ['corrupted', ...MODELS]],
    { timeout: 60_000 },
  );
}

for (const engine of ENGINES) {
  describe(`noise lab on the ${engine} engine`, () => {
    let app;
    before(async () => {
      app = await launch(engine);
      // A fresh browser has no drawing, so the view starts on test digit #0: the same digit every run.
      await openApp(app.page, app.url, '#/noise');
    });
    after(async () => {
      await app?.close();
    });

    it('has its own URL and nav link', async () => {
      assert.equal(await app.page.getAttribute('#app', 'data-view'), 'noise');
      await app.page.click('[data-testid="nav-draw"]');
      await app.page.waitForSelector('#app[data-view="draw"]');
      await app.page.click('[data-testid="nav-noise"]');
      await app.page.waitForSelector('#app[data-view="noise"]');
      await app.page.waitForSelector('[data-testid="err-clean-ae"]');
    });

    it('noise set through the slider changes the corrupted image and every output', async () => {
      const { page } = app;
      await setRange(page, 'noise-sigma', 0);
      await page.waitForFunction(() => document.querySelector('[data-testid="err-clean-ae"]').textContent.trim() !== '—');
      const before = await snapshot(page);
      await setRange(page, 'noise-sigma', 0.5);
      await waitForChange(page, before);
    });

    it('on the same noisy digit, the denoising AE is closer to the clean digit than the plain AE', async () => {
      const { page } = app;
      await page.waitForTimeout(300);
      const dae = await num(page, 'err-clean-dae');
      const ae = await num(page, 'err-clean-ae');
      assert.ok(dae < ae, `denoising AE ${dae} < plain AE ${ae}`);
      const clean = await readCanvas(page, 'clean-input');
      assert.ok(correlation(clean, await readCanvas(page, 'recon-dae')) > 0.7, 'the denoised digit resembles the clean one');
    });

    it('a rectangle dragged on the image masks it and changes every output', async () => {
      const { page } = app;
      await setRange(page, 'noise-sigma', 0);
      await page.waitForTimeout(300);
      const before = await snapshot(page);
      await page.click('[data-testid="mask-rect"]');
      const box = await page.locator('[data-testid="corrupted-input"]').boundingBox();
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 5 });
      await page.mouse.up();
      await waitForChange(page, before);
      const corrupted = await readCanvas(page, 'corrupted-input');
      const grey = corrupted.filter((v) => Math.abs(v - 0.5) < 0.01).length;
      assert.ok(grey >= 100, `about 11×11 masked pixels (${grey})`);
    });

    it('the brush and random patches add to the mask, and clear removes it', async () => {
      const { page } = app;
      const covered = async () => (await readCanvas(page, 'corrupted-input')).filter((v) => Math.abs(v - 0.5) < 0.01).length;
      const rect = await covered();
      await page.click('[data-testid="mask-brush"]');
      const box = await page.locator('[data-testid="corrupted-input"]').boundingBox();
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.9);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.9, { steps: 10 });
      await page.mouse.up();
      await page.waitForTimeout(200);
      const brushed = await covered();
      assert.ok(brushed > rect + 20, `the brush stroke masks more pixels (${rect} → ${brushed})`);
      await page.click('[data-testid="mask-patches"]');
      await page.waitForTimeout(200);
      assert.ok((await covered()) > brushed, 'patches add more');
      await page.click('[data-testid="mask-clear"]');
      await page.waitForTimeout(200);
      assert.ok((await covered()) < 10, 'clear removes the mask');
    });

    it('the same seed gives the same corruption, and re-roll changes it', async () => {
      const { page } = app;
      await setRange(page, 'noise-sigma', 0.4);
      await page.fill('[data-testid="corruption-seed"]', '1234');
      await page.press('[data-testid="corruption-seed"]', 'Enter');
      await page.waitForTimeout(200);
      const first = await readCanvas(page, 'corrupted-input');
      await page.click('[data-testid="corruption-reroll"]');
      await page.waitForTimeout(200);
      const other = await readCanvas(page, 'corrupted-input');
      assert.notDeepEqual(other, first);
      await page.fill('[data-testid="corruption-seed"]', '1234');
      await page.press('[data-testid="corruption-seed"]', 'Enter');
      await page.waitForTimeout(200);
      assert.deepEqual(await readCanvas(page, 'corrupted-input'), first);
    });

    it('the batch view shows 16 digits per model and the means over the test split', async () => {
      const { page } = app;
      await setRange(page, 'noise-sigma', 0.5);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="batch-progress"]').textContent.includes('2,000 digits in'),
        null,
        { timeout: 180_000 },
      );
      const means = {};
      for (const m of MODELS) means[m] = await num(page, `batch-mean-${m}`);
      for (const m of MODELS) assert.ok(means[m] > 0 && means[m] < 0.2, `${m}: ${means[m]}`);
      assert.ok(means.dae < means.ae / 2, `denoising AE ${means.dae} at most half the plain AE ${means.ae}`);
      const mosaic = await page.$eval('[data-testid="batch-mosaic"]', (c) => [c.width, c.height]);
      assert.deepEqual(mosaic, [16 * 28, 6 * 28]);
    });

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });
  });
}
