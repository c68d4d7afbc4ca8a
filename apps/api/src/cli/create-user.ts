import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { Role, UserDirectoryService } from '@pepite/api/identity';
import { runCli, withCliApp } from './cli-app';

const USAGE =
  'usage: npm run user:create -- --email <e-mail> --name "<display name>" [--role ADMIN|MANAGER|OPERATOR] [--site "<site>"] [--team "<team>"]\n' +
  'The password comes from PEPITE_ADMIN_PASSWORD, or is asked for on the terminal (at least 12 characters).';

/** `npm run user:create`: the first admin of a fresh installation (or any account). */
runCli('user:create', async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: Role.ADMIN },
      site: { type: 'string', default: 'Site principal' },
      team: { type: 'string' },
    },
  });
  const { email, name } = values;
  const role = values.role as Role;
  if (!email || !name || !Object.values(Role).includes(role)) throw new Error(USAGE);
  if (role !== Role.ADMIN && !values.team) throw new Error(`--team is required for a ${role}\n${USAGE}`);
  const password = process.env['PEPITE_ADMIN_PASSWORD'] ?? (await ask('Mot de passe / password: '));
  if (password.length < 12) throw new Error('the password must be at least 12 characters long');
  await withCliApp(async (app) => {
    const directory = app.get(UserDirectoryService);
    const site = await directory.ensureSite(values.site);
    const team = values.team ? await directory.ensureTeam(site.id, values.team) : null;
    const user = await directory.createUser({
      email,
      displayName: name,
      role,
      siteId: site.id,
      teamId: team?.id ?? null,
      password,
    });
    console.log(`created ${user.role} ${user.email} on site "${site.name}" (id ${user.id})`);
  });
});

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('set PEPITE_ADMIN_PASSWORD (no terminal to ask the password on)');
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await terminal.question(question)).trim();
  } finally {
    terminal.close();
  }
}
