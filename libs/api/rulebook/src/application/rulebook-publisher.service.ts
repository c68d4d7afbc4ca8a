import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WebhookEvents } from '@pepite/api/webhooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReleaseChangelog } from '@pepite/rulebook-format';
import { changesToReach, planRelease, type RuleInForce } from '../domain/release-plan';
import { changeKey, type RuleChange } from '../domain/rule-change';
import { validateRuleDraft, type RuleDraft } from '../domain';
import { publicKeyInfo } from '../domain/signing-key';
import type { ReleaseEntity } from '../persistence/release.entity';
import { bumpCounter, insertRuleVersions, lastRevisions, rulesInForce } from '../persistence/rulebook-store';
import { RulebookErrors } from '../rulebook.errors';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';
import { ReleaseAssembler, wireEntry } from './release-assembler';
import { ReleaseBrotli } from './release-brotli.service';
import { writeRelease, type ReleaseWriting } from './release-writer';
import { RulebookEventHub } from './rulebook-event-hub';

export interface PublishInput {
  readonly changes: readonly RuleChange[];
  readonly notes?: string | null;
  /** References of the pépins this release answers. */
  readonly answers?: readonly string[];
  /** References of the proposals this release publishes (the changelog's `proposals`). */
  readonly proposals?: readonly string[];
  readonly publishedBy?: string | null;
  /** Changed rules flagged "lecture obligatoire" (issue 19); each must be in the changelog. */
  readonly mandatory?: readonly string[];
}

