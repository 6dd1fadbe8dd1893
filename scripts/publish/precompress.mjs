// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) next to every file of a build folder
// that compresses, for static servers that send a precompressed copy when the browser accepts it
// (nginx `gzip_static`/`brotli_static`, Caddy `file_server { precompressed br gzip }`, …): the
// server then spends no time compressing and sends the smallest form. Node's own zlib does both,
// so this needs no other tool. Usage: node scripts/publish/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this a file fits in a packet or two: compressing it saves nothing worth a second copy. */
const MIN_BYTES = 1024;
/** A copy must save at least this share of the bytes to be worth keeping. */
const MIN_SAVING = 0.05;

function* files(folder) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!/\.(gz|br)$/.test(name)) yield path;
  }
}

const root = process.argv[2];
if (!root) throw new Error('usage: node precompress.mjs DIR');
let raw = 0;
let gz = 0;
let br = 0;
for (const path of files(root)) {
  const body = readFileSync(path);
  if (body.length < MIN_BYTES) continue;
  const gzipped = gzipSync(body, { level: 9 });
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const worth = (copy) => copy.length <= body.length * (1 - MIN_SAVING);
  if (worth(gzipped)) writeFileSync(`${path}.gz`, gzipped);
  if (worth(brotli)) writeFileSync(`${path}.br`, brotli);
  raw += body.length;
  gz += worth(gzipped) ? gzipped.length : body.length;
  br += worth(brotli) ? brotli.length : body.length;
}
const mb = (n) => (n / 1e6).toFixed(2);
console.log(`precompressed ${root}: ${mb(raw)} MB, gzip -9 ${mb(gz)} MB, brotli ${mb(br)} MB`);
