/** A fold thread of `sagsgang replay` (FoldThreads): opens the event store as the CLI does and folds the share of the streams it is given. */
import { serveFoldRequest } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { openEventStore } from '../store';

void serveFoldRequest(() => openEventStore({ readonly: true }), PROJECTIONS);
