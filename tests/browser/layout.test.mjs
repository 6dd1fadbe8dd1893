// Every view at a phone's, a tablet's and a projector's size (and on a phone in Romanian): nothing scrolls sideways, the noise
// lab's row labels stay beside their rows, and axe-core finds no serious or critical
// accessibility problem. `LATENT_LAB_SCREENSHOTS=dir` also saves a screenshot of each.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openApp, seriousViolations, sidewaysScroll, drawStroke, SEVEN } from './harness.mjs';

const SIZES = [
  ['phone', { width: 390, height: 844 }, 'en'],
  ['tablet', { width: 820, height: 1180 }, 'en'],
  ['projector', { width: 1920, height: 1080 }, 'en'],
  // Romanian sentences run longer: the narrowest screen must still fit them.
  ['phone-ro', { width: 390, height: 844 }, 'ro'],
];
// What each view shows once it has settled.
const READY = {
  draw: '[data-testid="error-scale-ae"][data-share]:not([data-share=""])',
  noise: '[data-testid="batch-progress"]',
  latent: '[data-testid="sample-grid-vae"][height="224"]',
  train: '[data-testid="loss-chart-empty"]',
  apps: '[data-testid="retrieval-results-ae"] [data-label]',
  gan: '[data-testid="gan-toy-plot"]',
};
// The applications lab's other tabs, once settled.
const APP_TABS = {
  anomaly: '[data-testid="anomaly-verdict"][data-verdict]',
  clustering: '[data-testid="kmeans-centres-vae"][width="280"]',
  pca: '[data-testid="subspace-max-angle"]:not(:empty)',
  colour: '[data-testid="colour-quality"]:not(:empty)',
  reduce: '[data-testid="reduce-map-vae"]',
};
const shots = process.env.LATENT_LAB_SCREENSHOTS;

for (const [name, viewport, lang] of SIZES) {
  describe(`every view on a ${name} (${viewport.width}×${viewport.height})`, () => {
    let app;
    before(async () => {
      app = await launch('cpu', viewport);
      await openApp(app.page, app.url, `#/draw?lang=${lang}`);
      await drawStroke(app.page, SEVEN);
    });
    after(async () => {
      await app?.close();
    });

    for (const view of Object.keys(READY)) {
      it(`${view}: fits the width and passes the accessibility audit`, async () => {
        const { page } = app;
        await page.click(`[data-testid="nav-${view}"]`);
        await page.waitForSelector(`#app[data-view="${view}"]`);
        await page.waitForSelector(READY[view], { timeout: 120_000 });
        await page.waitForTimeout(500);
        assert.equal(await sidewaysScroll(page), 0, 'no horizontal scrolling');
        assert.deepEqual(await seriousViolations(page), []);
        if (shots) await page.screenshot({ path: join(shots, `${view}-${name}.png`) });
      });
    }

    it('gan: the digits and comparison tabs fit the width and pass the accessibility audit', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-gan"]');
      for (const [tab, ready] of [['digits', '[data-testid="gan-digits-grid-empty"]'], ['compare', '[data-testid="gan-compare-gan"][height="224"]']]) {
        await page.click(`[data-testid="gan-tab-${tab}"]`);
        await page.waitForSelector(ready, { timeout: 120_000 });
        await page.waitForTimeout(300);
        assert.equal(await sidewaysScroll(page), 0, `no horizontal scrolling in #/gan/${tab}`);
        assert.deepEqual(await seriousViolations(page), []);
        if (shots) await page.screenshot({ path: join(shots, `gan-${tab}-${name}.png`) });
      }
    });

    it('homework and the teacher\'s page fit the width and pass the accessibility audit', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-hw"]');
      await page.click('[data-testid="hw-bundled-ae-sizes"]');
      await page.waitForSelector('[data-testid="hw-task-4"]');
      await page.waitForTimeout(300);
      assert.equal(await sidewaysScroll(page), 0, 'no horizontal scrolling in #/hw');
      assert.deepEqual(await seriousViolations(page), []);
      if (shots) await page.screenshot({ path: join(shots, `hw-${name}.png`) });
      await page.click('[data-testid="hw-to-verify"]');
      await page.waitForSelector('[data-testid="verify-reports"]');
      assert.equal(await sidewaysScroll(page), 0, 'no horizontal scrolling in #/verify');
      assert.deepEqual(await seriousViolations(page), []);
    });

    it('apps: every tab fits the width and passes the accessibility audit', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-apps"]');
      for (const [tab, ready] of Object.entries(APP_TABS)) {
        await page.click(`[data-testid="apps-tab-${tab}"]`);
        await page.waitForSelector(ready, { timeout: 120_000 });
        await page.waitForTimeout(300);
        assert.equal(await sidewaysScroll(page), 0, `${tab}: no horizontal scrolling`);
        assert.deepEqual(await seriousViolations(page), [], tab);
        if (shots) await page.screenshot({ path: join(shots, `apps-${tab}-${name}.png`) });
      }
    });

    it('noise: each row label stands beside its row of the mosaic', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-noise"]');
      await page.waitForSelector('[data-testid="batch-mosaic"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="batch-mosaic"]').height === 6 * 28, null, { timeout: 60_000 });
      const boxes = await page.evaluate(() => {
        const m = document.querySelector('[data-testid="batch-mosaic"]').getBoundingClientRect();
        const labels = [...document.querySelectorAll('.row-labels li')].map((li) => li.getBoundingClientRect());
        return { top: m.top, height: m.height, right: m.left, labels: labels.map((l) => ({ mid: l.top + l.height / 2, right: l.right })) };
      });
      assert.equal(boxes.labels.length, 6);
      boxes.labels.forEach((l, k) => {
        const row = [boxes.top + (k * boxes.height) / 6, boxes.top + ((k + 1) * boxes.height) / 6];
        assert.ok(l.mid >= row[0] && l.mid <= row[1], `label ${k} (centre ${l.mid}) within its row ${row}`);
        assert.ok(l.right <= boxes.right + 1, `label ${k} left of the mosaic`);
      });
    });

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });
  });
}
