import * as assert from 'node:assert/strict';
import { nextFreePort } from '../../../server/src/service/analyses/ports/index';
import { applyFixOf, applyRefactoring } from '../../support/fixes';
import { findingsOf, service } from '../../support/service';

describe('ports quick fixes', () => {
  it('moves a conflicting host port to the next free one, keeping the quoting', () => {
    const text = 'services:\n  a:\n    image: x\n    ports: ["8080:80", "8081:81"]\n  b:\n    image: x\n    ports:\n      - \'8080:80\'\n      - target: 90\n        published: "8082"\n';
    assert.equal(applyFixOf(text, 'port-conflict', { n: 1 }), text.replace("'8080:80'", "'8083:80'"));
    const long = 'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n  b:\n    image: x\n    ports:\n      - target: 80\n        published: 8080\n';
    assert.equal(applyFixOf(long, 'port-conflict', { n: 1 }), long.replace('published: 8080', 'published: 8081'));
    const quotedLong = long.replace('published: 8080', 'published: "8080"');
    assert.equal(applyFixOf(quotedLong, 'port-conflict', { n: 1 }), quotedLong.replace('"8080"', '"8081"'));
  });

  it('moves a range as a whole, and the result has no conflict left', () => {
    const text = 'services:\n  a: {image: x, ports: ["127.0.0.1:8000-8002:8000-8002"]}\n  b: {image: x, ports: ["8001:80", "8004:80"]}\n';
    const fixed = applyFixOf(text, 'port-conflict');
    assert.equal(fixed, text.replace('8000-8002:8000', '8005-8007:8000'));
    assert.deepEqual(findingsOf(fixed, 'compose', ['port-conflict']), []);
  });

  it('offers the same move for duplicates within a service and for Swarm ports', () => {
    assert.equal(applyFixOf('services:\n  a: {image: x, ports: ["80:80", "0.0.0.0:80:81"]}\n', 'port-duplicate-in-service'), 'services:\n  a: {image: x, ports: ["81:80", "0.0.0.0:80:81"]}\n');
    assert.equal(applyFixOf('services:\n  a: {image: x, ports: ["7946:7946/udp"]}\n', 'port-swarm-reserved'), 'services:\n  a: {image: x, ports: ["7947:7946/udp"]}\n');
  });

  it('moves an interpolation default when that is the only place the number is written', () => {
    const text = 'services:\n  a: {image: x, ports: ["${WEB_PORT:-8080}:80"]}\n  b: {image: x, ports: ["8080:80"]}\n';
    assert.equal(applyFixOf(text, 'port-conflict'), text.replace('${WEB_PORT:-8080}', '${WEB_PORT:-8081}'));
    const doc = service.parse('services:\n  a: {image: x, ports: ["${P:-80}:80"]}\n  b: {image: x, ports: ["80:80"]}\n', 'compose');
    const [ambiguous] = service.diagnostics(doc);
    assert.equal(ambiguous?.code, 'port-conflict');
    assert.deepEqual(service.codeActions(doc, ambiguous!.span).filter((a) => a.kind === 'quickfix'), []);
  });

  it('quotes base-60 and unquoted mappings in the quote style the file uses', () => {
    assert.equal(applyFixOf('services:\n  a:\n    image: x\n    ports:\n      - 22:22\n', 'port-base60'), 'services:\n  a:\n    image: x\n    ports:\n      - "22:22"\n');
    assert.equal(applyFixOf("services:\n  a:\n    image: x\n    ports: ['80:80', '443:443', 8080:80]\n", 'port-unquoted'), "services:\n  a:\n    image: x\n    ports: ['80:80', '443:443', '8080:80']\n");
  });

  it('brackets an IPv6 host address, quoting a plain scalar', () => {
    assert.equal(applyFixOf('services:\n  a: {image: x, ports: ["::1:6000:6000"]}\n', 'port-ipv6-unbracketed'), 'services:\n  a: {image: x, ports: ["[::1]:6000:6000"]}\n');
    assert.equal(applyFixOf('services:\n  a:\n    image: x\n    ports:\n      - fe80::1:6000:6000\n', 'port-ipv6-unbracketed'), 'services:\n  a:\n    image: x\n    ports:\n      - "[fe80::1]:6000:6000"\n');
  });

  it('removes the ports block of a host-network service', () => {
    const text = 'services:\n  a:\n    image: x\n    network_mode: host\n    ports:\n      - "80:80"\n      - target: 81\n        published: 81\n    restart: always\n';
    assert.equal(applyFixOf(text, 'ports-with-host-network'), 'services:\n  a:\n    image: x\n    network_mode: host\n    restart: always\n');
    const last = 'services:\n  a:\n    image: x\n    network_mode: host\n    ports: ["80:80"]';
    assert.equal(applyFixOf(last, 'ports-with-host-network'), 'services:\n  a:\n    image: x\n    network_mode: host\n');
    const flow = 'services:\n  a: {image: x, network_mode: host, ports: ["80:80"]}\n';
    assert.equal(applyFixOf(flow, 'ports-with-host-network'), 'services:\n  a: {image: x, network_mode: host}\n');
  });
});

