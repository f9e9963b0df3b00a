/**
 * Per-service findings (server/src/service/analyses/perService.ts), per-entry findings (perEntry.ts), the
 * per-service references (references/referenceIndex.ts) and per-service facts (analyses/serviceFacts.ts): after an edit only the edited service is checked or extracted again; the
 * others' findings and facts move with them, and whatever was reused equals a fresh full computation.
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import { perService } from '../../server/src/service/analyses/perService';
import { atValue } from '../../server/src/service/analyses/place';
import { absolute, perServiceFacts } from '../../server/src/service/analyses/serviceFacts';
import { createLanguageService, type ComposeDocument, type ComposeMode } from '../../server/src/service/index';
import type { Element } from '../../server/src/service/parse/model';
import { contentIdentity } from '../../server/src/service/parse/incremental';
import { get } from '../../server/src/service/parse/tree';
import type { Finding } from '../../server/src/service/types';
import { below, random } from '../support/random';
import { projectFiles, projectService, schemas, service } from '../support/service';

/** Sees each text once, parsed whole: nothing it computes comes from an earlier version. */
const fresh = createLanguageService({ schemas });

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

/** Facts: where the service's image is written; counts the services they were extracted for. */
function imageFacts(): { facts: (doc: ComposeDocument) => { name: string; image: string | undefined }[]; extracted: string[] } {
  const extracted: string[] = [];
  const of = perServiceFacts((element, _mode, frame) => {
    extracted.push(element.name);
    const image = get(element.node, 'image');
    return image ? frame.span(image.span) : undefined;
  });
  const facts = (doc: ComposeDocument) => of(doc).map((s) => ({ name: s.element.name, image: s.facts && doc.text.slice(absolute(s.facts, s.start).start, absolute(s.facts, s.start).end) }));
  return { facts, extracted };
}

describe('per-service facts', () => {
  it('are extracted again only for the edited service and for one whose spans leave it, and point at the new text', () => {
    const { facts, extracted } = imageFacts();
    const before = service.parse(TEXT, 'compose');
    facts(before);
    assert.deepEqual(extracted, ['a', 'b', 'c', 'd']);
    extracted.length = 0;
    const after = service.parse(TEXT.replace('image: redis', 'image: redis:7.4'), 'compose', before);
    assert.deepEqual(facts(after), [
      { name: 'a', image: 'redis:7.4' },
      { name: 'b', image: 'postgres' },
      { name: 'c', image: 'nginx' },
      { name: 'd', image: 'alpine' },
    ]);
    // `c`'s image is the anchor's, outside the service: its facts are never kept.
    assert.deepEqual(extracted, ['a', 'c']);
  });

  it('before the edited service, are the last version\'s entries, except from the first one that reads outside its service', () => {
    const extracted: string[] = [];
    const of = perServiceFacts((element, _mode, frame) => {
      extracted.push(element.name);
      const image = get(element.node, 'image');
      return image ? frame.span(image.span) : undefined;
    });
    const before = service.parse(TEXT, 'compose');
    const first = of(before);
    extracted.length = 0;
    const after = service.parse(TEXT.replace('image: alpine', 'image: alpine:3'), 'compose', before);
    const second = of(after);
    assert.equal(second[0], first[0]);
    assert.equal(second[1], first[1]);
    assert.notEqual(second[2], first[2]);
    assert.deepEqual(extracted, ['c', 'd']);
    assert.deepEqual(second.map((s) => s.facts && after.text.slice(absolute(s.facts, s.start).start, absolute(s.facts, s.start).end)), ['redis', 'postgres', 'nginx', 'alpine:3']);
    // The version after copies them again.
    const third = of(service.parse(after.text.replace('image: alpine:3', 'image: alpine'), 'compose', after));
    assert.equal(third[0], first[0]);
  });

  it('are extracted again for every service when the mode changes', () => {
    const { facts, extracted } = imageFacts();
    const doc = service.parse(TEXT, 'compose');
    facts(doc);
    extracted.length = 0;
    facts(service.parse(TEXT, 'stack', doc));
    assert.deepEqual(extracted, ['a', 'b', 'c', 'd']);
  });

  for (const mode of ['compose', 'stack'] as const) {
    it(`give the findings of a full computation after many random edits of ports, networks, aliases, addresses, profiles and replicas (${mode})`, function () {
      this.timeout(120_000);
      const rnd = random(mode === 'compose' ? 18 : 81);
      let doc = service.parse(portHeavyFile(), mode);
      service.diagnostics(doc);
      for (let i = 0; i < 80; i++) {
        doc = service.parse(portEdit(doc.text, rnd), mode, doc);
        assertSameAsFresh(doc, mode);
      }
    });
  }
});

