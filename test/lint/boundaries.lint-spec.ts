/**
 * Each boundary rule of eslint.config.mjs, proven by a planted violation: the same ESLint
 * configuration that `npm test` runs lints a small file at a real place of the tree, and the
 * rule must report it. A control import next to each shows the rule is not simply refusing
 * everything. When a rule stops biting (a tag renamed, a pattern loosened), this file fails.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const BOUNDARY_RULES = new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports']);

/** The boundary problems ESLint reports for each piece of code at its path. */
function problems(pieces: ReadonlyArray<{ file: string; code: string }>): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-texts.mjs')], {
    cwd: root,
    input: JSON.stringify(pieces),
    env: { ...process.env, NX_DAEMON: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const results = JSON.parse(out.toString('utf8')) as Array<Array<{ ruleId: string | null; message: string }>>;
  return results.map((messages) => messages.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`));
}

const use = (specifier: string, name = 'x') => `import { ${name} } from '${specifier}';\nexport const y = ${name};\n`;

interface Case {
  readonly rule: string;
  readonly file: string;
  readonly violation: string;
  readonly allowed: string;
}

const cases: Case[] = [
  {
    rule: 'the SDK may not import server code (database)',
    file: 'libs/rulebook-client/src/planted.ts',
    violation: use('@pepite/api/database', 'Clock'),
    allowed: use('@pepite/rulebook-format', 'canonicalJson'),
  },
  {
    rule: 'the agent desktop may not import server code (errors)',
    file: 'apps/agent-desktop/src/planted.ts',
    violation: use('@pepite/api/errors', 'ErrorCode'),
    allowed: use('@pepite/rulebook-client', 'RulebookClient'),
  },
  {
    rule: 'the web console may not import a bounded context',
    file: 'apps/web/src/planted.ts',
    violation: use('@pepite/api/identity', 'Role'),
    allowed: use('@pepite/text-diff', 'diffWords'),
  },
  {
    rule: 'a library written for the browser may import only other browser libraries',
    file: 'libs/shared/text-diff/src/planted.ts',
    violation: use('@pepite/rulebook-format', 'canonicalJson'),
    allowed: use('./word-diff', 'diffWords'),
  },
  {
    rule: 'shared isomorphic code may not import server-only shared code',
    file: 'libs/shared/rulebook-format/src/planted.ts',
    violation: use('@pepite/api/database', 'Clock'),
    allowed: use('./wire-types', 'x'),
  },
  {
    rule: 'a context may call only the contexts it is allowed to (pépins may not call voting)',
    file: 'libs/api/pepins/src/application/planted.ts',
    violation: use('@pepite/api/voting', 'VotingService'),
    allowed: use('@pepite/api/identity', 'Role'),
  },
  {
    rule: 'domain/ may not import a framework',
    file: 'libs/api/pepins/src/domain/planted.ts',
    violation: use('@nestjs/common', 'Injectable'),
    allowed: use('./pepin-status', 'PepinStatus'),
  },
  {
    rule: 'domain/ may not import TypeORM',
    file: 'libs/api/pepins/src/domain/planted.ts',
    violation: use('typeorm', 'Entity'),
    allowed: use('@pepite/api/errors', 'ErrorCode'),
  },
  {
    rule: 'domain/ may not import application/ one folder down',
    file: 'libs/api/pepins/src/domain/planted.ts',
    violation: use('../application/pepin-filing.service', 'PepinFiling'),
    allowed: use('./pepin-lifecycle', 'canTransition'),
  },
  {
    rule: 'domain/ may not import application/ from a nested folder',
    file: 'libs/api/pepins/src/domain/nested/planted.ts',
    violation: use('../../application/pepin-filing.service', 'PepinFiling'),
    allowed: use('../pepin-lifecycle', 'canTransition'),
  },
  {
    rule: 'domain/ may not import persistence/ from a nested folder',
    file: 'libs/api/pepins/src/domain/nested/planted.ts',
    violation: use('../../persistence/pepin.entity', 'PepinEntity'),
    allowed: use('../pepin-status', 'PepinStatus'),
  },
  {
    rule: "domain/ may not import another context's public index (it re-exports a Nest module)",
    file: 'libs/api/proposals/src/domain/planted.ts',
    violation: use('@pepite/api/rulebook', 'diffRule'),
    allowed: use('@pepite/api/rulebook/domain', 'diffRule'),
  },
  {
    rule: 'application/ may not import graphql/ at any depth',
    file: 'libs/api/pepins/src/application/nested/planted.ts',
    violation: use('../../graphql/pepin.type', 'PepinType'),
    allowed: use('../pepin-filing.service', 'PepinFiling'),
  },
  {
    rule: 'persistence/ may not import application/',
    file: 'libs/api/pepins/src/persistence/planted.ts',
    violation: use('../application/pepin-filing.service', 'PepinFiling'),
    allowed: use('./pepin.entity', 'PepinEntity'),
  },
];

describe('boundary rules, each proven by a planted violation', () => {
  // One ESLint run for every piece (it builds the Nx project graph once).
  let found: string[][];
  beforeAll(() => {
    found = problems(cases.flatMap(({ file, violation, allowed }) => [
      { file, code: violation },
      { file, code: allowed },
    ]));
  }, 120_000);

  it.each(cases.map((c, i) => ({ ...c, i })))('$rule', ({ i }) => {
    expect(found[2 * i]).not.toEqual([]);
    expect(found[2 * i + 1]).toEqual([]);
  });
});
