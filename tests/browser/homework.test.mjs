// Homework end to end: a bundled assignment opened, the student's identity, the first task
// started (its settings locked, the student's own seed), trained on the CPU engine, handed in,
// an answer written, validated, the report downloaded — and verified on the teacher's page, where
// the same report with one metric edited is flagged, and a malformed assignment gets a message.
// On WebGPU, the hand-in path of a small assignment opened from a file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { launch, openApp, setInput, scratchPath } from './harness.mjs';

const progress = (page) => page.locator('[data-testid="train-progress"]');

/** Waits until the lab's run is over (finished or paused). */
async function trainingDone(page, timeout = 300_000) {
  await page.waitForFunction(
    () => ['finished', 'paused'].includes(document.querySelector('[data-testid="train-progress"]')?.dataset.state),
    null,
    { timeout },
  );
}

/** The record inside a report (the JSON block). */
function recordOf(html) {
  const m = html.match(/<script type="application\/json" id="latent-lab-report">([\s\S]*?)<\/script>/);
  assert.ok(m, 'the report carries its record');
  return JSON.parse(m[1]);
}

/** Drops reports on the teacher's page and waits for every row. */
async function verify(page, files) {
  await page.evaluate(() => { location.hash = '#/verify'; });
  await page.waitForSelector('[data-testid="verify-reports"]');
  await page.setInputFiles('[data-testid="verify-reports"]', files);
  await page.waitForSelector('[data-testid="verify-progress"][data-done="true"]', { timeout: 300_000 });
}

