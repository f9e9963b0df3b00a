import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { expectJson } from '../support/expect';
import { findingsOf, service } from '../support/service';

/** Every folder under test/fixtures/diagnostics holds a compose.yaml (or stack.yml) and its expected findings. */
export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'diagnostics');

export function fixtureCases(): { name: string; file: string; mode: 'compose' | 'stack' }[] {
  return readdirSync(FIXTURES).sort().map((name) => {
    const stack = path.join(FIXTURES, name, 'docker-stack.yml');
    return existsSync(stack) ? { name, file: stack, mode: 'stack' } : { name, file: path.join(FIXTURES, name, 'compose.yaml'), mode: 'compose' };
  });
}

/** Findings rendered for review: position, code, severity, the text under the span, and the message. */
export function renderFindings(text: string, mode: 'compose' | 'stack') {
  const doc = service.parse(text, mode);
  return service.diagnostics(doc).map((f) => {
    const start = doc.lineIndex.positionAt(f.span.start);
    return { at: `${start.line + 1}:${start.character + 1}`, code: f.code, severity: f.severity, text: text.slice(f.span.start, f.span.end), message: f.message };
  });
}

describe('diagnostics fixtures', () => {
  for (const { name, file, mode } of fixtureCases()) {
    it(name, () => expectJson(path.join(path.dirname(file), 'expected.json'), renderFindings(readFileSync(file, 'utf8'), mode)));
  }
});

describe('rule settings and suppression comments', () => {
  const text = 'services:\n  web:\n    imag: nginx\n';
  it('turns a rule off or changes its severity', () => {
    const doc = service.parse(text, 'compose');
    assert.equal(service.diagnostics(doc, { rules: { 'schema-unknown-property': 'off' } }).length, 0);
    assert.equal(service.diagnostics(doc, { rules: { 'schema-unknown-property': 'hint' } })[0]!.severity, 'hint');
  });
  it('honours # shipshape-disable-next-line with and without codes', () => {
    assert.equal(findingsOf('services:\n  web:\n    # shipshape-disable-next-line schema-unknown-property\n    imag: nginx\n').length, 0);
    assert.equal(findingsOf('services:\n  web:\n    # shipshape-disable-next-line\n    imag: nginx\n').length, 0);
    assert.equal(findingsOf('services:\n  web:\n    # shipshape-disable-next-line port-conflict\n    imag: nginx\n').length, 1);
  });
});
