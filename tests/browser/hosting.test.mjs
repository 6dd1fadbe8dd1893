// Hosting: the build works unchanged under a sub-path of a host, as a course site or a GitHub
// Pages project site serves it (relative asset URLs, hash routes, relative data and model paths);
// and when the app's code cannot load at all, the page says so in plain words instead of staying blank.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, drawStroke, waitForInk, SEVEN } from './harness.mjs';

describe('served under a sub-path', () => {
  let app;
  const requests = [];
  before(async () => {
    app = await launch('cpu', undefined, undefined, '/courses/ml/latent-lab/');
    app.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  });
  after(async () => {
    await app?.close();
  });

  it('the draw view loads, draws and reconstructs, fetching only under the sub-path', async () => {
    const { page } = app;
    assert.match(app.url, /\/courses\/ml\/latent-lab\/$/);
    await openApp(page, app.url, '#/draw');
    await drawStroke(page, SEVEN);
    await waitForInk(page, 'draw-pad');
    await waitForInk(page, 'recon-ae');
    const outside = requests.filter((p) => !p.startsWith('/courses/ml/latent-lab/'));
    assert.deepEqual(outside, [], 'every request stays under the sub-path');
    assert.ok(requests.some((p) => p.endsWith('.wasm')), 'the wasm came from the sub-path');
    assert.equal(await page.isHidden('[data-testid="boot-failure"]'), true, 'no start-up failure shown');
    assert.deepEqual(app.problems, []);
  });

  for (const [what, pattern] of [['the WebAssembly module', '**/*.wasm'], ['the script', '**/latent-lab-*.js']]) {
    it(`when ${what} cannot load, the page says so instead of staying blank`, async () => {
      const { page, context } = await app.fresh();
      await page.route(pattern, (route) => route.abort());
      await page.goto(`${app.url}#/draw`);
      await page.waitForSelector('[data-testid="boot-failure"]:not([hidden])', { timeout: 60_000 });
      assert.match(await page.textContent('[data-testid="boot-failure"]'), /could not start[\s\S]*nu a putut porni/);
      assert.equal(await page.$('#app'), null);
      await context.close();
      // The expected failures are the point of this test, not problems of the app.
      app.problems.length = 0;
    });
  }
});
