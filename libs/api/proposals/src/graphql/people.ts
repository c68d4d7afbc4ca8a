import { Injectable } from '@nestjs/common';
import { UserDirectoryService } from '@pepite/api/identity';
import { ProposalPersonType } from './proposal.type';
import { RequestBatcher } from '@pepite/api/graphql-kit';

/** Names of people who may be named (managers, operators who chose it), batched per request. */
@Injectable()
export class ProposalPeople {
  constructor(
    private readonly batcher: RequestBatcher,
    private readonly directory: UserDirectoryService,
  ) {}

  async person(context: object, userId: string | null): Promise<ProposalPersonType | null> {
    if (userId === null) return null;
    const user = await this.batcher.load(context, 'people', userId, async (ids) => {
      const users = await this.directory.getUsers(ids);
      return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
    });
    return user ? Object.assign(new ProposalPersonType(), user) : null;
  }
}
