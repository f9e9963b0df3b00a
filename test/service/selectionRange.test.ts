import * as assert from 'node:assert/strict';
import { parseMarkers } from '../support/markers';
import { service } from '../support/service';

/** Expands the selection at the cursor and returns each step as the text it selects. */
function expand(marked: string): string[] {
  const { text, cursor } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  const [chain] = service.selectionRanges(service.parse(text, 'compose'), [cursor]);
  return (chain ?? []).map((span) => text.slice(span.start, span.end));
}

describe('selectionRange', () => {
  it('grows from a value through its entry, the service and the section to the document', () => {
    assert.deepEqual(expand('services:\n  web:\n    image: ngi<|>nx\n    restart: always\n'), [
      'nginx',
      'image: nginx',
      'image: nginx\n    restart: always',
      'web:\n    image: nginx\n    restart: always',
      'services:\n  web:\n    image: nginx\n    restart: always',
    ]);
  });

  it('selects a `${VAR}` and a word inside a quoted scalar before the whole scalar', () => {
    assert.deepEqual(expand('x: "${TA<|>G:-1.2} and more"\n'), ['TAG', '${TAG:-1.2}', '${TAG:-1.2} and more', '"${TAG:-1.2} and more"', 'x: "${TAG:-1.2} and more"']);
  });

  it('goes through sequence items and from a key to its entry', () => {
    assert.deepEqual(expand('ports:\n  - target: 80\n    pub<|>lished: 8080\n'), [
      'published',
      'published: 8080',
      'target: 80\n    published: 8080',
      '- target: 80\n    published: 8080',
      'ports:\n  - target: 80\n    published: 8080',
    ]);
  });

  it('answers every offset of an arbitrary text with a non-empty chain of growing spans', () => {
    const text = 'a: [1, {b: *x}]\n- broken: [\n"unterminated\n';
    const doc = service.parse(text, 'compose');
    for (let offset = 0; offset <= text.length; offset++) {
      const [chain] = service.selectionRanges(doc, [offset]);
      assert.ok(chain && chain.length > 0);
      for (let i = 1; i < chain.length; i++) assert.ok(chain[i]!.start <= chain[i - 1]!.start && chain[i]!.end >= chain[i - 1]!.end);
    }
  });
});
