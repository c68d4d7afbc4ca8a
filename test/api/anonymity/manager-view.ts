import {
  getNamedType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** A small deterministic generator (mulberry32): the same seed picks the same fields in both worlds. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A selection of the fields of `type`: every field without required arguments when `seed` is
 * null, else a random half of them (at least one), recursively to `depth` levels, cycles cut.
 */
export function selection(schema: GraphQLSchema, typeName: string, seed: number | null, depth = 4): string {
  const type = schema.getType(typeName);
  if (!type || !isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const random = seed === null ? null : prng(seed);
  return select(type, random, depth, []);
}

/**
 * Fields that list the site's people by design, whoever filed what: `coAuthorCandidates` is
 * every operator and manager a proposal may invite. They name operators who signed nothing
 * (that is their purpose) and their order follows the people's names, which differ between
 * the two worlds; the link they could leak (who is an anonymous co-author) is checked by
 * test/api/anonymity-co-authors.e2e-spec.ts, whose two worlds share the same people.
 */
const SITE_ROSTERS = new Set(['Proposal.coAuthorCandidates']);

function select(type: GraphQLObjectType, random: (() => number) | null, depth: number, path: string[]): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    if (SITE_ROSTERS.has(`${type.name}.${field.name}`)) continue;
    const named = getNamedType(field.type);
    const wanted = random === null || random() < 0.55;
    if (!wanted) continue;
    if (isLeafType(named) || isEnumType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 1 && !path.includes(named.name)) {
      parts.push(`${field.name} { ${select(named, random, depth - 1, [...path, type.name])} }`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const REFERENCE = /\b[A-Z]{2,4}-\d{4,}\b/g;

/**
 * The manager-visible transcript of one world with what necessarily differs between worlds
 * replaced by placeholders: the ids, emails and names of the people and places (each operator
 * by their index, the same in both worlds), the pépins' ids and references (by filing order),
 * other ids and references (by first appearance), times (the two worlds run a few seconds
 * apart; timing is a documented limit), cursors (they carry ids and times) and the last digits
 * of floating-point numbers (durations of a few milliseconds).
 */
export function normalise(transcript: unknown, replacements: readonly (readonly [string, string])[]): string {
  let text = JSON.stringify(roundAndBlank(transcript));
  for (const [from, to] of [...replacements].sort((a, b) => b[0].length - a[0].length)) {
    if (from) text = text.split(from).join(to);
  }
  text = text.replace(TIME, '<time>');
  const seen = new Map<string, string>();
  const byAppearance = (prefix: string) => (match: string) => {
    const key = `${prefix}:${match.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, `<${prefix} ${seen.size}>`);
    return seen.get(key) as string;
  };
  return text.replace(UUID, byAppearance('uuid')).replace(REFERENCE, byAppearance('ref'));
}

function roundAndBlank(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toFixed(3));
  if (typeof value === 'string' && /cursor/i.test(key)) return '<cursor>';
  // Serial ids (audit entries) count every site's rows: their order is what is compared.
  if (typeof value === 'string' && key === 'id' && /^\d+$/.test(value)) return '<serial>';
  if (Array.isArray(value)) return value.map((item) => roundAndBlank(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAndBlank(v, k)]));
  }
  return value;
}

/** Every object in a response tree, depth first. */
export function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const item of Object.values(value)) yield* objectsIn(item);
  }
}
