// What the interface promises, checked as behaviour (CPU engine): the latent demos show what
// their text says, the two-click interpolation flow, the training chart and status, import
// messages, the preset label, and the draw view's error scale.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, readFile } from 'node:fs/promises';
import {
  launch, openApp, readCanvas, correlation, setRange, setInput, trainProgress, drawStroke, SEVEN, scratchPath,
} from './harness.mjs';

describe('classroom interface', () => {
  let app;
  before(async () => {
    app = await launch('cpu');
    await openApp(app.page, app.url, '#/draw');
  });
  after(async () => {
    await app?.close();
  });

  it('draw: places the error among the test digits\u2019 errors and names the code size', async () => {
    const { page } = app;
    await drawStroke(page, SEVEN);
    await page.waitForSelector('[data-testid="error-scale-ae"][data-share]:not([data-share=""])', { timeout: 60_000 });
    const share = Number(await page.getAttribute('[data-testid="error-scale-ae"]', 'data-share'));
    assert.ok(share >= 0 && share <= 1, `share ${share}`);
    assert.match(await page.textContent('[data-testid="error-scale-ae"]'), /worse than \d+% of the test digits/);
    assert.match(await page.textContent('[data-testid="draw-code-sentence"]'), /16 numbers/);
  });

  it('latent: at \u03b1 = 0 the attribute panel reconstructs the current digit', async () => {
    const { page } = app;
    await page.click('[data-testid="nav-latent"]');
    await page.click('[data-testid="latent-random"]');
    await setRange(page, 'attr-slider', 0);
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="attr-base-vae"]');
      const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 127) ink++;
      return ink > 10;
    }, null, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const current = await readCanvas(page, 'attr-current');
    for (const id of ['attr-base-vae', 'attr-base-ae', 'attr-output']) {
      const r = correlation(current, await readCanvas(page, id));
      assert.ok(r > 0.6, `${id} resembles the current digit at α = 0 (r = ${r})`);
    }
  });

  it('latent: pins A and B on each map, then interpolates between them; a new size resets', async () => {
    const { page } = app;
    assert.ok(await page.isDisabled('[data-testid="interp-from-maps"]'));
    assert.match(await page.textContent('[data-testid="interp-pin-hint"]'), /click two points on each map/);
    for (const map of ['latent-map-ae', 'latent-map-vae']) {
      const box = await page.locator(`[data-testid="${map}"]`).boundingBox();
      await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.4);
      await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.65);
    }
    await page.waitForFunction(() => !document.querySelector('[data-testid="interp-from-maps"]').disabled);
    await page.click('[data-testid="interp-from-maps"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="interp-a-label"]').textContent.includes('pinned'));
    await page.waitForTimeout(500);
    const a = await readCanvas(page, 'interp-end-a');
    assert.ok(a.some((v) => v > 0.3), 'endpoint A shows the decoded pin, not a black square');
    assert.match(await page.textContent('[data-testid="interp-explanation"]'), /crosses the regions of other classes/);
    await page.selectOption('[data-testid="latent-size"]', '16');
    await page.waitForFunction(() => document.querySelector('[data-testid="interp-a-label"]').textContent.includes('test digit #'));
    assert.ok(await page.isDisabled('[data-testid="interp-from-maps"]'), 'the pins of the 2-D maps are gone');
  });

  it('train: the chart says what to do before training, and gives each term its own panel', async () => {
    const { page } = app;
    await page.click('[data-testid="nav-train"]');
    await page.waitForSelector('[data-testid="loss-chart-empty"]');
    const onePanel = await page.$eval('[data-testid="loss-chart"]', (c) => c.height / c.width);
    await page.selectOption('[data-testid="train-kind"]', 'vae');
    await setInput(page, 'train-hidden', '32');
    await setInput(page, 'train-latent', 2);
    await page.click('[data-testid="train-step"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '1', null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="loss-chart-empty"]', { state: 'detached' });
    const threePanels = await page.$eval('[data-testid="loss-chart"]', (c) => c.height / c.width);
    assert.ok(Math.abs(threePanels / onePanel - 3) < 0.05, `total, reconstruction and KL panels (${onePanel} → ${threePanels})`);
  });

  it('train: the preset menu says "your own settings" once a setting is edited', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="train-preset"]', 'undercomplete-2d');
    assert.equal(await page.inputValue('[data-testid="train-preset"]'), 'undercomplete-2d');
    await page.waitForSelector('[data-testid="train-hint"]');
    await setInput(page, 'train-latent', 3);
    await page.waitForFunction(() => document.querySelector('[data-testid="train-preset"]').value === '');
    assert.equal(await page.$('[data-testid="train-hint"]'), null);
  });

  it('train: Stop reads right at once; an import is confirmed; a damaged file gets a sentence and the detail', async () => {
    const { page } = app;
    await setInput(page, 'train-epochs', 3);
    await page.click('[data-testid="train-start"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= 5, null, { timeout: 60_000 });
    await page.click('[data-testid="train-stop"]');
    const stopped = await trainProgress(page);
    assert.equal(stopped.state, 'finished');
    await page.waitForTimeout(1000);
    const later = await trainProgress(page);
    assert.ok(later.step - stopped.step <= 1, `at most the step in flight ends (${stopped.step} → ${later.step})`);
    assert.doesNotMatch(await page.textContent('[data-testid="train-progress"]'), /s left/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="model-export"]')]);
    const file = scratchPath('latent-lab-classroom.llmodel');
    await download.saveAs(file);
    await page.setInputFiles('[data-testid="model-import"]', file);
    await page.waitForFunction(() => document.querySelector('[data-testid="train-notice"]')?.textContent.includes('Imported'), null, { timeout: 60_000 });

    const cut = scratchPath('latent-lab-classroom-cut.llmodel');
    const bytes = await readFile(file);
    await writeFile(cut, bytes.subarray(0, bytes.length - 500));
    await page.setInputFiles('[data-testid="model-import"]', cut);
    await page.waitForSelector('[data-testid="train-error"] details');
    const sentence = await page.textContent('[data-testid="train-error"] p');
    assert.match(sentence, /incomplete or damaged.*export the model again.*unchanged/);
    assert.doesNotMatch(sentence, /SafeTensors/, 'the technical detail stays behind the disclosure');
    assert.match(await page.textContent('[data-testid="train-error"] details'), /Technical detail/);
  });

  it('logged no console errors', () => {
    assert.deepEqual(app.problems, []);
  });
});
