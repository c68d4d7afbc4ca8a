// Production files stay small enough to be read in one sitting: a source file over 350 lines
// fails `npm test` unless its first lines say why it is longer ("longer than 350 lines: …"),
// e.g. a translation catalogue or demo data. Tests, generated code and data are not counted.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 350;
const REASON = /longer than 350 lines/i;
const PRODUCTION = /^(apps\/[^/]+\/src|libs\/(api\/[^/]+|shared\/[^/]+|rulebook-client)\/src|migrations)\/.*\.(ts|tsx|mjs)$/;
const EXCLUDED = /(\.spec\.tsx?|\.e2e-spec\.ts|\.browser-spec\.ts|\.d\.ts)$|^apps\/web\/src\/gql\//;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => PRODUCTION.test(file) && !EXCLUDED.test(file));

const oversized = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  const lines = text.split('\n').length;
  if (lines > LIMIT && !REASON.test(text.split('\n').slice(0, 8).join('\n'))) oversized.push(`${file}: ${lines} lines`);
}
if (oversized.length > 0) {
  console.error(
    `Production files over ${LIMIT} lines, with no reason at their top ("longer than ${LIMIT} lines: …"):\n  ${oversized.join('\n  ')}\n` +
      'Split them by responsibility, or say in their first lines why they are longer.',
  );
  process.exit(1);
}
console.log(`file sizes: ${files.length} production files, none over ${LIMIT} lines without a reason`);
