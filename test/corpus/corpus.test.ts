/**
 * Every real-world file in ../shared/corpus (or $SHIPSHAPE_CORPUS) goes through the whole core. The
 * findings are compared with a reviewed snapshot (test/corpus/snapshot.json): each entry in it was read
 * and judged a true finding. Skipped with a message where the corpus is absent.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CORPUS, corpusFiles, hasCorpus } from '../support/corpus';
import { expectJson } from '../support/expect';
import { service } from '../support/service';

describe('real-world corpus', function () {
  if (!hasCorpus()) {
    it.skip(`corpus not found at ${CORPUS} (set SHIPSHAPE_CORPUS)`);
    return;
  }

  it('parses and checks every file without an exception, and only reviewed findings appear', function () {
    const snapshot: Record<string, string[]> = {};
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      const findings = service.diagnostics(doc);
      if (findings.length === 0) continue;
      snapshot[file] = findings.map((f) => {
        const { line, character } = doc.lineIndex.positionAt(f.span.start);
        return `${line + 1}:${character + 1} ${f.severity} ${f.code} ${f.message}`;
      });
    }
    expectJson(path.join(__dirname, 'snapshot.json'), snapshot);
  });

  it('answers navigation requests at a spread of offsets in every file without an exception', () => {
    for (const { mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      for (let offset = 0; offset <= doc.text.length; offset += 37) {
        service.definition(doc, offset);
        service.references(doc, offset, true);
        service.documentHighlights(doc, offset);
        if (service.prepareRename(doc, offset)) service.rename(doc, offset, 'renamed');
      }
    }
  });

  it('builds a network graph for every file: every service a node, every edge between nodes', () => {
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      const graph = service.networkGraph(doc);
      const ids = new Set(graph.nodes.map((node) => node.id));
      assert.equal(ids.size, graph.nodes.length, file);
      for (const name of doc.model.services.keys()) assert.ok(ids.has(`service:${name}`), `${file}: ${name}`);
      for (const edge of graph.edges) assert.ok(ids.has(edge.from) && ids.has(edge.to), `${file}: ${edge.id}`);
    }
  });

  it('has no schema or syntax errors on any file (all are valid real-world files)', () => {
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      const errors = service.diagnostics(doc).filter((f) => f.code.startsWith('schema-') || f.code.startsWith('yaml-') || f.code === 'duplicate-key');
      assert.deepEqual(errors.map((f) => f.message), [], file);
    }
  });

  it('answers hover and completion at a spread of offsets in every file without an exception', () => {
    for (const { mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      const step = Math.max(1, Math.floor(text.length / 60));
      for (let offset = 0; offset <= text.length; offset += step) {
        service.hover(doc, offset);
        service.completion(doc, offset);
      }
    }
  });
});
