// The applications lab on both engines: its own URL per tab, and each tab's numbers computed in
// the browser from the models in use.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, openApp } from './harness.mjs';

const SPACES = ['pca', 'ae', 'vae'];

for (const engine of ENGINES) {
  describe(`applications lab on the ${engine} engine`, () => {
    let app;
    before(async () => {
      app = await launch(engine);
      await openApp(app.page, app.url, '#/draw');
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

    it('an unknown tab opens the first one and says so', async () => {
      const other = await app.fresh();
      await openApp(other.page, app.url, '#/apps/nowhere');
      await other.page.waitForSelector('[data-testid="link-notice"]');
      assert.match(await other.page.textContent('[data-testid="link-notice"]'), /tab=nowhere/);
      await other.page.waitForSelector('[data-testid="apps-tab-reduce"][aria-selected="true"]');
      await other.context.close();
    });

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });
  });
}
