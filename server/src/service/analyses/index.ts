/** Every analysis the language service runs, in a fixed order (the core is deterministic). */
import type { Analysis } from './analysis';
import { networksAnalysis } from './networks';
import { schemaAnalysis, type SchemaValidators } from './schema';
import { stackAnalysis, stackSchemaClaim } from './stack';
import { subnetsAnalysis } from './subnets';
import { durationSchemaClaim, unitsAnalysis } from './units';

export function createAnalyses(validators: SchemaValidators): Analysis[] {
  return [schemaAnalysis(validators, [durationSchemaClaim, stackSchemaClaim]), subnetsAnalysis, networksAnalysis, stackAnalysis, unitsAnalysis];
}
