import type { INestApplicationContext } from '@nestjs/common';
import { UserDirectoryService } from '@pepite/api/identity';
import { DataSource } from 'typeorm';
import { ReleaseCatalog, RulebookImport } from '@pepite/api/rulebook';
import { DEMO_RULEBOOK_FILE } from './demo-rulebook';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SITE, DEMO_TEAMS } from './demo-people';
import { loadDemoPepins } from './load-demo-pepins';
import { loadDemoReturnPath } from './load-demo-return-path';
import { loadDemoWebhook } from './load-demo-webhook';

/** Loads the French demo call centre; running it again changes nothing. */
export async function loadDemoData(app: INestApplicationContext, say: (line: string) => void, options: { webhookUrl?: string } = {}): Promise<void> {
  const directory = app.get(UserDirectoryService);
  const site = await directory.ensureSite(DEMO_SITE);
  const teams = {
    billing: await directory.ensureTeam(site.id, DEMO_TEAMS.billing),
    delivery: await directory.ensureTeam(site.id, DEMO_TEAMS.delivery),
  };
  let created = 0;
  for (const person of DEMO_PEOPLE) {
    if (await directory.findUserByEmail(person.email)) continue;
    await directory.createUser({
      email: person.email,
      displayName: person.displayName,
      role: person.role,
      siteId: site.id,
      teamId: person.team ? teams[person.team].id : null,
      password: DEMO_PASSWORD,
    });
    created++;
  }
  say(created > 0 ? `demo data: created ${created} account(s) on ${DEMO_SITE}` : 'demo data: accounts already loaded');
  if (app.get(ReleaseCatalog).latestVersion === 0) {
    const outcome = await app.get(RulebookImport).importFile(DEMO_RULEBOOK_FILE);
    if (outcome.kind === 'invalid') throw new Error(`the demo rulebook does not validate (${outcome.errors.length} error(s))`);
    if (outcome.kind === 'published') {
      say(`demo data: published the demo rulebook as release ${outcome.release.version} (${outcome.release.ruleCount} rules)`);
    }
  }
  await loadDemoPepins(app, say);
  await loadDemoReturnPath(app, say);
  // After the seeded pépins: only what someone does in the demo is sent.
  if (options.webhookUrl) await loadDemoWebhook(app, say, options.webhookUrl);
  // Statistics now, not when autovacuum gets to it: it never analyses a table of 40 rows
  // (its threshold is 50 changed rows), and "similar pépins" weighs stems by how common the
  // statistics say they are.
  await app.get(DataSource).query('ANALYZE');
}
