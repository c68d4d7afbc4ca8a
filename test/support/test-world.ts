import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Role, UserDirectoryService, type AuthenticatedUser, type SiteEntity, type TeamEntity } from '@pepite/api/identity';
import { PepinFiling, type FilePepinCommand, type PepinView } from '@pepite/api/pepins';
import type { GraphqlClient } from './graphql-client';

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId: string | null;
  readonly displayName: string;
  readonly locale: 'fr' | 'en';
  readonly token: string;
}

/** The caller as the application's services take it. */
export function authenticated(user: TestUser): AuthenticatedUser {
  return { id: user.id, role: user.role, siteId: user.siteId, teamId: user.teamId, displayName: user.displayName, locale: user.locale };
}

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken }
}`;

/**
 * Factories for the entities tests need, created through the application's own services
 * in the test file's real database (no fakes): `world.newUser(Role.MANAGER)`.
 */
export class TestWorld {
  private defaultSite?: Promise<{ site: SiteEntity; team: TeamEntity }>;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly graphql: GraphqlClient,
  ) {}

  get directory(): UserDirectoryService {
    return this.app.get(UserDirectoryService);
  }

  async newSite(name = `Site ${unique()}`): Promise<{ site: SiteEntity; team: TeamEntity }> {
    const site = await this.directory.ensureSite(name);
    const team = await this.directory.ensureTeam(site.id, `Équipe ${unique()}`);
    return { site, team };
  }

  /** A user with a token, on the default site unless another site is given. */
  async newUser(role: Role, options: { site?: { site: SiteEntity; team: TeamEntity }; locale?: 'fr' | 'en' } = {}): Promise<TestUser> {
    const place = options.site ?? (await (this.defaultSite ??= this.newSite('Site de test')));
    const email = `${role.toLowerCase()}-${unique()}@test.pepite`;
    const password = `pw-${unique()}-${unique()}`;
    const user = await this.directory.createUser({
      email,
      displayName: `${role} ${unique()}`,
      role,
      siteId: place.site.id,
      teamId: role === Role.ADMIN ? null : place.team.id,
      password,
      locale: options.locale,
    });
    const token = await this.login(email, password);
    return {
      id: user.id,
      email,
      password,
      role,
      siteId: user.siteId,
      teamId: user.teamId,
      displayName: user.displayName,
      locale: user.locale,
      token,
    };
  }

  /** A pépin filed by an operator through the pépins context's own service (no rule unless given). */
  newPepin(reporter: TestUser, command: Partial<FilePepinCommand> = {}): Promise<PepinView> {
    return this.app.get(PepinFiling).filePepin(authenticated(reporter), {
      title: `Pépin ${unique()}`,
      description: 'La règle ne prévoit pas ce cas et le client est reparti mécontent.',
      ...command,
    });
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.graphql.ok<{ login: { accessToken: string } }>(LOGIN, { email, password });
    return data.login.accessToken;
  }
}

function unique(): string {
  return randomBytes(4).toString('hex');
}
