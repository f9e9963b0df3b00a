/** Review section 3 and issue 14 item 8: one finding per mistake, not a cascade; merge keys as go-yaml reads them. */
import * as assert from 'node:assert/strict';
import { checkFindings, findingsOf } from '../support/service';

describe('one finding per mistake', () => {
  it('reports a merge key that aliases a scalar, as go-yaml refuses it; maps and lists of maps merge', () => {
    checkFindings('x-name: &name hello\nservices:\n  web:\n    <<: ⟦*name⟧\n    image: x\n', ['yaml-merge-invalid'], {
      messages: ['A merge key (<<) takes a mapping, an alias of one, or a list of those; Compose and docker stack deploy refuse anything else ("map merge requires map or sequence of maps as the value").'],
    });
    checkFindings('x-a: &a {image: x}\nx-s: &s 1\nservices:\n  web:\n    <<: [*a, ⟦*s⟧]\n', ['yaml-merge-invalid']);
    checkFindings('x-a: &a {image: x}\nx-b: &b {restart: always}\nservices:\n  web:\n    <<: [*a, *b]\n  api:\n    <<: *a\n', ['yaml-merge-invalid']);
  });

  it('gives a port that fails to parse its syntax finding only, no conflict built on a guess', () => {
    const replicas = (port: string) => `services:\n  web:\n    image: x\n    deploy: {replicas: 2}\n    ports: [${port}]\n`;
    checkFindings(replicas('"80:80/⟦http⟧"'), ['port-invalid', 'port-conflict-replicas', 'port-conflict']);
    assert.deepEqual(findingsOf(replicas('"8000-8002:80-81"')).map((f) => f.code), ['port-range-mismatch']);
    // The look-alike that parses still gets the replica finding.
    checkFindings(replicas('"⟦80⟧:80"'), ['port-conflict-replicas']);
  });

  it('judges no schema past the alias limit: the tree there holds values cut short', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\n' + Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`).join('\n') + '\nservices:\n  web:\n    image: x\n    labels: *i\n';
    const codes = findingsOf(bomb).map((f) => f.code);
    assert.deepEqual(codes.filter((code) => code.startsWith('schema-')), []);
    assert.ok(codes.includes('yaml-alias-limit'));
  });
});
