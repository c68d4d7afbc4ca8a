// A large, deterministic, French-looking rulebook for the bench, learnt from the demo.
//
// Snapshot sizes after compression depend on how repetitive the text is, so the rules are
// neither lorem ipsum (which compresses unrealistically well) nor random bytes (which does
// not compress at all): each field is written by a word-level Markov chain trained on the
// same field of the demo rulebook, with its numbers redrawn. The seed is fixed so that two
// runs publish byte-identical rules and their sizes can be compared.

const SEED = 0x5e9172e;

/** Character ranges per field, from the demo rulebook (`title` + `statement` span ~600–1,500). */
const LENGTHS = {
  titleAndStatement: [600, 1500],
  rationale: [290, 490],
  latitude: [240, 420],
  escalation: [300, 490],
  customerWording: [200, 530],
};
const TITLE_LENGTH = [25, 80];
const MAX_SENTENCE_WORDS = 40;
// Percentage of words drawn from the demo's whole vocabulary instead of the usual follower.
// A 20-rule corpus is small: a pure chain replays the same long phrases across 5,000 rules,
// which brotli's 4 MB window turns into a ratio of about 8 (the demo's own snapshot: 3.5).
// One jump in four brings the generated snapshot to ~5.7 (gzip ~3.9), a plausible figure for
// a large rulebook written in-house, where wording does repeat from rule to rule.
const JUMP_PERCENT = 25;
const END = '\u0000';

/** mulberry32: small, fast and, above all, the same sequence on every machine. */
function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const characterCount = (text) => [...text].length;

/** Sentences of a demo field, without list numbers or quotation marks (they are re-added on output). */
function sentencesOf(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/^\d+\.\s*/, '').replace(/[«»]/g, ''))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9])/))
    .map((sentence) => sentence.trim().replace(/\s+/g, ' '))
    .filter((sentence) => sentence.split(' ').length >= 3);
}

/** Followers of every word (repeated as often as seen, which weights the draw), plus sentence openers. */
function trainChain(sentences) {
  const followers = new Map();
  const openers = [];
  for (const sentence of sentences) {
    const words = sentence.split(' ');
    openers.push(words[0]);
    words.forEach((word, index) => {
      if (!followers.has(word)) followers.set(word, []);
      followers.get(word).push(words[index + 1] ?? END);
    });
  }
  return { followers, openers, words: [...followers.keys()] };
}

/** A fresh amount in place of each number, so that figures do not repeat the demo's verbatim. */
function redrawNumber(word, random) {
  return word.replace(/^\d+(?=\D*$)/, (digits) =>
    digits.length === 1
      ? String(random.int(1, 9))
      : String(random.int(10 ** (digits.length - 1), 10 ** digits.length - 1)),
  );
}

function sentence(chain, random) {
  const words = [random.pick(chain.openers)];
  while (words.length < MAX_SENTENCE_WORDS) {
    const followers = random.int(0, 99) < JUMP_PERCENT ? chain.words : chain.followers.get(words[words.length - 1]);
    const next = random.pick(followers);
    if (next === END) break;
    words.push(next);
  }
  const text = words.map((word) => redrawNumber(word, random)).join(' ');
  return /[.!?]$/.test(text) ? text : `${text.replace(/[,;:]$/, '')}.`;
}

/**
 * Pieces from `draw` until the text reaches a length drawn in [min, max]. A piece that would
 * overshoot `max` is drawn again, so lengths stay in the demo's range (give or take a piece).
 */
function textWithin(random, [min, max], draw, separator) {
  const target = random.int(min, max);
  const pieces = [];
  let length = 0;
  while (length < target) {
    let piece = draw(pieces.length);
    for (let attempt = 0; attempt < 10 && length + characterCount(piece) > max; attempt += 1)
      piece = draw(pieces.length);
    // Nothing fits in what is left: stop short rather than overshoot, once the minimum is met.
    if (length + characterCount(piece) > max && length >= min) break;
    pieces.push(piece);
    length += characterCount(piece) + separator.length;
  }
  return pieces.join(separator);
}

