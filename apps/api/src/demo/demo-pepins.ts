// Longer than 350 lines: demo data, forty pépins written out in full as operators would write them.
/**
 * The demo call centre's pépins: forty reports written by the operators of the Plateau Lyon
 * Part-Dieu (demo-people.ts) against the French demo rulebook, release 1
 * (apps/api/src/demo/demo-rulebook.fr.yaml), with what happened to each of them.
 *
 * Pure data. Times are relative: a pépin was filed `daysAgo` days before the demo is loaded,
 * and each step of its story happened `daysAfter` days after that filing (always before now).
 *
 * What the stories produce: 10 NEW (4 of them past the 72 h acknowledgement promise), 20
 * ACKNOWLEDGED (5 of which are waiting for co-design, see DEMO_CODESIGN_PEPIN_IDS), 5 DECLINED
 * and 5 DUPLICATE. Several open pépins are near-duplicates of each other on purpose, so that
 * "similar pépins" and merging have something to show.
 *
 * Unsigned descriptions avoid gendered first-person agreements, so the text itself does not
 * narrow down who wrote it; managers always address the reporter as « vous ».
 */

export type DemoImpact = 'NONE' | 'MINOR' | 'MAJOR' | 'CRITICAL';

export interface DemoPepin {
  /** Stable local id for cross-references, e.g. 'p01'. */
  readonly id: string;
  /** E-mail of the operator who filed it (operator1..8@pepite.demo). */
  readonly reporter: string;
  /** When it was filed, in days before the demo is loaded (fractions allowed). */
  readonly daysAgo: number;
  readonly title: string;
  readonly description: string;
  readonly customerImpact: DemoImpact;
  /** A key of the demo rulebook, release 1; absent when noRuleApplies. */
  readonly ruleKey?: string;
  readonly noRuleApplies?: true;
  readonly callReference?: string;
  readonly signed?: true;
  /** Other operators who said "me too" (never the reporter). */
  readonly supporters?: readonly string[];
  /** What happened next, in order. */
  readonly story?: readonly DemoStep[];
}

export type DemoStep =
  | { readonly kind: 'acknowledge'; readonly by: string; readonly daysAfter: number; readonly message?: string }
  /** `reason` is at least 20 characters and 4 words, kind, and says why. */
  | { readonly kind: 'decline'; readonly by: string; readonly daysAfter: number; readonly reason: string }
  /** `of` is the id of the kept pépin, filed earlier and not itself a duplicate. */
  | { readonly kind: 'duplicate'; readonly by: string; readonly daysAfter: number; readonly of: string }
  /** A manager asks the (anonymous) reporter a question. */
  | { readonly kind: 'question'; readonly by: string; readonly daysAfter: number; readonly body: string }
  /** The reporter answers. */
  | { readonly kind: 'answer'; readonly daysAfter: number; readonly body: string }
  /**
   * The reporter asks `manager` for a double écoute at `daysAfter`. With `scheduledInDays`
   * the manager set the session that many days after the request (in the future unless there
   * is an `outcome`); with `outcome` the session took place and is done.
   */
  | {
      readonly kind: 'listening';
      readonly manager: string;
      readonly daysAfter: number;
      readonly reason: string;
      readonly scheduledInDays?: number;
      readonly operatorNotes?: string;
      readonly managerNotes?: string;
      readonly outcome?: string;
    };

const OP1 = 'operator1@pepite.demo';
const OP2 = 'operator2@pepite.demo';
const OP3 = 'operator3@pepite.demo';
const OP4 = 'operator4@pepite.demo';
const OP5 = 'operator5@pepite.demo';
const OP6 = 'operator6@pepite.demo';
const OP7 = 'operator7@pepite.demo';
const OP8 = 'operator8@pepite.demo';
/** Karim Benali, billing. */
const M1 = 'manager1@pepite.demo';
/** Isabelle Rousseau, delivery. */
const M2 = 'manager2@pepite.demo';
/** Thomas Nguyen, billing. */
const M3 = 'manager3@pepite.demo';

/** Acknowledged pépins whose acknowledgement announces a revision: the future proposals answer them. */
export const DEMO_CODESIGN_PEPIN_IDS: readonly string[] = ['p01', 'p02', 'p03', 'p04', 'p05'];

