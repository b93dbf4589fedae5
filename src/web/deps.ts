import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Store } from '../store/store.js';

/** What the web layer is given by the composition root. */
export interface AppDeps {
  store: Store;
  config: Readonly<Config>;
  logger: Logger;
}
