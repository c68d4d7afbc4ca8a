import { createHash } from 'node:crypto';
import { PEPIN_LIMITS } from '@pepite/pepin-form';
import { CustomerImpact } from './pepin-status';

/** What an operator sends to file a pépin (GraphQL `FilePepinInput`), before any check. */
export interface FilePepinCommand {
  readonly title: string;
  readonly description: string;
  readonly customerImpact?: CustomerImpact | null;
  /** The rule that blocked the operator; absent means "no rule covers this". */
  readonly ruleKey?: string | null;
  /** The rulebook release the operator was reading; defaults to the one in force. */
  readonly ruleVersion?: number | null;
  /** Said explicitly: "no rule covers this". Cannot go with a rule key. */
  readonly noRuleApplies?: boolean | null;
  readonly callReference?: string | null;
  /** Managers may see who filed it. */
  readonly signed?: boolean | null;
  /** Sent again with a retried request: the same pépin comes back, nothing new is created. */
  readonly idempotencyKey?: string | null;
}

/** A filing that passed every check that needs no database. */
export interface PepinDraft {
  readonly title: string;
  readonly description: string;
  readonly customerImpact: CustomerImpact;
  readonly ruleKey: string | null;
  /** Null with a rule key means "the release in force"; resolved when the pépin is written. */
  readonly ruleVersion: number | null;
  readonly noRuleApplies: boolean;
  readonly callReference: string | null;
  readonly signed: boolean;
  readonly idempotencyKey: string | null;
}

// The limits live with the forms' words in a shared library, so that the console and the
// desktop show and enforce exactly what this check accepts.
export { PEPIN_LIMITS } from '@pepite/pepin-form';

const RULE_KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-[0-9]+$/;
const CALL_REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N}._:/#-]*$/u;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]+$/;

export type FilingProblemReason =
  'TOO_SHORT' | 'TOO_LONG' | 'INVALID_FORMAT' | 'NOT_ALLOWED_TOGETHER' | 'REQUIRES_RULE_KEY';

export interface FilingProblem {
  readonly field: keyof FilePepinCommand;
  readonly reason: FilingProblemReason;
  readonly fr: string;
  readonly en: string;
}

export interface FilingValidation {
  /** Present exactly when there is no problem. */
  readonly draft?: PepinDraft;
  readonly problems: readonly FilingProblem[];
}

const FIELD_NAMES: Record<keyof FilePepinCommand, { fr: string; en: string }> = {
  title: { fr: 'le titre', en: 'the title' },
  description: { fr: 'la description de ce qui s’est passé', en: 'the description of what happened' },
  customerImpact: { fr: 'l’impact client', en: 'the customer impact' },
  ruleKey: { fr: 'la règle concernée', en: 'the rule concerned' },
  ruleVersion: { fr: 'la version du règlement', en: 'the rulebook version' },
  noRuleApplies: { fr: '« aucune règle ne couvre ce cas »', en: '“no rule covers this”' },
  callReference: { fr: 'la référence d’appel', en: 'the call reference' },
  signed: { fr: 'la signature', en: 'the signature' },
  idempotencyKey: { fr: 'la clé d’idempotence', en: 'the idempotency key' },
};

/** Number of characters as people count them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Checks a filing and normalises it (trimmed texts, upper-case rule key, defaults). Pure. */
export function validateFiling(command: FilePepinCommand): FilingValidation {
  const problems: FilingProblem[] = [];
  const title = normaliseText(command.title);
  const description = normaliseText(command.description);
  lengthProblem(problems, 'title', title, PEPIN_LIMITS.title);
  lengthProblem(problems, 'description', description, PEPIN_LIMITS.description);

  const ruleKey = optionalText(command.ruleKey)?.toUpperCase() ?? null;
  if (ruleKey !== null && (characterCount(ruleKey) > PEPIN_LIMITS.ruleKey.max || !RULE_KEY.test(ruleKey))) {
    problems.push({
      field: 'ruleKey',
      reason: 'INVALID_FORMAT',
      fr: `« ${clip(ruleKey)} » n’est pas une clé de règle (par exemple REFUND-004).`,
      en: `“${clip(ruleKey)}” is not a rule key (for example REFUND-004).`,
    });
  }
  const ruleVersion = command.ruleVersion ?? null;
  if (ruleVersion !== null && (!Number.isSafeInteger(ruleVersion) || ruleVersion < 1)) {
    problems.push({
      field: 'ruleVersion',
      reason: 'INVALID_FORMAT',
      fr: 'La version du règlement doit être un entier positif.',
      en: 'The rulebook version must be a positive whole number.',
    });
  }
  if (ruleVersion !== null && ruleKey === null) {
    problems.push({
      field: 'ruleVersion',
      reason: 'REQUIRES_RULE_KEY',
      fr: 'Une version du règlement ne se donne qu’avec la règle concernée.',
      en: 'A rulebook version only goes with the rule it concerns.',
    });
  }
  if (ruleKey !== null && command.noRuleApplies === true) {
    problems.push({
      field: 'noRuleApplies',
      reason: 'NOT_ALLOWED_TOGETHER',
      fr: 'Choisissez : soit une règle concernée, soit « aucune règle ne couvre ce cas ».',
      en: 'Choose either the rule concerned or “no rule covers this”, not both.',
    });
  }

  const callReference = optionalText(command.callReference);
  const callProblem = callReference === null ? null : callReferenceProblem(callReference);
  if (callProblem) problems.push({ field: 'callReference', ...callProblem });

  const idempotencyKey = optionalText(command.idempotencyKey);
  if (idempotencyKey !== null) {
    const length = characterCount(idempotencyKey);
    if (
      length < PEPIN_LIMITS.idempotencyKey.min ||
      length > PEPIN_LIMITS.idempotencyKey.max ||
      !IDEMPOTENCY_KEY.test(idempotencyKey)
    ) {
      problems.push({
        field: 'idempotencyKey',
        reason: 'INVALID_FORMAT',
        fr: `La clé d’idempotence doit faire de ${PEPIN_LIMITS.idempotencyKey.min} à ${PEPIN_LIMITS.idempotencyKey.max} caractères parmi A-Z a-z 0-9 . _ : -.`,
        en: `The idempotency key must be ${PEPIN_LIMITS.idempotencyKey.min} to ${PEPIN_LIMITS.idempotencyKey.max} characters among A-Z a-z 0-9 . _ : -.`,
      });
    }
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    draft: {
      title,
      description,
      customerImpact: command.customerImpact ?? CustomerImpact.NONE,
      ruleKey,
      ruleVersion,
      noRuleApplies: ruleKey === null,
      callReference,
      signed: command.signed === true,
      idempotencyKey,
    },
  };
}

