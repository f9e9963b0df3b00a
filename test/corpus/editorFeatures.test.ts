/**
 * The editor features that answer for the whole file (folding, selection, links, tokens, formatting,
 * hints, lenses) on every real-world file: no exception, and answers that are well-formed.
 */
import * as assert from 'node:assert/strict';
import { CORPUS, corpusFiles, hasCorpus } from '../support/corpus';
import { service } from '../support/service';

describe('editor features on the real-world corpus', function () {
  if (!hasCorpus()) {
    it.skip(`corpus not found at ${CORPUS} (set SHIPSHAPE_CORPUS)`);
    return;
  }

  it('folds every file into ranges that span several lines inside the text', () => {
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      for (const { span } of service.foldingRanges(doc)) {
        assert.ok(span.start >= 0 && span.end <= text.length, file);
        assert.ok(doc.lineIndex.positionAt(span.end).line > doc.lineIndex.positionAt(span.start).line, `${file}: ${span.start}`);
      }
    }
  });

  it('answers selection ranges at a spread of offsets with chains of growing spans', () => {
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      const offsets: number[] = [];
      for (let offset = 0; offset <= text.length; offset += 41) offsets.push(offset);
      for (const chain of service.selectionRanges(doc, offsets)) {
        for (let i = 1; i < chain.length; i++) assert.ok(chain[i]!.start <= chain[i - 1]!.start && chain[i]!.end >= chain[i - 1]!.end, file);
      }
    }
  });

  it('links every file: spans inside the text, https pages or absolute paths', () => {
    let links = 0;
    for (const { file, mode, text } of corpusFiles()) {
      for (const link of service.documentLinks(service.parse(text, mode), `/corpus/${file}`)) {
        assert.ok(link.span.start < link.span.end && link.span.end <= text.length, file);
        assert.ok(link.target.kind === 'url' ? link.target.url.startsWith('https://') : link.target.path.startsWith('/'), file);
        links++;
      }
    }
    assert.ok(links > 100, `only ${links} links in the corpus`);
  });

  it('gives every file semantic tokens on one line each, in text order, a range giving a subset of the full result', () => {
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      const tokens = service.semanticTokens(doc);
      for (let i = 0; i < tokens.length; i++) {
        const { span } = tokens[i]!;
        assert.ok(span.start < span.end && !text.slice(span.start, span.end).includes('\n'), `${file}: ${span.start}`);
        if (i > 0) assert.ok(tokens[i - 1]!.span.end <= span.start, `${file}: overlapping tokens at ${span.start}`);
      }
      const half = { start: Math.floor(text.length / 2), end: text.length };
      const full = new Set(tokens.filter((t) => t.span.end > half.start).map((t) => t.span.start));
      assert.deepEqual(service.semanticTokens(doc, half).map((t) => t.span.start).filter((s) => !full.has(s)), [], file);
    }
  });

  it('gives every file inlay hints inside the text with a label, and quick fixes for every finding without an exception', () => {
    for (const { file, mode, text } of corpusFiles()) {
      const doc = service.parse(text, mode);
      for (const hint of service.inlayHints(doc, { start: 0, end: text.length })) assert.ok(hint.offset <= text.length && hint.label.length > 0, file);
      for (const finding of service.diagnostics(doc)) service.quickFixes(doc, finding);
    }
  });

  it('puts a reference lens on every declared service and finds every service as a workspace symbol', () => {
    const files = corpusFiles().map(({ file, mode, text }) => ({ path: `/corpus/${file}`, doc: service.parse(text, mode) }));
    for (const { path, doc } of files) {
      const lensed = new Set(service.codeLenses(doc).filter((lens) => lens.kind === 'service').map((lens) => lens.name));
      for (const [name, element] of doc.model.services) if (!element.via) assert.ok(lensed.has(name), `${path}: ${name}`);
      const symbols = service.workspaceSymbols([{ path, doc }], '').filter((symbol) => symbol.kind === 'service');
      assert.deepEqual(new Set(symbols.map((symbol) => symbol.name)), lensed, path);
    }
    assert.equal(service.workspaceSymbols(files, '').length, 500);
  });
});
