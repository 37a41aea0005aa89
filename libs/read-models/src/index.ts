export { sagerProjection } from './sager.projection';
export type { SagView } from './sager.projection';
export { erOffentlig, moederProjection } from './moeder.projection';
export type { MoedeView } from './moeder.projection';
export { PROJECTIONS } from './projections';
