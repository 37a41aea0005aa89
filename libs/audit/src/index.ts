export { verifyLog } from './verify-log';
export type { VerifyFailure, VerifyOptions, VerifyReport, UnreadableRange } from './verify-log';
export { exportJsonLines, exportLog, requireEventAt, toExportRecord, UnknownPosition } from './export-log';
export type { ExportOptions, ExportRecord } from './export-log';
export { importLog, ImportFailed } from './import-log';
export type { ImportOptions, ImportReport } from './import-log';
export { readLog } from './read-log';
export type { ReadLogOptions } from './read-log';
