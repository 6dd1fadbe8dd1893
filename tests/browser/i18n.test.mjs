// Romanian and English: the browser's language picks Romanian, a link's `lang` wins over it, the
// switch changes every word at once (keeping the drawing and a running training) and is
// remembered; walked through every view in Romanian, no English sentence is left, and every view
// shows its formulas as MathML.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, drawStroke, waitForInk, trainProgress, SEVEN } from './harness.mjs';
import { englishSentences } from './ftl.mjs';

const VIEWS = ['draw', 'noise', 'latent', 'train', 'apps'];
const GAN_TABS = ['toy', 'digits', 'compare'];
const APP_TABS = ['retrieval', 'anomaly', 'clustering', 'pca', 'colour', 'reduce'];
const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Everything a student can read on the page: text, and the labels screen readers announce. */
const readable = (page) => page.evaluate(() => {
  const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
    .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a)).filter(Boolean));
  // Formulas are maths, not words: their aria-labels are the formula's own notation.
  const text = [...document.body.querySelectorAll('*')]
    .filter((el) => el.closest('math') === null && el.children.length === 0)
    .map((el) => el.textContent);
  return [document.body.innerText, ...attrs.filter((a) => !/^[^a-z]*[=<≥]/.test(a)), ...text].join('\n');
});

/** Waits until the view has done its start-up work (maps encoded, first outputs shown). */
async function settle(page, view) {
  await page.waitForSelector(`#app[data-view="${view}"]`);
  await page.waitForSelector('[data-testid="formula"] math', { timeout: 120_000 });
  await page.waitForTimeout(1500);
}

// Common English words that are not Romanian words ('are' is: "has").
// Letters, not \b (ASCII-only): 'în' must not read as 'n' next to a boundary.
const ENGLISH_WORDS = /(?<!\p{L})(the|and|with|your|from|this|that|is|of|to|for|on|in)(?!\p{L})/iu;

describe('two languages', () => {
  let app;
  before(async () => {
    app = await launch('cpu', { width: 1280, height: 900 }, 'ro-RO');
  });
  after(async () => {
    await app?.close();
  });

  it('a Romanian browser opens in Romanian, and <html lang> follows', async () => {
    await openApp(app.page, app.url, '#/draw');
    assert.equal(await app.page.getAttribute('html', 'lang'), 'ro');
    assert.equal((await app.page.textContent('[data-testid="nav-draw"]')).trim(), 'Desenează și reconstruiește');
    assert.match(app.page.url(), /lang=ro/);
  });

  it('every view in Romanian: no English sentence left, formulas as MathML with decimal commas', async () => {
    const sentences = englishSentences();
    assert.ok(sentences.length > 100, `English sentences known: ${sentences.length}`);
    // Every view, and every tab of the applications lab and the GAN lab.
    const stops = [...VIEWS.map((v) => [v, `nav-${v}`]), ...APP_TABS.map((t) => ['apps', `apps-tab-${t}`]),
      ['gan', 'nav-gan'], ...GAN_TABS.map((t) => ['gan', `gan-tab-${t}`])];
    for (const [view, link] of stops) {
      await app.page.click(`[data-testid="${link}"]`);
      await settle(app.page, view);
      const text = await readable(app.page);
      const left = sentences.filter((s) => text.includes(s));
      assert.deepEqual(left, [], `English in #/${view}`);
      const lines = text.split('\n').filter((l) => ENGLISH_WORDS.test(l) && !/Latent Lab|MNIST|SwiftShader|llmodel/.test(l));
      assert.deepEqual(lines, [], `English words in #/${view}`);
      const maths = await app.page.$$eval('[data-testid="formula"] math', (ms) =>
        ms.map((m) => ({ ns: m.namespaceURI, width: m.getBoundingClientRect().width, numbers: [...m.querySelectorAll('mn')].map((n) => n.textContent) })));
      assert.ok(maths.length >= 1, `#/${view} shows formulas`);
      for (const m of maths) {
        assert.equal(m.ns, MATHML);
        assert.ok(m.width > 0, `a formula in #/${view} is rendered`);
        assert.ok(m.numbers.every((n) => !/\d\.\d/.test(n)), `Romanian decimals in #/${view}: ${m.numbers}`);
      }
    }
    assert.deepEqual(app.problems, []);
  });

  it('the homework pages in Romanian: the assignment in its Romanian text, no English sentence left', async () => {
    const { page } = app;
    const sentences = englishSentences();
    await page.click('[data-testid="nav-hw"]');
    await page.click('[data-testid="hw-bundled-vae"]');
    await page.waitForSelector('[data-testid="hw-task-1"]');
    for (const view of ['hw', 'verify']) {
      if (view === 'verify') {
        await page.click('[data-testid="hw-to-verify"]');
        await page.waitForSelector('[data-testid="verify-reports"]');
      }
      const text = await readable(page);
      assert.deepEqual(sentences.filter((s) => text.includes(s)), [], `English in #/${view}`);
      const lines = text.split('\n').filter((l) => ENGLISH_WORDS.test(l) && !/Latent Lab|MNIST|SwiftShader|llmodel|CSV|HTML/.test(l));
      assert.deepEqual(lines, [], `English words in #/${view}`);
    }
    assert.deepEqual(app.problems, []);
  });

  it('the switch changes every word at once, keeps the drawing and a running training, and is remembered', async () => {
    const { page } = app;
    await page.click('[data-testid="nav-draw"]');
    await page.waitForSelector('#app[data-view="draw"]');
    await drawStroke(page, SEVEN);
    await waitForInk(page, 'draw-pad');
    const sketch = () => page.evaluate(() => localStorage.getItem('latent-lab.sketch.v1'));
    const drawing = await sketch();
    await page.click('[data-testid="nav-train"]');
    await page.waitForSelector('[data-testid="train-start"]');
    await page.click('[data-testid="train-start"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) > 2, null, { timeout: 60_000 });
    const before = await trainProgress(page);

    await page.click('[data-testid="lang-en"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent('[data-testid="nav-train"]')).trim(), 'Training lab');
    assert.match(page.url(), /lang=en/);
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) > s + 2, before.step, { timeout: 60_000 });
    assert.equal((await trainProgress(page)).state, 'training', 'the run goes on');
    await page.click('[data-testid="train-pause"]');

    await page.click('[data-testid="nav-draw"]');
    await page.waitForSelector('#app[data-view="draw"]');
    assert.equal(await sketch(), drawing, 'the drawing is kept');
    await waitForInk(page, 'draw-pad');

    // The choice outlives a reload in a Romanian browser; a link's language wins over it.
    await page.goto(`${app.url}#/draw`);
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // A link followed inside the app, then opened afresh.
    await page.goto(`${app.url}#/noise?lang=ro`);
    await page.waitForFunction(() => document.documentElement.lang === 'ro');
    assert.equal((await page.textContent('[data-testid="nav-noise"]')).trim(), 'Zgomot și ocluziune');
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'ro');
    assert.deepEqual(app.problems, []);
  });
});
