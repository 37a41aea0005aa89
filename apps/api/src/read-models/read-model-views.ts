import { Injectable } from '@nestjs/common';
import { FindQuery, FindResult, ReadModelStore } from '@sagsgang/projections';
import { moederProjection, MoedeView, sagerProjection, SagView } from '@sagsgang/read-models';

export type { MoedeView, SagView };

/** The sager read model as the query routes read it: one sag, or a page as the JSON text it is kept as. */
@Injectable()
export class SagerReadModel {
  constructor(private readonly readModels: ReadModelStore) {}

  get(id: string): SagView | null {
    return this.readModels.get<SagView>(sagerProjection.name, id);
  }

  /** Sent as stored, not parsed and serialised again (see pageJson). */
  findJson(query: FindQuery): FindResult<{ id: string; json: string }> {
    return this.readModels.table(sagerProjection.name).findJson(query);
  }
}

/** The møder read model as the query routes read it. */
@Injectable()
export class MoederReadModel {
  constructor(private readonly readModels: ReadModelStore) {}

  get(id: string): MoedeView | null {
    return this.readModels.get<MoedeView>(moederProjection.name, id);
  }

  find(query: FindQuery): FindResult<MoedeView> {
    return this.readModels.find<MoedeView>(moederProjection.name, query);
  }
}
