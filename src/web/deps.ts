import type { Config } from '../config';
import type { Store } from '../store/types';

/** Everything the web layer needs from outside; tests pass their own. */
export interface AppDeps {
  store: Store;
  config: Config;
}
