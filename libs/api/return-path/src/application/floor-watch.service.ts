import { Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { FloorChangeHub } from './floor-change-hub';
import { siteFor } from './site-scope';

/** Who may watch a site's floor is who may read it: `releaseAdoption`'s own site rule. */
@Injectable()
export class FloorWatch {
  constructor(
    private readonly directory: UserDirectoryService,
    private readonly hub: FloorChangeHub,
  ) {}

  async watch(caller: AuthenticatedUser, siteId?: string | null): Promise<Observable<string>> {
    const site = await siteFor(this.directory, caller, siteId);
    return this.hub.changesOf(site.id);
  }
}
