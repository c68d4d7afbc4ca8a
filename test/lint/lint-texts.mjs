// Lints pieces of code as if they stood at given paths of the tree, with the repository's own
// ESLint configuration, and prints the messages as JSON. Run as a child process by
// boundaries.lint-spec.ts: jest's module system cannot load the ESM configuration itself.
// Input (stdin): [{ "file": "libs/…/planted.ts", "code": "…" }, …]
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Only the JSON goes to stdout: what the rules or Nx print is diagnostics.
console.log = console.warn = (...args) => process.stderr.write(`${args.join(' ')}\n`);
// The module-boundaries rule reads the cached Nx project graph and skips itself without one.
await createProjectGraphAsync({ exitOnError: true });
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const inputs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: root });
const output = [];
for (const { file, code } of inputs) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  output.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(output));
