import type { Locale } from '@pepite/api/errors';
import type { KindCatalogue } from './kind-definition';
import { count, list, named, text, when, type Params, type RenderContext, type Words } from './rendering-kit';

function proposal(c: RenderContext): string {
  return named(c.reader.locale, text(c.params, 'reference'), text(c.params, 'title'));
}

const OUTCOME: Readonly<Record<string, Words>> = {
  APPROVED: { fr: 'approuvée', en: 'approved' },
  REJECTED: { fr: 'rejetée et renvoyée en conception', en: 'rejected and sent back to design' },
  NO_QUORUM: { fr: 'renvoyée en conception faute de quorum', en: 'sent back to design for want of a quorum' },
  CANCELLED: { fr: 'renvoyée en conception (vote annulé)', en: 'sent back to design (vote cancelled)' },
};

/** A vote's outcome in the reader's words (`params.outcome`). */
export function outcome(locale: Locale, params: Params): string {
  return OUTCOME[text(params, 'outcome')]?.[locale] ?? text(params, 'outcome');
}

/** The reasons given against, after the sentence, or nothing. */
export function reasons(locale: Locale, params: Params): string {
  const given = list(params, 'reasons');
  if (given.length === 0) return '';
  return locale === 'fr' ? ` Motifs : ${given.join(' ; ')}` : ` Reasons: ${given.join('; ')}`;
}

/** Co-design and votes: the proposal is the subject. */
export const PROPOSAL_KINDS: KindCatalogue = {
  PROPOSAL_CO_AUTHOR_INVITED: {
    title: { fr: 'Invitation à co-écrire', en: 'Invitation to co-author' },
    // By name (`inviterName`: the invitee co-signs) or as a pépin's reporter (`asReporterOf`: may stay anonymous).
    body: {
      fr: (c) =>
        text(c.params, 'asReporterOf')
          ? `Les managers invitent l’auteur du pépin ${text(c.params, 'asReporterOf')} à co-écrire la proposition ${proposal(c)}, sans savoir qui vous êtes. Vous pouvez accepter en restant anonyme.`
          : `${text(c.params, 'inviterName')} vous invite par votre nom à co-écrire la proposition ${proposal(c)}. En acceptant, vous la co-signez de votre nom.`,
      en: (c) =>
        text(c.params, 'asReporterOf')
          ? `The managers invite the reporter of pépin ${text(c.params, 'asReporterOf')} to co-author proposal ${proposal(c)}, without knowing who you are. You may accept and stay anonymous.`
          : `${text(c.params, 'inviterName')} invites you by name to co-author proposal ${proposal(c)}. If you accept, you co-sign it under your name.`,
    },
  },
  PROPOSAL_REVISED: {
    title: { fr: 'Nouvelle révision', en: 'New revision' },
    body: {
      fr: (c) =>
        `La proposition ${proposal(c)} que vous co-écrivez a une nouvelle révision (n° ${text(c.params, 'revision')}).`,
      en: (c) => `Proposal ${proposal(c)}, which you co-author, has a new revision (#${text(c.params, 'revision')}).`,
    },
  },
  PROPOSAL_COMMENT_REPLIED: {
    title: { fr: 'Réponse à votre commentaire', en: 'Reply to your comment' },
    body: {
      fr: (c) => `Quelqu’un a répondu à votre commentaire sur la proposition ${proposal(c)}.`,
      en: (c) => `Someone replied to your comment on proposal ${proposal(c)}.`,
    },
  },
  PROPOSAL_PUBLISHED: {
    title: { fr: 'Proposition publiée', en: 'Proposal published' },
    body: {
      fr: (c) =>
        `La proposition ${proposal(c)} est publiée dans la version ${text(c.params, 'release')} du règlement.`,
      en: (c) => `Proposal ${proposal(c)} is published in rulebook release ${text(c.params, 'release')}.`,
    },
  },
  VOTE_OPENED: {
    title: { fr: 'Vote ouvert', en: 'Vote opened' },
    body: {
      fr: (c) =>
        `Un vote est ouvert sur la proposition ${proposal(c)} jusqu’au ${when(c.params['closesAt'], c.reader)}.`,
      en: (c) => `A vote is open on proposal ${proposal(c)} until ${when(c.params['closesAt'], c.reader)}.`,
    },
  },
  VOTE_CLOSED: {
    title: { fr: 'Vote clos', en: 'Vote closed' },
    body: {
      fr: (c) =>
        `Vote clos : la proposition ${proposal(c)} est ${outcome('fr', c.params)} ` +
        `(pour ${count(c.params, 'approve')}, contre ${count(c.params, 'reject')}, abstention ${count(c.params, 'abstain')}).` +
        reasons('fr', c.params),
      en: (c) =>
        `Vote closed: proposal ${proposal(c)} is ${outcome('en', c.params)} ` +
        `(approve ${count(c.params, 'approve')}, reject ${count(c.params, 'reject')}, abstain ${count(c.params, 'abstain')}).` +
        reasons('en', c.params),
    },
  },
};
