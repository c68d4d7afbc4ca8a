import { isObjectType, type GraphQLSchema } from 'graphql';

/*
 * The attacker of issue 14: a manager who asks `insights` for any windows they like (1 ms
 * apart around each pépin's filing time, or anything else) and reasons about who filed what.
 * It is possibilistic: it enumerates every way the unsigned pépins could have been filed by
 * the site's operators, keeps those that would have produced every "distinct filers" figure it
 * was shown, and reports what holds in all of them. It models the API by what each figure says
 * it covers (the `from`/`to` next to it), so it attacks whatever shape the schema offers.
 */

/** A pépin as the manager sees it: when it was filed, and by whom when signed (operator index). */
export interface SeenPepin {
  readonly at: number;
  readonly signedBy: number | null;
}

/** One "distinct operators who filed" figure and the span of filings it says it counts. */
export interface FilersFigure {
  readonly from: number;
  readonly to: number;
  /** The number, or null when folded into "fewer than 3". */
  readonly count: number | null;
}

export interface AttackResult {
  /** Filings of unsigned pépins consistent with every figure (the truth is one of them). */
  readonly consistent: number;
  /** Pairs [unsigned pépin, other pépin] proven to share their author. */
  readonly links: [number, number][];
  /** Unsigned pépins whose author is proven: [pépin, operator]. */
  readonly named: [number, number][];
}

/** The query the attacker sends: every filers figure the schema offers, with its span. */
export function filersQuery(schema: GraphQLSchema): string {
  const participation = schema.getType('ParticipationInsight');
  const fields = participation && isObjectType(participation) ? participation.getFields() : {};
  const parts = [
    ...('filers' in fields ? ['filers { count fewerThanThree }'] : []),
    ...('months' in fields ? ['months { from to filers { count fewerThanThree } }'] : []),
  ];
  return `query($from: DateTime, $to: DateTime) { insights(from: $from, to: $to) { from to participation { ${parts.join(' ')} } } }`;
}

interface PeopleJson {
  count: number | null;
  fewerThanThree: boolean;
}
interface InsightsJson {
  from: string;
  to: string;
  participation: { filers?: PeopleJson; months?: { from: string; to: string; filers: PeopleJson }[] };
}

/** The figures of one answer of `filersQuery`. */
export function filersFigures(insights: InsightsJson): FilersFigure[] {
  const figure = (from: string, to: string, people: PeopleJson): FilersFigure => ({
    from: Date.parse(from),
    to: Date.parse(to),
    count: people.fewerThanThree ? null : people.count,
  });
  const { filers, months } = insights.participation;
  return [
    ...(filers ? [figure(insights.from, insights.to, filers)] : []),
    ...(months ?? []).map((month) => figure(month.from, month.to, month.filers)),
  ];
}

/** The windows the attacker asks for: around each filing (1 ms apart) and between filings. */
export function attackWindows(times: readonly number[], random: () => number): [number, number][] {
  const sorted = [...times].sort((a, b) => a - b);
  const start = (sorted[0] ?? Date.now()) - 86_400_000;
  const windows: [number, number][] = [];
  for (const [i, at] of sorted.entries()) {
    const earlier = sorted[Math.floor(random() * (i + 1))] as number;
    windows.push([start, at], [start, at + 1], [at, at + 1], [earlier, at], [earlier, at + 1]);
  }
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[Math.floor(random() * sorted.length)] as number;
    const b = sorted[Math.floor(random() * sorted.length)] as number;
    const [from, to] = a <= b ? [a, b + 1] : [b, a + 1];
    windows.push([from, to], [from + 1, to]);
  }
  return windows.filter(([from, to]) => from < to);
}

/** Every filing of the unsigned pépins by `operators` people that explains the figures. */
export function attack(
  pepins: readonly SeenPepin[],
  figures: readonly FilersFigure[],
  operators: number,
): AttackResult {
  const unsigned = pepins.flatMap((pepin, i) => (pepin.signedBy === null ? [i] : []));
  // Each figure as the pépins it covers: the check below is then a few array reads.
  const covered = uniqueFigures(figures).map((figure) => ({
    count: figure.count,
    pepins: pepins.flatMap((pepin, i) => (pepin.at >= figure.from && pepin.at < figure.to ? [i] : [])),
  }));
  const author = pepins.map((pepin) => pepin.signedBy ?? -1);
  const alwaysSame = new Map<string, boolean>();
  const onlyAuthor = new Map<number, number | null>();
  let consistent = 0;
  const total = operators ** unsigned.length;
  for (let code = 0; code < total; code++) {
    let rest = code;
    for (const i of unsigned) {
      author[i] = rest % operators;
      rest = Math.floor(rest / operators);
    }
    if (!covered.every((figure) => folded(new Set(figure.pepins.map((i) => author[i])).size) === figure.count))
      continue;
    consistent++;
    for (const i of unsigned) {
      const known = onlyAuthor.get(i);
      onlyAuthor.set(i, known === undefined || known === author[i] ? (author[i] as number) : null);
      for (let j = 0; j < pepins.length; j++) {
        if (j === i) continue;
        const key = `${i}/${j}`;
        alwaysSame.set(key, (alwaysSame.get(key) ?? true) && author[i] === author[j]);
      }
    }
  }
  const links = [...alwaysSame].flatMap(([key, same]) =>
    same ? [key.split('/').map(Number) as [number, number]] : [],
  );
  const named = [...onlyAuthor].flatMap(([i, who]) =>
    who === null || who === undefined ? [] : [[i, who] as [number, number]],
  );
  return { consistent: consistent, links: consistent > 0 ? links : [], named: consistent > 0 ? named : [] };
}

function folded(count: number): number | null {
  return count > 0 && count < 3 ? null : count;
}

function uniqueFigures(figures: readonly FilersFigure[]): FilersFigure[] {
  const seen = new Map<string, FilersFigure>();
  for (const figure of figures) seen.set(`${figure.from}/${figure.to}/${figure.count}`, figure);
  return [...seen.values()];
}
