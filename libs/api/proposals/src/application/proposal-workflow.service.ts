import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import type { RuleChange } from '@pepite/api/rulebook';
import { referenceOf, type Proposal } from '../domain/proposal';
import { canTransition, CoAuthorStatus, ProposalStatus } from '../domain/proposal-status';
import { toRuleChange, type ProposedRuleChange } from '../domain/rule-changes';
import { ProposalErrors } from '../proposals.errors';
import { findProposals, lockProposal, lockProposals, pepinIdsOf, updateProposal } from '../persistence/proposal-store';
import { findRevision } from '../persistence/revision-store';
import { coAuthorsOf } from '../persistence/co-author-store';

/** A proposal as other contexts (voting, publication) read it. */
export interface ProposalRecord {
  readonly id: string;
  /** `PROP-000012`. */
  readonly reference: string;
  readonly siteId: string;
  readonly title: string;
  readonly status: ProposalStatus;
  /** The latest revision's number: the one a vote is about. */
  readonly currentRevision: number;
  /** The manager or admin who created it. */
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One revision's changes, as the rulebook publishes them. */
export interface ProposalRevisionRecord {
  readonly proposalId: string;
  readonly number: number;
  readonly title: string;
  /** For `RulebookPublisher.publish({ changes })`. */
  readonly ruleChanges: readonly RuleChange[];
  /** The same with, per rule, the revision in force when the proposal revision was made (null: a creation). */
  readonly changes: readonly ProposedRuleChange[];
  /** The latest release when the revision was made: a later release may conflict with it. */
  readonly baseRelease: number;
  readonly createdAt: Date;
}

/** What a publication needs of an approved proposal. */
export interface PublishableProposal {
  readonly proposal: ProposalRecord;
  /** The current revision: the one that was voted and approved. */
  readonly revision: ProposalRevisionRecord;
  /** The pépins it answers (ids of the pépins context). */
  readonly pepinIds: readonly string[];
}

function recordOf(proposal: Proposal): ProposalRecord {
  return {
    id: proposal.id,
    reference: referenceOf(proposal),
    siteId: proposal.siteId,
    title: proposal.title,
    status: proposal.status,
    currentRevision: proposal.currentRevision,
    createdBy: proposal.createdBy,
    createdAt: proposal.createdAt,
    updatedAt: proposal.updatedAt,
  };
}

/**
 * The hooks the voting and publication contexts drive a proposal with. No access rule
 * here: the calling use case has checked who acts (and records its own audit line); every
 * method runs in `manager`'s transaction when given, in its own otherwise. The pépins are
 * the caller's to move (`PepinTriage.moveToStatus` with `pepinIdsOf`), in the same
 * transaction: IN_VOTE when a vote opens, back to IN_DESIGN when it rejects, PUBLISHED
 * with the release.
 */
@Injectable()
export class ProposalWorkflow {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Moves a proposal from `from` to `to` (the pure `PROPOSAL_TRANSITIONS`), the row locked
   * FOR UPDATE: ILLEGAL_TRANSITION when the move is not in the state machine or the
   * proposal is no longer `from` (someone else moved it meanwhile); NOT_FOUND when missing.
   */
  async setStatus(
    proposalId: string,
    from: ProposalStatus,
    to: ProposalStatus,
    manager?: EntityManager,
  ): Promise<ProposalRecord> {
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    return this.inTransaction(manager, async (tx) => {
      const proposal = await lockProposal(tx, proposalId, 'UPDATE');
      if (!proposal) throw ProposalErrors.notFound();
      if (proposal.status !== from || !canTransition(from, to)) {
        throw ProposalErrors.illegalTransition({ reference: referenceOf(proposal), from: proposal.status, to });
      }
      await updateProposal(tx, proposal.id, { status: to });
      const [fresh] = await findProposals(tx, [proposal.id]);
      return recordOf(fresh as Proposal);
    });
  }

  /** The proposal, or NOT_FOUND. `lock` takes the row FOR UPDATE (in `manager`'s transaction). */
  async getProposal(proposalId: string, manager?: EntityManager, lock = false): Promise<ProposalRecord> {
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    const tx = manager ?? this.dataSource.manager;
    const proposal = lock ? await lockProposal(tx, proposalId, 'UPDATE') : (await findProposals(tx, [proposalId]))[0];
    if (!proposal) throw ProposalErrors.notFound();
    return recordOf(proposal);
  }

  /** A revision's changes (the current one when `number` is omitted), or NOT_FOUND. */
  async getRevision(proposalId: string, number?: number, manager?: EntityManager): Promise<ProposalRevisionRecord> {
    const proposal = await this.getProposal(proposalId, manager);
    const wanted = number ?? proposal.currentRevision;
    const revision = await findRevision(manager ?? this.dataSource.manager, proposal.id, wanted);
    if (!revision) {
      throw ProposalErrors.revisionNotFound({
        reference: proposal.reference,
        revision: wanted,
        latest: proposal.currentRevision,
      });
    }
    return {
      proposalId: revision.proposalId,
      number: revision.number,
      title: revision.title,
      ruleChanges: revision.changes.map(toRuleChange),
      changes: revision.changes,
      baseRelease: revision.baseRelease,
      createdAt: revision.createdAt,
    };
  }

  /** Who accepted to co-author the proposal: they hear how its vote ended, as its creator does. */
  async acceptedCoAuthorIds(proposalId: string, manager?: EntityManager): Promise<string[]> {
    const coAuthors = await coAuthorsOf(manager ?? this.dataSource.manager, [proposalId]);
    return coAuthors
      .filter((coAuthor) => coAuthor.status === CoAuthorStatus.ACCEPTED)
      .map((coAuthor) => coAuthor.userId);
  }

  /** The ids of the pépins the proposal answers. */
  async pepinIdsOf(proposalId: string, manager?: EntityManager): Promise<string[]> {
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    const id = proposalId.toLowerCase();
    return (await pepinIdsOf(manager ?? this.dataSource.manager, [id])).get(id) ?? [];
  }

  /**
   * For a publication, in its transaction: the proposals locked FOR UPDATE (in id order),
   * each of which must be APPROVED (ILLEGAL_TRANSITION names the first that is not;
   * NOT_FOUND for a missing one), with the approved revision's changes and pépins. The
   * caller then publishes and calls `setStatus(id, APPROVED, PUBLISHED, manager)`.
   */
  async forPublication(proposalIds: readonly string[], manager: EntityManager): Promise<PublishableProposal[]> {
    const ids = [...new Set(proposalIds.map((id) => id.toLowerCase()))];
    if (ids.some((id) => !isUuid(id))) throw ProposalErrors.notFound();
    const locked = await lockProposals(manager, ids);
    const result: PublishableProposal[] = [];
    for (const id of ids) {
      const proposal = locked.get(id);
      if (!proposal) throw ProposalErrors.notFound();
      if (proposal.status !== ProposalStatus.APPROVED) {
        throw ProposalErrors.illegalTransition({
          reference: referenceOf(proposal),
          from: proposal.status,
          to: ProposalStatus.PUBLISHED,
        });
      }
      result.push({
        proposal: recordOf(proposal),
        revision: await this.getRevision(id, proposal.currentRevision, manager),
        pepinIds: await this.pepinIdsOf(id, manager),
      });
    }
    return result;
  }

  private inTransaction<T>(manager: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}
