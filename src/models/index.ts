/**
 * capexlens model economics: pure functions for training cost, cost trends, inference cost and
 * "how many GPUs is a job worth". No I/O, no clock; imports only the finance core.
 */
export * from './units';
export * from './gpu-specs';
export * from './hardware-class';
export * from './regression';
export * from './training-cost';
export * from './trend';
export * from './inference';
export * from './roles';
export * from './gpus-per-job';
