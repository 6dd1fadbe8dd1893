// Links that reproduce a state: a drawing with noise and a mask, opened in a fresh browser
// context (no storage: another machine as far as the app knows), gives the same corrupted input
// and the same reconstructions, pixel for pixel on the CPU engine; back and forward walk through
// released changes; a link with garbage opens anyway, says what it ignored and logs no error; a
// link never replaces the student's saved drawing without asking.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, drawStroke, waitForInk, readCanvas, setRange, same, SEVEN } from './harness.mjs';

const OUTPUTS = ['corrupted-input', 'recon-ae', 'recon-dae', 'recon-inpaint', 'recon-vae'];

/** The noise view's images once its outputs are up to date. */
async function noiseImages(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="err-clean-ae"]')?.textContent.trim() !== '—', null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const out = {};
  for (const id of OUTPUTS) out[id] = await readCanvas(page, id);
  return out;
}

const sliderValue = (page, id) => page.$eval(`[data-testid="${id}"]`, (el) => Number(el.value));

// The same round trip with WebGPU offered: live outputs still agree to the grey level.
describe('links with WebGPU (SwiftShader)', () => {
  let app;
  before(async () => {
    app = await launch('webgpu');
  });
  after(async () => {
    await app?.close();
  });

  it('a test digit with noise opens with the same images in a fresh browser', async () => {
    const { page } = app;
    await openApp(page, app.url, '#/noise?d=11&sigma=0.35&sp=0.02&seed=5');
    const sent = await noiseImages(page);
    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="share-url"]');
    const link = await page.inputValue('[data-testid="share-url"]');
    assert.match(link, /[?&]d=11(&|$)/);
    const other = await app.fresh();
    await openApp(other.page, link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#')));
    const received = await noiseImages(other.page);
    for (const id of OUTPUTS) assert.ok(same(received[id], sent[id]), `${id} agrees`);
    await other.context.close();
    assert.deepEqual(app.problems, []);
  });
});

describe('links on the CPU engine', () => {
  let app;
  before(async () => {
    app = await launch('cpu');
  });
  after(async () => {
    await app?.close();
  });

  it('a drawing with noise and a mask opens identically in a fresh browser', async () => {
    const { page } = app;
    await openApp(page, app.url, '#/draw');
    await drawStroke(page, SEVEN);
    await waitForInk(page, 'draw-pad');
    await page.click('[data-testid="nav-noise"]');
    await page.waitForSelector('#app[data-view="noise"]');
    for (const event of ['input', 'change']) {
      await setRange(page, 'noise-sigma', 0.4, event);
      await setRange(page, 'salt-pepper', 0.05, event);
    }
    await page.click('[data-testid="mask-patches"]');
    const sent = await noiseImages(page);

    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="share-url"]');
    const link = await page.inputValue('[data-testid="share-url"]');
    assert.match(link, /#\/noise\?/);
    assert.match(link, /[?&]d=p/, 'the drawing travels in the link');
    assert.match(link, /[?&]mask=/);
    assert.ok(link.length < 1500, `short enough for a chat (${link.length} characters)`);
    console.log(`link with a drawing, noise and a mask: ${link.length} characters`);

    const other = await app.fresh();
    await openApp(other.page, link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#')));
    const received = await noiseImages(other.page);
    for (const id of OUTPUTS) assert.deepEqual(received[id], sent[id], `${id} is the same pixel for pixel`);
    assert.equal(await sliderValue(other.page, 'noise-sigma'), 0.4);
    await other.context.close();
    assert.deepEqual(app.problems, []);
  });

  it('back and forward walk through released changes, not every slider tick', async () => {
    const { page } = app;
    await setRange(page, 'noise-sigma', 0.1, 'input');
    await setRange(page, 'noise-sigma', 0.15, 'input');
    await setRange(page, 'noise-sigma', 0.2, 'input');
    await setRange(page, 'noise-sigma', 0.2, 'change');
    await page.waitForFunction(() => location.hash.includes('sigma=0.2'));
    await setRange(page, 'noise-sigma', 0.6, 'input');
    await setRange(page, 'noise-sigma', 0.6, 'change');
    await page.waitForFunction(() => location.hash.includes('sigma=0.6'));
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('sigma=0.2'));
    await page.waitForFunction(() => document.querySelector('[data-testid="noise-sigma"]').value === '0.2');
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('sigma=0.4'), null, { timeout: 5_000 });
    await page.goForward();
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('[data-testid="noise-sigma"]').value === '0.6');
    assert.deepEqual(app.problems, []);
  });

  it('a link with garbage opens anyway, says what it ignored in one line, and logs no error', async () => {
    const other = await app.fresh();
    const hash = '#/noise?sigma=abc&sp=9&seed=-4&mask=zzz&d=seven&foo=bar&lang=xx';
    await openApp(other.page, app.url, hash);
    await other.page.waitForSelector('[data-testid="link-notice"]');
    const notice = await other.page.textContent('[data-testid="link-notice"]');
    for (const key of ['sigma', 'sp', 'mask', 'd', 'foo', 'lang']) assert.match(notice, new RegExp(`\\b${key}=`), `${key} is mentioned`);
    assert.equal(await other.page.locator('[data-testid="link-notice"]').count(), 1);
    await noiseImages(other.page);
    assert.equal(await sliderValue(other.page, 'salt-pepper'), 0.5, 'an out-of-range rate is clamped');
    await other.page.waitForFunction(() => !location.hash.includes('foo='));
    assert.deepEqual(app.problems, [], 'no console error');
    await other.context.close();
  });

  it('a link to a view that does not exist opens the draw view and says so', async () => {
    const other = await app.fresh();
    await openApp(other.page, app.url, '#/nowhere?x=1');
    await other.page.waitForSelector('#app[data-view="draw"]');
    await other.page.waitForSelector('[data-testid="link-notice"]');
    assert.match(await other.page.textContent('[data-testid="link-notice"]'), /view=nowhere/);
    await other.page.waitForFunction(() => location.hash.startsWith('#/draw'));
    await other.context.close();
    assert.deepEqual(app.problems, []);
  });

  it('a link never replaces the saved drawing without asking', async () => {
    const other = await app.fresh();
    await openApp(other.page, app.url, '#/draw');
    await drawStroke(other.page, SEVEN);
    await waitForInk(other.page, 'draw-pad');
    const saved = () => other.page.evaluate(() => localStorage.getItem('latent-lab.sketch.v1'));
    const mine = await saved();
    assert.match(mine, /strokes":\[\[/);
    await other.page.goto(`${app.url}#/draw?d=3`);
    await other.page.reload();
    await other.page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
    await other.page.waitForSelector('[data-testid="link-digit-offer"]');
    await other.page.waitForTimeout(300);
    assert.equal(await saved(), mine, 'the saved drawing is untouched');
    await waitForInk(other.page, 'draw-pad');
    await other.page.click('[data-testid="link-digit-keep"]');
    await other.page.waitForFunction(() => !location.hash.includes('d=3') && location.hash.includes('d=p'));
    assert.equal(await saved(), mine);
    // Asked again, the student takes the link's digit.
    await other.page.goto(`${app.url}#/draw?d=3`);
    await other.page.waitForSelector('[data-testid="link-digit-offer"]');
    await other.page.click('[data-testid="link-digit-accept"]');
    await other.page.waitForFunction(() => /Test digit #3\b/.test(document.querySelector('[data-testid="pad-caption"]').textContent));
    await other.context.close();
    assert.deepEqual(app.problems, []);
  });
});

