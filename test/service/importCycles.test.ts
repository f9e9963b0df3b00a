/**
 * The house rule "one-way dependencies, no import cycles" (ARCHITECTURE.md), checked over the server's
 * sources: every relative import (type-only ones included, they couple modules just the same) is an edge.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/service';

const SOURCES = path.join(ROOT, 'server', 'src');
const IMPORT = /^\s*(?:import|export)\b[^'";]*?from\s+'(\.{1,2}\/[^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** One cycle per strongly connected part of the graph found by a depth-first search, as file paths. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('architecture: import graph', () => {
  it('has no import cycles in server/src', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(SOURCES)) {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(IMPORT)].flatMap((match) => resolveImport(file, match[1]!) ?? []);
      graph.set(file, targets);
    }
    assert.ok(graph.size > 50, 'the import scan found the sources');
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(SOURCES, file)).join(' -> '));
    assert.deepEqual(cycles, []);
  });
});
