export * from './types';
export { SqliteStore } from './sqlite';
export { UnstorableValueError } from './values';
export { MIGRATIONS } from './migrations';