describe('homework on the CPU engine', () => {
  let app;
  before(async () => {
    app = await launch('cpu');
  });
  after(async () => {
    await app?.close();
  });

  it('a bundled assignment done end to end, then verified; an edited report is flagged', async () => {
    const { page } = app;
    await openApp(page, app.url, '#/draw');
    // Settings of the student's own (a task's settings must replace them without a question).
    await page.click('[data-testid="nav-train"]');
    await setInput(page, 'train-latent', '9');
    await page.click('[data-testid="nav-hw"]');
    await setInput(page, 'hw-student-name', 'Ana Pop');
    await setInput(page, 'hw-student-id', 'S123');
    await page.click('[data-testid="hw-bundled-ae-sizes"]');
    await page.waitForSelector('[data-testid="hw-task-1"]');

    // Task 1: its view opens with its settings, locked, and the student's own seed.
    await page.click('[data-testid="hw-start-1"]');
    await page.waitForSelector('[data-testid="hw-banner"]');
    await page.waitForSelector('[data-testid="train-latent"]');
    assert.match(page.url(), /#\/train\?/);
    const seed = Number(new URL(page.url().replace('#/train', '')).searchParams.get('seed'));
    assert.ok(Number.isInteger(seed) && seed >= 0, `seed in the link: ${page.url()}`);
    assert.equal(await page.inputValue('[data-testid="train-latent"]'), '4');
    assert.equal(await page.isDisabled('[data-testid="train-latent"]'), true, 'the code size is locked');
    assert.equal(await page.isDisabled('[data-testid="train-seed"]'), true, 'the seed is locked');
    assert.equal(Number(await page.inputValue('[data-testid="train-seed"]')), seed);
    await page.selectOption('[data-testid="train-engine"]', 'cpu');
    await page.click('[data-testid="train-start"]');
    await trainingDone(page);
    assert.equal(await progress(page).getAttribute('data-state'), 'finished');

    await page.click('[data-testid="hw-hand-in"]');
    await page.waitForSelector('[data-testid="hw-banner-notice"]', { timeout: 120_000 });
    await page.click('[data-testid="hw-back"]');
    await page.waitForSelector('[data-testid="hw-handed-in-1"]');
    assert.match(await page.textContent('[data-testid="hw-handed-in-1"]'), /test_mse/);

    // The work survives a reload (the assignment reopens with it).
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
    await page.waitForSelector('[data-testid="hw-handed-in-1"]');

    // A link that carries the assignment itself opens it in another browser.
    await page.click('.hw-share > summary');
    await page.click('[data-testid="hw-share"]');
    const shared = await page.inputValue('[data-testid="hw-share-url"]');
    assert.match(shared, /#\/hw\?a=z/);
    const other = await app.fresh();
    await openApp(other.page, shared.slice(0, shared.indexOf('#')), shared.slice(shared.indexOf('#')));
    await other.page.waitForSelector('[data-testid="hw-assignment"][data-id="ae-sizes"]');
    await other.context.close();

    // The written answer of task 4, then the public checks.
    const answer = Array.from({ length: 90 }, (_, i) => `cuvânt${i}`).join(' ');
    await page.fill('[data-testid="hw-answer-4"]', answer);
    await page.press('[data-testid="hw-answer-4"]', 'Tab');
    await page.click('[data-testid="hw-validate"]');
    await page.waitForSelector('[data-testid="hw-check-1-1"]');
    assert.equal(await page.getAttribute('[data-testid="hw-check-1-1"]', 'data-pass'), 'true', 'task 1 trained a whole epoch');
    assert.equal(await page.getAttribute('[data-testid="hw-check-1-2"]', 'data-pass'), 'true', 'task 1 MSE below the bar');
    assert.equal(await page.getAttribute('[data-testid="hw-check-4-1"]', 'data-pass'), 'true', 'the answer is long enough');
    assert.equal(await page.getAttribute('[data-testid="hw-check-2-1"]', 'data-pass'), 'false', 'task 2 not done');

    // An answer being typed survives closing the page (no blur needed).
    await page.type('[data-testid="hw-answer-4"]', ' ultimul');
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 240_000 });
    await page.waitForSelector('[data-testid="hw-answer-4"]');
    assert.match(await page.inputValue('[data-testid="hw-answer-4"]'), / ultimul$/);

    // The report: one standalone HTML file with its record.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="hw-report"]')]);
    const reportPath = scratchPath('report.html');
    await download.saveAs(reportPath);
    const html = await readFile(reportPath, 'utf8');
    assert.match(html, /Content-Security-Policy/);
    assert.doesNotMatch(html, /<script(?![^>]*application\/json)/, 'no script that runs');
    assert.doesNotMatch(html, /(src|href)="https?:/, 'no external resource');
    const record = recordOf(html);
    assert.equal(record.student.id, 'S123');
    assert.equal(record.tasks[0].seed, seed);
    assert.equal(record.tasks[0].engine, 'cpu');
    assert.ok(record.tasks[0].model_base64.length > 1000, 'the model is embedded');
    assert.ok(record.tasks[0].figures.length === 1, 'the figure is embedded');
    assert.ok(record.log.length >= 2, 'the run and the hand-in are logged');

    // The teacher: verified (metrics recomputed, the run retrained from its seed).
    await verify(page, [reportPath]);
    assert.equal(await page.getAttribute('[data-testid="verify-row-S123"]', 'data-status'), 'verified',
      await page.textContent('[data-testid="verify-row-S123"]'));
    assert.match(await page.textContent('[data-testid="verify-row-S123"]'), /same weights/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="verify-csv"]')]);
    const gradebook = await readFile(await csv.path(), 'utf8');
    assert.match(gradebook, /S123/);

    // The teacher's hidden checks (a rubric) add their points.
    const points = async () => (await page.textContent('[data-testid="verify-score-S123"]')).split('/').map(Number);
    const [got, max] = await points();
    const rubric = {
      format: 'latent-lab-rubric', version: 1, assignment: 'ae-sizes', assignment_hash: record.assignment.hash,
      checks: [{ task: 1, id: 'hidden-mse', metric: 'test_mse', op: '<', value: 1, points: 2, visibility: 'hidden' }],
    };
    await page.setInputFiles('[data-testid="verify-rubric"]', { name: 'rubric.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rubric)) });
    await verify(page, [reportPath]);
    assert.deepEqual(await points(), [got + 2, max + 2]);
    const [feedback] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="verify-feedback-S123"]')]);
    assert.match(await readFile(await feedback.path(), 'utf8'), /Ana Pop/);

    // The same report with one metric edited by hand.
    const claimed = record.tasks[0].metrics.test_mse;
    const edited = html.replace(`"test_mse":${claimed}`, `"test_mse":${claimed / 2}`);
    assert.notEqual(edited, html);
    const editedPath = scratchPath('edited.html');
    await writeFile(editedPath, edited);
    await verify(page, [editedPath]);
    const status = await page.getAttribute('[data-testid="verify-row-S123"]', 'data-status');
    assert.ok(['tampered', 'mismatch'].includes(status), `edited report: ${status}`);
    assert.deepEqual(app.problems, []);
  });

  it('a malformed or newer assignment gets a message and breaks nothing', async () => {
    const { page } = app;
    await page.evaluate(() => { location.hash = '#/hw'; });
    await page.waitForSelector('[data-testid="hw-open"]');
    await page.setInputFiles('[data-testid="hw-open"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "latent-lab-assignment", "version": 1, "tasks": [') });
    await page.waitForSelector('[data-testid="hw-error"]');
    const newer = JSON.parse(await readFile(new URL('../../static/assignments/ae-sizes.json', import.meta.url), 'utf8'));
    newer.version = 7;
    await page.setInputFiles('[data-testid="hw-open"]', { name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
    await page.waitForFunction(() => /newer/i.test(document.querySelector('[data-testid="hw-error"]')?.textContent ?? ''));
    assert.deepEqual(app.problems, []);
  });
});

describe('homework hand-in on WebGPU (SwiftShader)', () => {
  let app;
  before(async () => {
    app = await launch('webgpu');
  });
  after(async () => {
    await app?.close();
  });

  it('a model trained on WebGPU is handed in with its recomputed metrics', async () => {
    const { page } = app;
    await openApp(page, app.url, '#/hw');
    await setInput(page, 'hw-student-name', 'Gigel Ionescu');
    await setInput(page, 'hw-student-id', 'G7');
    const assignment = {
      format: 'latent-lab-assignment',
      version: 1,
      id: 'webgpu-smoke',
      title: { ro: 'Probă', en: 'Smoke test' },
      instructions: { ro: 'Antrenează câțiva pași.', en: 'Train a few steps.' },
      tasks: [{
        title: { ro: 'Un model mic', en: 'A small model' },
        instructions: { ro: 'Câțiva pași pe WebGPU.', en: 'A few steps on WebGPU.' },
        points: 1,
        view: '#/train?kind=ae&hidden=32&latent=4&batch=16&epochs=1',
        locked: ['latent'],
        hand_in: [{ type: 'model', constraints: { latent: 4 } }],
        checks: [{ id: 'trained', metric: 'steps', op: '>=', value: 1, points: 1 }],
      }],
    };
    await page.setInputFiles('[data-testid="hw-open"]', { name: 'smoke.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(assignment)) });
    await page.click('[data-testid="hw-start-1"]');
    await page.waitForSelector('[data-testid="hw-banner"]');
    await page.waitForSelector('[data-testid="train-engine"]');
    await page.selectOption('[data-testid="train-engine"]', 'webgpu');
    await page.click('[data-testid="train-step"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]').dataset.step) >= 1, null, { timeout: 240_000 });
    await page.click('[data-testid="hw-hand-in"]');
    await page.waitForSelector('[data-testid="hw-banner-notice"]', { timeout: 240_000 });
    await page.click('[data-testid="hw-back"]');
    await page.waitForSelector('[data-testid="hw-handed-in-1"]');
    await page.click('[data-testid="hw-validate"]');
    assert.equal(await page.getAttribute('[data-testid="hw-check-1-1"]', 'data-pass'), 'true');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="hw-report"]')]);
    const record = recordOf(await readFile(await download.path(), 'utf8'));
    assert.equal(record.tasks[0].engine, 'webgpu');
    assert.ok(record.tasks[0].metrics.test_mse > 0);
    assert.deepEqual(app.problems, []);
  });
});
