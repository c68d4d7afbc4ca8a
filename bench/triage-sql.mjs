// triage-sql: the console's triage query (GraphQL `pepins`) with nested rule, history,
// supporters and support counts, at several page sizes. Every SQL statement the API sends to
// PostgreSQL while answering is counted (pg's Client#query, under TypeORM): the number must
// not grow with the page size (no N+1), and stay at most 6.
import { median, pepins, pg, round } from './setup.mjs';

const QUERY = `query Triage($first: Int!) {
  pepins(first: $first, orderBy: NEWEST) {
    totalCount
    countsByStatus { status count }
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id reference title status ackDueAt acknowledgedAt overdue supportCount customerImpact
        ruleKey ruleVersion ruleCategory noRuleApplies createdAt
        reporter { id displayName }
        supporters { id displayName }
        history { kind at actorRole actorLabel actor { displayName } }
      }
    }
  }
}`;

/** Counts (and keeps the first words of) every statement sent while `work` runs. */
async function countingStatements(work) {
  const statements = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function query(config, ...rest) {
    const text = typeof config === 'string' ? config : config?.text;
    if (typeof text === 'string') statements.push(text.replace(/\s+/g, ' ').trim().slice(0, 90));
    return original.call(this, config, ...rest);
  };
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}

/** Pépins filed, supported and acknowledged through the application's own services. */
async function fileTriageQueue(bench) {
  const { manager, operators } = await bench.people();
  const { rules } = await bench.rulebook();
  const filing = bench.app.get(pepins.PepinFiling);
  const triage = bench.app.get(pepins.PepinTriage);
  bench.say(`filing ${bench.sizes.triagePepins} pépins with supports and history`);
  for (let index = 0; index < bench.sizes.triagePepins; index += 1) {
    const reporter = operators[index % operators.length];
    const withRule = index % 3 !== 0;
    const view = await filing.filePepin(reporter.caller, {
      title: `Banc ${index} : la règle ne couvre pas ce cas`,
      description: 'Le client demandait un geste que la procédure ne prévoit pas ; il est reparti mécontent.',
      ...(withRule ? { ruleKey: rules[index % rules.length].key } : { noRuleApplies: true }),
      signed: index % 2 === 0,
    });
    for (let other = 1; other <= index % 3; other += 1) {
      await filing.supportPepin(operators[(index + other) % operators.length].caller, view.id, other % 2 === 1);
    }
    if (index % 2 === 0) await triage.acknowledgePepin(manager.caller, view.id, 'Bien reçu, nous regardons.');
  }
}

export default {
  name: 'triage-sql',
  title: 'GraphQL pepins (triage queue), SQL statements per page',
  target: { max: 6, text: 'a constant number of SQL statements whatever the page size, at most 6' },
  async run(bench) {
    await fileTriageQueue(bench);
    const { manager } = await bench.people();
    const pages = [];
    for (const first of bench.sizes.triagePageSizes) {
      await bench.graphql(manager.token, QUERY, { first }); // warm (caches, JIT)
      const times = [];
      let statements = [];
      for (let run = 0; run < 5; run += 1) {
        const start = performance.now();
        let data;
        statements = await countingStatements(async () => {
          data = await bench.graphql(manager.token, QUERY, { first });
        });
        times.push(performance.now() - start);
        if (data.pepins.edges.length !== first) throw new Error(`pepins(first: ${first}) returned ${data.pepins.edges.length} pépins`);
      }
      pages.push({ first, statements: statements.length, medianMs: round(median(times)), sql: statements });
    }
    const counts = pages.map((page) => page.statements);
    const constant = counts.every((count) => count === counts[0]);
    const worst = Math.max(...counts);
    return {
      // Not a ratio: the statement count, and the target is a ceiling. A growing count fails as well.
      ratio: constant ? worst : Infinity,
      summary: pages.map((page) => `${page.first}/page: ${page.statements} statements, ${page.medianMs} ms`).join('; ') + (constant ? '' : ' (grows with the page)'),
      figures: { pepins: bench.sizes.triagePepins, constant, pages },
    };
  },
};
