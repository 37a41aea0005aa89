export { sagerProjection, toSagEvent } from './sager.projection';
export type { SagView } from './sager.projection';
export { foldMoede, moederProjection, toMoedeEvent } from './moeder.projection';
export type { MoedeView } from './moeder.projection';
export { PROJECTIONS } from './projections';
