/** The upgrade tests (upgrade.contract.ts) on SQLite: every earlier step, and the edited migrations. */
import { describeEditedMigrationsUpgrade, describeUpgrades } from './upgrade.contract.js';

describeUpgrades('SQLite');
describeEditedMigrationsUpgrade('SQLite');