/** The one place releases are made. Each method is one transaction. */
@Injectable()
export class RulebookPublisher {
  private readonly writing: ReleaseWriting;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RULEBOOK_OPTIONS) options: RulebookOptions,
    private readonly hub: RulebookEventHub,
    private readonly webhooks: WebhookEvents,
    private readonly assembler: ReleaseAssembler,
    brotli: ReleaseBrotli,
  ) {
    this.writing = { assembler, brotli, signingKey: options.signingKey, keyId: publicKeyInfo(options.signingKey).keyId };
  }

  /** Applies the changes to the latest release and publishes the result as release N+1. */
  async publish(input: PublishInput, manager?: EntityManager): Promise<ReleaseEntity> {
    input.changes.forEach(checkDraft);
    return this.inTransaction(manager, async (tx) => {
      const counter = await bumpCounter(tx, 'last_release');
      const inForce = await this.assembler.rulesInForce(tx, counter.lastRelease - 1);
      const plan = planRelease(inForce, await lastRevisions(tx, input.changes.map(changeKey)), input.changes);
      const mandatory = [...new Set(input.mandatory ?? [])].sort();
      const changed = new Set([...plan.added, ...plan.amended, ...plan.retired]);
      const unchanged = mandatory.filter((key) => !changed.has(key));
      if (unchanged.length > 0) throw RulebookErrors.mandatoryNotChanged({ keys: unchanged.join(', ') });
      const ids = await insertRuleVersions(tx, counter.lastRelease, plan.newVersions);
      const rules = [
        ...plan.kept,
        ...plan.newVersions.map((entry) => ({ entry: wireEntry(entry), versionId: ids.get(entry.key) as string })),
      ];
      const release = await writeRelease(
        tx,
        {
          version: counter.lastRelease,
          advisorySeqAt: counter.lastAdvisorySeq,
          notes: input.notes?.trim() || null,
          publishedBy: input.publishedBy ?? null,
          changelog: changelog(plan, null, input.answers, input.proposals),
          mandatoryRules: mandatory,
          rules,
        },
        this.writing,
      );
      await this.announceToWebhooks(release, tx);
      return release;
    });
  }

  /** Publishes exactly this set of rules (an import): absent rules are retired, unchanged ones kept. */
  async publishWhole(rules: readonly RuleDraft[], notes: string | null, publishedBy: string | null = null): Promise<ReleaseEntity> {
    rules.forEach((rule) => checkDraft({ kind: 'CREATE', rule }));
    return this.inTransaction(undefined, async (tx) => {
      // Read under the counter lock so the diff is against what will really be N.
      const latest = await this.lockedLatest(tx);
      return this.publish({ changes: changesToReach(latest, rules), notes, publishedBy }, tx);
    });
  }

  /**
   * Rolling back is a new release whose content is that of an earlier one. Runs in
   * `manager`'s transaction when given (then call `announce()` after the commit).
   */
  rollback(
    toVersion: number,
    notes: string | null,
    publishedBy: string | null = null,
    manager?: EntityManager,
  ): Promise<ReleaseEntity> {
    return this.inTransaction(manager, async (tx) => {
      const counter = await bumpCounter(tx, 'last_release');
      const latest = counter.lastRelease - 1;
      if (toVersion < 1 || toVersion > latest) throw RulebookErrors.releaseNotFound({ version: toVersion });
      if (toVersion === latest) throw RulebookErrors.rollbackToLatest({ version: toVersion });
      const current = await this.assembler.rulesInForce(tx, latest);
      const target = await rulesInForce(tx, toVersion);
      const sameVersion = (key: string) => current.get(key)?.versionId === target.get(key)?.versionId;
      const plan = {
        added: [...target.keys()].filter((key) => !current.has(key)),
        amended: [...target.keys()].filter((key) => current.has(key) && !sameVersion(key)),
        retired: [...current.keys()].filter((key) => !target.has(key)),
      };
      if (plan.added.length + plan.amended.length + plan.retired.length === 0) throw RulebookErrors.nothingToPublish();
      const release = await writeRelease(
        tx,
        {
          version: counter.lastRelease,
          advisorySeqAt: counter.lastAdvisorySeq,
          notes: notes?.trim() || null,
          publishedBy,
          changelog: changelog(plan, toVersion, []),
          rules: [...target.values()],
        },
        this.writing,
      );
      await this.announceToWebhooks(release, tx);
      return release;
    });
  }

  /** Refuses incomplete or invalid wordings before anything is written or scheduled. */
  validateChanges(changes: readonly RuleChange[]): void {
    changes.forEach(checkDraft);
  }

  /** `release.published` to the webhooks that listen, in the publishing transaction. */
  private announceToWebhooks(release: ReleaseEntity, tx: EntityManager): Promise<void> {
    return this.webhooks.publish(
      {
        type: 'release.published',
        data: { release: { version: release.version, notes: release.notes, publishedAt: release.publishedAt.toISOString() } },
      },
      tx,
    );
  }

  /** After a caller-owned transaction has committed: lets this instance see the release at once. */
  announce(): Promise<void> {
    return this.hub.catchUp();
  }

  private async lockedLatest(tx: EntityManager): Promise<Map<string, RuleInForce>> {
    const rows: { last_release: number }[] = await tx.query('SELECT last_release FROM rulebook_counter WHERE id = 1 FOR UPDATE');
    return rulesInForce(tx, rows[0]?.last_release ?? 0);
  }

  /**
   * Runs in the caller's transaction when given one. Otherwise opens its own and, once it
   * has committed, lets this instance's hub see the release before returning, so the
   * publisher's next read already finds it (other instances hear the notification).
   */
  private async inTransaction<T>(manager: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (manager) return work(manager);
    const result = await this.dataSource.transaction(work);
    await this.hub.catchUp();
    return result;
  }
}

function changelog(
  plan: { added: readonly string[]; amended: readonly string[]; retired: readonly string[] },
  restoredFrom: number | null,
  answers: readonly string[] = [],
  proposals: readonly string[] = [],
): ReleaseChangelog {
  const sorted = (keys: readonly string[]) => [...keys].sort();
  return {
    added: sorted(plan.added),
    amended: sorted(plan.amended),
    retired: sorted(plan.retired),
    restoredFrom,
    answers: [...new Set(answers)].sort(),
    // Only when proposals made the release: a release of a rulebook file or a rollback keeps
    // the changelog shape it always had.
    ...(proposals.length > 0 ? { proposals: [...new Set(proposals)].sort() } : {}),
  };
}

function checkDraft(change: RuleChange): void {
  if (change.kind === 'RETIRE') return;
  const { problems } = validateRuleDraft(change.rule);
  if (problems.length > 0) {
    throw RulebookErrors.invalidRule({
      key: String(change.rule.key),
      fr: problems.map((problem) => problem.fr).join(' '),
      en: problems.map((problem) => problem.en).join(' '),
    });
  }
}
