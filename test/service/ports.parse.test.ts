import * as assert from 'node:assert/strict';
import { parsePortItem } from '../../server/src/service/parse/ports';
import { parseCompose } from '../../server/src/service/parse/model';
import { at } from '../../server/src/service/parse/tree';

/** Parses one `ports` item written in flow YAML and summarises it. */
function port(item: string) {
  const doc = parseCompose(`services:\n  a:\n    ports: [${item}]\n`, 'compose');
  const spec = parsePortItem(at(doc.model.services.get('a')!.node, 'ports', 0)!);
  const slice = (span: { start: number; end: number } | undefined) => (span ? doc.text.slice(span.start, span.end) : undefined);
  return {
    ip: spec.hostIp?.address,
    host: spec.published && `${spec.published.start}-${spec.published.end}`,
    hostText: slice(spec.published?.span),
    container: spec.target && `${spec.target.start}-${spec.target.end}`,
    protocol: spec.protocol,
    problems: spec.problems.map((p) => `${p.code} ${slice(p.span)}`),
    unknown: spec.unknown,
  };
}

describe('port spec parser', () => {
  it('reads the short syntax forms Docker accepts', () => {
    assert.deepEqual(port('"3000"'), { ip: undefined, host: undefined, hostText: undefined, container: '3000-3000', protocol: 'tcp', problems: [], unknown: false });
    assert.equal(port('80').container, '80-80');
    assert.deepEqual([port('"9090-9091:8080-8081"').host, port('"9090-9091:8080-8081"').container], ['9090-9091', '8080-8081']);
    assert.deepEqual(port('"127.0.0.1:8001:8001/udp"'), { ip: '127.0.0.1', host: '8001-8001', hostText: '8001', container: '8001-8001', protocol: 'udp', problems: [], unknown: false });
    assert.equal(port('"127.0.0.1::5000"').host, undefined);
    assert.equal(port('"[::1]:6001:6001"').ip, '::1');
    assert.equal(port('"::1:6000:6000"').ip, '::1');
    assert.equal(port('"8000-9000:80"').host, '8000-9000');
    assert.equal(port('"6060:6060/SCTP"').protocol, 'sctp');
  });

  it('reads the long syntax', () => {
    const spec = port('{target: 80, published: "8080", host_ip: 127.0.0.1, protocol: udp}');
    assert.deepEqual([spec.ip, spec.host, spec.container, spec.protocol], ['127.0.0.1', '8080-8080', '80-80', 'udp']);
  });

  it('applies interpolation defaults and marks unknowable specs', () => {
    assert.equal(port('"${WEB_PORT:-8080}:80"').host, '8080-8080');
    assert.equal(port('"${WEB_PORT}:80"').unknown, true);
    assert.equal(port('{target: 80, published: "${P}"}').unknown, true);
  });

  it('reports each problem on the part that is wrong', () => {
    assert.deepEqual(port('"80:80/http"').problems, ['port-invalid http']);
    assert.deepEqual(port('"localhost:80:80"').problems, ['port-invalid localhost']);
    assert.deepEqual(port('"70000:80"').problems, ['port-out-of-range 70000']);
    assert.deepEqual(port('"9000-8000:80"').problems, ['port-range-reversed 9000-8000']);
    assert.deepEqual(port('"8000-8002:80-81"').problems, ['port-range-mismatch 8000-8002:80-81']);
    assert.deepEqual(port('"8080:0"').problems, ['port-container-zero 0']);
    assert.deepEqual(port('"80:abc"').problems, ['port-invalid abc']);
  });
});
