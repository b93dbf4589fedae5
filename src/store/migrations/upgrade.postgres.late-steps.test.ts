/** The upgrade contracts (upgrade.contract.ts) on PostgreSQL from the later half of the steps. */
import { runUpgradeContracts, upgradeSteps } from './upgrade.contract.js';

runUpgradeContracts('PostgreSQL', upgradeSteps.slice(Math.ceil(upgradeSteps.length / 2)));
