import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { runStoreContract } from '../store.contract.js';

runStoreContract({ name: 'SQLite', createStore: openTestSqliteStore });
