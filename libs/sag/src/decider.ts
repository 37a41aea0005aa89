import { Decider } from '@sagsgang/kernel';
import { SagCommand } from './commands';
import { decide } from './decide';
import { SagEvent } from './events';
import { evolve } from './evolve';
import { initialState, SagState } from './state';

export const sagDecider: Decider<SagCommand, SagEvent, SagState> = { decide, evolve, initialState };
