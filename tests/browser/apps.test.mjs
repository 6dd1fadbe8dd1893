// The applications lab on both engines: its own URL per tab, and each tab's numbers computed in
// the browser from the models in use: a drawn 7 finds 7s in the AE's code space, precision@10
// over the test split (CPU: SwiftShader's emulated GPU takes minutes), the linear AE's subspace
// is PCA's, the colouriser colours a test digit like its true colouring.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, openApp, drawStroke, waitForInk, correlation, setRange, SEVEN } from './harness.mjs';

/** A canvas's pixels as [r, g, b] triples in [0, 1]. */
const rgbOf = (page, id) => page.$eval(`[data-testid="${id}"]`, (c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const out = [];
  for (let i = 0; i < d.length; i += 4) out.push(d[i] / 255, d[i + 1] / 255, d[i + 2] / 255);
  return out;
});

const SPACES = ['pca', 'ae', 'vae'];

for (const engine of ENGINES) {
  describe(`applications lab on the ${engine} engine`, () => {
    let app;
    before(async () => {
      app = await launch(engine);
      await openApp(app.page, app.url, '#/draw');
      await drawStroke(app.page, SEVEN);
      await waitForInk(app.page, 'draw-pad');
    });
    after(async () => {
      await app?.close();
    });

    it('has a nav link and a link per tab', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-apps"]');
      await page.waitForSelector('#app[data-view="apps"]');
      await page.click('[data-testid="apps-tab-reduce"]');
      await page.waitForFunction(() => location.hash.startsWith('#/apps/reduce'));
      assert.equal(await page.getAttribute('[data-testid="apps-tab-reduce"]', 'aria-selected'), 'true');
    });

    it('reduce: the three 2-D maps, and the encoders separate the classes better than PCA', async () => {
      const { page } = app;
      await page.waitForFunction((spaces) => spaces.every((s) => document.querySelector(`[data-testid="reduce-knn-${s}"]`)?.textContent.trim() !== '…'), SPACES, { timeout: 120_000 });
      const knn = {};
      for (const s of SPACES) {
        knn[s] = Number(await page.textContent(`[data-testid="reduce-knn-${s}"]`));
        assert.ok(knn[s] > 0.1 && knn[s] <= 1, `${s}: ${knn[s]} is an accuracy above chance`);
        const inked = await page.$eval(`[data-testid="reduce-map-${s}"]`, (c) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let coloured = 0;
          for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[i + 1]) > 40 || Math.abs(d[i + 1] - d[i + 2]) > 40) coloured++;
          return coloured;
        });
        assert.ok(inked > 500, `${s}: the map shows coloured points (${inked} pixels)`);
      }
      assert.ok(knn.ae > knn.pca + 0.1, `AE-2 (${knn.ae}) separates better than PCA-2 (${knn.pca})`);
      assert.ok(knn.vae > knn.pca + 0.1, `VAE-2 (${knn.vae}) separates better than PCA-2 (${knn.pca})`);
    });

    it('retrieval: the drawn 7 finds mostly 7s among the AE-16 codes of the training digits', async () => {
      const { page } = app;
      await page.click('[data-testid="apps-tab-retrieval"]');
      await page.waitForSelector('[data-testid="retrieval-results-ae"] [data-label]', { timeout: 240_000 });
      for (const space of ['pixels', 'pca', 'ae', 'vae']) {
        const labels = await page.$$eval(`[data-testid="retrieval-results-${space}"] [data-label]`, (e) => e.map((x) => x.dataset.label));
        assert.equal(labels.length, 10, `${space}: ten results`);
        if (space === 'ae') assert.ok(labels.filter((l) => l === '7').length >= 6, `AE neighbours of a 7: ${labels}`);
      }
    });

    if (engine === 'cpu') {
      it('retrieval: precision@10 over the test split in every space', async () => {
        const { page } = app;
        await page.click('[data-testid="retrieval-measure"]');
        await page.waitForFunction(() => document.querySelector('[data-testid="retrieval-precision-vae"]').textContent.trim() !== '—', null, { timeout: 240_000 });
        for (const space of ['pixels', 'pca', 'ae', 'vae']) {
          const p = Number(await page.textContent(`[data-testid="retrieval-precision-${space}"]`));
          assert.ok(p > 0.8 && p <= 1, `${space}: precision@10 = ${p}`);
          assert.ok(Number(await page.textContent(`[data-testid="retrieval-ms-${space}"]`)) > 0);
        }
      });
    }

    it('anomaly: non-digits score higher than digits (AUC per model and set), and the drawn 7 is normal', async () => {
      const { page } = app;
      await page.click('[data-testid="apps-tab-anomaly"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="anomaly-auc-vae-rotated"]')?.textContent.trim() !== '…', null, { timeout: 300_000 });
      const auc = {};
      for (const model of ['ae', 'vae']) {
        for (const set of ['fashion', 'noise', 'rotated']) {
          auc[`${model}-${set}`] = Number(await page.textContent(`[data-testid="anomaly-auc-${model}-${set}"]`));
        }
      }
      for (const [key, value] of Object.entries(auc)) assert.ok(value > 0.6 && value <= 1, `AUC ${key} = ${value}`);
      assert.ok(auc['ae-noise'] > 0.99 && auc['ae-fashion'] > 0.9, JSON.stringify(auc));
      await page.waitForSelector('[data-testid="anomaly-verdict"][data-verdict]');
      assert.equal(await page.getAttribute('[data-testid="anomaly-verdict"]', 'data-verdict'), 'normal', 'the drawn 7 looks like a digit');
      assert.ok(Number(await page.getAttribute('[data-testid="anomaly-verdict"]', 'data-score')) > 0);
    });

    it('anomaly: a scribble gets the anomaly verdict', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-draw"]');
      await page.waitForSelector('#app[data-view="draw"]');
      await page.click('[data-testid="clear"]');
      const scribble = [];
      for (let i = 0; i <= 12; i++) scribble.push([0.1 + 0.8 * (i / 12), i % 2 ? 0.15 : 0.85]);
      await drawStroke(page, scribble, 3);
      await drawStroke(page, [[0.1, 0.5], [0.9, 0.45], [0.1, 0.3], [0.9, 0.7]], 3);
      await waitForInk(page, 'draw-pad');
      await page.click('[data-testid="nav-apps"]');
      await page.click('[data-testid="apps-tab-anomaly"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="anomaly-verdict"]')?.dataset.verdict === 'anomaly', null, { timeout: 300_000 });
      // Back to the 7 for the tabs below.
      await page.click('[data-testid="nav-draw"]');
      await page.click('[data-testid="clear"]');
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'draw-pad');
      await page.click('[data-testid="nav-apps"]');
    });

    it('clustering: k-means in four spaces, scored against the labels, with k from the slider', async () => {
      const { page } = app;
      await page.click('[data-testid="apps-tab-clustering"]');
      const done = () => page.waitForFunction(() => document.querySelector('[data-testid="kmeans-nmi-vae"]')?.textContent.trim() !== '…', null, { timeout: 240_000 });
      await done();
      for (const space of ['pixels', 'pca', 'ae', 'vae']) {
        const purity = Number(await page.textContent(`[data-testid="kmeans-purity-${space}"]`));
        const nmi = Number(await page.textContent(`[data-testid="kmeans-nmi-${space}"]`));
        assert.ok(purity > 0.4 && purity <= 1, `${space}: purity ${purity}`);
        assert.ok(nmi > 0.3 && nmi <= 1, `${space}: NMI ${nmi}`);
        assert.equal(await page.$eval(`[data-testid="kmeans-centres-${space}"]`, (c) => c.width), 10 * 28, `${space}: ten centres`);
      }
      await setRange(page, 'kmeans-k', 5, 'change');
      await page.waitForFunction(() => location.hash.includes('k=5'));
      await done();
      assert.equal(await page.$eval('[data-testid="kmeans-centres-ae"]', (c) => c.width), 5 * 28, 'five centres');
    });

    it('pca: the linear AE spans PCA-16\u2019s subspace; the nonlinear AE reconstructs better', async () => {
      const { page } = app;
      await page.click('[data-testid="apps-tab-pca"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="subspace-max-angle"]')?.textContent.trim() !== '…', null, { timeout: 240_000 });
      const n = async (id) => Number(await page.textContent(`[data-testid="${id}"]`));
      const [pca, linear, ae, angle] = [await n('pca-mse-pca'), await n('pca-mse-linear'), await n('pca-mse-ae'), await n('subspace-max-angle')];
      assert.ok(angle >= 0 && angle < 1, `largest principal angle ${angle}°`);
      assert.ok(Math.abs(linear - pca) < 0.05 * pca, `linear AE ${linear} vs PCA ${pca}`);
      assert.ok(ae < 0.7 * pca, `the nonlinear AE (${ae}) beats PCA (${pca})`);
    });

    it('colour: test digits come out in their class\u2019s colours', async () => {
      const { page } = app;
      await page.click('[data-testid="apps-tab-colour"]');
      await page.waitForSelector('[data-testid="colour-quality"]:not(:empty)', { timeout: 120_000 });
      // The query was the drawing (no class, so no true colouring); test digit 3 has one.
      assert.equal(await page.$eval('[data-testid="colour-truth"]', (c) => c.getContext('2d').getImageData(0, 0, 28, 28).data.some((v, i) => i % 4 !== 3 && v > 0)), false);
      await page.evaluate(() => { location.hash = '#/apps/colour?d=3'; });
      await page.waitForFunction(() => document.querySelector('[data-testid="colour-truth"]').getContext('2d').getImageData(0, 0, 28, 28).data.some((v, i) => i % 4 !== 3 && v > 0));
      await page.waitForTimeout(1500);
      const r = correlation(await rgbOf(page, 'colour-output'), await rgbOf(page, 'colour-truth'));
      assert.ok(r > 0.85, `test digit 3: output and true colouring agree (r = ${r})`);
      // The grid: 8 test digits, their colourisations (row 2) and true colourings (row 3).
      const grid = await rgbOf(page, 'colour-grid');
      const row = (k) => grid.slice(k * 28 * 224 * 3, (k + 1) * 28 * 224 * 3);
      const rg = correlation(row(1), row(2));
      assert.ok(rg > 0.85, `the grid's colourisations agree with the true colourings (r = ${rg})`);
    });

    it('an unknown tab opens the first one and says so', async () => {
      const other = await app.fresh();
      await openApp(other.page, app.url, '#/apps/nowhere');
      await other.page.waitForSelector('[data-testid="link-notice"]');
      assert.match(await other.page.textContent('[data-testid="link-notice"]'), /tab=nowhere/);
      await other.page.waitForSelector('[data-testid="apps-tab-retrieval"][aria-selected="true"]');
      await other.context.close();
    });

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });
  });
}
