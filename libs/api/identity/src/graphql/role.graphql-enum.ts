import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../domain/role';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user does in the call centre.',
  valuesMap: {
    OPERATOR: { description: 'Frontline advisor: reports pépins, co-designs, endorses.' },
    MANAGER: { description: 'Triages pépins, co-designs, votes and publishes.' },
    ADMIN: { description: 'Manages users, teams, sites and settings.' },
  },
});

export { Role };
