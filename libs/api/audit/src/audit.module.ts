import { Module, type DynamicModule } from '@nestjs/common';
import { AuditLog } from './application/audit-log.service';
import { AUDIT_OPTIONS, type AuditOptions } from './audit.options';
import { AuditLogResolver } from './graphql/audit-log.resolver';

@Module({})
export class AuditModule {
  /** Global: any context may inject `AuditLog` to record what it does. */
  static forRoot(options: AuditOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditLog, AuditLogResolver],
      exports: [AuditLog],
    };
  }
}
