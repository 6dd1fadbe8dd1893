// No input breaks the app: a huge file is refused at once; a browser that will not store data (a
// private window, a full quota) or a damaged stored model leaves training and start-up working,
// with a clear message; a reload in the middle of training restores the last save; two tabs never
// mix their saves; a lost WebGPU device (during training, an evaluation, or start-up) ends on the
// CPU engine with a message.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, rm, readFile } from 'node:fs/promises';
import { launch, openApp, waitForInk, setInput, trainProgress as progress, setRange, scratchPath } from './harness.mjs';

/**
 * A small, quick configuration for the lab (kept by the app in localStorage), with epochs to spare:
 * no run may end before a test pauses it (a click can land hundreds of steps after the step waited for).
 */
async function smallConfig(page, epochs = 20) {
  await setInput(page, 'train-hidden', '64');
  await setInput(page, 'train-latent', 8);
  await setInput(page, 'train-batch', 32);
  await setInput(page, 'train-epochs', epochs);
  await setInput(page, 'train-lr', 0.003);
}

const waitStep = (page, n, timeout = 120_000) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= n, n, { timeout });
const waitState = (page, state, timeout = 60_000) =>
  page.waitForFunction((s) => document.querySelector('[data-testid="train-progress"]').dataset.state === s, state, { timeout });
const waitText = (page, testid, pattern, timeout = 60_000) =>
  page.waitForFunction(([id, src]) => new RegExp(src, 's').test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), [testid, pattern.source], { timeout });

/** Trains `steps` steps or more, then pauses (which saves the model). */
async function trainAndPause(page, steps) {
  await page.click('[data-testid="train-start"]');
  await waitStep(page, steps);
  await page.click('[data-testid="train-pause"]');
  await waitState(page, 'paused');
}

/** The last save another tab would hear of: { step, at, tab }, or null. */
const saveStamp = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('latent-lab.trained-saved.v1')));

/** The keys of the app's IndexedDB store. */
const storedKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('latent-lab', 1);
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const keys = req.result.transaction('models').objectStore('models').getAllKeys();
    keys.onsuccess = () => resolve(keys.result);
    keys.onerror = () => reject(keys.error);
  };
}));

/** Only the console errors Burn's wgpu runtime writes when the device is lost may appear. */
const unexpected = (problems) => problems.filter((p) => !p.includes('the wgpu device was lost'));