/** Mistakes the per-service findings of serviceDefinitions.ts and mountTargets.ts report, one of them in an anchor two services use. */
const GATHERED = `x-restart: &restart no
services:
  a:
    image: redis
    restart: *restart
    volumes: [data:/data, /srv:/data]
  b:
    image: postgres
    restart: *restart
    healthcheck:
      test: [pg_isready]
  c:
    image: alpine
    restart: sometimes
    volumes:
      - ./a:/cache
      - ./b:/cache
`;

describe('per-service findings gathered across services', () => {
  it('report a mistake in an anchor once with every use, and move line numbers in messages with an edit above', () => {
    let doc = service.parse(GATHERED, 'compose');
    const codes = ['restart-no-unquoted', 'restart-invalid', 'healthcheck-test-invalid', 'duplicate-mount-target'];
    const shared = service.diagnostics(doc).filter((d) => d.code === 'restart-no-unquoted');
    assert.deepEqual(shared.map((d) => d.related?.map((r) => r.message)), [["Used here by service 'a'", "Used here by service 'b'"]]);
    assert.deepEqual(new Set(service.diagnostics(doc).map((d) => d.code).filter((code) => codes.includes(code))), new Set(codes));
    for (const edit of [(t: string) => `# a comment\n${t}`, (t: string) => t.replace('image: postgres', 'image: postgres:17'), (t: string) => t.replace('  c:\n', '  c:\n    init: true\n'), (t: string) => t.replace('/srv:/data', '/srv:/other')]) {
      doc = service.parse(edit(doc.text), 'compose', doc);
      assertSameAsFresh(doc, 'compose');
    }
    // The dropped mount names the line of the one Compose keeps, in the text as it is now.
    const dropped = service.diagnostics(doc).find((d) => d.message.includes('silently drops this one'));
    assert.match(dropped?.message ?? '', new RegExp(`\\(line ${doc.text.split('\n').indexOf('      - ./b:/cache') + 1}\\)`));
  });
});

/** Cross-service mistakes read from per-service facts: health waits, container names, links and network modes. */
const CROSS = `x-name: &name shared
services:
  web:
    image: nginx
    container_name: *name
    network_mode: bridge
    links: [db, cache]
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres
    container_name: *name
  cache:
    image: redis
    network_mode: bridge
    networks: [back]
  worker:
    image: alpine
    network_mode: service:web
    hostname: worker
    container_name: Bad/Name
    deploy:
      replicas: 2
networks:
  back: {}
`;

describe('cross-service findings from per-service facts', () => {
  it('follow edits of the service they are about, of the service they name, and above everything', () => {
    let doc = service.parse(CROSS, 'compose');
    const codes = ['depends-on-healthy-no-healthcheck', 'container-name-duplicate', 'container-name-invalid', 'container-name-with-replicas', 'links-deprecated', 'links-cross-network', 'network-mode-conflict', 'shared-netns-option'];
    assert.deepEqual(new Set(service.diagnostics(doc).map((d) => d.code).filter((code) => codes.includes(code))), new Set(codes));
    const edits = [
      (t: string) => `# a comment\n${t}`,
      (t: string) => t.replace('    image: postgres\n', '    image: postgres\n    healthcheck:\n      test: [CMD, pg_isready]\n'),
      (t: string) => t.replace('test: [CMD, pg_isready]', 'test: [NONE]'),
      (t: string) => t.replace('    image: redis\n    network_mode: bridge\n', '    image: redis\n'),
      (t: string) => t.replace('x-name: &name shared', 'x-name: &name other'),
      (t: string) => t.replace('network_mode: service:web', 'network_mode: host'),
    ];
    for (const edit of edits) {
      doc = service.parse(edit(doc.text), 'compose', doc);
      assertSameAsFresh(doc, 'compose');
    }
    assert.ok(service.diagnostics(doc).some((d) => d.code === 'depends-on-healthy-no-healthcheck' && d.severity === 'error'), 'a disabled healthcheck is an error');
  });
});

