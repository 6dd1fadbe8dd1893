// Benchmark (not a test): how long one pointer move takes to handle while a mask is dragged on
// the noise lab's corrupted image (event handlers plus the effects they trigger), per engine.
// Usage: `node tests/bench/bench-mask.mjs` (after `scripts/build-web.sh`).
import { launch, openApp } from '../browser/harness.mjs';

for (const engine of ['cpu', 'webgpu']) {
  const app = await launch(engine);
  try {
    await openApp(app.page, app.url, '#/noise');
    await app.page.waitForSelector('[data-testid="err-clean-ae"]');
    await app.page.waitForTimeout(1000);
    const times = await app.page.evaluate(async () => {
      const c = document.querySelector('[data-testid="corrupted-input"]');
      const r = c.getBoundingClientRect();
      const at = (f) => ({ clientX: r.left + r.width * f, clientY: r.top + r.height * f, pointerId: 1, bubbles: true, button: 0 });
      c.dispatchEvent(new PointerEvent('pointerdown', at(0.2)));
      const out = [];
      for (let k = 0; k < 40; k++) {
        const t = performance.now();
        c.dispatchEvent(new PointerEvent('pointermove', at(0.2 + k * 0.015)));
        await new Promise((res) => setTimeout(res, 0));
        out.push(performance.now() - t);
        await new Promise((res) => requestAnimationFrame(res));
      }
      c.dispatchEvent(new PointerEvent('pointerup', at(0.8)));
      return out.sort((a, b) => a - b);
    });
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(`${engine}: one mask pointer move handled in ${q(0.5)} ms (p50), ${q(0.95)} ms (p95), ${times[times.length - 1].toFixed(1)} ms (max) over ${times.length} moves`);
  } finally {
    await app.close();
  }
}
