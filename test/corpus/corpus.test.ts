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

  it("decides each file's mode from its real path and content as INDEX.tsv says, or notes the contradiction; no note where it agrees", () => {
    // Stack files that say so nowhere, neither in the name nor in a key only Swarm reads: Shipshape
    // checks them as Compose files, the lenient reading, and cannot tell (both are docker/cli or workshop files).
    const undecidable = new Set(['docker/cli/e2e/stack/testdata/full-stack.yml', 'jpetazzo/container.training/stacks/elk.yml']);
    const outcomes: string[] = [];
    for (const { origin, mode, text } of corpusFiles()) {
      const doc = service.parse(text, { path: `/${origin}` });
      const noted = service.diagnostics(doc).some((f) => f.code === 'mode-contradicted');
      if (doc.mode === mode) assert.ok(!noted, `${origin}: a false note`);
      else if (!noted) assert.ok(undecidable.has(origin), `${origin}: checked as ${doc.mode} (${doc.modeSource}), INDEX says ${mode}`);
      outcomes.push(`${mode} ${doc.mode} ${doc.modeSource}${noted ? ' noted' : ''}`);
    }
    const counts = new Map<string, number>();
    for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    // INDEX kind, decided mode, by what: the measured spread, so a change in detection shows here.
    assert.deepEqual(Object.fromEntries([...counts].sort()), {
      'compose compose content': 8,
      'compose compose default': 5,
      'compose compose name': 67,
      'stack compose default': 2,
      'stack compose name noted': 2, // swarmprom's docker-compose.yml and docker-compose.traefik.yml
      'stack stack content': 6,
      'stack stack name': 2,
    });
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
