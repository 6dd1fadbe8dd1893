// The draw view in a real browser, once with WebGPU (SwiftShader) and once on the CPU engine:
// drawing produces an MNIST-like input and two reconstructions that resemble it, the errors show,
// clear and random digit work, the drawing survives a reload, and nothing logs an error.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ENGINES, launch, openApp, drawStroke, readCanvas, waitForInk, correlation, geometry, SEVEN, ONE,
} from './harness.mjs';

const errText = async (page, id) => (await page.textContent(`[data-testid="${id}"]`)).trim();

for (const engine of ENGINES) {
  describe(`draw view on the ${engine} engine`, () => {
    let app;
    before(async () => {
      app = await launch(engine);
      await openApp(app.page, app.url);
    });
    after(async () => {
      await app?.close();
    });

    it('becomes ready and names the right engine on the badge', async () => {
      const badge = app.page.locator('[data-testid="backend-badge"]');
      assert.equal(await badge.getAttribute('data-backend'), engine);
      const text = await badge.textContent();
      if (engine === 'cpu') assert.match(text, /WebGPU unavailable|CPU/);
      else assert.match(text, /WebGPU/);
      assert.equal(await app.page.getAttribute('#app', 'data-view'), 'draw');
      assert.ok(await app.page.locator('[data-testid="nav-draw"]').isVisible());
    });

    it('turns mouse strokes into an MNIST-like input and two reconstructions that resemble it', async () => {
      const { page } = app;
      await drawStroke(page, SEVEN);
      await waitForInk(page, 'model-input');
      await waitForInk(page, 'recon-ae');
      await waitForInk(page, 'recon-vae');
      const input = await readCanvas(page, 'model-input');
      const g = geometry(input);
      assert.ok(Math.max(g.width, g.height) >= 19 && Math.max(g.width, g.height) <= 21, `fitted to 20 px: ${JSON.stringify(g)}`);
      assert.ok(Math.abs(g.cx - 14) < 1.5 && Math.abs(g.cy - 14) < 1.5, `centred by mass: ${JSON.stringify(g)}`);
      const ae = await readCanvas(page, 'recon-ae');
      const vae = await readCanvas(page, 'recon-vae');
      assert.ok(correlation(input, ae) > 0.7, `AE reconstruction resembles the input (r = ${correlation(input, ae)})`);
      assert.ok(correlation(input, vae) > 0.6, `VAE reconstruction resembles the input (r = ${correlation(input, vae)})`);
      const aeErr = Number(await errText(page, 'err-ae'));
      const vaeErr = Number(await errText(page, 'err-vae'));
      assert.ok(aeErr > 0 && aeErr < 0.1, `AE error shown: ${aeErr}`);
      assert.ok(vaeErr > 0 && vaeErr < 0.1, `VAE error shown: ${vaeErr}`);
    });

    it('updates live as more strokes are drawn', async () => {
      const { page } = app;
      const before = await readCanvas(page, 'model-input');
      await drawStroke(page, [[0.35, 0.5], [0.65, 0.5]]);
      await page.waitForFunction(
        (prev) => {
          const c = document.querySelector('[data-testid="model-input"]');
          const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
          let diff = 0;
          for (let i = 0; i < 784; i++) diff += Math.abs(d[i * 4] / 255 - prev[i]);
          return diff > 5;
        },
        before,
        { timeout: 30_000 },
      );
    });

    it('keeps the drawing across a reload', async () => {
      const { page } = app;
      const before = await readCanvas(page, 'model-input');
      await page.reload();
      await openApp(page, app.url);
      await waitForInk(page, 'model-input');
      const after = await readCanvas(page, 'model-input');
      assert.ok(correlation(before, after) > 0.99, 'the restored drawing gives the same input');
    });

    it('clears the pad, the input and the errors', async () => {
      const { page } = app;
      await page.click('[data-testid="clear"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="err-ae"]').textContent.trim() === '—');
      const input = await readCanvas(page, 'model-input');
      assert.equal(input.filter((v) => v > 0).length, 0, 'the input is blank');
      const pad = await page.evaluate(() => {
        const c = document.querySelector('[data-testid="draw-pad"]');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) ink += d[i];
        return ink;
      });
      assert.equal(pad, 0, 'the pad is blank');
    });

    it('loads a random test digit and reconstructs it well', async () => {
      const { page } = app;
      await page.click('[data-testid="random-digit"]');
      await page.waitForFunction(
        () => /Test digit #\d+ \(label \d\)/.test(document.querySelector('[data-testid="pad-caption"]').textContent)
          && document.querySelector('[data-testid="err-ae"]').textContent.trim() !== '—',
        null,
        { timeout: 60_000 },
      );
      // A thin digit (a "1") can have few bright pixels: wait for a little ink, not a lot.
      await waitForInk(page, 'recon-ae', 5);
      const input = await readCanvas(page, 'model-input');
      const ae = await readCanvas(page, 'recon-ae');
      const caption = await page.textContent('[data-testid="pad-caption"]');
      assert.ok(correlation(input, ae) > 0.7, `${caption}: a real MNIST digit reconstructs closely (r = ${correlation(input, ae)})`);
      assert.ok(Number(await errText(page, 'err-ae')) < 0.08, caption);
    });

    if (engine === 'webgpu') {
      it('gives the same reconstructions on WebGPU and on the CPU engine', async () => {
        const { page } = app;
        const badge = page.locator('[data-testid="backend-badge"]');
        const maxDiff = Number(await badge.getAttribute('data-max-diff'));
        assert.ok(maxDiff <= 1e-3, `startup check over 16 test digits: max |Δ| = ${maxDiff}`);
        await drawStroke(page, ONE);
        const results = {};
        for (const choice of ['webgpu', 'cpu']) {
          await page.selectOption('[data-testid="engine-select"]', choice);
          const label = choice === 'webgpu' ? 'WebGPU' : 'CPU';
          await page.waitForFunction((l) => document.querySelector('[data-testid="timing"]').textContent.includes(l), label, { timeout: 60_000 });
          results[choice] = {
            ae: await readCanvas(page, 'recon-ae'),
            vae: await readCanvas(page, 'recon-vae'),
            errAe: Number(await errText(page, 'err-ae')),
            errVae: Number(await errText(page, 'err-vae')),
          };
        }
        for (const key of ['ae', 'vae']) {
          const worst = Math.max(...results.webgpu[key].map((v, i) => Math.abs(v - results.cpu[key][i])));
          assert.ok(worst <= 1 / 255 + 1e-3, `${key}: pixels agree within one grey level (${worst})`);
        }
        assert.ok(Math.abs(results.webgpu.errAe - results.cpu.errAe) <= 1e-5);
        assert.ok(Math.abs(results.webgpu.errVae - results.cpu.errVae) <= 1e-5);
      });
    }

    it('logged no console errors', () => {
      assert.deepEqual(app.problems, []);
    });

    if (engine === 'webgpu') {
      it('falls back to the CPU engine, and says so, when the WebGPU device is lost', async () => {
        const { page } = app;
        await page.click('[data-testid="backend-badge"] summary');
        await page.click('[data-testid="release-webgpu"]');
        const badge = page.locator('[data-testid="backend-badge"]');
        await page.waitForFunction(() => document.querySelector('[data-testid="backend-badge"]').dataset.backend === 'cpu', null, { timeout: 30_000 });
        assert.match(await badge.textContent(), /lost.*switched to the CPU engine/);
        // Asking for WebGPU now runs on the CPU, and drawing still works.
        await page.selectOption('[data-testid="engine-select"]', 'webgpu');
        await page.click('[data-testid="clear"]');
        await drawStroke(page, SEVEN);
        await waitForInk(page, 'recon-ae');
        await page.waitForFunction(() => document.querySelector('[data-testid="timing"]').textContent.includes('CPU'));
        // Burn's wgpu runtime reports the loss itself as a console error; nothing else may appear.
        const others = app.problems.filter((p) => !p.includes('the wgpu device was lost (Destroyed)'));
        assert.deepEqual(others, []);
      });
    }
  });
}

describe('load failures', () => {
  it('show a clear message instead of a blank page when a model file is missing', async () => {
    const app = await launch('cpu');
    try {
      await app.page.route('**/pretrained/vae-16.safetensors', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await app.page.goto(app.url + '#/draw');
      await app.page.waitForSelector('#app[data-state="error"]', { timeout: 60_000 });
      const message = await app.page.textContent('[data-testid="load-error"]');
      assert.match(message, /could not start/);
      assert.match(message, /vae-16\.safetensors.*404/);
    } finally {
      await app.close();
    }
  });

  it('show a clear message when a weights file is corrupt', async () => {
    const app = await launch('cpu');
    try {
      await app.page.route('**/pretrained/ae-16.safetensors', (route) => route.fulfill({ status: 200, body: Buffer.from('not a safetensors file') }));
      await app.page.goto(app.url + '#/draw');
      await app.page.waitForSelector('#app[data-state="error"]', { timeout: 60_000 });
      assert.match(await app.page.textContent('[data-testid="load-error"]'), /ae-16: the weights file cannot be read/);
    } finally {
      await app.close();
    }
  });
});