describe('huge files', () => {
  let app;
  const huge = scratchPath('latent-lab-huge.llmodel');
  const hugeJson = scratchPath('latent-lab-huge.json');
  before(async () => {
    // 200 MB, sparse: nothing is written to the disk.
    for (const path of [huge, hugeJson]) {
      const file = await open(path, 'w');
      await file.truncate(200 * 1024 * 1024);
      await file.close();
    }
    app = await launch('cpu');
    await openApp(app.page, app.url, '#/train');
  });
  after(async () => {
    await app?.close();
    await rm(huge, { force: true });
    await rm(hugeJson, { force: true });
  });

  it('the lab refuses a 200 MB model file at once, saying the size and the limit, and keeps the model', async () => {
    const { page } = app;
    await smallConfig(page);
    await page.click('[data-testid="train-step"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '1', null, { timeout: 60_000 });
    const before = await progress(page);
    const started = Date.now();
    await page.setInputFiles('[data-testid="model-import"]', huge);
    await waitText(page, 'train-error', /200\.0 MB.*50\.0 MB/, 3_000);
    const ms = Date.now() - started;
    assert.ok(ms < 3_000, `refused in ${ms} ms`);
    assert.match(await page.textContent('[data-testid="train-error"]'), /Import failed: .*more than the 50\.0 MB.*Your current model is unchanged/);
    assert.deepEqual(await progress(page), before);
    // The page still answers.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
  });

  it('the verify page and the homework page refuse it too', async () => {
    const { page } = app;
    await page.goto(app.url + '#/verify');
    await page.waitForSelector('[data-testid="verify-assignment"]', { state: 'attached' });
    await page.setInputFiles('[data-testid="verify-assignment"]', huge);
    await waitText(page, 'verify-error', /\.llmodel is 200\.0 MB.*50\.0 MB/, 3_000);
    await page.setInputFiles('[data-testid="verify-rubric"]', hugeJson);
    await waitText(page, 'verify-error', /\.json is 200\.0 MB.*50\.0 MB/, 3_000);
    await page.setInputFiles('[data-testid="verify-reports"]', huge);
    await page.waitForFunction(() => /200\.0 MB.*64\.0 MB/.test(document.body.textContent), null, { timeout: 3_000 });
    await page.goto(app.url + '#/hw');
    await page.waitForSelector('[data-testid="hw-open"]', { state: 'attached' });
    await page.setInputFiles('[data-testid="hw-open"]', huge);
    await waitText(page, 'hw-error', /200\.0 MB.*50\.0 MB/, 3_000);
    assert.deepEqual(app.problems, []);
  });
});

describe('browser storage', () => {
  let app;
  before(async () => {
    app = await launch('cpu');
  });
  after(async () => {
    await app?.close();
  });

  it('without IndexedDB (a private window), start-up works, the model is kept in memory and exports', async () => {
    const { context, page } = await app.fresh();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await openApp(page, app.url, '#/train');
    await smallConfig(page);
    await trainAndPause(page, 10);
    await waitText(page, 'train-notice', /cannot be kept in this browser.*private window/);
    const trained = await progress(page);
    // The other views can use it.
    assert.equal(await page.isEnabled('[data-testid="use-trained"]'), true);
    // Export gives the model's bytes: importing them gives the same step back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="model-export"]')]);
    const file = scratchPath('latent-lab-private.llmodel');
    await download.saveAs(file);
    assert.equal((await readFile(file)).subarray(0, 15).toString(), 'LATENTLAB-MODEL');
    await page.click('[data-testid="train-reset"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '0');
    await page.setInputFiles('[data-testid="model-import"]', file);
    await page.waitForFunction((s) => document.querySelector('[data-testid="train-progress"]').dataset.step === String(s), trained.step, { timeout: 60_000 });
    await rm(file, { force: true });
    await context.close();
  });

  it('with a full quota, the message says so and the model stays in memory', async () => {
    const { context, page } = await app.fresh();
    await context.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openApp(page, app.url, '#/train');
    await smallConfig(page);
    await trainAndPause(page, 10);
    await waitText(page, 'train-notice', /cannot be kept in this browser.*quota/);
    assert.equal(await page.isEnabled('[data-testid="use-trained"]'), true);
    await context.close();
  });

  it('with a full quota found only when the save is written (the transaction aborts), the message says so', async () => {
    const { context, page } = await app.fresh();
    // As browsers do it: the put succeeds, then the transaction aborts with a QuotaExceededError.
    await context.addInitScript(() => {
      const full = new WeakSet();
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        const request = put.apply(this, args);
        const tx = this.transaction;
        request.addEventListener('success', () => {
          full.add(tx);
          tx.abort();
        });
        return request;
      };
      const error = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error');
      Object.defineProperty(IDBTransaction.prototype, 'error', {
        configurable: true,
        get() {
          return full.has(this) ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : error.get.call(this);
        },
      });
    });
    await openApp(page, app.url, '#/train');
    await smallConfig(page);
    await trainAndPause(page, 10);
    await waitText(page, 'train-notice', /cannot be kept in this browser.*quota/);
    assert.equal(await page.isEnabled('[data-testid="use-trained"]'), true);
    await context.close();
  });

  it('a damaged stored model is reported and set aside; the next start is clean and drawing works', async () => {
    const { context, page } = await app.fresh();
    await openApp(page, app.url, '#/train');
    await smallConfig(page);
    await trainAndPause(page, 10);
    // The pause's publish is done (it saves first, then offers the model to the other views);
    // a periodic save's stamp alone could come earlier, and the publish would then overwrite the cut.
    await page.waitForSelector('[data-testid="use-trained"]:enabled');
    // Cut the stored file short, as a crash in the middle of a write by another program could.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open('latent-lab', 1);
      req.onsuccess = () => {
        const store = req.result.transaction('models', 'readwrite').objectStore('models');
        const get = store.get('trained');
        get.onsuccess = () => {
          const put = store.put(get.result.slice(0, get.result.length - 500), 'trained');
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error);
        };
      };
      req.onerror = () => reject(req.error);
    }));
    await page.reload();
    await openApp(page, app.url, '#/train');
    await waitText(page, 'train-notice', /saved model was damaged and was set aside/);
    assert.equal((await progress(page)).step, 0);
    assert.deepEqual((await storedKeys(page)).sort(), ['trained:damaged']);
    await page.reload();
    await openApp(page, app.url, '#/draw');
    await page.click('[data-testid="random-digit"]');
    await waitForInk(page, 'recon-ae', 3);
    await page.click('[data-testid="nav-train"]');
    assert.equal(await page.locator('[data-testid="train-notice"]').count() === 0
      || !/damaged/.test(await page.textContent('[data-testid="train-notice"]')), true, 'the next start says nothing');
    await context.close();
  });

  it('a reload in the middle of training restores the last save, paused, and says its step', async () => {
    const { context, page } = await app.fresh();
    await openApp(page, app.url, '#/train');
    // Long enough to be still going at the first periodic save (5 s), however fast the engine.
    await smallConfig(page, 200);
    await page.click('[data-testid="train-start"]');
    // Past a save made while the run goes on.
    await page.waitForFunction(() => {
      const stamp = JSON.parse(localStorage.getItem('latent-lab.trained-saved.v1'));
      return stamp && stamp.step >= 20;
    }, null, { timeout: 120_000 });
    assert.equal((await progress(page)).state, 'training');
    await page.reload();
    await openApp(page, app.url, '#/train');
    await waitText(page, 'train-notice', /Restored your model.*stopped at step/);
    const message = await page.textContent('[data-testid="train-notice"]');
    const step = Number(message.match(/stopped at step ([\d,]+)/)[1].replace(/,/g, ''));
    assert.equal((await saveStamp(page)).step, step);
    assert.ok(step >= 20, `restored step ${step}`);
    await page.waitForFunction((s) => document.querySelector('[data-testid="train-progress"]').dataset.step === String(s), step);
    assert.equal((await progress(page)).state, 'paused');
    await context.close();
  });

  it('two tabs: the stored model is one whole model, and the other tab is told', async () => {
    const { context, page: a } = await app.fresh();
    await openApp(a, app.url, '#/train');
    await smallConfig(a);
    const b = await context.newPage();
    await openApp(b, app.url, '#/train');
    await trainAndPause(a, 5);
    const stepA = (await progress(a)).step;
    await trainAndPause(b, stepA + 10);
    const stepB = (await progress(b)).step;
    // The first tab hears of the second tab's last save.
    // The step as the app writes it ("1,234" in English).
    await waitText(a, 'train-notice', new RegExp(`Another tab saved its model \\(step ${stepB.toLocaleString('en-US')}\\)`));
    assert.equal((await progress(a)).step, stepA, 'the first tab keeps its own model');
    const c = await context.newPage();
    await openApp(c, app.url, '#/train');
    await waitText(c, 'train-notice', /Restored your model/);
    const restored = (await progress(c)).step;
    assert.ok([stepA, stepB].includes(restored), `restored step ${restored} is one tab's (${stepA}, ${stepB})`);
    await waitForInk(c, 'recon-grid', 100);
    await context.close();
  });

  it('logged no console errors', () => {
    assert.deepEqual(app.problems, []);
  });
});

