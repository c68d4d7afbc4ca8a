import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { TestApi } from '../../support/test-api';

/**
 * What an English screen may not show: French words of the interface. People's own words
 * (pépin titles, rules, messages, names…) stay as they were written, so they are read from
 * the database first and taken out of the page's text before it is checked.
 */
const FRENCH_WORDS = [
  // Words of the interface that leaked before (issue 15, "English means English").
  'rapporteur',
  'co-auteur',
  'opérateur',
  'propositions',
  'proposition',
  'échéance',
  'retard',
  'nouveau',
  'refusé',
  'doublon',
  'enregistrer',
  'annuler',
  'chargement',
  'signaler',
  'règle',
  'règles',
  'clos',
  'clôture',
  'publier',
  'publiée',
  // Function words an English sentence never holds.
  'le',
  'la',
  'les',
  'des',
  'du',
  'une',
  'aucun',
  'aucune',
  'votre',
  'vos',
  'vous',
  'nous',
  'pour',
  'avec',
  'dans',
  'sur',
  'est',
  'sont',
  'jours',
  'heures',
  'mois',
];
/**
 * Words with French accents that English screens rightly use: the product's own terms (the
 * glossary of docs/design.md keeps "pépin", "pépite" and "double écoute" in every language,
 * the English text explaining them) and the language switch's "Français".
 */
const ACCENTED_ENGLISH = new Set(['pépin', 'pépins', 'pépite', 'pépites', 'écoute', 'écoutes', 'français']);
const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** Every string people wrote, as the screens may show it (whole, or one paragraph of it). */
export async function peoplesWords(api: TestApi): Promise<string[]> {
  const columns: Record<string, string[]> = {
    pepin: ['title', 'description', 'call_reference', 'rule_category'],
    pepin_message: ['body'],
    pepin_event: ['message'],
    proposal: ['title', 'rationale'],
    proposal_comment: ['body'],
    proposal_endorsement: ['comment'],
    proposal_revision: ['title', 'rationale', 'note'],
    rule_version: ['title', 'statement', 'rationale', 'latitude', 'escalation', 'customer_wording', 'category'],
    release: ['notes'],
    advisory: ['message'],
    listening_session: ['reason', 'manager_notes', 'operator_notes', 'outcome'],
    ballot: ['reason'],
    app_user: ['display_name'],
    site: ['name'],
    team: ['name'],
  };
  const json: Record<string, string> = { proposal_revision: 'changes', vote: 'reject_reasons', notification: 'params' };
  const dataSource = api.app.get(DataSource);
  const words: string[] = [];
  for (const [table, names] of Object.entries(columns)) {
    for (const name of names) {
      const rows: { v: string | null }[] = await dataSource.query(`SELECT DISTINCT "${name}"::text AS v FROM "${table}"`);
      for (const row of rows) if (row.v) words.push(row.v);
    }
  }
  const tags: { v: string }[] = await dataSource.query(`SELECT DISTINCT unnest(tags) AS v FROM rule_version`);
  words.push(...tags.map((row) => row.v));
  for (const [table, name] of Object.entries(json)) {
    const rows: { v: string }[] = await dataSource.query(
      `SELECT DISTINCT s #>> '{}' AS v FROM "${table}", jsonb_path_query("${name}", 'strict $.** ? (@.type() == "string")') s`,
    );
    words.push(...rows.map((row) => row.v));
  }
  const pieces = words.flatMap((text) => [text, ...text.split(/\n+/)]).map((text) => text.trim());
  // Longest first: a title is taken out before a word of it.
  return [...new Set(pieces.filter((text) => text.length >= 2))].sort((a, b) => b.length - a.length);
}

interface Finding {
  readonly kind: 'french' | 'clipped' | 'overflow';
  readonly text: string;
  readonly where: string;
}

interface PageText {
  readonly texts: { text: string; where: string }[];
  readonly boxes: Finding[];
}

