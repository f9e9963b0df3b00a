/**
 * Hostile sizes per kind of list (issue 19 items 2, 3, 7): every one still gets its findings. Before
 * the fix, spreading these lists into `push(...)` threw a RangeError, which runSafe turned into "no
 * diagnostics" (a clean-looking file) and which broke "parsing never throws" for merge keys. The
 * larger variants run in `npm run test:stress` (STRESS_EDITS set).
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import { distinctPorts, fullRangePorts, manyMergeAliases, manyReferences, networksWithSubnets, servicesWithUnknownKey } from '../support/hostile';
import { service } from '../support/service';
import { MAX_FINDINGS } from '../../server/src/service/features/diagnostics';

const STRESS = process.env['STRESS_EDITS'] !== undefined;

describe('hostile list sizes', function () {
  this.timeout(120_000);

  it('parses a merge key listing 130,000 aliases', () => {
    const doc = service.parse(manyMergeAliases(130_000), 'compose');
    assert.equal(doc.model.services.get('web')?.node.kind, 'map');
    assert.ok(service.diagnostics(doc).every((f) => f.code !== 'image-or-build-missing'), 'the merged image counts');
  });

  it('checks a service with 65,000 full-range port entries (130,000 swarm-reserved findings)', () => {
    const findings = service.diagnostics(service.parse(fullRangePorts(65_000), 'compose'));
    assert.ok(findings.some((f) => f.code === 'port-swarm-reserved'), findings.slice(0, 3).map((f) => f.code).join(', '));
    // Issue 19 item 3: findings per file are capped, with one finding saying how many more there are.
    assert.equal(findings.length, MAX_FINDINGS + 1);
    const last = findings.at(-1)!;
    assert.equal(last.code, 'too-many-findings');
    assert.equal(last.severity, 'error', 'the worst severity among those not shown (a duplicate-item error)');
    assert.match(last.message, /^129,001 more findings from here on are not shown/);
  });

  // One list of each kind an analysis walks, past the size where spreading it into a call threw; each
  // still gets its findings, capped. The larger ones run in `npm run test:stress`.
  const kinds: [title: string, text: () => string, code: string, stressOnly: boolean][] = [
    ['one service publishing 130,000 ports with scale: 2', () => distinctPorts(130_000, 'scale: 2'), 'port-conflict-replicas', false],
    ['one service mounting 130,000 folders at one target', () => `services:\n  web:\n    image: x\n    volumes:\n${Array.from({ length: 130_000 }, (_, i) => `      - ./d${i}:/data\n`).join('')}`, 'duplicate-mount-target', false],
    ['100,000 networks with their own subnets', () => networksWithSubnets(100_000), 'subnet-overlap', true],
    ['50,000 services referring to networks, volumes and each other in a ring', () => manyReferences(50_000), 'depends-on-cycle', true],
  ];
  for (const [title, text, code, stressOnly] of kinds) {
    (STRESS || !stressOnly ? it : it.skip)(`checks ${title}`, () => {
      const findings = service.diagnostics(service.parse(text(), 'compose'));
      assert.ok(findings.some((f) => f.code === code), findings.slice(0, 3).map((f) => f.code).join(', '));
      assert.equal(findings.at(-1)?.code, 'too-many-findings');
    });
  }

  // The CLI asks for the quick fix of every finding it reports; each overlap's fix walked every network
  // and every service's static addresses again, so 70,000 networks took 35 s in `shipshape check`.
  it(`finds the quick fix of every subnet overlap among ${STRESS ? '100,000' : '70,000'} networks`, () => {
    const doc = service.parse(networksWithSubnets(STRESS ? 100_000 : 70_000), 'compose');
    const overlaps = service.diagnostics(doc).filter((f) => f.code === 'subnet-overlap');
    assert.ok(overlaps.length >= 100, `${overlaps.length} overlaps among the findings shown`);
    const moved = new Set(overlaps.map((finding) => service.quickFixes(doc, finding)[0]?.edits[0]?.newText));
    assert.deepEqual([...moved], ['172.16.0.0/24'], 'each moves to the first free /24');
  });

  // A `{` or `[` never closed made `yaml` read every later line into it, one level deeper each, with an
  // error per line; anchors inside swallowed the rest of the file, and their aliases took the whole alias
  // budget: 1,000 services took 4 s of CPU and 410 MB (the plain file: 1.8 s, 140 MB).
  const openAt = (text: string, at: number, bracket: string) => ({ text: text.slice(0, at) + bracket + text.slice(at + 1), at });
  for (const [what, services, open] of [
    ['the first line', STRESS ? 1000 : 300, (text: string) => openAt(`  ${text}`, 1, '{')],
    ["'services:'", STRESS ? 1000 : 100, (text: string) => openAt(text.replace('\nservices:\n', '\nservices:  \n'), text.indexOf('\nservices:\n') + 11, '[')],
  ] as const) {
    it(`reads ${services} services after a bracket on ${what} that is never closed as if it were not there, with one finding at it`, () => {
      const plain = generateCompose(services);
      const { text, at } = open(plain);
      const expected = service.diagnostics(service.parse(text.slice(0, at) + ' ' + text.slice(at + 1), 'compose'));
      const found = service.diagnostics(service.parse(text, 'compose'));
      const unclosed = found.findIndex((f) => f.code === 'yaml-syntax');
      assert.deepEqual(found[unclosed]?.span, { start: at, end: at + 1 }, found.slice(0, 5).map((f) => f.message).join('\n'));
      assert.match(found[unclosed]!.message, /^This '[{[]' is never closed/);
      assert.deepEqual(found.filter((_, i) => i !== unclosed), expected);
    });
  }

  (STRESS ? it : it.skip)('checks 130,000 services with an unknown key', () => {
    const findings = service.diagnostics(service.parse(servicesWithUnknownKey(130_000), 'compose'));
    assert.ok(findings.some((f) => f.code === 'schema-unknown-property'));
  });
});
