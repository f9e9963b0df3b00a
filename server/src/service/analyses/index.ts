/** Every analysis the language service runs, in a fixed order (the core is deterministic). */
import type { ValidateFunction } from 'ajv';
import type { Analysis } from './analysis';
import { schemaAnalysis } from './schema';

export function createAnalyses(validate: ValidateFunction): Analysis[] {
  return [schemaAnalysis(validate)];
}
