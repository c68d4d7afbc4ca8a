import { Role } from '@pepite/api/identity';
import { PepinQueries } from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';

let api: TestApi;
let operator: TestUser;
let siteId: string;

// Three vocabularies whose combinations give 100,000 distinct, realistic titles.
const SUBJECTS = [
  'remboursement',
  'livraison',
  'colis',
  'facture',
  'abonnement',
  'résiliation',
  'garantie',
  'retour',
  'échange',
  'avoir',
  'prélèvement',
  'commande',
  'réclamation',
  'fidélité',
  'parrainage',
  'promotion',
  'coupon',
  'paiement',
  'virement',
  'chèque',
  'carte',
  'compte',
  'mot de passe',
  'adresse',
  'téléphone',
  'contrat',
  'offre',
  'tarif',
  'pénalité',
  'franchise',
  'sinistre',
  'expertise',
  'réparation',
  'pièce',
  'installation',
  'déménagement',
  'suspension',
];
const PROBLEMS = [
  'refusé',
  'bloqué',
  'retardé',
  'perdu',
  'abîmé',
  'incomplet',
  'erroné',
  'doublé',
  'annulé',
  'suspendu',
  'impossible',
  'contesté',
  'oublié',
  'limité',
  'plafonné',
  'interdit',
  'expiré',
  'incompris',
  'mal calculé',
  'non reçu',
  'non conforme',
  'en attente',
  'trop lent',
  'trop cher',
  'illisible',
  'partiel',
  'rejeté',
  'ignoré',
  'escaladé',
  'gelé',
  'dupliqué',
  'mal orienté',
  'inaccessible',
  'verrouillé',
  'facturé deux fois',
  'mal adressé',
  'non traité',
  'sans suite',
  'hors délai',
  'sans justificatif',
  'sans réponse',
];
const CONTEXTS = [
  'client fidèle',
  'client âgé',
  'client professionnel',
  'client étranger',
  'client en colère',
  'premier appel',
  'rappel',
  'week-end',
  'jour férié',
  'soldes',
  'fin de mois',
  'nouveau client',
  'client mineur',
  'tutelle',
  'succession',
  'entreprise',
  'association',
  'étudiant',
  'handicap',
  'hospitalisation',
  'chômage',
  'surendettement',
  'fraude',
  'usurpation',
  'litige',
  'médiation',
  'avocat',
  'huissier',
  'presse',
  'réseaux sociaux',
  'vip',
  'collaborateur',
  'partenaire',
  'fournisseur',
  'marketplace',
  'international',
  'outre-mer',
  'zone rurale',
  'grève',
  'intempéries',
  'panne',
  'maintenance',
  'migration',
];

beforeAll(async () => {
  api = await startTestApi();
  operator = await api.world.newUser(Role.OPERATOR);
  siteId = operator.siteId;
  const otherSite = (await api.world.newSite()).site.id;
  // 100,000 pépins in one statement: 90 % on the operator's site, one in seven closed.
  await sql(
    api,
    `INSERT INTO pepin (site_id, team_id, reporter_id, title, description, customer_impact, no_rule_applies, status, duplicate_of,
       ack_due_at, content_hash, created_at, updated_at)
     SELECT CASE WHEN i % 10 = 0 THEN $2::uuid ELSE $1::uuid END, NULL, gen_random_uuid(),
       initcap(($3::text[])[1 + i % 37]) || ' ' || ($4::text[])[1 + (i / 37) % 41] || ' (' || ($5::text[])[1 + (i / 1517) % 43] || ')',
       'Le ' || ($5::text[])[1 + (i / 1517) % 43] || ' appelle : ' || ($3::text[])[1 + i % 37] || ' ' || ($4::text[])[1 + (i / 37) % 41]
         || ', la procédure ne prévoit rien pour ce cas numéro ' || i || '.',
       'MINOR', true, CASE WHEN i % 7 = 0 THEN 'DECLINED'::pepin_status ELSE 'NEW'::pepin_status END, NULL,
       now() + interval '72 hours', md5(i::text) || md5(i::text), now() - i * interval '1 minute', now()
     FROM generate_series(1, 100000) AS i`,
    [siteId, otherSite, SUBJECTS, PROBLEMS, CONTEXTS],
  );
  await sql(api, 'ANALYZE pepin');
  await api.app.get(PepinQueries).refreshStemShares();
}, 300_000);
afterAll(() => api.close());

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: PlanNode[];
}

function nodesOf(plan: unknown): PlanNode[] {
  const root = (plan as { Plan: PlanNode }[])[0]?.Plan;
  const all: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    all.push(node);
    node.Plans?.forEach(walk);
  };
  if (root) walk(root);
  return all;
}

/** Sequential scans of the product's tables (a catalogue lookup of a few rows does not count). */
function tableScans(nodes: ReturnType<typeof nodesOf>) {
  return nodes.filter((node) => node['Node Type'] === 'Seq Scan' && !String(node['Relation Name']).startsWith('pg_'));
}

describe('similar pépins at 100,000 rows', () => {
  it('holds the generated rows', async () => {
    expect(await sql(api, 'SELECT count(*)::int AS count FROM pepin')).toEqual([{ count: 100_000 }]);
  });

  it.each([
    'colis abîmé client âgé',
    'Remboursement refuse',
    'facture mal calcul',
    'résiliation contestée pendant les soldes',
  ])('answers %p from the full-text index, never reading the whole table', async (text) => {
    // The recent-pépins trigram window is gone: candidates come from the stems' index only
    // (and the stems' frequencies from PostgreSQL's own statistics, hence catalog indexes).
    const plan = await api.app.get(PepinQueries).explainSimilarPepins(siteId, { text });
    const nodes = nodesOf(plan);
    const indexes = nodes.map((node) => node['Index Name']).filter(Boolean);
    expect(indexes).toEqual(expect.arrayContaining(['pepin_search_idx']));
    expect(indexes).not.toContain('pepin_open_age_idx');
    expect(tableScans(nodes)).toEqual([]);
  });

  it('reads no pépin when no word is searchable and no rule is given', async () => {
    const nodes = nodesOf(await api.app.get(PepinQueries).explainSimilarPepins(siteId, { text: 'a b c d e' }));
    expect(nodes.map((node) => node['Index Name']).filter(Boolean)).not.toContain('pepin_search_idx');
    expect(tableScans(nodes)).toEqual([]);
  });

  it('finds the right open pépins of the site among them', async () => {
    const found = await api.app.get(PepinQueries).similarPepins(authenticated(operator), { text: 'Colis abîmé (client âgé)' }, 5);
    expect(found).toHaveLength(5);
    expect(found[0]?.title).toBe('Colis abîmé (client âgé)');
    expect(found.every((pepin) => pepin.status === 'NEW')).toBe(true);
    const sites = await sql<{ site_id: string }>(api, 'SELECT DISTINCT site_id FROM pepin WHERE id = ANY($1::uuid[])', [
      found.map((p) => p.id),
    ]);
    expect(sites).toEqual([{ site_id: siteId }]);
  });
});
