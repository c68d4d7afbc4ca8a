import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { MandatoryReadingService } from '@pepite/api/return-path';
import { AdvisoryService, ReleaseCatalog } from '@pepite/api/rulebook';
import { DEMO_PEOPLE, DEMO_SITE } from './demo-people';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hours after the latest release when each demo operator's desktop applied it; null: not yet. */
const UPTAKE_HOURS: Readonly<Record<string, number | null>> = {
  'operator1@pepite.demo': 0.2,
  'operator2@pepite.demo': 0.5,
  'operator3@pepite.demo': 1.5,
  'operator4@pepite.demo': null,
  'operator5@pepite.demo': 0.3,
  'operator6@pepite.demo': 0.8,
  'operator7@pepite.demo': 2,
  'operator8@pepite.demo': 3.5,
};

/** Unanswered searches of the last weeks: [query, days ago, times]. */
const SEARCH_GAPS: readonly (readonly [string, number, number])[] = [
  ['carte cadeau expiree', 1, 6],
  ['carte cadeau expiree', 3, 4],
  ['carte cadeau expiree', 12, 2],
  ['demenagement a l etranger', 2, 3],
  ['demenagement a l etranger', 9, 5],
  ['client sous tutelle', 0, 2],
  ['client sous tutelle', 4, 3],
  ['colis vole point relais', 5, 2],
  ['colis vole point relais', 6, 1],
  ['remboursement succession', 11, 4],
  ['changement titulaire contrat', 8, 1],
];

/**
 * The return path's demo (issue 19): desktop statuses that make the adoption screen tell a
 * story (one desktop not updated, one silent for two days), a mandatory advisory most
 * operators have acknowledged, and unanswered searches of the last two weeks. Statuses and
 * searches are written as rows with their past times: the use cases stamp "now". Skipped
 * once any desktop status exists: a restart changes nothing.
 */
export async function loadDemoReturnPath(app: INestApplicationContext, say: (line: string) => void): Promise<void> {
  const db = app.get(DataSource);
  const directory = app.get(UserDirectoryService);
  const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM desktop_status')) as { count: number }[];
  if (count > 0) return;
  const catalog = app.get(ReleaseCatalog);
  const latest = await catalog.latestRelease();
  const published = latest.publishedAt.getTime();
  const now = Date.now();
  const operators: { user: AuthenticatedUser; took: number | null }[] = [];
  for (const person of DEMO_PEOPLE.filter((p) => p.email in UPTAKE_HOURS)) {
    const entity = await directory.findUserByEmail(person.email);
    const user = entity ? await directory.findActiveUser(entity.id) : null;
    if (user) operators.push({ user, took: UPTAKE_HOURS[person.email] ?? null });
  }
  for (const [index, { user, took }] of operators.entries()) {
    const version = took === null ? Math.max(1, latest.version - 1) : latest.version;
    const appliedAt = new Date(Math.min(now, took === null ? published - 2 * DAY : published + took * HOUR));
    const desktop = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
    await db.query(
      `INSERT INTO desktop_status (user_id, desktop_id, site_id, team_id, release_version, applied_at, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [user.id, desktop, user.siteId, user.teamId, version, appliedAt, new Date(now - (index % 3) * 20 * 60_000)],
    );
    await db.query(
      'INSERT INTO release_uptake (user_id, release_version, site_id, first_applied_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [user.id, version, user.siteId, appliedAt],
    );
  }
  // A second desktop of the last operator, silent for two days: a stale desktop.
  const last = operators[operators.length - 1]?.user;
  if (last) {
    await db.query(
      `INSERT INTO desktop_status (user_id, desktop_id, site_id, team_id, release_version, applied_at, reported_at)
       VALUES ($1, '00000000-0000-4000-8000-0000000000ff', $2, $3, $4, $5, $5)`,
      [last.id, last.siteId, last.teamId, Math.max(1, latest.version - 1), new Date(now - 2 * DAY)],
    );
  }

  // A mandatory advisory, acknowledged by five of the eight operators.
  const advisory = await app.get(AdvisoryService).publishAdvisory({
    ruleKey: 'REFUND-001',
    message:
      'Jusqu’à nouvel ordre, tout remboursement au-delà de 50 € demande le numéro de commande ET la vérification d’identité (IDENTITY-001). Merci de le confirmer.',
    expiresAt: new Date(now + 20 * DAY),
    mandatory: true,
  });
  const readings = app.get(MandatoryReadingService);
  for (const { user } of operators.slice(0, 5)) {
    await readings.acknowledge(user, { releaseVersion: advisory.releaseVersion, ruleKey: advisory.ruleKey });
  }

  const site = await directory.ensureSite(DEMO_SITE);
  for (const [query, daysAgo, times] of SEARCH_GAPS) {
    await db.query(
      `INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, (now() AT TIME ZONE $4)::date - $2::int, $3, $5)
       ON CONFLICT (site_id, day, query) DO UPDATE SET searches = search_gap.searches + EXCLUDED.searches`,
      [site.id, daysAgo, query, site.timeZone, times],
    );
  }
  say(`demo data: ${operators.length} desktop statuses, a mandatory advisory, ${SEARCH_GAPS.length} unanswered searches`);
}
