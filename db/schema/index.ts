export * from './tenancy';
export * from './auth';
export * from './platform';
