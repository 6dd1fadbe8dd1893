// Offline after the first visit (static/sw.js, registered by static/boot.js once the app is ready):
// the page says when every file is kept; with the server gone a reload still starts the app, which
// draws, reconstructs and trains. A new deployment on the same address is installed beside the
// running version, announced, and taken over in one click; a half-deployed one is never cached.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, drawStroke, waitForInk, setInput, trainProgress, SEVEN } from './harness.mjs';
import { serve } from './server.mjs';

const ALLOW = { serviceWorkers: 'allow' };
const SEAL = join(DIST, '..', 'scripts', 'seal_dist.py');

/** The version and file list the build wrote into sw.js. */
async function sealed(root) {
  const sw = await readFile(join(root, 'sw.js'), 'utf8');
  return {
    version: sw.match(/^const VERSION = '([0-9a-f]{16})'/m)[1],
    files: JSON.parse(sw.match(/^const FILES = (\[.*\]); \/\/ @files/m)[1]),
  };
}

const ready = (page) => page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
const offlineState = (page, state, timeout = 120_000) =>
  page.waitForSelector(`[data-testid="offline-status"][data-state="${state}"]`, { timeout });
// The app's caches, named `latent-lab|<the app's folder URL>|<version>` (copies of the app under other
// paths of the origin keep theirs), written here as `latent-lab-<version>` for short; any other name
// stays as it is and fails the comparisons.
const cacheNames = (page) =>
  page.evaluate(async () => {
    const scope = new URL('./', location.href).href;
    return (await caches.keys()).map((name) => name.replace(`latent-lab|${scope}|`, 'latent-lab-'));
  });

async function unreachable(url) {
  await assert.rejects(fetch(url), 'the server is gone');
}

for (const engine of ['cpu', 'webgpu']) {
  describe(`offline on the ${engine} engine`, () => {
    let app;
    const failed = [];
    before(async () => {
      app = await launch(engine, undefined, undefined, '/', ALLOW);
      app.page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    });
    after(async () => {
      await app?.close();
    });

    it('says when the whole app is kept in the browser', async () => {
      const { page } = app;
      await page.goto(app.url + '#/draw');
      await ready(page);
      await offlineState(page, 'ready');
      assert.match(await page.textContent('[data-testid="offline-status"]'), /Works offline/);
      const { version, files } = await sealed(DIST);
      assert.deepEqual(await cacheNames(page), [`latent-lab-${version}`]);
      const kept = await page.evaluate(async (version) => (await (await caches.open(`latent-lab|${new URL('./', location.href).href}|${version}`)).keys()).length, version);
      assert.equal(kept, files.length, 'every file of the build is kept');
      for (const must of ['./', 'static/mnist-test.bin', 'static/mnist-train.bin', 'static/fashion.bin', 'pretrained/vae-16.safetensors', 'static/assignments/index.json']) {
        assert.ok(files.some(([u]) => u === must), `${must} is kept`);
      }
      assert.ok(files.some(([u]) => u.endsWith('.wasm')) && files.some(([u]) => u.endsWith('.css')));
    });

    it('with the server gone, a reload starts the app, which draws and reconstructs', async () => {
      const { page } = app;
      await app.server.close();
      await unreachable(app.url);
      await page.reload();
      await ready(page);
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'recon-ae');
      await waitForInk(page, 'recon-vae');
      // Another tab, opened on another view, is served the app too.
      const other = await app.context.newPage();
      await other.goto(app.url + '#/apps/anomaly');
      await ready(other);
      await other.waitForSelector('[data-testid="apps-tab-anomaly"][aria-selected="true"]');
      await other.close();
    });

    it('trains a few steps with no network', async () => {
      const { page } = app;
      await page.click('[data-testid="nav-train"]');
      await setInput(page, 'train-hidden', '64');
      await setInput(page, 'train-latent', 8);
      await setInput(page, 'train-batch', 32);
      await page.click('[data-testid="train-start"]');
      const steps = engine === 'webgpu' ? 3 : 20;
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= n, steps, { timeout: 180_000 });
      await page.click('[data-testid="train-pause"]');
      const p = await trainProgress(page);
      assert.ok(p.step >= steps && p.loss > 0, JSON.stringify(p));
    });

    it('no request failed and nothing logged an error', () => {
      assert.deepEqual(failed, []);
      assert.deepEqual(app.problems, []);
    });
  });
}

describe('a new deployment on the same address', () => {
  let app, server, temp;
  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'latent-lab-deploy-'));
  });
  after(async () => {
    await server?.close();
    await app?.close();
    await rm(temp, { recursive: true, force: true });
  });

  /** A copy of the build with one file changed (by `name`'s length), sealed again as the build does. */
  async function deployment(name, seal) {
    const root = join(temp, name);
    await cp(DIST, root, { recursive: true });
    await appendFile(join(root, 'static', 'assignments', 'index.json'), `\n`.repeat(name.length));
    if (seal) execFileSync('python3', [SEAL, root]);
    return root;
  }

  it('is announced, and one click switches the page to it', async () => {
    app = await launch('cpu', undefined, undefined, '/', ALLOW);
    const { page } = app;
    await page.goto(app.url + '#/hw');
    await ready(page);
    await offlineState(page, 'ready');
    const a = await sealed(DIST);
    const next = await deployment('next', true);
    const b = await sealed(next);
    assert.notEqual(a.version, b.version, 'a changed file is a new version');
    // The same origin (same port) now serves the new build.
    await app.server.close();
    server = await serve(next, '/', app.server.port);
    await page.reload();
    await ready(page);
    await offlineState(page, 'update');
    assert.match(await page.textContent('[data-testid="offline-status"]'), /new version is ready/);
    // Meanwhile the page runs on the version it started with, files included.
    const indexNow = () => page.evaluate(async () => (await fetch('static/assignments/index.json')).text());
    assert.equal(await indexNow(), await readFile(join(DIST, 'static', 'assignments', 'index.json'), 'utf8'));
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('[data-testid="offline-reload"]')]);
    await ready(page);
    await offlineState(page, 'ready');
    assert.deepEqual(await cacheNames(page), [`latent-lab-${b.version}`], 'the old version is gone');
    assert.equal(await indexNow(), await readFile(join(next, 'static', 'assignments', 'index.json'), 'utf8'));
    assert.equal(await page.getAttribute('#app', 'data-view'), 'hw', 'the same view after the switch');
  });

  it('a half-deployed server (a file that does not match the new version) is not installed', async () => {
    const { page } = app;
    const b = (await sealed(join(temp, 'next'))).version;
    // Sealed for one content, then a file changes: what a copy interrupted half way serves.
    const half = await deployment('half-deployed', true);
    await appendFile(join(half, 'pretrained', 'ae-16.json'), ' ');
    await server.close();
    server = await serve(half, '/', app.server.port);
    const installs = page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.getRegistration('./').then((r) => {
        r.addEventListener('updatefound', () => {
          const w = r.installing;
          w.addEventListener('statechange', () => { if (w.state === 'redundant' || w.state === 'installed') resolve(w.state); });
        });
        r.update().catch(() => resolve('update failed'));
        setTimeout(() => resolve('no update found'), 60_000);
      });
    }));
    assert.equal(await installs, 'redundant', 'the install fails as a whole');
    assert.deepEqual(await cacheNames(page), [`latent-lab-${b}`], 'nothing of it is kept');
    assert.equal(await page.getAttribute('[data-testid="offline-status"]', 'data-state'), 'ready');
    assert.deepEqual(app.problems, []);
  });
});
