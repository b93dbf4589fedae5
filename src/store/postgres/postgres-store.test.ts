import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';
import { runStoreContract } from '../store.contract.js';

runStoreContract({ name: 'PostgreSQL', createStore: openTestPostgresStore, skip: skipPostgres });
