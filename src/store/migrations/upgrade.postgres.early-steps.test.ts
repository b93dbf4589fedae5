/**
 * The upgrade contracts (upgrade.contract.ts) on PostgreSQL from the earlier half of the
 * steps, and the edited migrations; upgrade.postgres.late-steps.test.ts runs the other half
 * beside it.
 */
import { describeEditedMigrationsUpgrade, runUpgradeContracts, upgradeSteps } from './upgrade.contract.js';

runUpgradeContracts('PostgreSQL', upgradeSteps.slice(0, Math.ceil(upgradeSteps.length / 2)));
describeEditedMigrationsUpgrade('PostgreSQL');
