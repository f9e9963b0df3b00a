/** Shipshape's configuration file and editor settings: reading, validation, upward lookup and how they apply. */
export { CONFIG_DOCS, readConfig, type ConfigFile, type ProjectConfig, type ShipshapeConfig } from './configFile';
export { CONFIG_FILE_NAMES, ConfigLookup } from './lookup';
export { isExcluded, rulesWith, stackModeFor } from './apply';
export { checkSettings, keyName, type Checked, type ValueProblem } from './validate';