export const DEMO_PEPINS: readonly DemoPepin[] = [
  // ── Acknowledged, a revision is being prepared (co-design to come) ─────────────────────────
  {
    id: 'p01',
    reporter: OP2,
    daysAgo: 52,
    title: 'Deuxième colis volé dans la même résidence : je dois renvoyer la cliente vers les litiges',
    description:
      'Cliente dans une résidence où les boîtes aux lettres sont forcées régulièrement (le syndic a déposé plainte, elle me l’a dit spontanément). Deuxième non-réception en huit mois, pour 62 €. Comme c’est la deuxième déclaration sur 12 mois, REFUND-001 m’oblige à passer par le service litiges : 5 jours ouvrés d’attente et un rappel à programmer, alors que le suivi montre une livraison en boîte aux lettres et qu’on ne lui a jamais proposé le point relais après le premier vol. Elle l’a très mal vécu : « donc je suis suspecte ». Pour un montant aussi faible et une explication aussi claire, j’aurais voulu trancher moi-même et basculer ses prochaines livraisons en point relais.',
    customerImpact: 'MAJOR',
    ruleKey: 'REFUND-001',
    callReference: 'APL-2026-01-0412',
    supporters: [OP1, OP4],
    story: [
      {
        kind: 'acknowledge',
        by: M1,
        daysAfter: 1.2,
        message:
          'Merci pour ce signalement très clair, et merci à celles et ceux qui l’ont appuyé. Le cas des résidences où les vols sont connus revient chaque semaine. Une révision de REFUND-001 est en préparation avec le service litiges (deuxième déclaration justifiée, bascule en point relais) ; nous vous proposerons d’y contribuer avant le vote.',
      },
    ],
  },
  {
    id: 'p02',
    reporter: OP6,
    daysAgo: 45,
    title: 'Capteurs de glycémie perdus : 10 jours d’enquête pour un enfant diabétique, ce n’est pas tenable',
    description:
      'Une maman appelle : le colis de capteurs de glycémie pour son fils n’a pas bougé depuis six jours, il lui en reste pour quatre jours. REFUND-001 me fait ouvrir une enquête transporteur et attendre jusqu’à 10 jours ouvrés avant de renvoyer, sauf si le transporteur confirme la perte, ce qu’il ne fait jamais avant la fin de l’enquête. La latitude prévoit le renvoi express pour un anniversaire ou la rentrée scolaire, pas pour un produit de santé. J’ai dû chercher un superviseur pendant l’appel : 14 minutes d’attente pour elle. Pour un produit de santé, il faudrait pouvoir renvoyer tout de suite en express et laisser l’enquête suivre son cours.',
    customerImpact: 'CRITICAL',
    ruleKey: 'REFUND-001',
    callReference: 'APL-2026-01-0877',
    supporters: [OP5, OP8],
    story: [
      {
        kind: 'acknowledge',
        by: M2,
        daysAfter: 0.8,
        message:
          'Vous avez raison : un traitement ne peut pas attendre la fin d’une enquête. Une révision de REFUND-001 et de DELIVERY-001 est en préparation pour autoriser le renvoi express immédiat des produits de santé ; une consigne provisoire sera publiée sur les postes en attendant. Nous vous associerons à la rédaction.',
      },
    ],
  },
  {
    id: 'p03',
    reporter: OP3,
    daysAgo: 38,
    title: 'Vérification d’identité impossible avec une cliente malentendante',
    description:
      'Cliente malentendante, appareillée, qui comprenait une question sur deux malgré mes efforts (je parlais lentement, je reformulais). Elle voulait juste savoir où en était le remboursement de son retour. Elle n’a pas compris quand j’ai demandé le code postal de livraison, puis elle a donné une ancienne adresse e-mail : deux échecs. IDENTITY-001 me dit alors de refuser de poursuivre et de signaler la tentative à la cellule fraude. Elle m’a proposé de m’écrire les réponses par SMS ou par le chat, mais rien ne le prévoit pendant un appel. J’ai fini par raccrocher sans lui répondre, et j’ai rempli un formulaire « Suspicion de fraude » sur une personne qui n’avait rien fait d’autre qu’être sourde. Il nous faut un parcours adapté : réponses par écrit, bascule vers le chat avec le même conseiller.',
    customerImpact: 'MAJOR',
    ruleKey: 'IDENTITY-001',
    callReference: 'APL-2026-01-1093',
    signed: true,
    story: [
      {
        kind: 'acknowledge',
        by: M3,
        daysAfter: 2,
        message:
          'Merci d’avoir signé ce pépin, et pardon pour la situation dans laquelle la règle vous a mise. Nous avons demandé à la cellule fraude de classer le signalement. Une révision d’IDENTITY-001 est en préparation avec la référente accessibilité : vérification par écrit, bascule vers le chat sans changer de conseiller. Vous serez invitée à la relire.',
      },
    ],
  },
  {
    id: 'p04',
    reporter: OP7,
    daysAgo: 33,
    title: 'Famille endeuillée : je n’ai pu que répéter « envoyez l’acte de décès »',
    description:
      'Un monsieur appelle pour sa mère, décédée la semaine dernière. Il voulait trois choses : arrêter l’abonnement, annuler une commande passée la veille du décès et savoir si un colis allait encore arriver chez elle, où il n’y a plus personne. IDENTITY-002 ne me laisse rien lui dire sans l’acte de décès envoyé par le formulaire « Décès d’un client ». Il ne l’a pas encore, la mairie met plusieurs jours. J’ai pu suspendre les prélèvements, c’est tout. Pour la commande, CANCEL-001 ne sert à rien puisque je ne peux pas traiter avec lui. Il a fini par me dire : « vous êtes la cinquième entreprise aujourd’hui à me demander un papier ». Il faudrait au minimum pouvoir annuler une commande non expédiée et bloquer les envois sur simple déclaration, en attendant les justificatifs.',
    customerImpact: 'MAJOR',
    ruleKey: 'IDENTITY-002',
    supporters: [OP1, OP5],
    story: [
      {
        kind: 'acknowledge',
        by: M2,
        daysAfter: 1.5,
        message:
          'Merci pour ce récit, qui a été lu en réunion d’équipe. Une révision d’IDENTITY-002 est en préparation : mesures conservatoires sur simple déclaration (annulation des commandes non expédiées, blocage des envois), justificatifs ensuite, et des mots plus humains à dire à la famille. Nous cherchons deux conseillers pour co-écrire la proposition.',
      },
      {
        kind: 'question',
        by: M2,
        daysAfter: 2,
        body: 'Pour préparer la révision : le colis déjà parti, vous auriez voulu pouvoir le faire revenir directement chez nous, ou le faire livrer à une autre adresse de la famille ?',
      },
      {
        kind: 'answer',
        daysAfter: 3.1,
        body: 'Le faire revenir chez nous, sans que la famille ait à refuser quoi que ce soit. Ils ont autre chose à faire que guetter un livreur dans un appartement vide.',
      },
    ],
  },
  {
    id: 'p05',
    reporter: OP1,
    daysAgo: 28,
    title: 'Plafond de 40 € par an atteint : un client fidèle pénalisé par nos propres erreurs',
    description:
      'Client abonné depuis six ans. Cette année : un colis en retard en janvier (15 €), une erreur de préparation en mars (20 €), et aujourd’hui un rappel que nous avions promis et jamais fait. Il a déjà reçu 35 € de gestes, donc je ne peux plus lui offrir que 5 €. J’ai écrit au superviseur comme le prévoit GOODWILL-001 : pas de réponse en 10 minutes, j’ai dû promettre un rappel sous 24 heures… à un client dont le problème de départ était justement un rappel non tenu. Le plafond cumulé punit les clients qui ont le plus de problèmes avec nous. Il ne devrait pas compter quand les incidents sont de notre fait.',
    customerImpact: 'MINOR',
    ruleKey: 'GOODWILL-001',
    callReference: 'APL-2026-02-0033',
    supporters: [OP2, OP3, OP4],
    story: [
      {
        kind: 'acknowledge',
        by: M1,
        daysAfter: 0.5,
        message:
          'Reçu, et l’ironie de la situation n’a échappé à personne. Une révision de GOODWILL-001 est en préparation : le plafond cumulé ne s’appliquerait plus aux incidents dont nous sommes responsables, et l’accord du superviseur deviendrait une validation après coup. Proposition à relire d’ici deux semaines.',
      },
    ],
  },

  // ── Acknowledged ────────────────────────────────────────────────────────────────────────────
  {
    id: 'p06',
    reporter: OP5,
    daysAgo: 40,
    title: 'L’outil de rappel ne propose aucune date avant J+4 : je promets 3 jours et je ne peux pas les tenir',
    description:
      'CALLBACK-001 dit de rappeler sous 3 jours ouvrés au plus. Mais quand je crée la tâche de rappel dans la fiche client, le calendrier grise tous les jours où le planning de l’équipe est déjà plein : ce lundi, la première date proposée était le jeudi de la semaine suivante. Je l’ai annoncé honnêtement au client, qui attendait la réponse du service litiges ; il m’a répondu que notre site promettait trois jours. Je n’avais pas d’autre choix que de créer la tâche à J+4 ou de noter le rappel sur un papier, ce qui ne tient pas si je ne suis pas là. Soit l’outil accepte les tâches au-delà du plafond de l’équipe, soit la règle doit dire quoi faire quand il n’y a plus de créneau.',
    customerImpact: 'MAJOR',
    ruleKey: 'CALLBACK-001',
    callReference: 'APL-2026-01-0958',
    supporters: [OP6],
    story: [
      {
        kind: 'question',
        by: M2,
        daysAfter: 0.6,
        body: 'Merci. Est-ce que ça arrive tous les jours ou seulement certains jours ? Une capture d’écran du calendrier grisé nous aiderait beaucoup auprès de l’équipe outils.',
      },
      {
        kind: 'answer',
        daysAfter: 1,
        body: 'Surtout le lundi et le lendemain des jours fériés, quand tout le monde crée les rappels du week-end. Je n’ai pas de capture pour cet appel ; j’en ferai une la prochaine fois et je l’ajouterai ici.',
      },
      {
        kind: 'acknowledge',
        by: M2,
        daysAfter: 1.3,
        message:
          'Confirmé avec l’équipe outils : le plafond de tâches par équipe a été mal paramétré lors de la dernière mise à jour. Le correctif est prévu ; d’ici là, le superviseur peut créer la tâche au-delà du plafond, demandez-le-lui pendant l’appel.',
      },
    ],
  },
  {
    id: 'p07',
    reporter: OP3,
    daysAgo: 36,
    title: 'Demande RGPD d’une ancienne cliente : ni formulaire accessible, ni outil utilisable',
    description:
      'Ancienne cliente, compte supprimé l’an dernier, qui veut savoir ce que nous gardons encore sur elle (elle reçoit toujours notre catalogue papier). Le formulaire « Exercer mes droits » demande de se connecter à l’espace client, qu’elle n’a plus, et la page Données personnelles renvoie vers le même écran de connexion. GDPR-001 me permet d’enregistrer moi-même la demande dans l’outil RGPD, sauf que l’outil exige un numéro de compte client actif. Je n’ai pu lui donner que l’adresse postale du DPO. Elle m’a fait remarquer, à juste titre, qu’on lui demandait d’écrire une lettre pour exercer un droit que la loi lui permet d’exercer par téléphone.',
    customerImpact: 'MINOR',
    ruleKey: 'GDPR-001',
    supporters: [OP2],
    story: [
      {
        kind: 'acknowledge',
        by: M1,
        daysAfter: 2.5,
        message:
          'Vu avec le DPO : l’outil RGPD acceptera les demandes sans compte actif (nom, adresse postale, e-mail) dans sa prochaine version. D’ici là, transmettez ces demandes à la boîte du DPO par la messagerie interne : elles seront datées du jour de l’appel.',
      },
    ],
  },
  {
    id: 'p08',
    reporter: OP4,
    daysAgo: 30,
    title: 'Client en détresse, aucun superviseur dans les 5 minutes : je n’ai pu proposer qu’un rappel sous 24 h',
    description:
      'Monsieur âgé, remboursement de 240 € attendu depuis trois semaines, à découvert. Il pleurait au téléphone et a dit qu’il « ne voyait plus comment s’en sortir ». J’ai demandé un superviseur par la messagerie : personne de disponible pendant 5 minutes (réunion de plateau). ESCALATION-001 me dit alors de proposer un rappel sous 24 heures ouvrées. C’était un vendredi soir, donc lundi. Je n’ai pas su quoi faire de la phrase sur la détresse exprimée : appeler le responsable du plateau ? le 112 ? Je ne l’ai pas lâché pendant 25 minutes. La règle devrait dire qui joindre quand tous les superviseurs sont occupés, et ce qu’on peut faire soi-même pour débloquer l’argent.',
    customerImpact: 'CRITICAL',
    ruleKey: 'ESCALATION-001',
    callReference: 'APL-2026-02-0119',
    story: [
      {
        kind: 'acknowledge',
        by: M3,
        daysAfter: 0.4,
        message:
          'Merci d’avoir gardé ce client en ligne. La comptabilité clients a débloqué son remboursement le soir même. Nous regardons comment garder un superviseur joignable pendant les réunions de plateau.',
      },
      {
        kind: 'listening',
        manager: M3,
        daysAfter: 1,
        reason:
          'J’aimerais réécouter avec vous la fin de l’appel : je ne sais toujours pas si j’aurais dû appeler le responsable du plateau.',
        scheduledInDays: 2,
        operatorNotes:
          'À la réécoute, le client répète deux fois qu’il est seul chez lui. Rester en ligne était la bonne décision, mais j’ai perdu du temps à chercher dans la règle ce que voulait dire « détresse exprimée » ; je n’ai jamais eu de formation là-dessus.',
        managerNotes:
          'Réaction juste et patiente. Le blocage vient de notre organisation : la messagerie n’indique pas que tous les superviseurs sont en réunion, et la règle ne donne aucun numéro d’astreinte. La phrase sur la détresse a besoin d’exemples concrets.',
        outcome:
          'Double écoute faite. Un superviseur reste joignable pendant les réunions de plateau (numéro d’astreinte affiché sur les postes dès lundi), une fiche « client en détresse » entre dans la formation, et ESCALATION-001 sera complétée à la prochaine révision.',
      },
    ],
  },
  {
    id: 'p09',
    reporter: OP8,
    daysAgo: 25,
    title: 'Renvoi express : permis pour un colis perdu, interdit pour un colis en retard',
    description:
      'Client qui attendait un costume pour le mariage de son frère, le samedi ; colis en retard de quatre jours, bloqué au dépôt. Si le colis avait été perdu, REFUND-001 m’aurait laissé renvoyer en express sans frais pour un besoin daté. Comme il est seulement en retard, DELIVERY-001 m’oblige à demander l’autorisation du superviseur. Vingt minutes pour l’obtenir, le temps que l’entrepôt clôture les expéditions express du jour : le costume est parti le lendemain et il est arrivé le samedi à 14 h. Le mariage était à 11 h. Même besoin daté, deux règles qui se contredisent.',
    customerImpact: 'MAJOR',
    ruleKey: 'DELIVERY-001',
    callReference: 'APL-2026-02-0342',
    supporters: [OP5, OP7],
    story: [
      {
        kind: 'acknowledge',
        by: M2,
        daysAfter: 1,
        message:
          'Bien vu : les deux règles n’ont pas été écrites en même temps et ne se parlent pas. Nous reprenons ce point dans la prochaine révision des règles Livraisons. En attendant, le superviseur de permanence valide en priorité les renvois express pour un besoin daté.',
      },
    ],
  },
  {
    id: 'p10',
    reporter: OP2,
    daysAgo: 22,
    title: 'Paiement en 4 fois : la cliente annule et se fait quand même prélever',
    description:
      'Commande de 380 € payée en quatre fois, annulée avant expédition (CANCEL-001, aucun souci). Mais la deuxième échéance est tombée deux jours plus tard, et REFUND-003 ne me laisse annoncer que 7 à 10 jours ouvrés, le temps que l’organisme de financement régularise. La cliente est à découvert et sa banque lui prend des frais à chaque rejet. Je n’ai aucun moyen de suspendre l’échéance suivante ni de lui rendre plus vite les 95 € prélevés. Elle a choisi le paiement en plusieurs fois justement parce que son budget est serré : c’est elle qui paie la lenteur de notre partenaire.',
    customerImpact: 'MAJOR',
    ruleKey: 'REFUND-003',
    supporters: [OP4],
    story: [{ kind: 'acknowledge', by: M1, daysAfter: 4.1 }],
  },
  {
    id: 'p11',
    reporter: OP6,
    daysAgo: 20,
    title: 'Décote de 45 € sur une poussette pour des rayures dues au transport',
    description:
      'Retour d’une poussette à 450 € dans le délai de rétractation. L’entrepôt applique 10 % de décote pour des rayures sur le châssis. La cliente assure que le carton est arrivé enfoncé, et ses photos de réception le montrent. RETURN-002 me laisse annuler une décote jusqu’à 30 € ; au-delà, second examen par le service retours sous 5 jours ouvrés. Elle attend déjà son remboursement depuis dix jours et doit racheter une poussette. J’ai dû lui demander d’attendre encore une semaine pour 45 €.',
    customerImpact: 'MINOR',
    ruleKey: 'RETURN-002',
    callReference: 'APL-2026-02-0588',
    story: [
      { kind: 'acknowledge', by: M2, daysAfter: 1.1 },
      {
        kind: 'question',
        by: M2,
        daysAfter: 1.2,
        body: 'Les photos de réception de la cliente, avez-vous pu les joindre au dossier retour ? Le service retours dit ne pas les avoir.',
      },
      {
        kind: 'answer',
        daysAfter: 2,
        body: 'Oui, elles sont dans la fiche client, onglet Échanges, envoyées le jour de la livraison. Le dossier retour ne reprend pas les pièces jointes de la fiche : c’est peut-être là que ça coince.',
      },
    ],
  },
  {
    id: 'p12',
    reporter: OP1,
    daysAgo: 18,
    title: 'Hausse de tarif jamais reçue, déjà prélevée : rien pour rembourser la différence',
    description:
      'L’e-mail annonçant la hausse est parti en échec (ancienne adresse). La cliente découvre 2 € de plus sur son relevé. SUBSCRIPTION-002 dit de lui maintenir l’ancien tarif jusqu’à 30 jours après le jour où je l’informe, mais ne dit rien du prélèvement déjà passé au nouveau prix. Pour lui rendre ses 2 €, j’ai dû puiser dans l’enveloppe de geste commercial, qui n’est pas faite pour ça et qui apparaîtra comme un « geste » dans son historique. Une phrase dans la règle suffirait.',
    customerImpact: 'MINOR',
    ruleKey: 'SUBSCRIPTION-002',
    story: [
      {
        kind: 'acknowledge',
        by: M3,
        daysAfter: 0.9,
        message:
          'Merci. Le service abonnements confirme que ce trop-perçu doit être remboursé comme tel, et non comme un geste commercial. Nous ajoutons ce cas aux précisions à apporter à SUBSCRIPTION-002.',
      },
    ],
  },
  {
    id: 'p13',
    reporter: OP4,
    daysAgo: 16,
    title: 'Troisième appel pour la même réclamation : la « priorité haute » ne change rien',
    description:
      'Client de 82 ans, chauffe-eau livré il y a un mois sans le kit de raccordement. Troisième appel sur le sujet. Le service réclamations a bien accusé réception, mais la réponse prend 10 jours ouvrés, et rien ne montre que la priorité haute mise au deuxième appel ait accéléré quoi que ce soit : même délai affiché, aucun contact. COMPLAINT-001 me permet de classer en priorité haute une personne vulnérable, mais je ne sais pas ce que ça déclenche concrètement, et je n’ai rien pu lui promettre de plus. Il est sans eau chaude depuis trois semaines.',
    customerImpact: 'MAJOR',
    ruleKey: 'COMPLAINT-001',
    callReference: 'APL-2026-02-0731',
    story: [
      { kind: 'acknowledge', by: M1, daysAfter: 1 },
      {
        kind: 'listening',
        manager: M1,
        daysAfter: 14,
        reason:
          'Je voudrais réécouter avec vous le deuxième et le troisième appel : j’ai l’impression d’avoir répété les mêmes phrases sans rien apporter au client.',
        scheduledInDays: 4,
        operatorNotes:
          'Notes avant la séance : au troisième appel, vers 3 min 10, il explique qu’il fait chauffer de l’eau dans des casseroles pour se laver. C’est là que j’aurais voulu pouvoir agir.',
      },
    ],
  },
  {
    id: 'p14',
    reporter: OP7,
    daysAgo: 14,
    title: 'Gravure « en fabrication » dix minutes après la commande',
    description:
      'Cliente qui rappelle dix minutes après avoir commandé un bracelet gravé : elle s’est trompée dans la date de naissance de sa petite-fille. La fiche affiche déjà « en fabrication », donc CANCEL-001 m’envoie vers le service commandes spéciales, réponse sous 2 jours ouvrés. En réalité l’atelier ne grave que le lendemain matin ; le statut change tout seul dès que le paiement est validé. Elle a passé deux jours à s’inquiéter pour une correction qui aurait pris une minute.',
    customerImpact: 'MINOR',
    ruleKey: 'CANCEL-001',
    story: [
      {
        kind: 'acknowledge',
        by: M2,
        daysAfter: 3.5,
        message:
          'Désolée pour ce délai de réponse, la semaine a été chargée. Vous avez raison sur le statut : nous avons demandé à la logistique qu’il ne passe « en fabrication » qu’au démarrage réel de la gravure.',
      },
    ],
  },
  {
    id: 'p15',
    reporter: OP5,
    daysAgo: 12,
    title: '« Nouvelle date ferme » : le transporteur ne m’en donne aucune',
    description:
      'DELIVERY-002 me demande, si le client maintient sa commande, de lui donner une nouvelle date ferme et de le rappeler à cette date. Sauf que pour les colis bloqués au hub de Corbas depuis l’inondation, le transporteur n’affiche plus aucune date estimée. J’ai donné une date au jugé (mardi) pour pouvoir créer le rappel. Mardi, rien. Le client a eu l’impression qu’on lui avait menti, et il n’a pas complètement tort. La règle devrait prévoir le cas où aucune date n’est connue : dire franchement qu’on ne sait pas, et rappeler pour faire le point.',
    customerImpact: 'MINOR',
    ruleKey: 'DELIVERY-002',
    supporters: [OP8],
    story: [{ kind: 'acknowledge', by: M2, daysAfter: 0.7 }],
  },
  {
    id: 'p16',
    reporter: OP3,
    daysAgo: 10,
    title: 'Résiliation : la confirmation part sur une adresse e-mail que la cliente ne lit pas',
    description:
      'Dame de 79 ans qui veut résilier l’abonnement souscrit pour elle par son petit-fils. Aucun problème pour résilier, mais SUBSCRIPTION-001 me demande de vérifier que la confirmation part par e-mail avant de raccrocher. L’e-mail du compte est celui du petit-fils, qui vit à l’étranger. Elle n’a pas d’e-mail et voulait une confirmation par courrier, « pour avoir un papier ». Rien ne le prévoit. Elle m’a demandé trois fois si c’était vraiment fait.',
    customerImpact: 'MINOR',
    ruleKey: 'SUBSCRIPTION-001',
    callReference: 'APL-2026-03-0102',
    story: [
      {
        kind: 'question',
        by: M1,
        daysAfter: 0.8,
        body: 'Avez-vous pu changer l’adresse e-mail du compte pendant l’appel ?',
      },
      {
        kind: 'answer',
        daysAfter: 1.1,
        body: 'Non : pour changer l’e-mail, IDENTITY-001 exige le code à usage unique… envoyé sur l’adresse actuelle, celle du petit-fils. Je lui ai lu le numéro de résiliation pour qu’elle le note.',
      },
      {
        kind: 'acknowledge',
        by: M1,
        daysAfter: 1.5,
        message:
          'Merci pour la précision. Nous vérifions avec le service courrier qu’une confirmation papier peut partir sur simple demande ; réponse ici d’ici la fin du mois.',
      },
    ],
  },
  {
    id: 'p17',
    reporter: OP2,
    daysAgo: 9,
    title: 'Radiateur qui fume : sécurité d’abord, mais la cliente reste sans chauffage',
    description:
      'Radiateur bain d’huile acheté en décembre, qui a dégagé de la fumée hier soir. J’ai appliqué REFUND-002 à la lettre : consigne de ne plus l’utiliser, signalement au superviseur, formulaire « Défaut produit » au service qualité. Mais dès que c’est un défaut de sécurité, la règle transmet le dossier au service qualité sans indiquer de délai, et je n’ai pas su si j’avais encore le droit de rembourser ou de remplacer moi-même. Dans le doute, je n’ai rien promis. La cliente a un bébé de trois mois et il fait 4 °C dehors. Elle aurait dû pouvoir être remboursée tout de suite pour en acheter un autre ailleurs.',
    customerImpact: 'CRITICAL',
    ruleKey: 'REFUND-002',
    callReference: 'APL-2026-03-0145',
    signed: true,
    story: [
      {
        kind: 'acknowledge',
        by: M3,
        daysAfter: 0.3,
        message:
          'Merci Mehdi d’avoir tout fait dans l’ordre. La réponse est oui : vous gardez la main pour rembourser ou remplacer immédiatement, le service qualité traite la sécurité en parallèle. Nous l’écrirons noir sur blanc dans REFUND-002. La cliente a été remboursée ce matin.',
      },
    ],
  },
  {
    id: 'p18',
    reporter: OP6,
    daysAgo: 7,
    title: 'Rétractation : la prolongation « une fois par an » pénalise une cliente en chimiothérapie',
    description:
      'Cliente en chimiothérapie, hospitalisée deux fois cette année. En mars, on lui a déjà accordé la prolongation de 7 jours prévue par RETURN-001. Cette fois encore, elle n’a pas pu renvoyer une veste pendant son hospitalisation : 4 jours de dépassement. La latitude dit « une fois par client et par an », donc service retours, 2 jours ouvrés d’attente et un deuxième appel pour elle. Je comprends la limite pour éviter les abus, mais une hospitalisation n’est pas un abus.',
    customerImpact: 'MAJOR',
    ruleKey: 'RETURN-001',
    story: [{ kind: 'acknowledge', by: M2, daysAfter: 2.2 }],
  },
  {
    id: 'p19',
    reporter: OP8,
    daysAgo: 6,
    title: 'Client non voyant : impossible de lui envoyer une étiquette de retour papier',
    description:
      'Client non voyant qui veut retourner une enceinte. Toutes nos étiquettes de retour partent en PDF par e-mail, et il n’a pas d’imprimante ; son lecteur d’écran ne l’aide pas à imprimer un code-barres. Je n’ai trouvé aucune règle qui permette d’envoyer une étiquette par courrier ou de faire passer le transporteur chez lui. Il a dû demander à une voisine de l’imprimer. Il faudrait une option « étiquette par courrier », ou un code de retour à présenter au bureau de poste.',
    customerImpact: 'MINOR',
    noRuleApplies: true,
    story: [
      {
        kind: 'acknowledge',
        by: M2,
        daysAfter: 1.9,
        message:
          'Merci, c’est un vrai trou dans le règlement. Nous vérifions avec la logistique la faisabilité d’un code de retour sans impression, à présenter au bureau de poste, avant d’écrire une règle.',
      },
    ],
  },
  {
    id: 'p20',
    reporter: OP1,
    daysAgo: 5,
    title: 'SMS « Fête des mères » reçu deux jours après une demande d’arrêt',
    description:
      'Cliente qui avait demandé mardi l’arrêt de tous les SMS commerciaux, après le décès de sa mère. Jeudi, elle reçoit notre SMS « Pensez à gâter votre maman ». GDPR-002 me fait lui dire qu’un message déjà programmé peut encore parvenir dans les 48 heures : c’est exactement ce qui s’est passé, et elle l’a vécu comme une gifle. Je n’ai rien pu faire d’autre que m’excuser. Quarante-huit heures pour une désinscription, en pleine campagne, c’est beaucoup trop.',
    customerImpact: 'MAJOR',
    ruleKey: 'GDPR-002',
    callReference: 'APL-2026-03-0388',
    story: [
      {
        kind: 'acknowledge',
        by: M1,
        daysAfter: 1,
        message:
          'Merci, et toutes nos excuses à cette cliente, que le service clients a rappelée. Le marketing étudie l’annulation immédiate des envois programmés dès la désinscription ; nous vous tiendrons au courant ici.',
      },
    ],
  },

  // ── Declined ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'p21',
    reporter: OP7,
    daysAgo: 42,
    title: 'Brossettes de rechange incompatibles, mais retour refusé car emballage ouvert',
    description:
      'Client qui a acheté des brossettes de rechange affichées « compatibles » avec sa brosse à dents électrique. Elles ne s’emboîtent pas. Il a ouvert l’emballage pour essayer, évidemment. RETURN-001 exclut les produits d’hygiène descellés, j’ai donc dû refuser le retour. Il m’a répondu qu’on ne pouvait pas savoir si ça s’adaptait sans ouvrir. Je propose d’accepter le retour des produits d’hygiène ouverts quand le client n’avait aucun autre moyen de vérifier la compatibilité.',
    customerImpact: 'MINOR',
    ruleKey: 'RETURN-001',
    story: [
      {
        kind: 'decline',
        by: M2,
        daysAfter: 2,
        reason:
          'Merci pour ce signalement précis. L’exclusion des produits d’hygiène descellés vient du Code de la consommation et des règles sanitaires : ces articles ne peuvent être ni revendus ni donnés, et nous ne pouvons pas la lever. En revanche, votre client n’aurait pas dû être refusé : un article annoncé « compatible » qui ne l’est pas est non conforme, et REFUND-002 s’applique (remboursement sans retour sous 30 €). Une consigne le rappelant sera publiée sur les postes, et la fiche produit a été corrigée.',
      },
    ],
  },
  {
    id: 'p22',
    reporter: OP4,
    daysAgo: 35,
    title: 'Laisser lire l’adresse e-mail aux clients âgés qui l’ont oubliée',
    description:
      'Monsieur de 85 ans, très au clair sur sa commande mais incapable de se souvenir de son adresse e-mail (c’est sa fille qui l’a créée). Il avait le code postal, pas le reste, et pas de portable pour recevoir le code. Si j’avais pu lui lire le début de l’adresse pour qu’il confirme, l’appel aurait duré deux minutes au lieu de quinze, sans résultat. Je propose d’autoriser la lecture partielle de l’adresse e-mail pour les clients qui n’ont pas de téléphone portable.',
    customerImpact: 'MINOR',
    ruleKey: 'IDENTITY-001',
    story: [
      {
        kind: 'decline',
        by: M3,
        daysAfter: 1.5,
        reason:
          'Nous comprenons l’intention, mais nous ne pouvons pas la retenir : lire une adresse e-mail à voix haute, même en partie, c’est exactement ce qu’espère un fraudeur qui tâtonne, et les personnes âgées sont les premières visées. En revanche, la latitude d’IDENTITY-001 vous permet déjà de remplacer un élément par un autre que seul le titulaire connaît, comme le montant de sa dernière commande. Nous le rappellerons en réunion d’équipe, et la révision en préparation sur l’accessibilité étudie un code envoyé par courrier.',
      },
    ],
  },
  {
    id: 'p23',
    reporter: OP8,
    daysAgo: 31,
    title: 'Pouvoir laisser la réponse sur le répondeur quand c’est une bonne nouvelle',
    description:
      'Client injoignable depuis quatre jours ; deux tentatives de rappel comme le prévoit CALLBACK-001, deux messages « sans aucune information personnelle ». Résultat : il rappelle, tombe sur un collègue, réexplique tout, alors que la réponse tenait en une phrase (« votre remboursement de 54 € est validé »). Je propose de pouvoir laisser ce genre d’information sur le répondeur quand c’est une bonne nouvelle.',
    customerImpact: 'NONE',
    ruleKey: 'CALLBACK-001',
    story: [
      {
        kind: 'decline',
        by: M2,
        daysAfter: 1,
        reason:
          'Merci de chercher à épargner un appel au client. Un répondeur est souvent écouté par quelqu’un d’autre (famille, collègue, messagerie partagée), et le montant ou l’objet d’une commande sont des données personnelles que nous devons protéger, même quand la nouvelle est bonne. À la place : l’e-mail ou le SMS envoyé après la deuxième tentative contiendra désormais un lien vers le dossier dans l’espace client, où le client trouvera la réponse sans avoir à rappeler.',
      },
    ],
  },
  {
    id: 'p24',
    reporter: OP2,
    daysAgo: 26,
    title: 'Laisser le conjoint suivre une commande quand il a le numéro',
    description:
      'Madame qui appelle pour la commande de son mari, numéro de commande en main, même adresse. Il était au travail, injoignable. IDENTITY-002 m’interdit de lui donner quoi que ce soit, sauf l’état du colis avec le numéro de suivi, qu’elle n’avait pas. Elle était agacée : « c’est mon mari, on a le même compte en banque ». Je propose qu’un conjoint qui vit à la même adresse et a le numéro de commande puisse obtenir les informations de livraison.',
    customerImpact: 'MINOR',
    ruleKey: 'IDENTITY-002',
    story: [
      {
        kind: 'decline',
        by: M1,
        daysAfter: 2.5,
        reason:
          'Merci pour cette proposition, la frustration de l’appelante se comprend. Nous ne pouvons pas la retenir : partager une adresse et un numéro de commande ne prouve pas l’accord du titulaire, et dans les situations de violences conjugales, c’est précisément ce genre d’information qui met quelqu’un en danger. À la place, nous étudions une option « proche autorisé » que le client pourra activer lui-même dans son espace client ; et le numéro de suivi, s’il le transmet, suffit déjà pour l’état du colis.',
      },
    ],
  },
  {
    id: 'p25',
    reporter: OP3,
    daysAgo: 19,
    title: 'Pouvoir supprimer nous-mêmes un compte sans commande en cours',
    description:
      'Client très remonté qui veut que son compte disparaisse « aujourd’hui, pas dans un mois ». Aucune commande en cours, aucun avoir, pas d’abonnement. GDPR-002 m’interdit de supprimer le compte depuis le poste et me fait passer par le DPO, avec une réponse sous un mois. Il a raccroché en annonçant une plainte à la CNIL. Pour un compte vide, je ne vois pas ce que l’attente apporte.',
    customerImpact: 'MINOR',
    ruleKey: 'GDPR-002',
    story: [
      {
        kind: 'decline',
        by: M3,
        daysAfter: 3.2,
        reason:
          'Merci, et la colère de ce client se comprend. La suppression reste réservée au DPO : elle est irréversible, et même un compte sans commande en cours contient des factures que la loi nous oblige à conserver dix ans ; une suppression lancée depuis le poste les effacerait aussi. En revanche, le DPO s’engage désormais à traiter en 7 jours les comptes sans commande, avoir ni litige, et la phrase à dire au client sera revue pour annoncer ce délai plutôt qu’« un mois au plus ».',
      },
    ],
  },

  // ── Duplicates (merged into an earlier pépin; their supports move there) ────────────────────
  {
    id: 'p26',
    reporter: OP3,
    daysAgo: 47,
    title: 'Non-réception répétée à cause de vols dans l’immeuble : passage obligé par les litiges',
    description:
      'Deuxième colis déclaré non reçu en six mois par le même client, 48 €. Il habite un immeuble où les boîtes aux lettres ont été fracturées ; il m’a même envoyé la photo de la sienne. Deuxième déclaration sur 12 mois, donc REFUND-001 m’oblige à transmettre au service litiges : 5 jours ouvrés. Il s’est senti soupçonné de fraude. Il faudrait pouvoir tenir compte d’une explication vérifiable et proposer directement la livraison en point relais.',
    customerImpact: 'MAJOR',
    ruleKey: 'REFUND-001',
    supporters: [OP5],
    story: [{ kind: 'duplicate', by: M1, daysAfter: 1, of: 'p01' }],
  },
  {
    id: 'p27',
    reporter: OP7,
    daysAgo: 41,
    title: 'Matériel médical perdu par le transporteur : délai d’enquête beaucoup trop long',
    description:
      'Colis de pansements et de compresses stériles pour les soins post-opératoires d’une cliente, bloqué depuis cinq jours. Elle sort de l’hôpital demain. REFUND-001 : enquête transporteur, jusqu’à 10 jours ouvrés avant de pouvoir renvoyer. J’ai fini par obtenir l’accord du superviseur pour un renvoi express, mais au bout de 20 minutes de recherche. Pour du matériel médical, on devrait pouvoir renvoyer tout de suite.',
    customerImpact: 'CRITICAL',
    ruleKey: 'REFUND-001',
    callReference: 'APL-2026-01-0921',
    story: [{ kind: 'duplicate', by: M2, daysAfter: 0.5, of: 'p02' }],
  },
  {
    id: 'p28',
    reporter: OP1,
    daysAgo: 34,
    title: 'Client très malentendant : deux échecs de vérification et un signalement fraude absurde',
    description:
      'Monsieur très malentendant, qui entendait mal mes questions et répondait à côté. Deux échecs à la vérification d’identité : d’après IDENTITY-001, je dois refuser de poursuivre et signaler la tentative à la cellule fraude. Il voulait seulement changer son créneau de livraison. Il a proposé que je lui envoie les questions par écrit, ce que l’outil ne permet pas. On traite comme un fraudeur quelqu’un qui n’entend pas.',
    customerImpact: 'MAJOR',
    ruleKey: 'IDENTITY-001',
    supporters: [OP6],
    story: [{ kind: 'duplicate', by: M3, daysAfter: 2, of: 'p03' }],
  },
  {
    id: 'p29',
    reporter: OP7,
    daysAgo: 37,
    title: 'Rappel sous 3 jours ouvrés : le calendrier de l’outil est bloqué',
    description:
      'Je voulais programmer un rappel pour mercredi, comme promis au client (réponse attendue du service abonnements). L’outil de rappel refuse toutes les dates avant le lundi suivant : « capacité de l’équipe atteinte ». CALLBACK-001 interdit de dépasser 3 jours ouvrés. J’ai dû rappeler le client pour lui annoncer que le rappel serait plus tardif que prévu, ce qui n’a aucun sens.',
    customerImpact: 'MINOR',
    ruleKey: 'CALLBACK-001',
    supporters: [OP8],
    story: [{ kind: 'duplicate', by: M2, daysAfter: 1.5, of: 'p06' }],
  },
  {
    id: 'p30',
    reporter: OP4,
    daysAgo: 21,
    title: 'Formulaire « Exercer mes droits » inaccessible sans compte client',
    description:
      'Une personne qui n’a jamais été cliente reçoit nos SMS (numéro recyclé, sans doute) et veut savoir d’où nous tenons son numéro. Le formulaire « Exercer mes droits » exige un compte client, l’outil RGPD aussi. GDPR-001 ne dit pas quoi faire quand il n’y a pas de compte. Je lui ai donné l’adresse postale du DPO ; elle m’a ri au nez.',
    customerImpact: 'MINOR',
    ruleKey: 'GDPR-001',
    story: [{ kind: 'duplicate', by: M1, daysAfter: 0.8, of: 'p07' }],
  },

  // ── New, past the 72 h acknowledgement promise ──────────────────────────────────────────────
  {
    id: 'p31',
    reporter: OP5,
    daysAgo: 8,
    title: 'Cliente qui ne parle que portugais : aucune solution d’interprétariat',
    description:
      'Cliente qui ne parle que portugais, pour un colis revenu à l’expéditeur. Sa fille traduisait depuis une autre ligne, mais c’est une tierce personne, donc IDENTITY-002… alors que la cliente était bien là et d’accord, je crois, sauf que je ne comprenais pas son accord. Aucune règle ne dit comment faire avec un client qui ne parle pas français : pas de service d’interprétariat, pas de liste des collègues qui parlent d’autres langues. Trente-cinq minutes pour corriger une adresse.',
    customerImpact: 'MINOR',
    noRuleApplies: true,
    callReference: 'APL-2026-03-0214',
  },
  {
    id: 'p32',
    reporter: OP3,
    daysAgo: 5,
    title: 'Enveloppe de 40 € épuisée pour une cliente qui n’a eu que des ennuis avec nous',
    description:
      'Cliente qui en est à son quatrième incident de l’année : deux retards, un article manquant, et aujourd’hui une commande livrée chez un homonyme à l’autre bout de la ville. Toutes ces erreurs sont les nôtres. Elle a déjà reçu 40 € de gestes commerciaux, donc GOODWILL-001 ne me laisse plus rien lui offrir sans l’accord du superviseur, qui était en réunion. Je lui ai promis un rappel sous 24 heures. Plus un client subit nos erreurs, moins on peut faire pour lui : c’est le monde à l’envers.',
    customerImpact: 'MINOR',
    ruleKey: 'GOODWILL-001',
  },
  {
    id: 'p33',
    reporter: OP8,
    daysAgo: 4.2,
    title: 'Saturation de l’entrepôt de Saint-Priest : toujours aucune consigne sur les postes',
    description:
      'Depuis lundi, au moins un appel sur trois concerne des colis bloqués à Saint-Priest. DELIVERY-001 nous demande de dire franchement quand un incident est connu, et de le signaler au superviseur pour qu’une consigne provisoire soit publiée et que les clients soient prévenus par e-mail. Je l’ai signalé lundi et mardi. Aujourd’hui jeudi : rien sur les postes, aucun e-mail aux clients. Chacun explique la situation avec ses mots, certains disent « on ne sait pas », et les clients rappellent deux ou trois fois. Il nous faut une consigne commune, même provisoire.',
    customerImpact: 'MAJOR',
    ruleKey: 'DELIVERY-001',
    supporters: [OP5, OP6, OP7],
  },
  {
    id: 'p34',
    reporter: OP6,
    daysAgo: 3.6,
    title: 'Fauteuil releveur expédié après le décès du client : la famille doit gérer le retour',
    description:
      'La fille d’un client décédé dimanche appelle : un fauteuil releveur commandé par son père (649 €) a été expédié lundi. Plus personne ne vit à l’adresse. CANCEL-002 : impossible d’arrêter le colis, il faut le refuser ou le renvoyer, et de toute façon IDENTITY-002 m’interdit de traiter quoi que ce soit sans l’acte de décès. J’ai dû lui proposer de guetter le livreur dans l’appartement de son père, ou de récupérer un colis de 40 kg pour le renvoyer. Elle a raccroché en pleurant. Il faut une procédure décès : nous récupérons le colis nous-mêmes, point.',
    customerImpact: 'MAJOR',
    ruleKey: 'CANCEL-002',
    callReference: 'APL-2026-03-0467',
  },

  // ── New, within the acknowledgement promise (three filed today) ─────────────────────────────
  {
    id: 'p35',
    reporter: OP2,
    daysAgo: 2.5,
    title: 'Rappel impossible dans les délais : aucune date libre avant la semaine prochaine',
    description:
      'Encore les rappels : un client à rappeler après la réponse de la comptabilité, et l’outil ne propose aucun créneau avant mardi prochain, soit cinq jours ouvrés. CALLBACK-001 parle de 3 jours ouvrés au plus. J’ai préféré lui dire la vérité plutôt que de promettre ce que je ne pourrai pas tenir. Est-ce qu’on peut au moins avoir une consigne pour ces cas-là ?',
    customerImpact: 'MINOR',
    ruleKey: 'CALLBACK-001',
  },
  {
    id: 'p36',
    reporter: OP4,
    daysAgo: 2.1,
    title: 'Coordonnées du médiateur introuvables dans la réponse du service réclamations',
    description:
      'Client en désaccord avec la réponse écrite du service réclamations, qui veut saisir le médiateur. COMPLAINT-002 me dit que les coordonnées figurent dans cette réponse : elles n’y sont pas, il me l’a lue en entier. Le lien en bas du site mène à une page vide depuis la refonte. J’ai fini par lui dicter l’adresse trouvée dans les CGV en PDF, page 14. Il m’a demandé si nous cachions le médiateur exprès. Je n’ai pas su quoi répondre.',
    customerImpact: 'MINOR',
    ruleKey: 'COMPLAINT-002',
    callReference: 'APL-2026-03-0502',
    story: [
      {
        kind: 'question',
        by: M1,
        daysAfter: 1,
        body: 'Merci. Vous souvenez-vous de la date du courrier du service réclamations ? Nous voulons savoir s’il s’agit d’un ancien modèle de réponse ou du modèle actuel.',
      },
    ],
  },
  {
    id: 'p37',
    reporter: OP7,
    daysAgo: 1.6,
    title: 'Appel coupé après des insultes : je voudrais savoir si c’était la bonne décision',
    description:
      'Client furieux pour un remboursement en retard, insultes dès la première minute. Je lui ai proposé le superviseur, il a refusé et a continué. J’ai donné un avertissement clair, puis j’ai mis fin à l’appel comme ESCALATION-001 le permet. Ce qui me gêne : son remboursement avait réellement deux semaines de retard, il avait raison sur le fond. La règle ne dit rien de ce qu’on fait ensuite pour le dossier : on le rappelle ? on laisse faire ? J’ai demandé une double écoute.',
    customerImpact: 'MINOR',
    ruleKey: 'ESCALATION-001',
    callReference: 'APL-2026-03-0611',
    story: [
      {
        kind: 'listening',
        manager: M2,
        daysAfter: 0.2,
        reason:
          'Réécouter ensemble l’avertissement et la fin de l’appel, et décider de ce que nous faisons pour son remboursement.',
      },
    ],
  },
  {
    id: 'p38',
    reporter: OP6,
    daysAgo: 0.3,
    title: 'Client sourd via le relais téléphonique : la règle traite l’interprète comme un tiers',
    description:
      'Client sourd qui appelait par le centre relais téléphonique : une interprète en langue des signes traduisait en direct. Dès qu’elle s’est présentée, je ne savais plus quelle règle appliquer : IDENTITY-002 dit qu’un tiers n’a accès à rien, IDENTITY-001 suppose que je parle au titulaire. Le client répondait bien aux questions de vérification, mais par l’intermédiaire de l’interprète. J’ai traité sa demande, sans aucune certitude d’en avoir le droit. Ce service existe justement pour rendre nos lignes accessibles : la règle devrait le mentionner.',
    customerImpact: 'MAJOR',
    ruleKey: 'IDENTITY-001',
    callReference: 'APL-2026-03-0688',
  },
  {
    id: 'p39',
    reporter: OP1,
    daysAgo: 0.15,
    title: 'Commande passée sur un faux site à notre nom : aucune règle pour aider la victime',
    description:
      'Cliente qui a payé 129 € sur un site qui copie le nôtre : même logo, adresse presque identique. Aucune commande chez nous, évidemment. Aucune règle ne couvre ce cas : ni formulaire, ni service à qui transmettre, ni phrase pour lui expliquer ce qu’elle peut faire. Je lui ai conseillé de faire opposition auprès de sa banque et de signaler le site en ligne, sans savoir si c’était la bonne démarche. Elle reste persuadée que nous sommes responsables. D’autres ont sûrement appelé avant elle.',
    customerImpact: 'MAJOR',
    noRuleApplies: true,
    callReference: 'APL-2026-03-0702',
    signed: true,
  },
  {
    id: 'p40',
    reporter: OP5,
    daysAgo: 0.05,
    title: 'Perte confirmée par le transporteur, mais 189 € : encore 5 jours d’attente',
    description:
      'Machine à café à 189 €, le transporteur a confirmé la perte ce matin, par écrit. Tout est clair, et le client n’avait jamais rien déclaré auparavant. Mais comme ça dépasse 150 €, REFUND-001 m’oblige à transmettre au service litiges, qui décide sous 5 jours ouvrés, et à programmer un rappel. Le client m’a demandé ce qu’il restait à décider. Je n’avais pas de réponse. Quand la perte est confirmée, ce seuil ne sert à rien.',
    customerImpact: 'MINOR',
    ruleKey: 'REFUND-001',
  },
];
