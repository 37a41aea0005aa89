export * from './roles';
export * from './domain-errors';
export * from './decider';
export * from './validation';
