export * from './projection';
export * from './errors';
export { ReadModelStore, READ_MODELS_FILE_NAME, readModelsFile } from './read-model-store';
export type { Checkpoint, Installation, ReadModelStoreOptions } from './read-model-store';
export type { FindQuery, FindResult } from './find-query';
export { ProjectionRunner } from './projection-runner';
export { replayReadModels } from './replay';
export { FoldThreads } from './fold-threads';
export { serveFoldRequest } from './fold-thread';
export type { FoldThreadOptions } from './fold-threads';
export { ReplayWriter } from './replay-writer';
export type {
  Incident,
  LogLevel,
  ProjectionLag,
  ProjectionLogger,
  ProjectionRunnerOptions,
  ProjectionStatus,
  RunnerHealth,
} from './runner-options';
export { moveAside, setAsideIfDamaged } from './read-model-file';
export type { SetAside } from './read-model-file';
