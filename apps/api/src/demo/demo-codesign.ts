import type { INestApplicationContext } from '@nestjs/common';
import type { AuthenticatedUser } from '@pepite/api/identity';
import { PepinStatus, PepinTriage, type PepinView } from '@pepite/api/pepins';
import { ReleaseCatalog, RulebookPublisher, type RuleDraft } from '@pepite/api/rulebook';

/**
 * Carries the five co-design pépins further, so the demo shows every stage of the
 * lifecycle: two in design, one in vote, and two that became pépites in release 2, which
 * really rewrites the two rules they were about. (Proposals and votes will create these
 * stages themselves once that context lands; the rule texts here are what they decide.)
 */
export async function advanceDemoCodesign(
  app: INestApplicationContext,
  pepins: ReadonlyMap<string, PepinView>,
  manager: AuthenticatedUser,
  now: number,
  say: (line: string) => void,
): Promise<void> {
  const triage = app.get(PepinTriage);
  const pick = (...ids: string[]) =>
    ids.map((id) => {
      const view = pepins.get(id);
      if (!view) throw new Error(`demo data: pépin ${id} was not loaded`);
      return view;
    });
  // Each step at its share of the time since the pépin was acknowledged, so histories stay in order.
  const move = async (views: readonly PepinView[], to: PepinStatus, message: string, share: number) => {
    for (const view of views) {
      const since = (view.acknowledgedAt ?? view.createdAt).getTime();
      await triage.moveToStatus([view.id], to, manager, message, undefined, { at: new Date(since + (now - since) * share) });
    }
  };

  const all = pick('p01', 'p02', 'p03', 'p04', 'p05');
  await move(all, PepinStatus.IN_DESIGN, 'Atelier de co-conception ouvert avec les opérateurs volontaires.', 1 / 3);
  const [, , voting, ...published] = all;
  await move([voting as PepinView, ...published], PepinStatus.IN_VOTE, 'Proposition soumise au vote des managers du plateau.', 2 / 3);

  const catalog = app.get(ReleaseCatalog);
  const rules = new Map((await catalog.rules(catalog.latestVersion)).map((rule) => [rule.key, rule]));
  const draftOf = (key: string, changes: Partial<RuleDraft>): RuleDraft => {
    const rule = rules.get(key);
    if (!rule) throw new Error(`demo data: rule ${key} is not in force`);
    const { revision: _revision, ...draft } = rule;
    return { ...draft, tags: [...draft.tags], ...changes };
  };
  const release = await app.get(RulebookPublisher).publish({
    notes: 'Deux règles revues avec les opérateurs après leurs pépins : décès d’un client, plafond des gestes commerciaux.',
    answers: published.map((view) => view.reference),
    publishedBy: manager.id,
    changes: [
      {
        kind: 'AMEND',
        rule: draftOf('IDENTITY-002', {
          latitude:
            'Sans l’accord du titulaire, vous pouvez prendre un message pour lui et donner les informations générales. Quand un proche annonce un décès, vous suspendez aussitôt les prélèvements, vous résiliez l’abonnement sans frais à la date annoncée et vous envoyez vous-même le formulaire « Décès d’un client » à l’adresse que la famille vous indique : l’acte de décès peut suivre sous 60 jours. Vous appréciez seul si l’accord donné par le titulaire au téléphone est clair ; en cas de doute, vous ne traitez pas la demande.',
          customerWording:
            '« Toutes mes condoléances. Je m’occupe de tout dès maintenant : les prélèvements sont arrêtés et l’abonnement est résilié sans frais. Je vous envoie un formulaire ; vous pourrez nous faire parvenir l’acte de décès plus tard, quand vous le pourrez. »',
        }),
      },
      {
        kind: 'AMEND',
        rule: draftOf('GOODWILL-001', {
          latitude:
            'Vous décidez seul d’un geste jusqu’à 20 € par dossier, sous la forme de votre choix, dans la limite de 40 € cumulés par client sur 12 mois glissants. Les gestes accordés pour réparer nos propres erreurs (colis perdu, erreur de préparation, rappel non tenu) ne comptent pas dans ce plafond annuel. Un mois d’abonnement offert compte pour son prix mensuel. Le remboursement des frais de livraison prévu par DELIVERY-001 ne compte pas dans cette enveloppe.',
        }),
      },
    ],
  });
  await move(published, PepinStatus.PUBLISHED, `Réponse publiée dans la version ${release.version} du règlement.`, 1);
  say(`demo data: 2 pépins in design, 1 in vote, 2 pépites answered by release ${release.version}`);
}
