import { Role } from '@pepite/api/identity';

/** The demo call centre (the README lists the accounts; every password is pepite-demo). */
export const DEMO_PASSWORD = 'pepite-demo';
export const DEMO_SITE = 'Plateau Lyon Part-Dieu';
export const DEMO_TEAMS = { billing: 'Équipe Facturation & remboursements', delivery: 'Équipe Livraisons & retours' } as const;

export interface DemoPerson {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly team: keyof typeof DEMO_TEAMS | null;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { email: 'admin@pepite.demo', displayName: 'Sophie Marchand', role: Role.ADMIN, team: null },
  { email: 'manager1@pepite.demo', displayName: 'Karim Benali', role: Role.MANAGER, team: 'billing' },
  { email: 'manager2@pepite.demo', displayName: 'Isabelle Rousseau', role: Role.MANAGER, team: 'delivery' },
  { email: 'manager3@pepite.demo', displayName: 'Thomas Nguyen', role: Role.MANAGER, team: 'billing' },
  { email: 'operator1@pepite.demo', displayName: 'Camille Dupont', role: Role.OPERATOR, team: 'billing' },
  { email: 'operator2@pepite.demo', displayName: 'Mehdi Haddad', role: Role.OPERATOR, team: 'billing' },
  { email: 'operator3@pepite.demo', displayName: 'Julie Lefèvre', role: Role.OPERATOR, team: 'billing' },
  { email: 'operator4@pepite.demo', displayName: 'Antoine Girard', role: Role.OPERATOR, team: 'billing' },
  { email: 'operator5@pepite.demo', displayName: 'Léa Fontaine', role: Role.OPERATOR, team: 'delivery' },
  { email: 'operator6@pepite.demo', displayName: 'Yanis Moreau', role: Role.OPERATOR, team: 'delivery' },
  { email: 'operator7@pepite.demo', displayName: 'Chloé Bernard', role: Role.OPERATOR, team: 'delivery' },
  { email: 'operator8@pepite.demo', displayName: 'Nicolas Petit', role: Role.OPERATOR, team: 'delivery' },
];
