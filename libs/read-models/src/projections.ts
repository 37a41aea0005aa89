import { AnyProjection } from '@sagsgang/projections';
import { moederProjection } from './moeder.projection';
import { sagerProjection } from './sager.projection';

/**
 * Every read model of `readmodels.sqlite`, in one list shared by the API (which
 * keeps them up to date) and the CLI (which rebuilds them: `sagsgang replay`),
 * so both fold the log with the very same definitions.
 */
export const PROJECTIONS: readonly AnyProjection[] = [sagerProjection, moederProjection];
