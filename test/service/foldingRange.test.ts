import * as assert from 'node:assert/strict';
import { parseMarkers, renderSpans } from '../support/markers';
import { service } from '../support/service';

/** Folds the fixture's text and checks the ranges (of `kind`) sit on its `⟦...⟧` spans. */
function checkFolding(marked: string, kind: 'region' | 'comment' = 'region'): void {
  const { text, spans } = parseMarkers(marked);
  const ranges = service.foldingRanges(service.parse(text, 'compose')).filter((range) => range.kind === kind);
  assert.equal(renderSpans(text, ranges.map((range) => range.span)), renderSpans(text, spans));
}

describe('foldingRange', () => {
  it('folds every multi-line mapping entry and sequence item, from the key or the dash', () => {
    checkFolding('⟦services:\n  ⟦web:\n    image: nginx\n    ⟦ports:\n      - "80:80"\n      ⟦- target: 443\n        published: 8443⟧⟧⟧\n  db: {image: x}⟧\n');
  });

  it('folds block scalars and multi-line flow collections, and ends at the last written character', () => {
    checkFolding('⟦services:\n  ⟦web:\n    ⟦command: |\n      echo a\n      echo b⟧\n    ⟦environment: {A: 1,\n      B: 2}⟧⟧⟧\n\n\n');
  });

  it('folds runs of two or more comment lines, not `#` lines inside a block scalar', () => {
    checkFolding('⟦# one\n# two⟧\nservices:\n  # alone\n  web:\n    ⟦# three\n    # four⟧\n    command: |\n      # content\n      # content\n', 'comment');
  });

  it('folds what anchors hold once, where it is written, not where aliases use it', () => {
    checkFolding('⟦x-base: &base\n  image: x\n  restart: always⟧\n⟦services:\n  ⟦web:\n    <<: *base\n    ports: ["80:80"]⟧⟧\n');
  });
});