/**
 * The page's own text (text nodes, and the labels a screen reader reads) and the boxes that
 * cut their text: a text element whose content is wider (or taller) than its box while its
 * overflow is hidden, or that reaches past the window's right edge outside any scrolling area.
 */
function readPage(): PageText {
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls}`;
  };
  const visible = (el: Element): boolean => {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const inScroller = (el: Element): boolean => {
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return parent !== document.documentElement && parent !== document.body;
    }
    return false;
  };
  const texts: { text: string; where: string }[] = [];
  const boxes: Finding[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) {
    boxes.push({ kind: 'overflow', text: `page ${document.documentElement.scrollWidth}px wide`, where: 'html' });
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const checked = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent?.trim() ?? '';
    if (!el || text === '' || ['SCRIPT', 'STYLE', 'OPTION', 'TEXTAREA'].includes(el.tagName)) continue;
    if (el.closest('[lang]:not(html)')?.getAttribute('lang')?.startsWith('fr')) continue;
    if (!visible(el) || el.closest('.visually-hidden, [aria-hidden="true"]')) continue;
    // A skip link waits off screen, to the left, until it has the focus.
    if (el.getBoundingClientRect().right <= 0) continue;
    texts.push({ text, where: describe(el) });
    if (checked.has(el)) continue;
    checked.add(el);
    const style = getComputedStyle(el);
    const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1)) {
      boxes.push({ kind: 'clipped', text, where: describe(el) });
    }
    const rect = el.getBoundingClientRect();
    if ((rect.right > width + 1 || rect.left < -1) && !inScroller(el) && style.position !== 'fixed') {
      boxes.push({ kind: 'overflow', text, where: `${describe(el)} (${Math.round(rect.left)}–${Math.round(rect.right)} px)` });
    }
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
    if (el.closest('[aria-hidden="true"]')) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name)?.trim();
      if (value) texts.push({ text: value, where: `${describe(el)}[${name}]` });
    }
  }
  return { texts, boxes };
}

function frenchIn(text: string, known: readonly string[]): string[] {
  let rest = text.replace(/…$/, '').trim();
  if (known.some((piece) => piece.includes(rest))) return [];
  // A title quoted and cut short ("“Plafond de 40 € par an…”"): people's words too.
  rest = rest.replace(/“([^”]*)”/g, (quoted, inner: string) => {
    const start = inner.replace(/…$/, '').trim();
    return start.length > 0 && known.some((piece) => piece.includes(start)) ? ' ' : quoted;
  });
  for (const piece of known) if (piece.length >= 3 && rest.includes(piece)) rest = rest.split(piece).join(' ');
  const words = rest.match(WORD) ?? [];
  return words.filter((word) => {
    const lower = word.toLowerCase().replace(/[’']s$/, '');
    if (FRENCH_WORDS.includes(lower)) return true;
    return /[àâçéèêëîïôûùüÿœ]/.test(lower) && !ACCENTED_ENGLISH.has(lower);
  });
}

/**
 * Fails, naming each finding, when the page shows a French word of the interface or text its
 * box cuts. `known` is `peoplesWords()`.
 */
export async function englishProblems(page: Page, screen: string, known: readonly string[]): Promise<string[]> {
  const { texts, boxes } = await page.evaluate(readPage);
  const problems: string[] = [];
  for (const { text, where } of texts) {
    const words = frenchIn(text, known);
    if (words.length > 0) problems.push(`${screen}: French "${words.join(' ')}" in "${text.slice(0, 120)}" (${where})`);
  }
  for (const box of boxes) problems.push(`${screen}: ${box.kind} "${box.text.slice(0, 80)}" (${box.where})`);
  return [...new Set(problems)];
}

/** Only the boxes: text cut by its box, or past the window's edge (any language). */
export async function cutText(page: Page, screen: string): Promise<string[]> {
  const { boxes } = await page.evaluate(readPage);
  return [...new Set(boxes.map((box) => `${screen}: ${box.kind} "${box.text.slice(0, 80)}" (${box.where})`))];
}
