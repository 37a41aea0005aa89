import { Decider } from '@sagsgang/kernel';
import { MoedeCommand } from './commands';
import { decide } from './decide';
import { MoedeEvent } from './events';
import { evolve } from './evolve';
import { initialState, MoedeState } from './state';

export const moedeDecider: Decider<MoedeCommand, MoedeEvent, MoedeState> = { decide, evolve, initialState };