/**
 * What makes two filings "the same content" for idempotency: every normalised field but
 * the key itself. The release in force is not part of it (a retry after a publication is
 * still the same filing).
 */
export function filingFingerprint(draft: PepinDraft): string {
  const canonical = JSON.stringify([
    draft.title,
    draft.description,
    draft.customerImpact,
    draft.ruleKey,
    draft.ruleVersion,
    draft.noRuleApplies,
    draft.callReference,
    draft.signed,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Null when the (trimmed, non-empty) text is an acceptable call reference. */
export function callReferenceProblem(
  callReference: string,
): { reason: FilingProblemReason; fr: string; en: string } | null {
  if (characterCount(callReference) > PEPIN_LIMITS.callReference.max) {
    const { reason, fr, en } = tooLong('callReference', PEPIN_LIMITS.callReference.max);
    return { reason, fr, en };
  }
  if (!CALL_REFERENCE.test(callReference)) {
    return {
      reason: 'INVALID_FORMAT',
      fr: 'La référence d’appel ne peut contenir que des lettres, des chiffres et . _ : / # -, sans espace.',
      en: 'The call reference may only hold letters, digits and . _ : / # -, without spaces.',
    };
  }
  return null;
}

/** Null when the reason is a real sentence: 20 characters and 4 words at least. */
export function declineReasonProblem(reason: string): { fr: string; en: string } | null {
  const text = normaliseText(reason);
  const { min, minWords, max } = PEPIN_LIMITS.declineReason;
  const length = characterCount(text);
  if (length > max) {
    return {
      fr: `La raison doit faire au plus ${max} caractères.`,
      en: `The reason must be at most ${max} characters long.`,
    };
  }
  if (length < min || wordCount(text) < minWords) {
    return {
      fr: `Expliquez au rapporteur pourquoi, en une vraie phrase : au moins ${min} caractères et ${minWords} mots.`,
      en: `Tell the reporter why, in a real sentence: at least ${min} characters and ${minWords} words.`,
    };
  }
  return null;
}

/** Words: runs of letters or digits with at least one letter (so "1 2 3 4" is not a sentence). */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).filter((word) => /\p{L}/u.test(word)).length;
}

/** Trims and collapses runs of blank characters inside a line; keeps line breaks (at most two in a row). */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function optionalText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function lengthProblem(
  problems: FilingProblem[],
  field: keyof FilePepinCommand,
  text: string,
  limits: { readonly min: number; readonly max: number },
): void {
  const length = characterCount(text);
  if (length < limits.min) {
    const name = FIELD_NAMES[field];
    problems.push({
      field,
      reason: 'TOO_SHORT',
      fr: `${capitalise(name.fr)} doit faire au moins ${limits.min} caractères (${length} actuellement).`,
      en: `${capitalise(name.en)} must be at least ${limits.min} characters long (${length} now).`,
    });
  } else if (length > limits.max) {
    problems.push(tooLong(field, limits.max, length));
  }
}

function tooLong(field: keyof FilePepinCommand, max: number, length?: number): FilingProblem {
  const name = FIELD_NAMES[field];
  const now = length === undefined ? { fr: '', en: '' } : { fr: ` (${length} actuellement)`, en: ` (${length} now)` };
  return {
    field,
    reason: 'TOO_LONG',
    fr: `${capitalise(name.fr)} doit faire au plus ${max} caractères${now.fr}.`,
    en: `${capitalise(name.en)} must be at most ${max} characters long${now.en}.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string): string {
  return characterCount(text) > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
}
