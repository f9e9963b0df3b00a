/**
 * docker/cli's own stack loader as an oracle. `docker stack config -c FILE` runs loader.Load
 * (cli/command/stack/config.go): the schema of the declared version, interpolation and its casts,
 * port, duration and byte-size parsing, forbidden keys. It needs no daemon. Every corpus stack file
 * and every fixture below goes through both, and Shipshape must report an error exactly where docker
 * refuses the file. Rules the loader cannot see (what `docker stack deploy` checks after loading, what
 * swarmkit or the daemon refuse, port clashes) are left out by code in LOADER_BLIND. Skipped, with a
 * message, where no `docker` with `stack config` is installed.
 */
import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ComposeDocument, Finding } from '../../server/src/service/index';
import { CORPUS, corpusFiles } from '../support/corpus';
import { service } from '../support/service';
import { STACK_VERSION_CASES, previousVersion } from '../support/stackVersionCases';

const DOCKER = process.env['SHIPSHAPE_DOCKER'] ?? '/usr/local/bin/docker';
/** How many `docker stack config` run at once: the machines running the tests are small. */
const PARALLEL = 4;

/**
 * Error codes for what `docker stack config` never checks, each with where Docker does check it: the
 * loader stops at loader.Load, while `docker stack deploy` goes on to convert the file
 * (cli/compose/convert) and the daemon and swarmkit validate the service.
 */
const LOADER_BLIND: Readonly<Record<string, string>> = {
  'stack-build-without-image': 'docker stack deploy checks the image after loading (cli/command/stack/loader.go loadComposeFile)',
  'replicas-with-global': 'cli/compose/convert/service.go convertDeployMode refuses replicas with global mode at deploy',
  'placement-constraint-invalid': 'swarmkit parses constraints when the service is created (manager/constraint)',
  'dnsrr-ingress-ports': 'the daemon refuses dnsrr with ingress-published ports when the service is created',
  'stack-resource-below-minimum': 'swarmkit validates resources when the service is created',
  'port-conflict': 'ports clash only when tasks start',
  'port-conflict-replicas': 'ports clash only when tasks start',
};

/**
 * deploy-invalid-value is loader-visible only for update_config/rollback_config `order`, the one deploy
 * enumeration in the v3 schemas; restart conditions, failure actions and modes pass the loader and are
 * refused by convert (convertDeployMode) or swarmkit.
 */
