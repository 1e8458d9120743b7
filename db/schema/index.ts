export * from './tenancy';
export * from './auth';
export * from './platform';
export * from './catalog';
export * from './inventory';
export * from './restaurant';
export * from './events';
