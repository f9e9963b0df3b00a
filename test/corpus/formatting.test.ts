/**
 * Format Document on every real-world file, with the file's own sequence style and with each setting:
 * formatting twice gives the text formatting once gave, no comment, anchor or alias is lost or moved
 * in order, and the resolved model is the same. The counts of changed files keep the test honest: a
 * formatter that gave up on everything would pass the rest.
 */
import * as assert from 'node:assert/strict';
import { CST, Lexer } from 'yaml';
import { applyEdits } from '../../server/src/service/features/fixAll';
import type { Node } from '../../server/src/service/parse/tree';
import type { ComposeDocument, FormatOptions } from '../../server/src/service/index';
import { CORPUS, corpusFiles, hasCorpus } from '../support/corpus';
import { service } from '../support/service';

/** The resolved trees as plain values: key order, values, scalar styles, tags, and what came through an alias. */
function plain(node: Node | undefined): unknown {
  if (!node) return null;
  const props = { tag: node.tag ?? null, alias: node.via !== undefined };
  if (node.kind === 'scalar') return { ...props, value: node.value, style: node.style };
  if (node.kind === 'seq') return { ...props, items: node.items.map(plain) };
  return { ...props, entries: node.entries.map((entry) => [entry.key, entry.via !== undefined, plain(entry.value)]) };
}

function model(doc: ComposeDocument): unknown {
  return doc.documents.map((document) => plain(document.root));
}

/** Comments, anchors and aliases in text order, as the YAML lexer sees them. */
function marks(text: string): string[] {
  const found: string[] = [];
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'comment' || type === 'anchor' || type === 'alias') found.push(token.trimEnd());
  }
  return found;
}

describe('formatting the real-world corpus', function () {
  if (!hasCorpus()) {
    it.skip(`corpus not found at ${CORPUS} (set SHIPSHAPE_CORPUS)`);
    return;
  }

  const settings: { options: FormatOptions; changesAtLeast: number }[] = [
    { options: { tabSize: 2 }, changesAtLeast: 15 },
    { options: { tabSize: 4, sequenceIndent: 'indent' }, changesAtLeast: 80 },
    { options: { tabSize: 2, sequenceIndent: 'flush' }, changesAtLeast: 80 },
  ];
  for (const { options, changesAtLeast } of settings) {
    it(`is stable and keeps comments, anchors and the model (${JSON.stringify(options)})`, () => {
      let changed = 0;
      for (const { file, mode, text } of corpusFiles()) {
        const doc = service.parse(text, mode);
        const once = applyEdits(text, service.format(doc, options));
        if (once === text) continue;
        changed++;
        const formatted = service.parse(once, mode);
        assert.deepEqual(formatted.syntaxFindings, [], file);
        assert.deepEqual(model(formatted), model(doc), file);
        assert.deepEqual(marks(once), marks(text), file);
        assert.equal(applyEdits(once, service.format(formatted, options)), once, `${file}: formatting twice changes more`);
        assert.ok(once.endsWith('\n') && !once.endsWith('\n\n'), file);
      }
      assert.ok(changed >= changesAtLeast, `only ${changed} files formatted`);
    });
  }
});
