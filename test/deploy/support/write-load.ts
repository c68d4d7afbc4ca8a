import type { TestUser } from '@pepite/test-support';
import { RetryingClient } from './retrying-client';

/**
 * Steady write load through the proxy, as call-centre people make it: operators file pépins
 * (each under its own idempotency key, the same key on every retry) and support their
 * colleagues' pépins; managers cast and change ballots. Every client follows the README's
 * retry rules (RetryingClient), and records what was acknowledged, so the test can look for
 * each acknowledged write in the database afterwards.
 */
export const FILE = `mutation File($input: FilePepinInput!) { filePepin(input: $input) { id } }`;
export const SUPPORT = `mutation Support($id: ID!) { supportPepin(id: $id) { id supportCount } }`;
export const CAST = `mutation Cast($proposalId: ID!, $choice: VoteChoice!) { castVote(proposalId: $proposalId, choice: $choice) { choice } }`;
export const ME = '{ me { id } }';

export interface Filed {
  readonly key: string;
  readonly reporterId: string;
  readonly id: string;
}
export interface Ballot {
  readonly managerId: string;
  readonly proposalId: string;
  readonly choice: string;
}

export interface LoadPeople {
  readonly operators: readonly TestUser[];
  readonly managers: readonly TestUser[];
  /** Pépins open for support, each with its reporter (nobody supports their own). */
  readonly supportable: readonly { id: string; reporterId: string }[];
  /** Open votes whose quorum is the whole electorate, one elector never voting: none settles. */
  readonly proposalIds: readonly string[];
}

export class WriteLoad {
  readonly client: RetryingClient;
  readonly filed: Filed[] = [];
  /** Last acknowledged ballot per (manager, proposal). */
  readonly ballots = new Map<string, Ballot>();
  readonly supports = new Set<string>();
  /** Answers that were not successes after the retry rules: each is a failed request. */
  readonly failures: { operation: string; code: string }[] = [];
  acknowledged = 0;
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(
    baseUrl: string,
    private readonly people: LoadPeople,
    private readonly tag: string,
  ) {
    this.client = new RetryingClient(baseUrl);
  }

  start(): this {
    this.people.operators.forEach((operator, o) => this.loops.push(this.operatorLoop(operator, o)));
    this.people.managers.forEach((manager, m) => this.loops.push(this.managerLoop(manager, m)));
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private record(operation: string, code: string | undefined): boolean {
    if (code === undefined) {
      this.acknowledged++;
      return true;
    }
    this.failures.push({ operation, code });
    return false;
  }

  private async operatorLoop(operator: TestUser, o: number): Promise<void> {
    const targets = this.people.supportable.filter((pepin) => pepin.reporterId !== operator.id);
    for (let i = 0; this.running; i++) {
      const key = `${this.tag}-${o}-${i}`;
      const input = { title: `Pépin ${o}-${i} (${this.tag})`, description: 'Le client attendait un remboursement que la règle ne permet pas.', noRuleApplies: true, idempotencyKey: key };
      const filed = await this.client.send<{ filePepin: { id: string } }>(FILE, { input }, operator.token);
      if (this.record('filePepin', filed.errorCode) && filed.data) this.filed.push({ key, reporterId: operator.id, id: filed.data.filePepin.id });
      const target = targets[i % targets.length];
      if (target) {
        const supported = await this.client.send(SUPPORT, { id: target.id }, operator.token);
        if (this.record('supportPepin', supported.errorCode)) this.supports.add(`${target.id}|${operator.id}`);
      }
      this.record('me', (await this.client.send(ME, {}, operator.token)).errorCode);
    }
  }

  private async managerLoop(manager: TestUser, m: number): Promise<void> {
    const { proposalIds } = this.people;
    for (let round = 0; this.running; round++) {
      const proposalId = proposalIds[round % proposalIds.length] as string;
      // Managers change their minds: one ballot row per manager and vote, the last choice kept.
      const choice = (round + m) % 2 === 0 ? 'APPROVE' : 'ABSTAIN';
      const cast = await this.client.send(CAST, { proposalId, choice }, manager.token);
      if (this.record('castVote', cast.errorCode)) this.ballots.set(`${manager.id}|${proposalId}`, { managerId: manager.id, proposalId, choice });
    }
  }
}
