/**
 * The configuration file in the core: upward lookup through a memory host, what each key gives, and a
 * finding at the bad key for each kind of mistake (⟦…⟧ marks where it must point).
 */
import { strict as assert } from 'node:assert';
import { ConfigLookup, isExcluded, readConfig, rulesWith, stackModeFor, type ConfigFile } from '../../../server/src/service/index';
import { memoryHost } from '../../../server/src/service/host';
import { parseMarkers } from '../../support/markers';

const lookup = (files: Record<string, string>, isBoundary?: (folder: string) => boolean) => new ConfigLookup(memoryHost(files), isBoundary);
const config = (text: string, path = '/repo/.shipshape.yaml'): ConfigFile => readConfig(path, text)!;

describe('configuration file', () => {
  describe('lookup', () => {
    it('finds the nearest file from the checked file upwards', () => {
      const files = { '/repo/.git/HEAD': '', '/repo/.shipshape.yaml': 'rules: {}\n', '/repo/a/.shipshape.yml': 'exclude: [x]\n', '/repo/a/b/compose.yaml': '', '/repo/c/compose.yaml': '' };
      const configs = lookup(files);
      assert.equal(configs.forFile('/repo/a/b/compose.yaml')?.path, '/repo/a/.shipshape.yml');
      assert.equal(configs.forFile('/repo/c/compose.yaml')?.path, '/repo/.shipshape.yaml');
      assert.equal(configs.forFile('/repo/compose.yaml')?.path, '/repo/.shipshape.yaml');
    });

    it('prefers .shipshape.yaml to .shipshape.yml to package.json in one folder', () => {
      const files = { '/p/.shipshape.yaml': '', '/p/.shipshape.yml': '', '/p/package.json': '{"shipshape": {}}' };
      assert.equal(lookup(files).forFile('/p/compose.yaml')?.path, '/p/.shipshape.yaml');
      assert.equal(lookup({ ...files, '/p/.shipshape.yaml': undefined! }).forFile('/p/compose.yaml')?.path, '/p/.shipshape.yml');
    });

    it('reads the shipshape key of package.json and passes over a package.json without one', () => {
      const files = { '/p/package.json': '{\n  "shipshape": { "rules": { "port-unquoted": "off" } }\n}\n', '/p/app/package.json': '{ "name": "app" }', '/p/app/compose.yaml': '' };
      const found = lookup(files).forFile('/p/app/compose.yaml');
      assert.equal(found?.path, '/p/package.json');
      assert.deepEqual(found?.config.rules, { 'port-unquoted': 'off' });
    });

    it('stops at the repository root (.git, a folder or a worktree file) and at a boundary', () => {
      const above = { '/outer/.shipshape.yaml': 'rules: {}\n', '/outer/repo/compose.yaml': '' };
      assert.equal(lookup({ ...above, '/outer/repo/.git/HEAD': '' }).forFile('/outer/repo/compose.yaml'), undefined);
      assert.equal(lookup({ ...above, '/outer/repo/.git': 'gitdir: /elsewhere\n' }).forFile('/outer/repo/compose.yaml'), undefined);
      assert.equal(lookup(above, (folder) => folder === '/outer/repo').forFile('/outer/repo/compose.yaml'), undefined);
      assert.equal(lookup(above).forFile('/outer/repo/compose.yaml')?.path, '/outer/.shipshape.yaml');
    });

    it('keeps what it found until cleared, and re-reads afterwards', () => {
      const files = new Map([['/p/.shipshape.yaml', 'rules: { port-unquoted: off }\n']]);
      const configs = new ConfigLookup(memoryHost(files));
      assert.deepEqual(configs.forFile('/p/compose.yaml')?.config.rules, { 'port-unquoted': 'off' });
      files.set('/p/.shipshape.yaml', 'rules: { port-unquoted: error }\n');
      assert.deepEqual(configs.forFile('/p/compose.yaml')?.config.rules, { 'port-unquoted': 'off' });
      configs.clear();
      assert.deepEqual(configs.forFile('/p/compose.yaml')?.config.rules, { 'port-unquoted': 'error' });
    });

    it('loads a named file (--config) or says why not', () => {
      const configs = lookup({ '/p/ci.yml': 'exclude: [legacy]\n', '/p/package.json': '{}' });
      assert.deepEqual((configs.load('/p/ci.yml') as ConfigFile).config.exclude, ['legacy']);
      assert.deepEqual(configs.load('/p/none.yml'), { problem: 'no such file' });
      assert.deepEqual(configs.load('/p/package.json'), { problem: "this package.json has no 'shipshape' key" });
    });
  });

  describe('keys', () => {
    it('gives rules, stack patterns, excludes and projects (paths resolved against its folder)', () => {
      const file = config('rules:\n  port-unquoted: off\n  port-conflict: warning\nstackFilePatterns: ["deploy/*.yml"]\nexclude: [legacy, "tmp/**"]\nprojects:\n  - files: [compose.yaml, ../shared/compose.override.yaml]\n    envFiles: [env/dev.env]\n  - files: [other/compose.yaml]\n');
      assert.deepEqual(file.findings, []);
      assert.deepEqual(file.config, {
        rules: { 'port-unquoted': 'off', 'port-conflict': 'warning' },
        stackFilePatterns: ['deploy/*.yml'],
        exclude: ['legacy', 'tmp/**'],
        projects: [
          { files: ['/repo/compose.yaml', '/shared/compose.override.yaml'], envFiles: ['/repo/env/dev.env'] },
          { files: ['/repo/other/compose.yaml'], envFiles: [] },
        ],
      });
    });

    it('an empty file is an empty configuration', () => {
      assert.deepEqual(config('').config, { rules: {}, stackFilePatterns: undefined, exclude: [], projects: [] });
    });

    it("applies stack patterns relative to its folder; patterns from above win; the rest is the core's to decide", () => {
      const file = config('stackFilePatterns: ["deploy/*.yml"]\n');
      assert.deepEqual(stackModeFor('/repo/deploy/prod.yml', file), { path: '/repo/deploy/prod.yml', stackBySetting: true });
      // Not matched by a setting: the name, the modeline or the content decide (test/service/mode.test.ts).
      assert.deepEqual(stackModeFor('/repo/docker-stack.yml', file), { path: '/repo/docker-stack.yml', stackBySetting: false });
      assert.deepEqual(stackModeFor('/repo/docker-stack.yml', config('rules: {}\n')), { path: '/repo/docker-stack.yml', stackBySetting: false });
      assert.deepEqual(stackModeFor('/repo/deploy/prod.yml', file, ['**/*stack*.yml']), { path: '/repo/deploy/prod.yml', stackBySetting: false });
    });

    it('excludes files and whole folders below its folder', () => {
      const file = config('exclude: [legacy, "tmp/*.yaml"]\n');
      assert.ok(isExcluded(file, '/repo/legacy/compose.yaml'));
      assert.ok(isExcluded(file, '/repo/a/legacy/compose.yaml'));
      assert.ok(isExcluded(file, '/repo/tmp/compose.yaml'));
      assert.ok(!isExcluded(file, '/repo/tmp/x/compose.yaml'));
      assert.ok(!isExcluded(file, '/repo/compose.yaml'));
      assert.ok(!isExcluded(file, '/elsewhere/legacy/compose.yaml'));
    });

    it('rule settings from above override the file', () => {
      const file = config('rules: { port-unquoted: off, port-conflict: warning }\n');
      assert.deepEqual(rulesWith(file, { 'port-conflict': 'error' }), { 'port-unquoted': 'off', 'port-conflict': 'error' });
      assert.deepEqual(rulesWith(undefined, { 'port-conflict': 'hint' }), { 'port-conflict': 'hint' });
    });
  });

  describe('problems, at the key', () => {
    const cases: { name: string; text: string; path?: string; code: string; message: string; keeps?: object }[] = [
      { name: 'a severity that does not exist', text: 'rules:\n  port-unquoted: ⟦of⟧\n  port-conflict: warning\n', code: 'config-invalid', message: "rules.port-unquoted must be error, warning, information, hint or off, not 'of'.", keeps: { rules: { 'port-conflict': 'warning' } } },
      { name: 'rules that are not a mapping', text: 'rules: ⟦off⟧\nexclude: [x]\n', code: 'config-invalid', message: "rules must be a mapping, not 'off'.", keeps: { rules: {}, exclude: ['x'] } },
      { name: 'an unknown key', text: '⟦rule⟧:\n  port-unquoted: off\n', code: 'config-invalid', message: "unknown key 'rule'. Did you mean 'rules'? Keys: rules, stackFilePatterns, exclude, projects." },
      { name: 'a glob that is not a string', text: 'stackFilePatterns: [⟦42⟧]\n', code: 'config-invalid', message: 'stackFilePatterns[0] must be a string, not 42.', keeps: { stackFilePatterns: undefined } },
      { name: 'a glob with unbalanced braces', text: 'exclude: [ok, ⟦"{a,b"⟧]\n', code: 'config-invalid', message: "exclude[1] has a '{' without its '}'.", keeps: { exclude: [] } },
      { name: 'a project without files', text: 'projects:\n  - ⟦envFiles: [a.env]\n⟧', code: 'config-invalid', message: "projects[0] needs 'files'.", keeps: { projects: [] } },
      { name: 'a rule code that does not exist', text: 'rules:\n  ⟦port-unqoted⟧: off\n', code: 'config-unknown-rule', message: "rules: unknown rule 'port-unqoted'. Did you mean 'port-unquoted'?" },
      { name: 'a file that is not a mapping', text: '⟦- rules\n⟧', code: 'config-invalid', message: 'the configuration must be a mapping, not a list.' },
      { name: 'a bad value in package.json', path: '/repo/package.json', text: '{\n  "name": "x",\n  "shipshape": { "rules": ⟦[]⟧ }\n}\n', code: 'config-invalid', message: 'rules must be a mapping, not a list.' },
    ];
    for (const item of cases) {
      it(item.name, () => {
        const { text, spans } = parseMarkers(item.text);
        const file = config(text, item.path);
        assert.deepEqual(file.findings.map((finding) => ({ code: finding.code, message: finding.message, span: finding.span })), [{ code: item.code, message: item.message, span: spans[0] }]);
        for (const [key, value] of Object.entries(item.keeps ?? {})) assert.deepEqual(file.config[key as keyof ConfigFile['config']], value, key);
      });
    }

    it('reports a YAML error as the Compose reader does, and applies nothing of that file', () => {
      const file = config('rules: { port-unquoted: off }\nexclude: [\n');
      assert.deepEqual(file.findings.map((finding) => finding.code), ['yaml-syntax']);
      assert.deepEqual(file.config.rules, {});
    });
  });
});