describe('port services kept from the last version', () => {
  it('follow the profiles a service inherits from a dependent written after it', () => {
    // db runs whenever app does; app's profiles change below db, which the edit leaves alone.
    let doc = service.parse('services:\n  db:\n    image: postgres\n    profiles: [tools]\n    ports: ["5432:5432"]\n  app:\n    image: app\n    profiles: [debug]\n    depends_on: [db]\n  other:\n    image: x\n    profiles: [debug]\n    ports: ["5432:5432"]\n', 'compose');
    const conflicts = (d: ComposeDocument) => service.diagnostics(d).filter((f) => f.code.startsWith('port-conflict')).map((f) => f.code);
    assert.deepEqual(conflicts(doc), ['port-conflict', 'port-conflict']);
    doc = service.parse(doc.text.replace('profiles: [debug]\n    depends_on', 'profiles: [extra]\n    depends_on'), 'compose', doc);
    assertSameAsFresh(doc, 'compose');
    assert.deepEqual(conflicts(doc), ['port-conflict-profiles', 'port-conflict-profiles']);
  });
});

describe('static addresses checked in an earlier version', () => {
  it('are judged again when their network changes', () => {
    let doc = service.parse('services:\n  web:\n    image: nginx\n    networks:\n      back:\n        ipv4_address: 10.1.0.5\n  db:\n    image: postgres\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n  front: {}\n', 'compose');
    const codes = (d: ComposeDocument) => service.diagnostics(d).filter((f) => f.code.startsWith('ip-')).map((f) => f.code);
    assert.deepEqual(codes(doc), []);
    doc = service.parse(doc.text.replace('subnet: 10.1.0.0/24', 'subnet: 10.2.0.0/24'), 'compose', doc);
    assertSameAsFresh(doc, 'compose');
    assert.deepEqual(codes(doc), ['ip-outside-subnet']);
    doc = service.parse(doc.text.replace('image: postgres', 'image: postgres:17'), 'compose', doc);
    assertSameAsFresh(doc, 'compose');
    assert.deepEqual(codes(doc), ['ip-outside-subnet']);
  });
});

describe('what an edit leaves unread', () => {
  it('the trees of the services it only moved stay uncopied through diagnostics and the project', () => {
    // parse/shift.ts copies a moved service's tree when something first reads its entries: a whole-file
    // pass that did so for every service (rather than through the per-service caches, or by key through
    // the node's index) would make every keystroke copy the trees of all the services after the edit.
    projectFiles.clear();
    const path = '/work/app/compose.yaml';
    let doc = projectService.parse(generateCompose(40), 'compose');
    projectFiles.set(path, doc.text);
    projectService.project(path, doc);
    projectService.diagnostics(doc);
    const text = doc.text.replace(/(svc-0001:\n(?:.*\n)*? {4}image: \S+)/, '$1-edited');
    doc = projectService.parse(text, 'compose', doc);
    projectFiles.set(path, text);
    projectService.project(path, doc);
    projectService.diagnostics(doc);
    const moved = [...doc.model.services.values()].filter((element) => element.keySpan.start > text.indexOf('-edited'));
    const unread = moved.filter((element) => (element.node as { waiting?: () => unknown }).waiting?.() !== undefined);
    assert.ok(moved.length > 30, `${moved.length} services moved`);
    assert.deepEqual(moved.length - unread.length, 0, 'services whose trees were copied');
    projectFiles.clear();
  });
});

