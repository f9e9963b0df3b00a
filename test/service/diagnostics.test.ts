import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ComposeMode } from '../../server/src/service/index';
import { expectJson, fixtureCases, lineColumn } from '../support/expect';
import { findingsOf, service } from '../support/service';

/** Findings rendered for review: position, code, severity, the text under the span, and the message. */
function renderFindings(text: string, mode: ComposeMode) {
  const doc = service.parse(text, mode);
  return service.diagnostics(doc).map((f) => ({ at: lineColumn(doc, f.span.start), code: f.code, severity: f.severity, text: text.slice(f.span.start, f.span.end), message: f.message }));
}

/** Every folder under test/fixtures/diagnostics holds a compose.yaml (or docker-stack.yml) and its expected findings. */
describe('diagnostics fixtures', () => {
  for (const { name, file, mode, expected } of fixtureCases('diagnostics')) {
    it(name, () => expectJson(expected, renderFindings(readFileSync(file, 'utf8'), mode)));
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
