export {
  AUDIT_ACTOR_ROLES,
  MAX_ACTION_LENGTH,
  MAX_DETAILS_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  MAX_SUBJECT_ID_LENGTH,
  MAX_SUBJECT_TYPE_LENGTH,
  type AuditActorRole,
  type AuditEntryView,
  type AuditFilter,
  type AuditRecord,
} from './domain/audit-entry';
export { AuditLog, DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE, type AuditPage } from './application/audit-log.service';
export { AUDIT_ENTITIES } from './persistence/audit-entities';
export type { AuditOptions } from './audit.options';
export { AuditErrors } from './audit.errors';
export { AuditModule } from './audit.module';
