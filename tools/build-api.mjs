// Compiles the API, its libraries and the migrations from TypeScript to CommonJS in
// dist/ with swc (type checking is `npm run typecheck`'s job). Incremental: a file is
// compiled again only when its source is newer than its output.
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('./swc-options.cjs');
const sources = ['apps/api/src', 'libs/api', 'libs/shared', 'migrations'];
const outDir = path.join(root, 'dist');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '__tests__') yield* walk(full);
    } else if (/\.(ts|yaml)$/.test(entry.name) && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name)) {
      yield full;
    }
  }
}

async function isFresh(src, out) {
  try {
    return (await stat(out)).mtimeMs >= (await stat(src)).mtimeMs;
  } catch {
    return false;
  }
}

let compiled = 0;
const options = swcOptions();
for (const source of sources) {
  for await (const file of walk(path.join(root, source))) {
    const rel = path.relative(root, file);
    const out = path.join(outDir, rel.replace(/\.ts$/, '.js'));
    if (await isFresh(file, out)) continue;
    if (file.endsWith('.yaml')) {
      // Data files read at run time (the demo rulebook) sit next to the code that reads them.
      await mkdir(path.dirname(out), { recursive: true });
      await copyFile(file, out);
      compiled++;
      continue;
    }
    const result = await transformFile(file, {
      ...options,
      filename: file,
      sourceFileName: path.relative(path.dirname(out), file),
    });
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${result.code}\n//# sourceMappingURL=${path.basename(out)}.map`);
    if (result.map) await writeFile(`${out}.map`, result.map);
    compiled++;
  }
}
if (compiled > 0) console.error(`build: compiled ${compiled} file(s) into dist/`);
