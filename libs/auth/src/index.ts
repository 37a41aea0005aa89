export * from './jwt-secret';
export * from './tokens';
