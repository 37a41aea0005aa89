import type { components } from '../../generated/api';

/**
 * The public API's shapes, generated from the OpenAPI document at build
 * time: a page that reads a field the API no longer has fails the typecheck.
 */
type Schemas = components['schemas'];
export type Forside = Schemas['Forside'];
export type MoedeResume = Schemas['OffentligtMoedeResume'];
export type Moede = Schemas['OffentligtMoede'];
export type Punkt = Schemas['OffentligtPunkt'];
export type Bilag = Schemas['OffentligtBilag'];
export type MoedeListe = Schemas['OffentligMoedeListe'];
export type SoegeResultat = Schemas['SoegeResultat'];
export type SoegeHit = Schemas['SoegeHit'];
