export * from './return-path.module';
export * from './return-path.errors';
export * from './return-path.options';
export { RETURN_PATH_ENTITIES } from './persistence/return-path-entities';
export { ReturnPathRetention, RETURN_PATH_RETENTION_JOB, type PurgeOutcome } from './application/retention.service';
export { ACTIVE_WINDOW_HOURS } from './domain/adoption';
// The use cases the demo data plays (apps/api/src/demo).
export { MandatoryReadingService } from './application/mandatory-reading.service';
export { FloorChangeHub } from './application/floor-change-hub';
// The desktops' status route answered before Express (composed in apps/api's front door).
export { DesktopStatusFastPath, DESKTOP_STATUS_ROUTE } from './http/desktop-status-fast-path';
