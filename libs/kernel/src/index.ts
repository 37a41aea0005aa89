export * from './roles';
export * from './domain-errors';
export * from './decider';
export * from './validation';
export * from './every-member';
export * from './stored-event';
