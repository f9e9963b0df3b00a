/**
 * Per-service findings (server/src/service/analyses/perService.ts): after an edit only the edited
 * service is checked again; the others' findings move with them, and equal a fresh check.
 */
import * as assert from 'node:assert/strict';
import { perService } from '../../server/src/service/analyses/perService';
import { atValue } from '../../server/src/service/analyses/place';
import type { ComposeDocument, Element } from '../../server/src/service/parse/model';
import { get } from '../../server/src/service/parse/tree';
import type { ComposeMode, Finding } from '../../server/src/service/types';
import { service } from '../support/service';

const TEXT = `x-img: &img nginx
services:
  a:
    image: redis
  b:
    image: postgres
  c:
    image: *img
  d:
    image: alpine
`;

/** Reports each service's image, and counts the services it was asked about. */
function imageCheck(): { check: (doc: ComposeDocument) => Finding[]; checked: string[] } {
  const checked: string[] = [];
  const check = perService((element: Element, _mode: ComposeMode) => {
    checked.push(element.name);
    const image = get(element.node, 'image');
    return image ? [atValue(image, { code: 'image', severity: 'information', message: `${element.name} runs an image` })] : [];
  });
  return { check, checked };
}

describe('per-service findings', () => {
  it('checks again only the edited service and moves the findings of the services after it', () => {
    const { check, checked } = imageCheck();
    const before = service.parse(TEXT, 'compose');
    check(before);
    checked.length = 0;
    const after = service.parse(TEXT.replace('image: redis', 'image: redis:7.4'), 'compose', before);
    const findings = check(after);
    // `c` uses an alias: its finding points into the x- block, outside the service, so it is checked again.
    assert.deepEqual(checked, ['a', 'c']);
    assert.deepEqual(findings, imageCheck().check(service.parse(after.text, 'compose')));
    assert.deepEqual(
      findings.map((f) => after.text.slice(f.span.start, f.span.end)),
      ['redis:7.4', 'postgres', 'nginx', 'alpine'],
    );
  });

  it('checks every service again when the mode changes', () => {
    const { check, checked } = imageCheck();
    const doc = service.parse(TEXT, 'compose');
    check(doc);
    checked.length = 0;
    check(service.parse(TEXT, 'stack', doc));
    assert.deepEqual(checked, ['a', 'b', 'c', 'd']);
  });
});
