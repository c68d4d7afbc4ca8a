import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { canonicalTimeZone } from '../domain/time-zone';
import { IdentityErrors } from '../identity.errors';
import { SiteEntity } from '../persistence/site.entity';
import { TeamEntity } from '../persistence/team.entity';
import { createOnce, keyedRequest, type IdempotencyOptions } from './idempotency-keys';
import { isUniqueViolation } from './unique-violation';

/** The 3-day promise, as in the site table's default. */
const DEFAULT_ACK_SLA_HOURS = 72;

export interface SiteSettings {
  readonly name?: string | null;
  readonly timeZone?: string | null;
  readonly ackSlaHours?: number | null;
}

/** Sites and their teams, and the site settings (time zone, acknowledgement promise). */
@Injectable()
export class SiteAdministrationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** With `keyed`, a retry with the same key (24 h) gets the same site back and creates nothing. */
  createSite(settings: SiteSettings & { name: string; timeZone: string }, keyed?: IdempotencyOptions): Promise<SiteEntity> {
    const name = requiredName(settings.name);
    const timeZone = validTimeZone(settings.timeZone);
    const ackSlaHours = settings.ackSlaHours ?? DEFAULT_ACK_SLA_HOURS;
    const idempotent = keyedRequest('createSite', keyed, { name, timeZone, ackSlaHours });
    return createOnce(
      this.dataSource,
      idempotent,
      async (manager) => {
        await lockSiteNames(manager);
        await ensureSiteNameFree(manager, name);
        return manager.save(manager.create(SiteEntity, { name, timeZone, ackSlaHours }));
      },
      (manager, id) => manager.findOneBy(SiteEntity, { id }),
    );
  }

  /** Changes only what is given. A new acknowledgement delay applies to pépins filed afterwards. */
  updateSite(id: string, settings: SiteSettings): Promise<SiteEntity> {
    const name = settings.name == null ? null : requiredName(settings.name);
    const timeZone = settings.timeZone == null ? null : validTimeZone(settings.timeZone);
    return this.dataSource.transaction(async (manager) => {
      if (name !== null) await lockSiteNames(manager);
      const site = isUuid(id) ? await manager.findOne(SiteEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!site) throw IdentityErrors.siteNotFound();
      if (name !== null && name.toLocaleLowerCase('fr') !== site.name.toLocaleLowerCase('fr')) await ensureSiteNameFree(manager, name);
      if (name !== null) site.name = name;
      if (timeZone !== null) site.timeZone = timeZone;
      if (settings.ackSlaHours != null) site.ackSlaHours = settings.ackSlaHours;
      return manager.save(site);
    });
  }

  /** With `keyed`, a retry with the same key (24 h) gets the same team back and creates nothing. */
  createTeam(siteId: string, rawName: string, keyed?: IdempotencyOptions): Promise<TeamEntity> {
    const name = requiredName(rawName);
    const idempotent = keyedRequest('createTeam', keyed, { siteId: siteId.toLowerCase(), name });
    return createOnce(
      this.dataSource,
      idempotent,
      async (manager) => {
        if (!(isUuid(siteId) && (await manager.existsBy(SiteEntity, { id: siteId })))) throw IdentityErrors.siteNotFound();
        return saveTeam(manager, manager.create(TeamEntity, { siteId, name }));
      },
      (manager, id) => manager.findOneBy(TeamEntity, { id }),
    );
  }

  renameTeam(id: string, rawName: string): Promise<TeamEntity> {
    const name = requiredName(rawName);
    return this.dataSource.transaction(async (manager) => {
      const team = isUuid(id) ? await manager.findOne(TeamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!team) throw IdentityErrors.teamNotFound();
      if (team.name === name) return team;
      team.name = name;
      return saveTeam(manager, team);
    });
  }
}

async function saveTeam(manager: EntityManager, team: TeamEntity): Promise<TeamEntity> {
  try {
    return await manager.save(team);
  } catch (error) {
    // The unique index on (site_id, name) is the judge, so two admins racing get one CONFLICT.
    if (isUniqueViolation(error)) throw IdentityErrors.teamNameTaken({ name: team.name });
    throw error;
  }
}

function requiredName(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw IdentityErrors.nameRequired();
  return name;
}

function validTimeZone(value: string): string {
  const timeZone = canonicalTimeZone(value);
  if (!timeZone) throw IdentityErrors.invalidTimeZone({ timeZone: value.trim() });
  return timeZone;
}

/** Site names have no unique index (older data may repeat one), so creations take turns. */
async function lockSiteNames(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pepite:site-name'))`);
}

async function ensureSiteNameFree(manager: EntityManager, name: string): Promise<void> {
  const taken = await manager
    .getRepository(SiteEntity)
    .createQueryBuilder('s')
    .where('lower(s.name) = lower(:name)', { name })
    .getExists();
  if (taken) throw IdentityErrors.siteNameTaken({ name });
}
