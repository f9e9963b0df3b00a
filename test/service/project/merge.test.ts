/**
 * Compose's override merge on resolved trees. Each case names the compose-go test it mirrors
 * (`override/merge_*_test.go`, `override/uncity_test.go`, `loader/*_test.go`); the inputs are our own.
 * Where our result differs in form but not in meaning from compose-go's (two mappings stay a mapping
 * instead of becoming a sorted `KEY=value` list), the case says so.
 */
import * as assert from 'node:assert/strict';
import { root, toJS } from '../../support/tree';
import { at } from '../../../server/src/service/parse/tree';
import { mergeFiles, mergeServices } from '../../../server/src/service/project/merge';

/** The part at `path` of the merged files. */
function merged(base: string, override: string, path: readonly string[]): unknown {
  return toJS(at(mergeFiles(root(base), root(override)), ...path));
}

/** A service body (YAML lines indented by four) as a file with the service `test`. */
const svc = (body: string) => `services:\n  test:\n${body.replace(/^/gm, '    ')}\n`;

interface Case {
  readonly name: string;
  readonly base: string;
  readonly override: string;
  readonly expected: unknown;
  /** What to compare; `services.test` unless set. */
  readonly path?: readonly string[];
}

const cases: Case[] = [
  // merge_test.go Test_mergeOverrides
  { name: 'scalars are replaced', base: svc('image: foo\nscale: 1'), override: svc('image: bar\nscale: 2'), expected: { image: 'bar', scale: 2 } },
  // merge.go MergeYaml: a null later value keeps the earlier one
  { name: 'an empty value keeps the earlier one', base: svc('image: foo\nuser: app'), override: svc('image:\nuser: root'), expected: { image: 'foo', user: 'root' } },
  // merge_environment_test.go Test_mergeYamlEnvironmentSequence
  { name: 'environment lists append', base: svc('environment: [FOO=BAR]'), override: svc('environment: [QIX=ZOT, EMPTY=, NIL]'), expected: { environment: ['FOO=BAR', 'QIX=ZOT', 'EMPTY=', 'NIL'] } },
  // merge_environment_test.go Test_mergeYamlEnvironmentMapping (compose-go gives the same pairs as a sorted list)
  { name: 'environment mappings merge by key, an empty value included', base: svc('environment: {FOO: BAR, KEEP: x}'), override: svc('environment: {FOO: "", NIL: null, QIX: ZOT}'), expected: { environment: { FOO: '', KEEP: 'x', NIL: null, QIX: 'ZOT' } } },
  // merge_environment_test.go Test_mergeYamlEnvironmentMixed
  { name: 'environment mapping then list becomes a list', base: svc('environment: {FOO: BAR, NIL: null}'), override: svc('environment: [QIX=ZOT]'), expected: { environment: ['FOO=BAR', 'NIL', 'QIX=ZOT'] } },
  // uncity_test.go Test_EnvironmentUnicity (reached through a merge)
  { name: 'a later variable replaces an earlier one in place', base: svc('environment: [FOO=BAR, BAR=QIX, QIX=]'), override: svc('environment: [FOO=ZOT, QIX]'), expected: { environment: ['FOO=ZOT', 'BAR=QIX', 'QIX'] } },
  // merge_environment_test.go Test_mergeYamlEnvironmentNumber
  { name: 'numbers in environment mappings are replaced', base: svc('environment: {FOO: 1}'), override: svc('environment: {FOO: 3}'), expected: { environment: { FOO: 3 } } },
  // merge_labels_test.go Test_mergeYamlLabelsMixed
  { name: 'labels list then mapping becomes a list made unique by key', base: svc('labels: [a=1, b=2]'), override: svc('labels: {b: 3, c: 4}'), expected: { labels: ['a=1', 'b=3', 'c=4'] } },
  // merge_labels_test.go Test_mergeYamlDeployLabelsMapping
  { name: 'deploy labels merge by key', base: svc('deploy: {replicas: 2, labels: {a: "1"}}'), override: svc('deploy: {labels: {b: "2"}}'), expected: { deploy: { replicas: 2, labels: { a: '1', b: '2' } } } },
  // merge_sysctls_test.go TestMergeSysctlsMixed
  { name: 'sysctls mapping then list', base: svc('sysctls: {net.core.somaxconn: 1024}'), override: svc('sysctls: [net.ipv4.tcp_syncookies=0, net.core.somaxconn=2048]'), expected: { sysctls: ['net.core.somaxconn=2048', 'net.ipv4.tcp_syncookies=0'] } },
  // merge_extra_hosts_test.go TestMergeExtraHostsSequence: exact duplicates dropped, same host twice kept
  { name: 'extra_hosts drop exact repeats only', base: svc('extra_hosts: [example.com=1.2.3.4]'), override: svc('extra_hosts: [localhost=127.0.0.1, example.com=1.2.3.4, example.com=4.3.2.1]'), expected: { extra_hosts: ['example.com=1.2.3.4', 'localhost=127.0.0.1', 'example.com=4.3.2.1'] } },
  // merge_extra_hosts_test.go TestMergeExtraHostsMapping (compose-go sorts the later mapping's items)
  { name: 'extra_hosts mappings, a list of addresses included', base: svc('extra_hosts: {example.com: 1.2.3.4}'), override: svc('extra_hosts: {localhost: 127.0.0.1, example.com: [1.2.3.4, 4.3.2.1]}'), expected: { extra_hosts: ['example.com=1.2.3.4', 'localhost=127.0.0.1', 'example.com=4.3.2.1'] } },
  // merge_dns_test.go Test_mergeYamlDNSMixed
  { name: 'dns as a string joins the list', base: svc('dns: [8.8.8.8, 9.9.9.9]\ndns_search: dc1.example.com'), override: svc('dns: 9.9.9.9\ndns_search: dc2.example.com'), expected: { dns: ['8.8.8.8', '9.9.9.9'], dns_search: ['dc1.example.com', 'dc2.example.com'] } },
  // uncity_test.go Test_PortsShortUnicity
  { name: 'ports append; the same port again is kept once', base: svc('ports: ["9080:80", "9081:81"]'), override: svc('ports: ["9080:80", "5000", "6060:6060/udp", "9080:6060/udp"]'), expected: { ports: ['9080:80', '9081:81', '5000', '6060:6060/udp', '9080:6060/udp'] } },
  // uncity_test.go Test_PortsLongtUnicity: the same published port with another target is another port
  { name: 'a different port on the same host port stays (the clash is real)', base: svc('ports: ["8080:80"]'), override: svc('ports: ["8080:81", "127.0.0.1:8080:80"]'), expected: { ports: ['8080:80', '8080:81', '127.0.0.1:8080:80'] } },
  // uncity_test.go Test_PortsLongtUnicity after transform.Canonical: long and short forms share a key, mode is not part of it
  { name: 'a short port replaces the same long port in place', base: svc('ports: [{target: 80, published: "8080", mode: host}, "9090:90"]'), override: svc('ports: ["0.0.0.0:8080:80/tcp"]'), expected: { ports: ['0.0.0.0:8080:80/tcp', '9090:90'] } },
  // merge_volumes_test.go TestMergeVolumes
  { name: 'volumes with other targets append', base: svc('volumes: [a:/a, {type: bind, source: ./b, target: /b}]'), override: svc('volumes: [c:/c]'), expected: { volumes: ['a:/a', { type: 'bind', source: './b', target: '/b' }, 'c:/c'] } },
  // uncity_test.go Test_VolumeUnicity
  { name: 'a volume on the same target replaces the earlier one', base: svc('volumes: [.:/foo, foo:/bar]'), override: svc('volumes: [{type: volume, source: src, target: /foo}]'), expected: { volumes: [{ type: 'volume', source: 'src', target: '/foo' }, 'foo:/bar'] } },
  // merge_mounts_test.go Test_mergeYamlServiceMount
  { name: 'secrets are unique by target', base: svc('secrets: [foo, bar, zot]'), override: svc('secrets: [{source: zot, target: /run/secrets/foo}]'), expected: { secrets: [{ source: 'zot', target: '/run/secrets/foo' }, 'bar', 'zot'] } },
  // merge_devices_test.go Test_mergeYamlDevicesOverride
  { name: 'devices are unique by container path', base: svc("devices: ['/dev/sda:/dev/sda', '/dev/sdb:/dev/sdb']"), override: svc("devices: ['/dev/nvme0n1p1:/dev/sda']"), expected: { devices: ['/dev/nvme0n1p1:/dev/sda', '/dev/sdb:/dev/sdb'] } },
  // merge_profiles_test.go TestMergeProfilesUnicity, merge_cap_test.go TestMergeCAPSequence
  { name: 'profiles and capabilities are unique', base: svc('profiles: [p1, p2]\ncap_add: [NET_ADMIN]'), override: svc('profiles: [p2, p3]\ncap_add: [NET_ADMIN, SYS_TIME]'), expected: { profiles: ['p1', 'p2', 'p3'], cap_add: ['NET_ADMIN', 'SYS_TIME'] } },
  // merge_env_file_test.go TestMergeEnvFilesMixed ("Unicity between string and mapping")
  { name: 'env files are unique by path across forms', base: svc('env_file: [bar.env, foo.env]'), override: svc('env_file: [{path: foo.env, required: true}]'), expected: { env_file: ['bar.env', { path: 'foo.env', required: true }] } },
  // merge_env_file_test.go TestMergeEnvFilesString, merge_tmpfs_test.go TestMergeTmpfsString
  { name: 'two strings become a list', base: svc('env_file: foo.env\ntmpfs: /foo'), override: svc('env_file: bar.env\ntmpfs: /bar'), expected: { env_file: ['foo.env', 'bar.env'], tmpfs: ['/foo', '/bar'] } },
  // merge_networks_test.go Test_mergeYamlServiceNetworkSequence (compose-go turns both into a mapping)
  { name: 'service network lists merge by name', base: svc('networks: [front, back]'), override: svc('networks: [front]'), expected: { networks: ['front', 'back'] } },
  // merge_networks_test.go Test_mergeYamlServiceNetworksMixed
  { name: 'service networks: list then mapping', base: svc('networks: [front, net1]'), override: svc('networks: {net1: {aliases: [a1]}, net2: null}'), expected: { networks: { front: null, net1: { aliases: ['a1'] }, net2: null } } },
  // merge_networks_test.go Test_mergeYamlServiceNetworksMapping
  { name: 'network aliases and link-local addresses append uniquely', base: svc('networks: {n1: {aliases: [a1, a2], link_local_ips: [57.123.22.11]}, n2: {aliases: [a1]}}'), override: svc('networks: {n1: {aliases: [a3, a1], link_local_ips: [57.123.22.12]}}'), expected: { networks: { n1: { aliases: ['a1', 'a2', 'a3'], link_local_ips: ['57.123.22.11', '57.123.22.12'] }, n2: { aliases: ['a1'] } } } },
  // loader/override_test.go TestOverrideDepends_on
  { name: 'depends_on: list then mapping', base: svc('depends_on: [foo, bar]'), override: svc('depends_on: {foo: {condition: service_healthy, required: false}}'), expected: { depends_on: { foo: { condition: 'service_healthy', required: false }, bar: null } } },
  // merge_logging_test.go Test_mergeYamlLoggingSameDriver
  { name: 'logging with the same driver merges options', base: svc('logging: {driver: syslog, options: {syslog-address: "tcp://a:1", tag: x}}'), override: svc('logging: {driver: syslog, options: {syslog-address: "tcp://b:1"}}'), expected: { logging: { driver: 'syslog', options: { 'syslog-address': 'tcp://b:1', tag: 'x' } } } },
  // merge_logging_test.go Test_mergeYamlLoggingDistinctDriver
  { name: 'logging with another driver replaces', base: svc('logging: {driver: local, options: {max-size: 10m}}'), override: svc('logging: {driver: syslog, options: {syslog-address: "tcp://b:1"}}'), expected: { logging: { driver: 'syslog', options: { 'syslog-address': 'tcp://b:1' } } } },
  // merge_logging_test.go Test_mergeYamlLoggingImplicitDriver
  { name: 'logging without a driver merges', base: svc('logging: {options: {max-size: 10m}}'), override: svc('logging: {options: {max-file: 3}}'), expected: { logging: { options: { 'max-size': '10m', 'max-file': 3 } } } },
  // merge_ulimits_test.go Test_mergeYamlUlimits
  { name: 'each ulimit is replaced whole', base: svc('ulimits: {nofile: {soft: 20000, hard: 40000}, nproc: 65535, locks: {soft: 1, hard: 2}}'), override: svc('ulimits: {nproc: {soft: 65535}, locks: {hard: 65535}}'), expected: { ulimits: { nofile: { soft: 20000, hard: 40000 }, nproc: { soft: 65535 }, locks: { hard: 65535 } } } },
  // merge.go mergeSpecials: command, entrypoint and healthcheck.test use `override`
  { name: 'command, entrypoint and healthcheck test replace', base: svc('command: [a, b]\nentrypoint: [sh, -c]\nhealthcheck: {test: [CMD, a], interval: 5s}'), override: svc('command: [c]\nentrypoint: [bash]\nhealthcheck: {test: [CMD, b]}'), expected: { command: ['c'], entrypoint: ['bash'], healthcheck: { test: ['CMD', 'b'], interval: '5s' } } },
  // merge.go MergeYaml: other lists append without unicity
  { name: 'other lists append as they are', base: svc('security_opt: [a]\ngroup_add: [g]'), override: svc('security_opt: [a, b]'), expected: { security_opt: ['a', 'a', 'b'], group_add: ['g'] } },
  // merge_build_test.go Test_mergeYamlBuildSequence / Test_mergeYamlArgsMixed
  { name: 'build: short form meets long form, args mapping then list', base: svc('build: .\n'), override: svc('build: {dockerfile: Dockerfile.dev, args: [A=1]}'), expected: { build: { context: '.', dockerfile: 'Dockerfile.dev', args: ['A=1'] } } },
  { name: 'build args and tags', base: svc('build: {context: ., args: {FOO: BAR}, tags: ["img:1"]}'), override: svc('build: {args: [QIX=ZOT], tags: ["img:1", "img:2"]}'), expected: { build: { context: '.', args: ['FOO=BAR', 'QIX=ZOT'], tags: ['img:1', 'img:2'] } } },
  // merge_networks_test.go Test_mergeYamlNetworks: ipam pools by subnet, options by key
  {
    name: 'network ipam pools merge by subnet',
    base: 'networks:\n  n1:\n    ipam:\n      config: [{subnet: 172.28.0.0/16, gateway: 172.28.5.254, aux_addresses: {host1: 172.28.1.5, host3: 172.28.1.7}}]\n      options: {foo: bar}\n    labels: {a: "1"}\n',
    override: 'networks:\n  n1:\n    ipam:\n      config: [{subnet: 172.28.0.0/16, aux_addresses: {host1: 172.28.1.6}}, {subnet: 172.29.0.0/16}]\n      options: {bar: foo}\n    labels: [b=2]\n  n2:\n',
    path: ['networks'],
    expected: {
      n1: {
        ipam: {
          config: [{ subnet: '172.28.0.0/16', gateway: '172.28.5.254', aux_addresses: { host1: '172.28.1.6', host3: '172.28.1.7' } }, { subnet: '172.29.0.0/16' }],
          options: { foo: 'bar', bar: 'foo' },
        },
        labels: ['a=1', 'b=2'],
      },
      n2: null,
    },
  },
  // loader/merge_reset_test.go Test_LoadWithReset
  { name: '!reset removes a key, inside a mapping too', base: svc('image: x\nbuild: {context: ., dockerfile: foo.Dockerfile}\nenvironment: {FOO: BAR, KEEP: "1"}'), override: svc('image: foo\nbuild: !reset\nenvironment: {FOO: !reset}'), expected: { image: 'foo', environment: { KEEP: '1' } } },
  // loader/reset_test.go TestResetRemove style on a list: `ports: !reset []`
  { name: '!reset on a list removes it', base: svc('image: x\nports: ["80:80"]'), override: svc('ports: !reset []'), expected: { image: 'x' } },
  // loader/reset_test.go TestOverrideReplace
  { name: '!override replaces whole', base: svc('image: x\nports: ["80:80"]\nenvironment: {A: "1"}'), override: svc('ports: !override ["8080:80"]\nenvironment: !override {B: "2"}'), expected: { image: 'x', ports: ['8080:80'], environment: { B: '2' } } },
  // loader/reset.go resolveReset: a `!reset` anywhere in the later file is dropped, even with nothing to reset
  { name: '!reset in a new service is dropped', base: 'services:\n  other:\n    image: x\n', override: svc('image: y\nbuild: !reset\nports: ["80:80", !reset "81:81"]'), expected: { image: 'y', ports: ['80:80'] } },
];

