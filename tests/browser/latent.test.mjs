// The latent space explorer on both engines: maps show 10 classes, clicking decodes, interpolation
// ends at its endpoints, generated digits are not blank, and attribute vectors change the output.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, openApp, readCanvas, correlation, same, cell, setRange } from './harness.mjs';

const CLASS_COLOURS = [
  [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189],
  [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207],
];

/** How many pixels of each class colour a canvas shows. */
async function classPixels(page, testid) {
  return page.$eval(`[data-testid="${testid}"]`, (c, colours) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = colours.map(() => 0);
    for (let i = 0; i < d.length; i += 4) {
      colours.forEach(([r, g, b], k) => {
        if (Math.abs(d[i] - r) < 8 && Math.abs(d[i + 1] - g) < 8 && Math.abs(d[i + 2] - b) < 8) counts[k]++;
      });
    }
    return counts;
  }, CLASS_COLOURS);
}

for (const engine of ENGINES) {
  describe(`latent space explorer on the ${engine} engine`, () => {
    let app;
    before(async () => {
      app = await launch(engine);
      await openApp(app.page, app.url, '#/latent');
      await app.page.waitForFunction(() => !document.body.textContent.includes('Encoding the 2,000 test digits'), null, { timeout: 120_000 });
    });
    after(async () => {
      await app?.close();
    });

    it('both maps show the codes of all 10 classes', async () => {
      await app.page.waitForTimeout(500);
      for (const id of ['latent-map-ae', 'latent-map-vae']) {
        const counts = await classPixels(app.page, id);
        assert.ok(counts.every((n) => n >= 20), `${id}: pixels per class ${counts}`);
      }
    });

    it('clicking a map decodes the point clicked', async () => {
      const { page } = app;
      for (const [map, decoded] of [['latent-map-ae', 'decoded-ae'], ['latent-map-vae', 'decoded-vae']]) {
        const box = await page.locator(`[data-testid="${map}"]`).boundingBox();
        await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.4);
        await page.waitForTimeout(300);
        const first = await readCanvas(page, decoded);
        assert.ok(first.some((v) => v > 0.3), `${decoded} shows a decoded image`);
        await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.7);
        await page.waitForTimeout(300);
        assert.ok(!same(first, await readCanvas(page, decoded)), `${decoded} changes with the point`);
      }
    });

    it('the manifold grids hold N × N decoded digits', async () => {
      const { page } = app;
      await setRange(page, 'manifold-n', 6, 'change');
      await page.waitForFunction(
        () => ['manifold-ae', 'manifold-vae'].every((id) => document.querySelector(`[data-testid="${id}"]`).height === 6 * 28),
        null,
        { timeout: 60_000 },
      );
      const size = await page.$eval('[data-testid="manifold-ae"]', (c) => [c.width, c.height]);
      assert.deepEqual(size, [168, 168]);
    });

    it('interpolation at t = 0 and t = 1 shows the endpoints\u2019 reconstructions', async () => {
      const { page } = app;
      await page.selectOption('[data-testid="latent-size"]', '16');
      await page.waitForSelector('[data-testid="projection-note"]');
      await page.waitForFunction(() => !document.body.textContent.includes('Encoding the 2,000 test digits'), null, { timeout: 120_000 });
      await page.fill('[data-testid="interp-a-digit"]', '3');
      await page.press('[data-testid="interp-a-digit"]', 'Enter');
      await page.fill('[data-testid="interp-b-digit"]', '11');
      await page.press('[data-testid="interp-b-digit"]', 'Enter');
      const a = await readCanvas(page, 'interp-end-a');
      const b = await readCanvas(page, 'interp-end-b');
      for (const [t, end, col] of [[0, a, 0], [1, b, 8]]) {
        await setRange(page, 'interp-slider', t);
        await page.waitForTimeout(400);
        for (const family of ['ae', 'vae']) {
          const img = await readCanvas(page, `interp-${family}`);
          assert.ok(correlation(img, end) > 0.6, `${family} at t = ${t} reconstructs the endpoint (r = ${correlation(img, end)})`);
          assert.ok(same(img, await cell(page, `interp-strip-${family}`, col)), `${family} at t = ${t} is the strip's ${col === 0 ? 'first' : 'last'} image`);
        }
      }
      const strip = await page.$eval('[data-testid="interp-strip-pixels"]', (c) => c.width);
      assert.equal(strip, 9 * 28, 'N + 1 = 9 images in the cross-fade strip');
    });

    it('generated digits are not blank, and new samples differ', async () => {
      const { page } = app;
      const inked = async (id) => {
        let n = 0;
        for (let k = 0; k < 64; k++) {
          const img = await cell(page, id, k % 8, Math.floor(k / 8));
          if (img.filter((v) => v > 0.5).length >= 10) n++;
        }
        return n;
      };
      await page.waitForFunction(() => document.querySelector('[data-testid="sample-grid-vae"]').height === 8 * 28, null, { timeout: 60_000 });
      assert.ok((await inked('sample-grid-vae')) >= 56, 'VAE samples are digits, not blanks');
      assert.ok((await inked('sample-grid-ae')) >= 32);
      const before = await cell(page, 'sample-grid-vae', 0);
      await page.click('[data-testid="sample-reroll"]');
      await page.waitForTimeout(600);
      assert.ok(!same(before, await cell(page, 'sample-grid-vae', 0)));
    });

    it('resampling ε shows new decodings of z = μ + σ·ε', async () => {
      const { page } = app;
      await page.waitForSelector('[data-testid="reparam-table"]');
      const before = await readCanvas(page, 'reparam-samples');
      await page.click('[data-testid="resample-eps"]');
      await page.waitForTimeout(500);
      assert.ok(!same(before, await readCanvas(page, 'reparam-samples')));
    });

    it('moving the attribute slider changes the output', async () => {
      const { page } = app;
      await page.selectOption('[data-testid="attr-select"]', 'thickness');
      await setRange(page, 'attr-slider', 0);
      await page.waitForTimeout(400);
      const base = await readCanvas(page, 'attr-output');
      await setRange(page, 'attr-slider', 2.5);
      await page.waitForTimeout(400);
      const thick = await readCanvas(page, 'attr-output');
      assert.ok(!same(base, thick), 'the output changes');
      const ink = (img) => img.reduce((s, v) => s + v, 0);
      assert.ok(ink(thick) > ink(base), `a thicker digit has more ink (${ink(base).toFixed(1)} → ${ink(thick).toFixed(1)})`);
    });

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });
  });
}