describe('links of the latent space and the training lab (CPU)', () => {
  let app;
  before(async () => {
    app = await launch('cpu');
  });
  after(async () => {
    await app?.close();
  });

  /** The latent view's images once the interpolation and the attribute have been decoded. */
  async function latentImages(page) {
    await page.waitForFunction(() => !document.body.textContent.includes('Encoding the 2,000 test digits'), null, { timeout: 120_000 });
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="interp-strip-ae"]');
      return c && c.width > 28;
    }, null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const out = {};
    for (const id of ['interp-ae', 'interp-vae', 'interp-strip-ae', 'interp-strip-vae', 'attr-current', 'sample-grid-vae']) out[id] = await readCanvas(page, id);
    return out;
  }

  it('a latent link reproduces the endpoints, the slider, the attribute and α', async () => {
    const { page } = app;
    await openApp(page, app.url, '#/latent?dim=16&a=t3&b=t8&n=10&t=0.3&attr=slant&alpha=1.5&gs=42');
    assert.equal(await page.inputValue('[data-testid="interp-n"]').catch(() => page.$eval('[data-testid="interp-n"]', (e) => e.value)), '10');
    assert.equal(await page.$eval('[data-testid="attr-slider"]', (e) => Number(e.value)), 1.5);
    const sent = await latentImages(page);
    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="share-url"]');
    const link = await page.inputValue('[data-testid="share-url"]');
    for (const part of ['a=t3', 'b=t8', 'n=10', 'attr=slant', 'alpha=1.5', 'gs=42']) assert.ok(link.includes(part), `${part} in ${link}`);
    const other = await app.fresh();
    await openApp(other.page, link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#')));
    const received = await latentImages(other.page);
    for (const id of Object.keys(sent)) assert.deepEqual(received[id], sent[id], `${id} is the same pixel for pixel`);
    await other.context.close();
    assert.deepEqual(app.problems, []);
  });

  it('a training link fills the form, and asks before replacing saved settings', async () => {
    const other = await app.fresh();
    const hash = '#/train?kind=sparse_l1&lambda=0.002&hidden=128&latent=64&act=tanh&lr=0.001&batch=32&epochs=2&seed=7';
    await openApp(other.page, app.url, hash);
    await other.page.waitForSelector('[data-testid="train-kind"]');
    const value = (id) => other.page.$eval(`[data-testid="${id}"]`, (e) => e.value);
    assert.equal(await value('train-kind'), 'sparse_l1');
    assert.equal(await value('train-latent'), '64');
    assert.equal(await value('train-hidden'), '128');
    assert.equal(await value('train-seed'), '7');
    assert.equal(await other.page.locator('[data-testid="link-config-offer"]').count(), 0, 'nothing to ask in a fresh browser');
    // The student's own settings are now these; another link, opened in a new tab, asks first.
    const tab = await other.context.newPage();
    await openApp(tab, app.url, '#/train?kind=vae&beta=4&latent=2&seed=9');
    await tab.waitForSelector('[data-testid="link-config-offer"]');
    const field = (id) => tab.$eval(`[data-testid="${id}"]`, (e) => e.value);
    assert.equal(await field('train-kind'), 'sparse_l1', 'the saved settings stay until the student chooses');
    await tab.click('[data-testid="link-config-accept"]');
    await tab.waitForFunction(() => document.querySelector('[data-testid="train-kind"]').value === 'vae');
    assert.equal(await field('train-latent'), '2');
    await other.context.close();
    assert.deepEqual(app.problems, []);
  });
});
