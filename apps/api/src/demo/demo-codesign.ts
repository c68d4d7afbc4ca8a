import type { INestApplicationContext } from '@nestjs/common';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import type { PepinView } from '@pepite/api/pepins';
import {
  CoAuthorInvitations,
  ProposalAuthoring,
  ProposalDiscussion,
  ProposalPublication,
  type RuleChangeRequest,
} from '@pepite/api/proposals';
import { VoteChoice, VoteStatus, VotingService } from '@pepite/api/voting';

const DAY = 86_400_000;

/**
 * Carries acknowledged demo pépins through co-design, votes and publication with the real
 * use cases, so the demo shows proposals in every state and two releases that answer
 * pépins. Publications are made by a manager who did not write the proposal (four eyes).
 */
export async function advanceDemoCodesign(
  app: INestApplicationContext,
  pepins: ReadonlyMap<string, PepinView>,
  _manager: AuthenticatedUser,
  now: number,
  say: (line: string) => void,
): Promise<void> {
  const directory = app.get(UserDirectoryService);
  const person = async (email: string): Promise<AuthenticatedUser> => {
    const entity = await directory.findUserByEmail(email);
    const user = entity ? await directory.findActiveUser(entity.id) : null;
    if (!user) throw new Error(`demo data: the demo account ${email} is missing`);
    return user;
  };
  const [m1, m2, m3] = await Promise.all([1, 2, 3].map((n) => person(`manager${n}@pepite.demo`)));
  const managers = [m1, m2, m3] as AuthenticatedUser[];
  const bruno = await person('operator6@pepite.demo');
  const ids = (...demoIds: string[]) =>
    demoIds.map((id) => {
      const view = pepins.get(id);
      if (!view) throw new Error(`demo data: pépin ${id} was not loaded`);
      return view.id;
    });
  const authoring = app.get(ProposalAuthoring);
  const invitations = app.get(CoAuthorInvitations);
  const discussion = app.get(ProposalDiscussion);
  const voting = app.get(VotingService);
  const publication = app.get(ProposalPublication);
  const closesAt = new Date(now + 5 * DAY);
  const create = (by: AuthenticatedUser, demoIds: string[], title: string, rationale: string, changes: RuleChangeRequest[]) =>
    authoring.createProposal(by, { pepinIds: ids(...demoIds), title, rationale, changes });
  const voteAll = async (proposalId: string, opener: AuthenticatedUser, choices: [VoteChoice, string | null][]) => {
    await voting.openVote(opener, { proposalId, closesAt });
    // The vote closes by itself once the outcome is settled: the managers left do not vote.
    for (const [i, [choice, reason]] of choices.entries()) {
      if ((await voting.proposalVote(opener, proposalId))?.status !== VoteStatus.OPEN) break;
      await voting.castVote(managers[i] as AuthenticatedUser, proposalId, choice, reason);
    }
  };
  const approve: [VoteChoice, null][] = [
    [VoteChoice.APPROVE, null],
    [VoteChoice.APPROVE, null],
    [VoteChoice.APPROVE, null],
  ];

  // In design: two revisions, an anonymous operator co-author, endorsements.
  const design = await create(m1, ['p01', 'p02'], 'Relever le seuil des remboursements sans enquête',
    'Les opérateurs renvoient vers les litiges des clients de bonne foi pour des montants modestes, et les cas urgents attendent dix jours.',
    [{ kind: 'AMEND', ruleKey: 'REFUND-001', latitude: 'Vous décidez seul du renvoi ou du remboursement jusqu’à 250 € TTC par commande, lors de la première déclaration de non-réception du client sur 12 mois.' }]);
  // The reporter of p01, invited as such (unnamed), co-authors anonymously.
  const reporterOfP01 = await person('operator2@pepite.demo');
  await invitations.inviteReporter(m1, design.id, ids('p01')[0] as string);
  await invitations.respondToCoAuthorInvitation(reporterOfP01, design.id, true, true);
  await authoring.reviseProposal(reporterOfP01, design.id, {
    note: 'Ajout du cas des produits de santé, qui ne peuvent pas attendre la fin de l’enquête.',
    changes: [{ kind: 'AMEND', ruleKey: 'REFUND-001', latitude: 'Vous décidez seul du renvoi ou du remboursement jusqu’à 250 € TTC par commande, lors de la première déclaration de non-réception du client sur 12 mois. Pour un produit de santé ou un traitement en cours, vous renvoyez l’article en express sans attendre la fin de l’enquête.' }],
  });
  await discussion.endorseProposal(bruno, design.id, { comment: 'Enfin : la moitié de mes appels de la semaine dernière auraient été réglés.' });

  // In vote: one ballot cast, four days left.
  const inVote = await create(m2, ['p03'], 'Une vérification d’identité adaptée aux clients malentendants',
    'Les trois questions au téléphone excluent les clients malentendants ; un code envoyé par SMS ou par e-mail les remplace sans affaiblir la vérification.',
    [{ kind: 'AMEND', ruleKey: 'IDENTITY-001', latitude: 'Si le client ne peut pas répondre oralement, vous lui envoyez un code à usage unique par SMS ou par e-mail, à saisir dans le chat ou à dicter par un proche présent.' }]);
  await voting.openVote(m2, { proposalId: inVote.id, closesAt });
  await voting.castVote(m1, inVote.id, VoteChoice.APPROVE, null);

  // Published together in one release: the two pépins that became pépites.
  const bereavement = await create(m1, ['p04', 'p05'], 'Décès d’un client et plafond des gestes commerciaux',
    'Deux règles qui font répéter aux opérateurs des réponses qui blessent ou pénalisent nos clients les plus fidèles.',
    [
      { kind: 'AMEND', ruleKey: 'IDENTITY-002', latitude: 'Sans l’accord du titulaire, vous pouvez prendre un message pour lui et donner les informations générales. Quand un proche annonce un décès, vous suspendez aussitôt les prélèvements, vous résiliez l’abonnement sans frais à la date annoncée et vous envoyez vous-même le formulaire « Décès d’un client » : l’acte de décès peut suivre sous 60 jours.' },
      { kind: 'AMEND', ruleKey: 'GOODWILL-001', latitude: 'Vous décidez seul d’un geste jusqu’à 20 € par dossier, dans la limite de 40 € cumulés par client sur 12 mois glissants. Les gestes accordés pour réparer nos propres erreurs (colis perdu, erreur de préparation, rappel non tenu) ne comptent pas dans ce plafond.' },
    ]);
  await voteAll(bereavement.id, m1, approve);
  const first = await publication.publish(m2, { proposalIds: [bereavement.id], notes: 'Deux règles revues avec les opérateurs après leurs pépins.' });

  // Published alone, in the next release.
  const callback = await create(m3, ['p06'], 'Rappels promis : un créneau réservé dans l’outil',
    'L’outil de rappel ne propose pas de créneau sous trois jours quand le plateau est chargé ; les opérateurs promettent ce qu’ils ne peuvent pas tenir.',
    [{ kind: 'AMEND', ruleKey: 'CALLBACK-001', latitude: 'Si l’outil ne propose aucun créneau sous 3 jours ouvrés, vous réservez un créneau dans la file prioritaire du superviseur, que vous pouvez utiliser seul.' }]);
  await voteAll(callback.id, m3, approve);
  const second = await publication.publish(m1, { proposalIds: [callback.id], notes: 'Rappels : une file prioritaire quand l’outil est saturé.' });

  // Approved, waiting to be published.
  const approved = await create(m2, ['p07'], 'Enregistrer une demande RGPD sans compte client actif',
    'Un ancien client ne peut exercer ses droits ni en ligne ni par téléphone : l’outil exige un compte actif et nous le renvoyons vers un courrier.',
    [{ kind: 'AMEND', ruleKey: 'GDPR-001', latitude: 'Vous pouvez répondre vous-même aux questions simples sur l’usage des données et modifier les préférences de communication. Pour un ancien client sans compte actif, vous enregistrez la demande dans l’outil RGPD avec son adresse e-mail ou postale vérifiée. Vous n’envoyez jamais vous-même d’extraction de données.' }]);
  await voteAll(approved.id, m2, approve);

  // Rejected by the vote: back in design with the reasons.
  const rejected = await create(m3, ['p09'], 'Renvoi express sans accord pour tout colis en retard',
    'Un colis en retard pour un besoin daté devrait pouvoir repartir en express comme un colis perdu, sans attendre le superviseur.',
    [{ kind: 'AMEND', ruleKey: 'DELIVERY-001', latitude: 'Vous pouvez rembourser les frais de livraison dès que le retard dépasse 3 jours ouvrés et renvoyer l’article en express sans frais, sans accord, pour tout colis en retard.' }]);
  await voteAll(rejected.id, m3, [
    [VoteChoice.REJECT, 'Pour tout colis en retard, c’est trop large : limitons-le aux besoins datés, comme pour les colis perdus.'],
    [VoteChoice.REJECT, 'Le coût d’un renvoi express systématique n’est pas chiffré ; revoyons la proposition avec un plafond.'],
    [VoteChoice.APPROVE, null],
  ]);

  say(`demo data: 6 proposals (1 in design, 1 rejected back in design, 1 in vote, 1 approved, 2 published); releases ${first.version} and ${second.version} answer demo pépins`);
}
