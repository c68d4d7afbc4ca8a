import { PEPIN_LIMITS } from './limits';

/** FilePepinInput.customerImpact, least to most serious (the order of the forms' lists). */
export const CUSTOMER_IMPACTS = ['NONE', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
export type CustomerImpactValue = (typeof CUSTOMER_IMPACTS)[number];

export type Language = 'fr' | 'en';

/** The words of the fields a filing form shows, the same in the console and on the desktop. */
export interface FilingWords {
  readonly title: string;
  readonly titleHint: string;
  readonly titleProblem: string;
  readonly description: string;
  readonly descriptionProblem: string;
  readonly impact: string;
  readonly impacts: Readonly<Record<CustomerImpactValue, string>>;
  readonly callReference: string;
  readonly callReferenceHint: string;
  readonly signed: string;
  readonly signedHint: string;
  readonly noRuleApplies: string;
  readonly ruleOrNoRule: string;
  readonly submit: string;
}

const { title, description } = PEPIN_LIMITS;
const frNumber = (n: number) => n.toLocaleString('fr-FR').replace(/\s/g, ' ');
const enNumber = (n: number) => n.toLocaleString('en-GB');

/** French first; numbers come from the limits, so a hint never promises what the API refuses. */
export const FILING_WORDS: Readonly<Record<Language, FilingWords>> = {
  fr: {
    title: 'Titre',
    titleHint: `En quelques mots, ${title.min} à ${title.max} caractères.`,
    titleProblem: `Le titre doit compter entre ${title.min} et ${title.max} caractères.`,
    description: 'Ce qui s’est passé',
    descriptionProblem: `La description doit compter entre ${description.min} et ${frNumber(description.max)} caractères.`,
    impact: 'Impact pour le client',
    impacts: { NONE: 'Aucun', MINOR: 'Mineur', MAJOR: 'Majeur', CRITICAL: 'Critique' },
    callReference: 'Référence de l’appel (facultatif)',
    callReferenceHint: `${PEPIN_LIMITS.callReference.max} caractères au plus ; visible des managers seulement si vous montrez votre nom.`,
    signed: 'Montrer mon nom aux managers',
    signedHint: 'Sinon votre pépin reste anonyme : les managers ne voient jamais qui l’a signalé.',
    noRuleApplies: 'Aucune règle ne couvre ce cas',
    ruleOrNoRule: 'Indiquez la règle concernée, ou cochez « Aucune règle ne couvre ce cas ».',
    submit: 'Envoyer le pépin',
  },
  en: {
    title: 'Title',
    titleHint: `A few words, ${title.min} to ${title.max} characters.`,
    titleProblem: `The title must be ${title.min} to ${title.max} characters long.`,
    description: 'What happened',
    descriptionProblem: `The description must be ${description.min} to ${enNumber(description.max)} characters long.`,
    impact: 'Impact on the customer',
    impacts: { NONE: 'None', MINOR: 'Minor', MAJOR: 'Major', CRITICAL: 'Critical' },
    callReference: 'Call reference (optional)',
    callReferenceHint: `At most ${PEPIN_LIMITS.callReference.max} characters; managers see it only if you show your name.`,
    signed: 'Show my name to managers',
    signedHint: 'Otherwise your pépin stays anonymous: managers never see who reported it.',
    noRuleApplies: 'No rule covers this case',
    ruleOrNoRule: 'Give the rule concerned, or tick “No rule covers this case”.',
    submit: 'Send the pépin',
  },
};