describe('nextFreePort', () => {
  const doc = service.parse('services:\n  a: {image: x, ports: ["8080:80", "127.0.0.1:8081:81", "8082-8090:80", "8091:80/udp"]}\n  b: {image: x, profiles: [dev], ports: ["[::1]:9000:90"]}\n  c: {image: x, network_mode: host, expose: ["9001"]}\n', 'compose');
  it('skips ports any binding of the file uses on an overlapping address', () => {
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 8080 }), 8091, '8091 is taken for udp only');
    assert.equal(nextFreePort(doc, { protocol: 'udp', from: 8080 }), 8080);
    assert.equal(nextFreePort(doc, { protocol: 'udp', from: 8091 }), 8092);
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 9000 }), 9002);
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 9000, hostIp: '127.0.0.1' }), 9000, '::1 is another family');
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 9001, hostIp: '127.0.0.1' }), 9002, 'host-network services listen on every address');
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 8081, hostIp: '192.168.0.1' }), 8081);
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 8999, hostIp: '10.0.0.1' }), 8999);
  });
  it('finds room for a range and avoids Swarm ports', () => {
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 8079, count: 2 }), 8091);
    assert.equal(nextFreePort(doc, { protocol: 'udp', from: 4789 }), 4790);
    assert.equal(nextFreePort(doc, { protocol: 'tcp', from: 65535, count: 2 }), undefined);
  });
});

describe('port syntax refactorings', () => {
  it('converts short syntax to long syntax with block indentation', () => {
    const { titles, text } = applyRefactoring('services:\n  a:\n    image: x\n    ports:\n      - "127.0.0.1:80<|>80:80/udp"\n      - "81"\n');
    assert.deepEqual(titles, ['Convert port to long syntax']);
    assert.equal(text, 'services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n        protocol: udp\n      - "81"\n');
    assert.equal(applyRefactoring('services:\n  a:\n    image: x\n    ports:\n    - <|>3000\n').text, 'services:\n  a:\n    image: x\n    ports:\n    - target: 3000\n');
  });

  it('converts in flow sequences, quotes IPv6 addresses, and writes integers for stacks', () => {
    assert.equal(applyRefactoring('services:\n  a: {image: x, ports: ["[::1]:6000:<|>6000", "81"]}\n').text, 'services:\n  a: {image: x, ports: [{ target: 6000, published: "6000", host_ip: "::1" }, "81"]}\n');
    assert.equal(applyRefactoring("services:\n  a:\n    image: x\n    ports:\n      - '8000-9000:<|>80'\n").text, "services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        published: '8000-9000'\n");
    assert.equal(applyRefactoring('services:\n  a:\n    image: x\n    ports:\n      - "8080:<|>80"\n', 'stack').text, 'services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        published: 8080\n');
  });

  it('converts long syntax back to short syntax', () => {
    const { titles, text } = applyRefactoring('services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        pub<|>lished: 8080\n        host_ip: "::1"\n        protocol: udp\n      # keep me\n      - "81"\n');
    assert.deepEqual(titles, ['Convert port to short syntax']);
    assert.equal(text, 'services:\n  a:\n    image: x\n    ports:\n      - "[::1]:8080:80/udp"\n      # keep me\n      - "81"\n');
    assert.equal(applyRefactoring('services:\n  a: {image: x, ports: [{target: <|>80}]}\n').text, 'services:\n  a: {image: x, ports: ["80"]}\n');
  });

  it('offers nothing the other syntax cannot say', () => {
    const none = (marked: string, mode: 'compose' | 'stack' = 'compose') => assert.deepEqual(applyRefactoring(marked, mode).titles, [], marked);
    none('services:\n  a:\n    image: x\n    ports:\n      - "9090-9091:8080-<|>8081"\n');
    none('services:\n  a:\n    image: x\n    ports:\n      - "8000-9000:<|>80"\n', 'stack');
    none('services:\n  a:\n    image: x\n    ports:\n      - "${P:-80}:<|>80"\n');
    none('services:\n  a:\n    image: x\n    ports:\n      - target: <|>80\n        mode: host\n');
    none('services:\n  a:\n    image: x\n    ports:\n      - target: <|>80\n        app_protocol: http\n');
    none('services:\n  a:\n    im<|>age: x\n');
  });
});
