// After `next build`: writes a Brotli (.br) and a gzip (.gz) copy beside each compressible file in
// .next/static, once, so the server's fast path (src/server/http/static-route.ts) sends them as they
// are instead of compressing the same immutable script again on every request.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const root = path.resolve(process.argv[2] ?? ".next/static");
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|html|map)$/;
const MIN_BYTES = 1024;

const files = fs
  .readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && COMPRESSIBLE.test(d.name))
  .map((d) => path.join(d.parentPath, d.name))
  .filter((f) => fs.statSync(f).size >= MIN_BYTES);

let raw = 0;
let br = 0;
const started = Date.now();
// Four at a time: zlib runs on libuv's thread pool (four threads by default).
for (let i = 0; i < files.length; i += 4) {
  await Promise.all(
    files.slice(i, i + 4).map(async (file) => {
      const body = fs.readFileSync(file);
      const [b, g] = await Promise.all([
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gzip(body, { level: 9 }),
      ]);
      fs.writeFileSync(`${file}.br`, b);
      fs.writeFileSync(`${file}.gz`, g);
      raw += body.length;
      br += b.length;
    }),
  );
}
console.log(`precompressed ${files.length} files in .next/static (${(raw / 1e6).toFixed(1)} MB → ${(br / 1e6).toFixed(1)} MB brotli) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
