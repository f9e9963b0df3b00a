/**
 * Every `--format`: text (colour, one line per finding, summary), json, SARIF validated by Microsoft's
 * SARIF validator and the SARIF 2.1.0 schema, GitHub annotations matched line by line, JUnit parsed by an
 * XML parser, Code Climate's required fields.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv2020 from 'ajv/dist/2020';
import { textReporter } from '../../server/src/cli/report/text';
import { RULES } from '../../server/src/service/index';
import { runCli, runInProcess, scratchTree } from '../support/cli';
import { ROOT } from '../support/service';

const SAMPLE = path.join(ROOT, 'samples', 'broken-compose.yaml');
const MULTITOOL_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux');

describe('shipshape check --format', () => {
  const dir = scratchTree({ 'compose.yaml': readFileSync(SAMPLE, 'utf8'), 'odd, name%.yaml': 'services:\n  web:\n    imag: "<&>"\n' });
  const run = (...args: string[]) => runInProcess(['check', ...args], { cwd: dir });

  describe('text', () => {
    it('says "1 error", "2 warnings" in the summary', async () => {
      assert.equal((await run('compose.yaml')).stderr, '1 file checked: 8 errors, 1 warning, 2 notes\n');
      assert.equal((await run('odd, name%.yaml')).stderr, '1 file checked: 1 error, 0 warnings, 0 notes\n');
    });

    it('is coloured on a terminal unless NO_COLOR is set, and wherever FORCE_COLOR is', async () => {
      // eslint-disable-next-line no-control-regex
      const ansi = /\x1b\[\d+m/;
      assert.match((await runInProcess(['check', 'compose.yaml'], { cwd: dir, isTTY: true })).stdout, ansi);
      assert.doesNotMatch((await runInProcess(['check', 'compose.yaml'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } })).stdout, ansi);
      assert.doesNotMatch((await runInProcess(['check', 'compose.yaml'], { cwd: dir, isTTY: true, env: { TERM: 'dumb' } })).stdout, ansi);
      assert.doesNotMatch((await runInProcess(['check', 'compose.yaml'], { cwd: dir })).stdout, ansi);
      assert.match((await runInProcess(['check', 'compose.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout, ansi);
      assert.doesNotMatch((await runInProcess(['check', 'compose.yaml'], { cwd: dir, isTTY: true, env: { FORCE_COLOR: '0' } })).stdout, ansi);
      const coloured = (await runInProcess(['check', 'compose.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout;
      assert.equal(coloured.replace(new RegExp(ansi.source, 'g'), ''), (await run('compose.yaml')).stdout, 'colour adds escapes only');
    });

    it('prints one line per finding even when a message spans lines', () => {
      let out = '';
      const reporter = textReporter({ out: (text) => (out += text), err: () => {} }, false);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      reporter.file({ display: 'a.yaml', path: 'a.yaml', findings: [{ code: 'yaml-syntax', severity: 'error', message: 'Bad thing:\n\n  x: [\n  ^\nhere', range, related: [], fixable: false, fingerprint: '' }] });
      assert.equal(out, 'a.yaml:1:1 error yaml-syntax Bad thing: x: [ ^ here\n');
    });
  });

  it('json: related locations, the docs URL and whether a quick fix exists', async () => {
    const items = JSON.parse((await run('--format', 'json', 'compose.yaml')).stdout) as { code: string; related: { file: string; range: object; message: string }[]; docUrl?: string; fixable: boolean }[];
    const conflict = items.find((item) => item.code === 'port-conflict')!;
    assert.equal(conflict.related.length, 1);
    assert.equal(conflict.related[0]!.file, 'compose.yaml');
    assert.match(conflict.docUrl!, /^https:\/\/docs\.docker\.com\//);
    assert.equal(conflict.fixable, true, 'a free host port is offered');
    assert.equal(items.find((item) => item.code === 'port-base60')!.fixable, true, 'quoting is offered');
    assert.equal(items.find((item) => item.code === 'schema-unknown-property')!.fixable, true, 'a close valid key is offered');
    assert.deepEqual(JSON.parse((await run('--format', 'json', '--rule', 'schema-unknown-property=off', 'odd, name%.yaml')).stdout), []);
  });

  describe('sarif', () => {
    let log: SarifLog;
    let file: string;
    before(async () => {
      const result = await run('--format', 'sarif', 'compose.yaml', 'odd, name%.yaml');
      assert.equal(result.status, 1);
      file = path.join(mkdtempSync(path.join(tmpdir(), 'shipshape-sarif-')), 'shipshape.sarif');
      writeFileSync(file, result.stdout);
      log = JSON.parse(result.stdout) as SarifLog;
    });

    it('is valid against the SARIF 2.1.0 schema (as shipped with the SARIF multitool)', () => {
      const schema = JSON.parse(readFileSync(path.join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8')) as object;
      const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });

    it("passes Microsoft's SARIF validator (sarif-multitool validate) without errors or warnings", function () {
      this.timeout(150_000);
      const tool = path.join(MULTITOOL_DIR, 'Sarif.Multitool');
      if (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(tool)) this.skip();
      const output = `${file}.validation.sarif`;
      const result = spawnSync(tool, ['validate', file, '--output', output], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const findings = (JSON.parse(readFileSync(output, 'utf8')) as SarifLog).runs[0]!.results;
      const serious = findings.filter((r) => r.level === 'error' || r.level === 'warning' || r.level === undefined);
      assert.deepEqual(serious.map((r) => `${r.ruleId}: ${JSON.stringify(r.message)}`), []);
    });

    it('describes every rule of the catalogue in the driver, with a help URI into docs/rules.md and a default level', () => {
      const rules = log.runs[0]!.tool.driver.rules!;
      assert.deepEqual(rules.map((rule) => rule.id), RULES.map((rule) => rule.code));
      for (const rule of rules) {
        assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.name, rule.id);
        assert.match(rule.helpUri, new RegExp(`/docs/rules\\.md#${rule.id}$`));
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      }
      for (const result of log.runs[0]!.results) assert.equal(rules[result.ruleIndex!]!.id, result.ruleId);
    });

    it('has results with relative URIs under %SRCROOT%, 1-based regions and related locations', () => {
      const run = log.runs[0]!;
      assert.equal(run.originalUriBaseIds!['SRCROOT']!.uri, `file://${dir}/`);
      const uris = new Set(run.results.map((r) => JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation)));
      assert.deepEqual([...uris], [JSON.stringify({ uri: 'compose.yaml', uriBaseId: 'SRCROOT' }), JSON.stringify({ uri: 'odd,%20name%25.yaml', uriBaseId: 'SRCROOT' })]);
      const imag = run.results.find((r) => r.ruleId === 'schema-unknown-property')!;
      assert.deepEqual(imag.locations[0]!.physicalLocation.region, { startLine: 4, startColumn: 5, endLine: 4, endColumn: 9 });
      assert.equal(imag.level, 'error');
      const conflict = run.results.find((r) => r.ruleId === 'port-conflict')!;
      assert.equal(conflict.relatedLocations!.length, 1);
      assert.equal(conflict.relatedLocations![0]!.physicalLocation.region.startLine, 13);
      assert.equal(run.results.find((r) => r.ruleId === 'subnet-overlaps-default-pool')!.level, 'note');
    });

    it('keeps partialFingerprints stable across runs and when lines above a finding move', async () => {
      const fingerprints = (sarif: SarifLog) => sarif.runs[0]!.results.map((r) => `${r.ruleId} ${r.partialFingerprints['shipshapeFinding/v1']}`);
      const again = JSON.parse((await run('--format', 'sarif', 'compose.yaml', 'odd, name%.yaml')).stdout) as SarifLog;
      assert.deepEqual(fingerprints(again), fingerprints(log));
      const moved = scratchTree({ 'compose.yaml': `# a comment added on top\n\n${readFileSync(SAMPLE, 'utf8')}` });
      const shifted = JSON.parse((await runInProcess(['check', '--format', 'sarif', 'compose.yaml'], { cwd: moved })).stdout) as SarifLog;
      assert.deepEqual(fingerprints(shifted), fingerprints(log).slice(0, shifted.runs[0]!.results.length));
      assert.equal(new Set(fingerprints(log)).size, log.runs[0]!.results.length, 'unique within the log');
    });

    it('keeps the fingerprint of a finding on a long flow-style line when the line changes far from it', async () => {
      const services = (first: string) => Array.from({ length: 60 }, (_, i) => `s${i}: {image: ${i === 0 ? first : `i${i}`}, bogus: 1}`).join(', ');
      const fingerprintOfLast = async (first: string) => {
        const tree = scratchTree({ 'compose.yaml': `{services: {${services(first)}}}\n` });
        const sarif = JSON.parse((await runInProcess(['check', '--format', 'sarif', 'compose.yaml'], { cwd: tree })).stdout) as SarifLog;
        const results = sarif.runs[0]!.results.filter((r) => r.ruleId === 'schema-unknown-property');
        assert.equal(results.length, 60);
        return results.at(-1)!.partialFingerprints['shipshapeFinding/v1'];
      };
      assert.equal(await fingerprintOfLast('nginx'), await fingerprintOfLast('nginx:1.27'));
    });

    it('is complete JSON with no findings, and when written by the built CLI', () => {
      const clean = scratchTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
      const result = runCli(['check', '--format', 'sarif'], { cwd: clean });
      assert.equal(result.status, 0);
      assert.deepEqual((JSON.parse(result.stdout) as SarifLog).runs[0]!.results, []);
    });
  });

  it('github: one workflow command per finding, escaped as the runner reads them', async () => {
    const result = await run('--format', 'github', 'compose.yaml', 'odd, name%.yaml');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 12);
    const command = /^::(error|warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=shipshape ([a-z0-9-]+)::(.+)$/;
    for (const line of lines) assert.match(line, command);
    assert.equal(lines[0], "::error file=compose.yaml,line=4,endLine=4,col=5,endColumn=9,title=shipshape schema-unknown-property::Unknown property 'imag' in service 'web'. Did you mean 'image'?");
    assert.ok(lines.some((line) => line.startsWith('::warning file=compose.yaml,line=7,')));
    assert.ok(lines.some((line) => line.startsWith('::notice file=compose.yaml,line=30,')));
    assert.equal(lines[11], "::error file=odd%2C name%25.yaml,line=3,endLine=3,col=5,endColumn=9,title=shipshape schema-unknown-property::Unknown property 'imag' in service 'web'. Did you mean 'image'?");
    assert.match(result.stderr, /^2 files checked: 9 errors, 1 warning, 2 notes\n$/);
  });

  it('junit: well-formed XML with a suite per file and a failing case per finding', async () => {
    const clean = path.join(dir, 'clean', 'compose.yaml');
    mkdirSync(path.dirname(clean), { recursive: true });
    writeFileSync(clean, 'services:\n  web:\n    image: nginx\n');
    const result = await run('--format', 'junit', 'compose.yaml', 'odd, name%.yaml', 'clean/compose.yaml');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(result.stdout, 'text/xml');
    assert.deepEqual(errors, []);
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    assert.deepEqual(suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures')]), [
      ['compose.yaml', '11', '11'],
      ['odd, name%.yaml', '1', '1'],
      ['clean/compose.yaml', '1', '0'],
    ]);
    const failures = Array.from(doc.getElementsByTagName('failure'));
    assert.equal(failures.length, 12);
    assert.equal(failures[0]!.getAttribute('type'), 'error');
    assert.equal(failures[0]!.getAttribute('message'), "Unknown property 'imag' in service 'web'. Did you mean 'image'?");
    assert.equal(suites[2]!.getElementsByTagName('testcase')[0]!.getAttribute('name'), 'shipshape check');
  });

  it('codeclimate: the fields GitLab Code Quality requires, with unique fingerprints', async () => {
    const issues = JSON.parse((await run('--format', 'codeclimate', 'compose.yaml', 'odd, name%.yaml')).stdout) as CodeClimateIssue[];
    assert.equal(issues.length, 12);
    for (const issue of issues) {
      assert.equal(issue.type, 'issue');
      assert.ok(issue.check_name && issue.description && issue.fingerprint);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.ok(issue.location.path && issue.location.positions.begin.line >= 1);
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.deepEqual(issues[0]!.location, { path: 'compose.yaml', positions: { begin: { line: 4, column: 5 }, end: { line: 4, column: 9 } } });
    assert.equal(issues[0]!.severity, 'critical');
  });
});

interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}
interface SarifPhysical {
  readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
  readonly region: SarifRegion;
}
interface SarifLog {
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly rules?: readonly { id: string; name: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    readonly originalUriBaseIds?: Record<string, { uri: string }>;
    readonly results: readonly {
      readonly ruleId: string;
      readonly ruleIndex?: number;
      readonly level?: string;
      readonly message: unknown;
      readonly locations: readonly { readonly physicalLocation: SarifPhysical }[];
      readonly relatedLocations?: readonly { readonly physicalLocation: SarifPhysical }[];
      readonly partialFingerprints: Record<string, string>;
    }[];
  }[];
}
interface CodeClimateIssue {
  readonly type: string;
  readonly check_name: string;
  readonly description: string;
  readonly fingerprint: string;
  readonly severity: string;
  readonly location: { readonly path: string; readonly positions: { readonly begin: { readonly line: number; readonly column: number } } };
}