const prose = (chain, random, range) => textWithin(random, range, () => sentence(chain, random), ' ');

/** Numbered steps, one or two sentences each, like the demo's statements. */
const numberedSteps = (chain, random, range) =>
  textWithin(
    random,
    range,
    (index) => `${index + 1}. ${Array.from({ length: random.int(1, 2) }, () => sentence(chain, random)).join(' ')}`,
    '\n',
  );

function title(chain, random) {
  let best = '';
  // Short titles are redrawn: the demo's run from 27 to 61 characters.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    best = sentence(chain, random).replace(/\.$/, '');
    const length = characterCount(best);
    if (length >= TITLE_LENGTH[0] && length <= TITLE_LENGTH[1]) break;
  }
  return best.slice(0, TITLE_LENGTH[1]);
}

/**
 * `count` valid rule drafts (RuleDraft shape) whose wording is learnt from `demoRules`.
 * Keys reuse the demo's prefixes per category (REFUND-0001…), tags its vocabulary.
 */
export function generateRulebook(demoRules, count) {
  const random = randomSource(SEED);
  const chains = {};
  for (const field of ['title', 'statement', 'rationale', 'latitude', 'escalation', 'customerWording']) {
    const sentences =
      field === 'title' ? demoRules.map((rule) => rule.title) : demoRules.flatMap((rule) => sentencesOf(rule[field]));
    chains[field] = trainChain(sentences);
  }
  const prefixOf = new Map(demoRules.map((rule) => [rule.category, rule.key.replace(/-\d+$/, '')]));
  const categories = [...prefixOf.keys()];
  const tagVocabulary = [...new Set(demoRules.flatMap((rule) => rule.tags))];
  const numberOf = new Map();

  const rules = [];
  for (let index = 0; index < count; index += 1) {
    const category = random.pick(categories);
    const prefix = prefixOf.get(category);
    const number = (numberOf.get(prefix) ?? 0) + 1;
    numberOf.set(prefix, number);
    const ruleTitle = title(chains.title, random);
    const statementRange = LENGTHS.titleAndStatement.map((length) => length - characterCount(ruleTitle));
    const tags = new Set();
    const tagCount = random.int(2, 4);
    while (tags.size < tagCount) tags.add(random.pick(tagVocabulary));
    rules.push({
      key: `${prefix}-${String(number).padStart(4, '0')}`,
      category,
      title: ruleTitle,
      statement: numberedSteps(chains.statement, random, statementRange),
      rationale: prose(chains.rationale, random, LENGTHS.rationale),
      latitude: prose(chains.latitude, random, LENGTHS.latitude),
      escalation: prose(chains.escalation, random, LENGTHS.escalation),
      customerWording: `« ${prose(chains.customerWording, random, LENGTHS.customerWording)} »`,
      tags: [...tags],
      effectiveFrom: `2026-0${random.int(1, 6)}-${String(random.int(1, 28)).padStart(2, '0')}`,
    });
  }
  return rules;
}

/** The same rule with one more sentence in its latitude: a typical one-rule amendment. */
export function amendRule(rule) {
  return {
    ...rule,
    latitude: `${rule.latitude} Ce plafond est relevé de 10 € pendant la période des soldes, sur décision du responsable de plateau.`,
  };
}

/** Min, mean and max of a list of numbers, rounded. */
export function spread(values) {
  const total = values.reduce((sum, value) => sum + value, 0);
  return { min: Math.min(...values), mean: Math.round(total / values.length), max: Math.max(...values) };
}

/** Characters per rule: `title` + `statement`, and every text field together. */
export function ruleLengths(rules) {
  const fields = ['title', 'statement', 'rationale', 'latitude', 'escalation', 'customerWording'];
  return {
    titleAndStatement: spread(rules.map((rule) => characterCount(rule.title) + characterCount(rule.statement))),
    allTextFields: spread(rules.map((rule) => fields.reduce((sum, field) => sum + characterCount(rule[field]), 0))),
  };
}