describe('what the element caches keep', () => {
  it('holds nothing of the text of the version it was computed in', () => {
    // A cached result lives as long as its element is not edited: if it held the document's text, every
    // edit would keep one more copy of the whole file alive (4.7 MB per keystroke at 5,000 services).
    let doc = service.parse(CROSS, 'compose');
    const features = (d: ComposeDocument): void => {
      service.diagnostics(d);
      service.networkGraph(d);
      service.documentSymbols(d);
      service.codeLenses(d);
      service.inlayHints(d, { start: 0, end: d.text.length });
      service.semanticTokens(d);
      for (const offset of [d.text.indexOf('depends_on'), d.text.indexOf('ports'), d.text.indexOf('network_mode')]) {
        service.hover(d, offset);
        service.references(d, offset + 1, true);
      }
    };
    features(doc);
    for (const edit of ['# a comment\n', '# another\n']) {
      doc = service.parse(`${edit}${doc.text.replace('image: postgres', 'image: postgres:17')}`, 'compose', doc);
      features(doc);
    }
    const model = doc.model;
    let kept = 0;
    for (const section of [model.services, model.networks, model.volumes, model.secrets, model.configs]) {
      for (const [name, element] of section) {
        for (const value of contentIdentity(element.node).kept) {
          if (value === undefined) continue;
          kept++;
          const long = longString(value, doc.text.length / 2);
          assert.equal(long, undefined, `a cached result of ${name} holds a string of ${long?.length} characters`);
        }
      }
    }
    assert.ok(kept > 50, `the caches kept ${kept} results`);
  });
});