describe('project merge (compose-go override rules)', () => {
  for (const { name, base, override, expected, path = ['services', 'test'] } of cases) {
    it(name, () => assert.deepEqual(merged(base, override, path), expected));
  }

  it('adds services and top-level sections of the later file', () => {
    const merged = mergeFiles(root('services:\n  a:\n    image: x\n'), root('services:\n  b:\n    image: y\nvolumes:\n  data:\n'));
    assert.deepEqual(toJS(merged), { services: { a: { image: 'x' }, b: { image: 'y' } }, volumes: { data: null } });
  });

  it('takes either file alone as it is', () => {
    const file = root(svc('image: x'));
    assert.equal(mergeFiles(file, undefined), file);
    assert.equal(mergeFiles(undefined, file), file);
    assert.equal(mergeFiles(undefined, undefined), undefined);
  });

  it('merges one service onto its base (extends)', () => {
    const base = at(root(svc('image: x\ncommand: [a]\nports: ["80:80"]\nenvironment: {A: "1"}')), 'services', 'test')!;
    const service = at(root(svc('command: [b]\nports: ["81:81"]\nenvironment: {B: "2"}')), 'services', 'test')!;
    assert.deepEqual(toJS(mergeServices(base, service)), { image: 'x', command: ['b'], ports: ['80:80', '81:81'], environment: { A: '1', B: '2' } });
  });

  describe('spans and identity', () => {
    const baseText = 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n  db:\n    image: postgres\n    environment: {A: "1"}\n';
    const overrideText = 'services:\n  web:\n    ports: ["8080:81"]\n';
    const base = root(baseText)!;
    const override = root(overrideText)!;
    const merged = mergeFiles(base, override)!;

    it('returns an untouched subtree as the very same object', () => {
      assert.equal(at(merged, 'services', 'db'), at(base, 'services', 'db'));
      assert.equal(at(merged, 'services', 'web', 'image'), at(base, 'services', 'web', 'image'));
    });

    it('keeps each merged port item from its own file', () => {
      assert.equal(at(merged, 'services', 'web', 'ports', 0), at(base, 'services', 'web', 'ports', 0));
      assert.equal(at(merged, 'services', 'web', 'ports', 1), at(override, 'services', 'web', 'ports', 0));
    });

    it('gives a merged container the span of the later node, and a merged entry its key span', () => {
      assert.deepEqual(at(merged, 'services', 'web')!.span, at(override, 'services', 'web')!.span);
      assert.deepEqual(at(merged, 'services', 'web', 'ports')!.span, at(override, 'services', 'web', 'ports')!.span);
      const web = at(merged, 'services');
      assert.ok(web?.kind === 'map');
      const overrideServices = at(override, 'services');
      assert.ok(overrideServices?.kind === 'map');
      assert.deepEqual(web.entries[web.index.get('web')!]!.keySpan, overrideServices.entries[0]!.keySpan);
    });

    it('makes a merged mapping entry point at the text it stands for', () => {
      // `A: "1"` of the earlier file becomes the list item `A=1`, spanning `A: "1"` where it is written.
      const mixed = mergeFiles(base, root('services:\n  db:\n    environment: [B=2]\n'));
      const item = at(mixed, 'services', 'db', 'environment', 0)!;
      assert.equal(item.kind === 'scalar' && item.value, 'A=1');
      assert.equal(baseText.slice(item.span.start, item.span.end), 'A: "1"');
    });

    it('returns the earlier file when the later one changes nothing', () => {
      assert.equal(mergeFiles(base, root('services:\n  web: {}\n')), base);
      assert.equal(mergeFiles(base, root('services:\n  db:\n    image:\n')), base);
    });
  });
});
