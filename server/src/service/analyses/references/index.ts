/** The references analysis: undefined and unused names, dependency and extends cycles, and their quick fixes. */
import type { Analysis, FixProvider } from '../analysis';
import { declareMissing, replaceWithSuggestion } from './declareFixes';
import { findDependencyCycles } from './dependencyCycles';
import { findExtendsCycles } from './extendsCycles';
import { findUndefinedReferences, UNDEFINED_RULES } from './undefinedReferences';
import { findUnusedNetworks } from './unusedNetworks';

export { referenceIndex, symbolAt, declaration, targetKey, type Reference, type ResourceKind, type SymbolAt } from './referenceIndex';

/** Replacing a misspelt name comes first; declarations are offered for networks, volumes, secrets and configs. */
const both: FixProvider = (doc, finding) => [...replaceWithSuggestion(doc, finding), ...declareMissing(doc, finding)];

export function referencesAnalysis(): Analysis {
  const fixes: Record<string, FixProvider> = {};
  for (const rule of Object.values(UNDEFINED_RULES)) fixes[rule.code] = both;
  return {
    name: 'references',
    run: (doc) => [...findUndefinedReferences(doc), ...findUnusedNetworks(doc), ...findDependencyCycles(doc), ...findExtendsCycles(doc)],
    fixes,
  };
}
