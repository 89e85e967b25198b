import type { Config } from '../config';
import type { Store } from '../store/types';
import type { LimiterStoreFactory } from './middleware/rate-limit';

/** Everything the web layer needs from outside; tests pass their own. */
export interface AppDeps {
  store: Store;
  config: Config;
  /** Shared counts for the rate limiters (several instances); this process's memory when absent. */
  limiterStore?: LimiterStoreFactory;
}
