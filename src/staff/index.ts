// The staff layer: dashboard API, sessions, audit log, queue, and the try-the-bot demo API.

export { mountStaff, LOGIN_LIMITS, type StaffDeps } from './mount';
export { createAccount, listAccounts, type AccountView } from './accounts';
export { readAudit, writeAudit, type AuditEntry, type AuditView } from './audit';
export { readQueue, compareQueueRows, type QueueRow } from './queue';
export { recordStaffCaseReport } from './case-reports';