/** The first string of at least `length` characters reachable from `value`. */
function longString(value: unknown, length: number, seen = new Set<unknown>()): string | undefined {
  if (typeof value === 'string') return value.length >= length ? value : undefined;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  for (const child of children) {
    const found = longString(child, length, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('per-entry findings and per-service references', () => {
  for (const mode of ['compose', 'stack'] as const) {
    it(`give what a full computation gives after many random edits of keys, templates and references (${mode})`, function () {
      this.timeout(120_000);
      const rnd = random(mode === 'compose' ? 27 : 72);
      let doc = service.parse(portHeavyFile(), mode);
      service.diagnostics(doc);
      for (let i = 0; i < 80; i++) {
        doc = service.parse(writtenEdit(doc.text, rnd), mode, doc);
        assertSameAsFresh(doc, mode);
        const full = fresh.parse(doc.text, mode);
        // The reference index behind find-references: every place naming the edited service's neighbours.
        for (const name of ['svc-0001', 'svc-0002', 'backend', 'data']) {
          const at = doc.text.indexOf(`  ${name}:`) + 2;
          assert.deepEqual(service.references(doc, at, true), fresh.references(full, at, true), `references of ${name}`);
        }
      }
    });
  }
});

/**
 * An edit of what is written: an environment key made a number or a boolean (key-not-string), a
 * template broken or mended (interpolation-invalid), a reference renamed (undefined references).
 */
function writtenEdit(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const candidates = lines.flatMap((line, index) => (/^ {6}[A-Z_]+:|^ {6}\d+:|\$|depends_on|^ {6}- (backend|team-)|svc-\d{4}:$/.test(line) ? [index] : []));
  const index = candidates[below(rnd, candidates.length)]!;
  const line = lines[index]!;
  const choice = below(rnd, 5);
  if (choice === 0) lines[index] = line.replace(/^( {6})[A-Z_]+:/, `$1${['1', 'true', 'null', '0x1F'][below(rnd, 4)]}:`);
  else if (choice === 1) lines[index] = line.replace(/^( {6})\d+:/, '$1RESTORED:');
  else if (choice === 2) lines[index] = line.includes('$') ? line.replace('${', ['$${', '${ ', '${X:-'][below(rnd, 3)]!) : `${line} \${BROKEN`;
  else if (choice === 3) lines[index] = line.replace(/svc-(\d{4})/, (_, digits: string) => `svc-${String((Number(digits) + 1) % 50).padStart(4, '0')}`).replace(/team-\d+/, `team-${below(rnd, 3)}`);
  else lines.splice(index + 1, 0, `${' '.repeat(line.length - line.trimStart().length)}${line.trimStart().startsWith('- ') ? '- ' : ''}${line.trimStart().startsWith('- ') ? 'backend' : 'EXTRA: "${EXTRA:-x}"'}`);
  return lines.join('\n');
}

function assertSameAsFresh(doc: ComposeDocument, mode: ComposeMode): void {
  const full = fresh.parse(doc.text, mode);
  assert.deepEqual(service.diagnostics(doc), fresh.diagnostics(full));
}

/**
 * The benchmark's generated file (ports in every syntax, a duplicated host port, static addresses)
 * with services that publish the same ports under profiles, on the host network, with replicas and
 * behind internal networks, share aliases and static addresses and mix network_mode with networks, so
 * every port, network attachment and static address rule has something to find or to stop finding.
 */
function portHeavyFile(): string {
  const extra = [
    '  profiled-a:',
    '    image: nginx',
    '    profiles: [debug]',
    '    ports: ["10001:80", "30000-30002:80"]',
    '  profiled-b:',
    '    image: nginx',
    '    profiles: [tools]',
    '    depends_on: [svc-0002]',
    '    ports: ["10001:80"]',
    '  on-host:',
    '    image: nginx',
    '    network_mode: host',
    '    ports: ["10002:80"]',
    '    expose: ["30001"]',
    '  scaled:',
    '    image: nginx',
    '    deploy:',
    '      replicas: 3',
    '      endpoint_mode: dnsrr',
    '      update_config:',
    '        order: start-first',
    '    ports:',
    '      - "127.0.0.1:10003:80"',
    '      - target: 81',
    '        published: 2377',
    '        mode: host',
    '  hidden:',
    '    image: nginx',
    '    networks: [secret]',
    '    ports: ["10004:80"]',
    '  alias-thief:',
    '    image: nginx',
    '    networks:',
    '      backend:',
    '        aliases: [svc-0001.internal, svc-0002.internal]',
    '  in-container:',
    '    image: nginx',
    '    network_mode: "service:svc-0001"',
    '    hostname: box1',
    '    networks: [backend]',
    '  on-hostnet:',
    '    image: nginx',
    '    networks: [hostnet, backend]',
    '  ip-copy:',
    '    image: nginx',
    '    deploy:',
    '      replicas: 2',
    '    networks:',
    '      team-0:',
    '        ipv4_address: 10.10.0.10',
  ];
  return generateCompose(40).replace('\nnetworks:\n', `\n${extra.join('\n')}\n\nnetworks:\n  secret:\n    internal: true\n  hostnet:\n    external: true\n    name: host\n`);
}

/** An edit a user makes while working on ports and networks: a digit changed, a line added or removed, a profile or replica count changed. */
function portEdit(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const candidates = lines.flatMap((line, index) => (/\d|profiles|replicas|network|aliases|ports:/.test(line) && index > 0 && /^ {4}/.test(line) ? [index] : []));
  const index = candidates[below(rnd, candidates.length)]!;
  const line = lines[index]!;
  const choice = below(rnd, 6);
  const digits = [...line.matchAll(/\d/g)];
  if (choice <= 2 && digits.length > 0) {
    const at = digits[below(rnd, digits.length)]!.index;
    lines[index] = line.slice(0, at) + String(below(rnd, 10)) + line.slice(at + 1);
  } else if (choice === 3) lines.splice(index + 1, 0, `${' '.repeat(line.length - line.trimStart().length)}${line.trimStart().startsWith('- ') ? '- ' : ''}"1000${below(rnd, 6)}:80"`);
  else if (choice === 4) lines.splice(index, 1);
  else lines[index] = line.replace(/replicas: \d+/, `replicas: ${below(rnd, 4)}`).replace(/profiles: \[\w+\]/, `profiles: [${['debug', 'tools'][below(rnd, 2)]}]`);
  return lines.join('\n');
}