function blindToLoader(doc: ComposeDocument, finding: Finding): boolean {
  if (finding.code in LOADER_BLIND) return true;
  if (finding.code !== 'deploy-invalid-value') return false;
  const lineStart = doc.text.lastIndexOf('\n', finding.span.start - 1) + 1;
  return !/\border:\s*['"]?$/.test(doc.text.slice(lineStart, finding.span.start));
}

interface Case {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** Small stack files of our own: each pins one behaviour of docker/cli's loader (the upstream test in the comment). */
const FIXTURES: Readonly<Record<string, string>> = {
  // YAML anchors and merge keys: yaml.v3 resolves them before validation
  'anchors-merge': "version: \"3.13\"\nx-base: &base\n  image: nginx\n  restart: always\nservices:\n  web:\n    <<: *base\n  api:\n    <<: *base\n    build: .\n",
  // a non-string key (loader_test.go TestNonStringKeys)
  'bool-key': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    labels:\n      true: x\n",
  // v3 schema: cpus is a string
  'cpus-number': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits: {cpus: 0.5}\n",
  // v3 schema: depends_on is a list
  'depends-long': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    depends_on:\n      db: {condition: service_started}\n  db:\n    image: pg\n",
  // yaml.v3 refuses a mapping key twice
  'duplicate-key': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    image: redis\n",
  // schema format 'duration' (time.ParseDuration)
  'duration-no-unit': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    healthcheck:\n      test: [CMD, ping]\n      interval: \"10\"\n",
  // docker/cli keeps "A = b" as the variable "A " (no error)
  'env-spaces': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    environment:\n      - \"A = b\"\n",
  // types.go ForbiddenProperties (loader_test.go TestForbiddenProperties)
  'extends': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    extends: {service: base}\n  base:\n    image: x\n",
  // loader.go LoadNetworks (loader_test.go TestLoadNetworkInvalidExternalNameAndNameCombination)
  'external-name-and-name': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\nnetworks:\n  net:\n    external: {name: a}\n    name: b\n",
  // loader.go LoadVolumes (loader_test.go TestInvalidExternalAndDriverCombination)
  'external-volume-driver': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\nvolumes:\n  data:\n    external: true\n    driver: local\n",
  // template.go: no ${VAR:+alt} in docker/cli
  'interp-plus': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    environment:\n      A: ${X:+yes}\n",
  // template.go required variables
  'interp-required': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    environment:\n      A: ${X:?X is needed}\n",
  // types.go ForbiddenProperties
  'mem-limit': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    mem_limit: 1g\n",
  // loader.go transformSize (units.RAMInBytes)
  'memory-bad': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits: {memory: 12x}\n",
  // the image is required by stack deploy (loader.go of cli/command/stack), not by stack config
  'no-image': "version: \"3.13\"\nservices:\n  web:\n    build: .\n",
  // schema format 'ports' (schema_test.go TestValidatePorts)
  'port-bad-proto': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    ports: [\"80:80/http\"]\n",
  // schema format 'ports'
  'port-range-mismatch': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    ports: [\"8000-8002:80-81\"]\n",
  // loader.go casts ports.target after interpolation (loader_test.go TestLoadWithInterpolationCastFull)
  'port-target-var': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    ports:\n      - target: ${TARGET:-80}\n        published: 8080\n",
  // the loader keeps replicas with global; convert refuses it at deploy
  'replicas-global': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    deploy:\n      mode: global\n      replicas: 2\n",
  // the v3 schema has no enum for restart_policy.condition; swarmkit refuses it at deploy
  'restart-bad': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    deploy:\n      restart_policy: {condition: sometimes}\n",
  // v3.13 secrets have no environment key
  'secret-file-and-env': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\nsecrets:\n  s:\n    file: ./s.txt\n    environment: S\n",
  // schema.go: additional properties are refused (schema_test.go TestValidate)
  'typo-key': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    imag: x\n",
  // loader.go casts ulimits after interpolation
  'ulimits-var': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    ulimits:\n      nofile: ${NOFILE:-1024}\n",
  // undefined networks are refused by convert at deploy, not by the loader
  'undefined-network': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    networks: [missing]\n",
  // schema.go: unsupported Compose file version
  'version-2': "version: \"2\"\nservices:\n  web:\n    image: nginx\n",
  // loader_test.go TestInvalidVersion
  'version-number': "version: 3.8\nservices:\n  web:\n    image: nginx\n",
  // yaml syntax error
  'yaml-error': "version: \"3.13\"\nservices:\n  web:\n    image: nginx\n    ports: [\n",
};

const dir = mkdtempSync(path.join(tmpdir(), 'shipshape-oracle-'));
/** The environment both see: docker/cli interpolates from its process environment only. */
const ENV: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, DOCKER_CONFIG: path.join(dir, '.docker') };

function cases(): Case[] {
  const all: Case[] = corpusFiles()
    .filter((file) => file.mode === 'stack')
    .map((file) => ({ name: `corpus ${file.file}`, file: path.join(CORPUS, file.file), text: file.text }));
  const write = (name: string, text: string): Case => {
    const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.yml`);
    writeFileSync(file, text);
    return { name, file, text };
  };
  for (const { since, marked } of STACK_VERSION_CASES) {
    const text = marked.replace(/[⟦⟧]/g, '');
    all.push(write(`version ${since} allows`, `version: "${since}"\n${text}`), write(`version ${previousVersion(since)} refuses`, `version: "${previousVersion(since)}"\n${text}`));
  }
  for (const [name, text] of Object.entries(FIXTURES)) all.push(write(name, text));
  return all;
}

function dockerRefusal(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(DOCKER, ['stack', 'config', '-c', file], { env: ENV, cwd: dir, timeout: 60_000 }, (error, _stdout, stderr) => {
      resolve(error ? stderr.split('\n').filter((line) => line && !line.includes('level=warning')).join(' ') || error.message : undefined);
    });
  });
}

async function inParallel<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

function shipshapeErrors(item: Case): Finding[] {
  const doc = service.parse(item.text, 'stack');
  const view = service.project(item.file, doc, { processEnv: ENV });
  const findings = view?.diagnostics.get(item.file) ?? service.diagnostics(doc);
  return findings.filter((finding) => finding.severity === 'error' && !blindToLoader(doc, finding));
}

describe('docker stack config as an oracle', function () {
  this.timeout(300_000);
  const all = cases();
  const refusals = new Map<string, string | undefined>();

  before(async function () {
    if (spawnSync(DOCKER, ['stack', 'config', '--help'], { env: ENV }).status !== 0) {
      console.log(`      (skipped: no ${DOCKER} with 'stack config'; set SHIPSHAPE_DOCKER to a docker CLI)`);
      this.skip();
    }
    const results = await inParallel(all, (item) => dockerRefusal(item.file));
    all.forEach((item, i) => refusals.set(item.name, results[i]));
  });

  const agreed: string[] = [];
  after(() => {
    if (refusals.size > 0) console.log(`      docker stack config: ${all.length} files, ${[...refusals.values()].filter((r) => r !== undefined).length} refused; Shipshape agrees on ${agreed.length}`);
  });

  for (const item of all) {
    it(item.name, () => {
      const refusal = refusals.get(item.name);
      const errors = shipshapeErrors(item);
      if ((refusal !== undefined) === (errors.length > 0)) agreed.push(item.name);
      assert.ok((refusal !== undefined) === (errors.length > 0), `${item.name}: docker ${refusal === undefined ? 'accepts it' : `refuses it: ${refusal}`}; Shipshape reports ${errors.length ? errors.map((f) => `${f.code}: ${f.message}`).join('\n') : 'no error'}`);
    });
  }
});
