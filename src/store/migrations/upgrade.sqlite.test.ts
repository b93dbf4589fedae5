/** The upgrade contracts (upgrade.contract.ts) on SQLite: every earlier step, and the edited migrations. */
import { describeEditedMigrationsUpgrade, runUpgradeContracts, upgradeSteps } from './upgrade.contract.js';

runUpgradeContracts('SQLite', upgradeSteps);
describeEditedMigrationsUpgrade('SQLite');
