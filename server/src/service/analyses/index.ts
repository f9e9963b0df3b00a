/** Every analysis the language service runs, in a fixed order (the core is deterministic). */
import type { ValidateFunction } from 'ajv';
import type { Analysis } from './analysis';
import { networksAnalysis } from './networks';
import { schemaAnalysis } from './schema';
import { subnetsAnalysis } from './subnets';

export function createAnalyses(validate: ValidateFunction): Analysis[] {
  return [schemaAnalysis(validate), subnetsAnalysis, networksAnalysis];
}
