export * from './types';
export { SqliteStore } from './sqlite';
export { PostgresStore } from './postgres';
export { openStore } from './open';
export { UnstorableValueError } from './values';
export { MIGRATIONS } from './migrations';
