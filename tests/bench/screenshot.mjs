// Takes a screenshot of a view after drawing a digit (for the README and for looking at the app):
// `node tests/bench/screenshot.mjs [webgpu|cpu] [out.png] [view]`.
import { launch, openApp, drawStroke, waitForInk, SEVEN } from '../browser/harness.mjs';

const engine = process.argv[2] ?? 'cpu';
const out = process.argv[3] ?? 'screenshot.png';
const view = process.argv[4] ?? 'draw';
const app = await launch(engine);
try {
  await openApp(app.page, app.url);
  await drawStroke(app.page, SEVEN);
  await waitForInk(app.page, 'recon-vae');
  const badge = app.page.locator('[data-testid="backend-badge"]');
  console.log(JSON.stringify({
    backend: await badge.getAttribute('data-backend'),
    live: await badge.getAttribute('data-live'),
    maxDiff: await badge.getAttribute('data-max-diff'),
    text: (await badge.textContent()).trim(),
    timing: await app.page.textContent('[data-testid="timing"]'),
    problems: app.problems,
  }, null, 1));
  if (view !== 'draw') {
    await app.page.click(`[data-testid="nav-${view}"]`);
    await app.page.waitForTimeout(3000);
  }
  await app.page.screenshot({ path: out, fullPage: true });
} finally {
  await app.close();
}
