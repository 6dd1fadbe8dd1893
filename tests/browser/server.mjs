// A minimal static file server for dist/ on a free loopback port, with the right MIME types
// (application/wasm lets the browser compile the module while it downloads).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.safetensors': 'application/octet-stream',
};

/**
 * Serves `root` at `prefix` (`/` by default; `/courses/ml/latent-lab/` as a course site would), on
 * `port` (a free one by default; the same port again is the same origin, as a redeployed site).
 */
export async function serve(root, prefix = '/', port = 0) {
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!full.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const path = normalize(full.slice(prefix.length)).replace(/^([/\\])+/, '');
    let file = join(root, path || 'index.html');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  // closeAllConnections: a closed server must be unreachable at once, kept-alive connections too.
  return { url, port: server.address().port, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}
