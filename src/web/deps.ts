import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Store } from '../store/store.js';
import type { PageCache } from './http-cache/page-cache.js';

/** What the web layer is given by the composition root. */
export interface AppDeps {
  store: Store;
  config: Readonly<Config>;
  logger: Logger;
  /** This node's rendered pages, connected to the store's changes (`connectPageCache`); built from config when absent. */
  pageCache?: PageCache;
}
