import type { RuleDraft } from '@pepite/api/rulebook';

/** A complete, valid rule whose wording can be varied per test. */
export function sampleRule(key: string, overrides: Partial<RuleDraft> = {}): RuleDraft {
  return {
    key,
    category: 'Remboursements',
    title: `Règle de test ${key}`,
    statement: 'Vérifier la commande du client puis appliquer la procédure décrite ici.',
    rationale: 'Cette règle protège le client et l’entreprise contre les erreurs de traitement.',
    latitude: 'Le conseiller peut accorder un geste jusqu’à 20 € sans validation.',
    escalation: 'Au-delà, transmettre au superviseur de plateau avec le résumé de l’appel.',
    customerWording: '« Je m’occupe de votre demande tout de suite, madame, monsieur. »',
    tags: ['test'],
    effectiveFrom: '2026-01-05',
    ...overrides,
  };
}
