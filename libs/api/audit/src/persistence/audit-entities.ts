import { AuditEntryEntity } from './audit-entry.entity';

/** The tables the audit context owns. */
export const AUDIT_ENTITIES = [AuditEntryEntity];
