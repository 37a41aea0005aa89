import type { components } from '../../generated/api';

/**
 * The public API's shapes, generated from the OpenAPI document at build
 * time: a page that reads a field the API no longer has fails the typecheck.
 */
type Schemas = components['schemas'];
export type Forside = Schemas['ForsideDto'];
export type MoedeResume = Schemas['OffentligtMoedeResumeDto'];
export type Moede = Schemas['OffentligtMoedeDto'];
export type Punkt = Schemas['OffentligtPunktDto'];
export type Bilag = Schemas['OffentligtBilagDto'];
export type MoedeListe = Schemas['OffentligMoedeListeDto'];
export type SoegeResultat = Schemas['SoegeResultatDto'];
export type SoegeHit = Schemas['SoegeHitDto'];