describe('a lost WebGPU device', () => {
  let app;
  before(async () => {
    app = await launch('webgpu');
  });
  after(async () => {
    await app?.close();
  });

  /** Destroys the real device from the engine badge, as a GPU reset would. */
  async function loseDevice(page) {
    await page.click('[data-testid="backend-badge"] summary');
    await page.click('[data-testid="release-webgpu"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="backend-badge"]').dataset.backend === 'cpu', null, { timeout: 60_000 });
    assert.match(await page.textContent('[data-testid="backend-badge"]'), /switched to the CPU engine/);
  }

  it('during training: the lab goes back to its last save on the CPU, and training goes on there', async () => {
    const { context, page } = await app.fresh();
    await openApp(page, app.url, '#/train');
    assert.equal(await page.getAttribute('[data-testid="backend-badge"]', 'data-backend'), 'webgpu');
    await smallConfig(page);
    await page.click('[data-testid="train-start"]');
    await page.waitForFunction(() => localStorage.getItem('latent-lab.trained-saved.v1') !== null, null, { timeout: 180_000 });
    assert.match(await page.textContent('[data-testid="train-progress"]'), /on WebGPU/);
    await loseDevice(page);
    await waitText(page, 'train-error', /Training paused: .*back as it was at step \d+.*CPU engine/, 120_000);
    const step = Number((await page.textContent('[data-testid="train-error"]')).match(/back as it was at step ([\d,]+)/)[1].replace(/,/g, ''));
    await waitState(page, 'paused');
    assert.equal((await progress(page)).step, step);
    await page.click('[data-testid="train-start"]');
    await waitStep(page, step + 3);
    assert.match(await page.textContent('[data-testid="train-progress"]'), /on CPU/);
    await page.click('[data-testid="train-pause"]');
    await waitState(page, 'paused');
    assert.deepEqual(unexpected(app.problems), []);
    await context.close();
  });

  it('during a whole-split evaluation: it finishes on the CPU engine', async () => {
    const { context, page } = await app.fresh();
    await openApp(page, app.url, '#/noise');
    assert.equal(await page.getAttribute('[data-testid="backend-badge"]', 'data-backend'), 'webgpu');
    await setRange(page, 'noise-sigma', 0.4);
    await page.waitForFunction(() => /computing… [1-9][\d,]* of/.test(document.querySelector('[data-testid="batch-progress"]').textContent), null, { timeout: 120_000 });
    await loseDevice(page);
    await waitText(page, 'batch-progress', /2,000 digits in .* CPU/, 180_000);
    assert.deepEqual(unexpected(app.problems), []);
    await context.close();
  });

  it('during start-up: the app starts on the CPU engine and says why', async () => {
    const { context, page } = await app.fresh();
    // The device is lost as soon as the browser hands it over.
    await context.addInitScript(() => {
      const request = GPUAdapter.prototype.requestDevice;
      GPUAdapter.prototype.requestDevice = async function (...args) {
        const device = await request.apply(this, args);
        setTimeout(() => device.destroy(), 0);
        return device;
      };
    });
    await openApp(page, app.url, '#/draw');
    assert.equal(await page.getAttribute('[data-testid="backend-badge"]', 'data-backend'), 'cpu');
    assert.match(await page.textContent('[data-testid="engine-reason"]'), /WebGPU/);
    await page.click('[data-testid="random-digit"]');
    await waitForInk(page, 'recon-ae', 3);
    assert.deepEqual(unexpected(app.problems), []);
    await context.close();
  });
});
