/** The upgrade tests (upgrade.contract.ts) on PostgreSQL: every earlier step, and the edited migrations. */
import { describeEditedMigrationsUpgrade, describeUpgrades } from './upgrade.contract.js';

describeUpgrades('PostgreSQL');
describeEditedMigrationsUpgrade('PostgreSQL');
