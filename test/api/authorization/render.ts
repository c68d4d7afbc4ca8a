import { CALLER_LABELS, CALLERS, type MatrixEntry, type Outcome } from './matrix';

export const AUTHORIZATION_DOC = 'docs/authorization.md';

const widthOf = (text: string) => [...text].length + (text.match(/✅/gu)?.length ?? 0);

const cell = (outcome: Outcome) => (outcome === 'ok' ? '✅' : outcome);

/**
 * docs/authorization.md: the matrix as a Markdown table (generated, do not edit by hand).
 */
export function renderAuthorizationDoc(matrix: readonly MatrixEntry[]): string {
  const header = ['Operation', 'Kind', ...CALLERS.map((caller) => CALLER_LABELS[caller]), 'Notes'];
  const rows = matrix.map((entry) => [
    `\`${entry.name}\``,
    entry.kind,
    ...CALLERS.map((caller) => cell(entry.expected[caller])),
    entry.note ?? '',
  ]);
  const counts = new Map<string, number>();
  for (const entry of matrix) {
    for (const caller of CALLERS)
      counts.set(cell(entry.expected[caller]), (counts.get(cell(entry.expected[caller])) ?? 0) + 1);
  }
  // Padded as Prettier pads Markdown tables (✅ is two columns wide), so `npm run format` leaves it alone.
  const widths = header.map((_, i) => Math.max(3, ...[header, ...rows].map((cells) => widthOf(cells[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((text, i) => text + ' '.repeat((widths[i] ?? 0) - widthOf(text))).join(' | ')} |`;
  const table = [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join(
    '\n',
  );
  return `# Who may call what: the authorisation matrix

<!-- Generated from test/api/authorization/matrix.ts by test/api/authorization-matrix.e2e-spec.ts:
     UPDATE_AUTHORIZATION_DOC=1 npx jest test/api/authorization-matrix --selectProjects e2e
     Do not edit by hand; the test fails when this file and the matrix differ. -->

Every GraphQL operation (each field of \`Query\`, \`Mutation\` and \`Subscription\` in
[apps/api/schema.graphql](../apps/api/schema.graphql)) and the answer it gives each kind of caller.
The end-to-end test \`test/api/authorization-matrix.e2e-spec.ts\` runs every cell against a real API
and fails on any difference, and when the schema has an operation this table does not list.

The callers, for an object of one site (a pépin, a proposal, a vote, a double écoute):

- **anonymous**: no token.
- **operator**: an operator of the site, the one who owns the object (filed the pépin, asked for the
  double écoute, was invited to co-author).
- **other operator**: another operator of the same site, not the owner.
- **manager of another site**: a manager whose site is not the object’s.
- **manager**: a manager of the object’s site (the one chosen for a double écoute, the opener of a vote;
  proposals are written by a second manager of the site, so that publishing has four eyes).
- **admin**: an administrator (admins act on every site).

✅ means allowed; otherwise the \`extensions.code\` of the error. \`UNAUTHENTICATED\`: sign in first.
\`FORBIDDEN\`: the caller’s role (or part in the object) does not allow it. \`NOT_FOUND\`: the object is
hidden from the caller, where even saying it exists would leak (another site’s pépin or proposal, someone
else’s pépin or double écoute). Subscriptions are checked over graphql-ws: a connection without a token is
closed with 4401 (shown as \`UNAUTHENTICATED\`).

${matrix.length} operations × ${CALLERS.length} callers = ${matrix.length * CALLERS.length} cells: ${[
    ...counts.entries(),
  ]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ')}.

${table}
`;
}
