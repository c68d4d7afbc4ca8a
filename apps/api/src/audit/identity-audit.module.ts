import { Global, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { IdentityAuditTrail, type IdentityAuditEntry } from '@pepite/api/identity';

/** The identity context's audit lines go to the audit log (which depends on identity, hence the bridge here). */
class AuditLogTrail extends IdentityAuditTrail {
  constructor(private readonly log: AuditLog) {
    super();
  }

  async record(entry: IdentityAuditEntry, manager?: EntityManager): Promise<void> {
    await this.log.record({ ...entry, actorId: entry.actorId ?? null }, manager);
  }
}

@Global()
@Module({
  providers: [{ provide: IdentityAuditTrail, useFactory: (log: AuditLog) => new AuditLogTrail(log), inject: [AuditLog] }],
  exports: [IdentityAuditTrail],
})
export class IdentityAuditModule {}
