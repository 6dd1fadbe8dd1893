// The training form shows the session's configuration, whatever changed it: an import while the
// view is open, a reload, or a visit to another view. (CPU engine: the form does not depend on it.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, setInput, trainProgress, scratchPath } from './harness.mjs';

const value = (page, id) => page.inputValue(`[data-testid="${id}"]`);

describe('training form', () => {
  let app;
  before(async () => {
    app = await launch('cpu');
    await openApp(app.page, app.url, '#/train');
  });
  after(async () => {
    await app?.close();
  });

  it('shows the imported model\u2019s settings when a model is imported while the view is open', async () => {
    const { page } = app;
    // A small VAE with β = 3, trained one step and exported.
    await page.selectOption('[data-testid="train-kind"]', 'vae');
    await setInput(page, 'train-beta', 3);
    await setInput(page, 'train-hidden', '32');
    await setInput(page, 'train-latent', 3);
    await page.selectOption('[data-testid="train-activation"]', 'sigmoid');
    await page.click('[data-testid="train-step"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').dataset.step === '1', null, { timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="model-export"]')]);
    const file = scratchPath('latent-lab-form.llmodel');
    await download.saveAs(file);

    // Other settings on screen, then the import.
    await page.selectOption('[data-testid="train-kind"]', 'denoising');
    await setInput(page, 'train-sigma', 0.2);
    await setInput(page, 'train-hidden', '128, 64');
    await setInput(page, 'train-latent', 20);
    await page.selectOption('[data-testid="train-activation"]', 'tanh');
    await page.setInputFiles('[data-testid="model-import"]', file);
    await page.waitForFunction(() => document.querySelector('[data-testid="train-kind"]').value === 'vae', null, { timeout: 60_000 });
    assert.equal(await value(page, 'train-beta'), '3');
    assert.equal(await value(page, 'train-hidden'), '32');
    assert.equal(await value(page, 'train-latent'), '3');
    assert.equal(await value(page, 'train-activation'), 'sigmoid');
    assert.equal((await trainProgress(page)).step, 1);
  });

  it('keeps tanh in the activation menu across a reload', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="train-kind"]', 'ae');
    await page.selectOption('[data-testid="train-activation"]', 'tanh');
    await page.reload();
    await openApp(page, app.url, '#/train');
    // Give a model restored from the browser time to arrive: the settings on screen at the
    // reload must still win over its own.
    await page.waitForTimeout(1000);
    assert.equal(await value(page, 'train-activation'), 'tanh');
    assert.equal(await value(page, 'train-kind'), 'ae');
  });

  it('shows the engine the student chose after visiting another view', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="train-engine"]', 'cpu');
    await page.click('[data-testid="nav-draw"]');
    await page.waitForSelector('#app[data-view="draw"]');
    await page.click('[data-testid="nav-train"]');
    await page.waitForSelector('[data-testid="train-engine"]');
    assert.equal(await value(page, 'train-engine'), 'cpu');
  });

  it('says what is wrong with a value it cannot accept, and keeps the setting', async () => {
    const { page } = app;
    await setInput(page, 'train-latent', 5000);
    await page.waitForSelector('[data-testid="train-latent-error"]');
    assert.match(await page.textContent('[data-testid="train-latent-error"]'), /from 1 to 1024/);
    await setInput(page, 'train-latent', 4);
    await page.waitForSelector('[data-testid="train-latent-error"]', { state: 'detached' });
  });

  it('logged no console errors', () => {
    assert.deepEqual(app.problems, []);
  });
});
