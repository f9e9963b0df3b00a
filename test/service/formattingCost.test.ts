/**
 * What a range format costs, counted rather than timed: each selection tried is checked by composing the
 * whole formatted text, so a range format must not try a selection known to fail (one service moved to
 * another column than its siblings), nor compose the original more than once.
 */
import * as assert from 'node:assert/strict';
import { Composer } from 'yaml';
import { service } from '../support/service';

function composesDuring(run: () => unknown): number {
  const original = Composer.prototype.compose;
  let count = 0;
  Composer.prototype.compose = function (...args: Parameters<typeof original>) {
    count++;
    return original.apply(this, args);
  };
  try {
    run();
  } finally {
    Composer.prototype.compose = original;
  }
  return count;
}

const TEXT = 'services:\n  web:\n    image: nginx\n  api:\n    image: api\n  db:\n    image: postgres\n';
const middle = { start: TEXT.indexOf('api:'), end: TEXT.indexOf('api:') };

describe('range formatting cost', () => {
  it('checks the original once and only the selection that can hold when every service moves', () => {
    const doc = service.parse(TEXT, 'compose');
    let edits: unknown[] = [];
    assert.equal(composesDuring(() => (edits = service.format(doc, { tabSize: 4 }, middle))), 2);
    assert.ok(edits.length > 0);
  });

  it('checks the original once and the service alone when only it moves', () => {
    const text = TEXT.replace('    image: api', '      image: api');
    const doc = service.parse(text, 'compose');
    let edits: unknown[] = [];
    assert.equal(composesDuring(() => (edits = service.format(doc, { tabSize: 2 }, middle))), 2);
    assert.equal(edits.length, 1);
  });
});
