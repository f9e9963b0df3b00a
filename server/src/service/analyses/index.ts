/** Every analysis the language service runs, in a fixed order (the core is deterministic). */
import type { Analysis } from './analysis';
import { containerNamesAnalysis } from './containerNames';
import { dependenciesAnalysis } from './dependencies';
import { deployAnalysis, deployEnumSchemaClaim } from './deploy';
import { fileObjectsAnalysis } from './fileObjects';
import { interpolationAnalysis } from './interpolation';
import { writtenKeysAnalysis } from './writtenKeys';
import { modeNotesAnalysis } from './modeNotes';
import { mountTargetsAnalysis } from './mountTargets';
import { networksAnalysis } from './networks';
import { obsoleteKeysAnalysis } from './obsoleteKeys';
import { placementAnalysis } from './placement';
import { portsAnalysis } from './ports/index';
import { referencesAnalysis } from './references/index';
import { resourcesAnalysis } from './resources';
import { restartPolicyAnalysis } from './restartPolicy';
import { schemaAnalysis, type SchemaValidators } from './schema';
import { serviceDefinitionsAnalysis } from './serviceDefinitions';
import { serviceLoaderChecksAnalysis } from './serviceLoaderChecks';
import { stackAnalysis, stackSchemaClaim } from './stack';
import { subnetsAnalysis } from './subnets';
import { durationSchemaClaim, unitsAnalysis } from './units';

export function createAnalyses(validators: SchemaValidators): Analysis[] {
  return [
    schemaAnalysis(validators, [durationSchemaClaim, stackSchemaClaim, deployEnumSchemaClaim]),
    portsAnalysis,
    subnetsAnalysis,
    networksAnalysis,
    stackAnalysis,
    deployAnalysis,
    restartPolicyAnalysis,
    placementAnalysis,
    resourcesAnalysis,
    unitsAnalysis,
    referencesAnalysis(),
    dependenciesAnalysis(),
    serviceDefinitionsAnalysis(),
    containerNamesAnalysis(),
    mountTargetsAnalysis(),
    serviceLoaderChecksAnalysis,
    fileObjectsAnalysis(),
    obsoleteKeysAnalysis(),
    interpolationAnalysis,
    modeNotesAnalysis,
    writtenKeysAnalysis,
  ];
}
