// Shared browser-test helpers: start Debian's Chromium (with or without WebGPU on SwiftShader),
// open the app, draw with the mouse, and read canvases back as pixel intensities.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.LATENT_LAB_DIST ?? join(here, '..', '..', 'dist');

const COMMON = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// WebGPU on SwiftShader (CPU emulation of a GPU), as measured in docs/toolchain.md.
const WEBGPU = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const ENGINES = ['webgpu', 'cpu'];

let scratch;
/**
 * A path for a file a test writes (a download, a damaged copy): in one folder per test file,
 * removed when the test file's process exits, so repeated runs leave nothing in the temp folder.
 */
export function scratchPath(name) {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), 'latent-lab-test-'));
    process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  }
  return join(scratch, name);
}

/**
 * Starts the server and a browser; `engine` is 'webgpu' (WebGPU flags) or 'cpu' (none).
 * `locale` is the browser's language (Chromium's default is en-US); `prefix` the sub-path the build is
 * served under (a course site's `/courses/ml/latent-lab/`).
 */
export async function launch(engine, viewport = { width: 1280, height: 900 }, locale = undefined, prefix = '/', contextOptions = {}) {
  const server = await serve(DIST, prefix);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: engine === 'webgpu' ? [...COMMON, ...WEBGPU] : COMMON,
  });
  const problems = [];
  /**
   * A fresh context (no storage: another machine, as far as the app can tell) and its page.
   * Service workers are blocked unless asked for (`{ serviceWorkers: 'allow' }`, offline.test.mjs):
   * requests a service worker answers bypass `page.route`, which other tests rely on.
   */
  async function fresh(options = {}) {
    const context = await browser.newContext({ viewport, locale, serviceWorkers: 'block', ...options });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    return { context, page };
  }
  const { context, page } = await fresh(contextOptions);
  return {
    page,
    context,
    problems,
    fresh,
    url: server.url,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens `hash` (e.g. '#/draw') and waits until the app is ready; fails fast on an error state. */
export async function openApp(page, url, hash = '#/draw') {
  await page.goto(url + hash);
  await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]', { timeout: 240_000 });
  const state = await page.getAttribute('#app', 'data-state');
  if (state !== 'ready') {
    throw new Error(`app failed to load: ${await page.textContent('[data-testid="load-error"]')}`);
  }
}

/** Draws a polyline (points in pad fractions [0, 1]) with the mouse. */
export async function drawStroke(page, points, steps = 6) {
  const box = await page.locator('[data-testid="draw-pad"]').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps });
  await page.mouse.up();
}

/** A canvas's pixels as intensities in [0, 1] (red channel; the app draws grey levels). */
export async function readCanvas(page, testid) {
  return page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"]`);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i] / 255);
    return out;
  }, testid);
}

/** Waits until a canvas has at least `minInk` pixels brighter than 0.5. */
export async function waitForInk(page, testid, minInk = 20) {
  await page.waitForFunction(
    ([id, min]) => {
      const c = document.querySelector(`[data-testid="${id}"]`);
      if (!c) return false;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 127) ink++;
      return ink >= min;
    },
    [testid, minInk],
    { timeout: 60_000 },
  );
}

/** Whether two images agree within one grey level (plus `slack`). */
export const same = (a, b, slack = 1e-6) =>
  a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 1 / 255 + slack);

/** One 28×28 cell of a mosaic canvas. */
export async function cell(page, testid, col, row = 0) {
  return page.$eval(`[data-testid="${testid}"]`, (c, [col, row]) => {
    const d = c.getContext('2d').getImageData(col * 28, row * 28, 28, 28).data;
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i] / 255);
    return out;
  }, [col, row]);
}

/** Sets a range input's value the way a user's drag does (`input`) or its release (`change`). */
export async function setRange(page, id, value, event = 'input') {
  await page.$eval(`[data-testid="${id}"]`, (el, [v, e]) => {
    el.value = String(v);
    el.dispatchEvent(new Event(e, { bubbles: true }));
  }, [value, event]);
}

/** Types into a field and leaves it, as a user does (a `change` event). */
export async function setInput(page, id, value) {
  await page.fill(`[data-testid="${id}"]`, String(value));
  await page.press(`[data-testid="${id}"]`, 'Tab');
}

/** The number shown in an element. */
export const readNumber = async (page, id) => Number((await page.textContent(`[data-testid="${id}"]`)).trim());

/** The training lab's progress, from its data attributes. */
export async function trainProgress(page) {
  const p = page.locator('[data-testid="train-progress"]');
  return { step: Number(await p.getAttribute('data-step')), loss: Number(await p.getAttribute('data-loss')), state: await p.getAttribute('data-state') };
}

export function correlation(a, b) {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Bounding box and centre of mass of a 28×28 image. */
export function geometry(img, side = 28) {
  let x0 = side, y0 = side, x1 = -1, y1 = -1, m = 0, mx = 0, my = 0;
  img.forEach((v, i) => {
    const x = i % side, y = Math.floor(i / side);
    if (v > 0.05) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    m += v; mx += v * (x + 0.5); my += v * (y + 0.5);
  });
  return { width: x1 - x0 + 1, height: y1 - y0 + 1, cx: mx / m, cy: my / m, mass: m };
}

export const SEVEN = [[0.25, 0.2], [0.75, 0.2], [0.45, 0.85]];
export const ONE = [[0.52, 0.15], [0.48, 0.85]];

const AXE = join(here, 'node_modules', 'axe-core', 'axe.min.js');

/** The serious and critical accessibility violations axe-core finds on the page. */
export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's
  // Content-Security-Policy refuses inline scripts, and the audit must not need a weaker policy.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** How far the page scrolls sideways (0: it fits the viewport). */
export const sidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
