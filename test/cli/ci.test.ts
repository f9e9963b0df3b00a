/**
 * The documented GitHub Actions job (docs/ci/github-actions.yml): its `run:` steps, executed as the
 * runner would (bash, GITHUB_OUTPUT) against a copy of the sample with `shipshape` on PATH, write a
 * valid SARIF file where the upload step reads it, print annotations, and fail the job on findings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { CLI } from '../support/cli';
import { ROOT } from '../support/service';

interface Step {
  readonly id?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
}

describe('documented GitHub Actions job', function () {
  this.timeout(120_000);
  const workflow = parse(readFileSync(path.join(ROOT, 'docs', 'ci', 'github-actions.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = workflow.jobs['shipshape']!.steps;

  it('checks, writes SARIF for the upload step, annotates, and fails the job on findings', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'shipshape-actions-'));
    mkdirSync(path.join(repo, 'deploy'));
    copyFileSync(path.join(ROOT, 'samples', 'broken-compose.yaml'), path.join(repo, 'deploy', 'compose.yaml'));
    // The install step (`npm install -g shipshape`) is stood in for by the built CLI on PATH.
    const binDir = path.join(repo, '.bin');
    mkdirSync(binDir);
    writeFileSync(path.join(binDir, 'shipshape'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(binDir, 'shipshape'), 0o755);
    const output = path.join(repo, '.github-output');
    writeFileSync(output, '');
    const env = { ...process.env, PATH: `${binDir}:${process.env['PATH']}`, GITHUB_OUTPUT: output, FORCE_COLOR: '0' };
    const results: Record<string, { status: number | null; stdout: string }> = {};
    for (const step of steps) {
      if (step.uses || step.id === 'install') continue;
      // ${{ steps.X.outputs.Y }} as the runner substitutes it.
      const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split('=') as [string, string]));
      const script = step.run!.replace(/\$\{\{ steps\.check\.outputs\.(\w+) \}\}/g, (_, name: string) => outputs[name] ?? '');
      const result = spawnSync('bash', ['-e', '-c', script], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
      results[step.id!] = { status: result.status, stdout: result.stdout };
    }
    assert.equal(results['check']!.status, 0, 'findings (exit 1) do not stop the job before the upload');
    assert.match(results['check']!.stdout, /^::error file=deploy\/compose\.yaml,line=4,/m);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const sarif = JSON.parse(readFileSync(path.join(repo, upload.with!['sarif_file']!), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'deploy/compose.yaml');
    assert.equal(results['verdict']!.status, 1, 'the job fails at the end because errors were found');
  });
});
