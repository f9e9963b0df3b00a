/** Which other Compose extensions are active, what they cover, and the settings that turn them off (client/src/peers.ts). */
import * as assert from 'node:assert/strict';
import { activePeers, combinedCoverage, DOCKER_DX_IMAGE_REGISTRIES, peerSignature, RED_HAT_DISABLE_PATTERNS, type EditorView } from '../../client/src/peers';

function view(extensions: Record<string, string>, settings: Record<string, unknown> = {}): EditorView {
  return { extensionVersion: (id) => extensions[id], setting: (key) => settings[key] };
}

describe('peer extensions', () => {
  it('sees nothing without peers', () => {
    assert.deepEqual(activePeers(view({})), []);
    assert.deepEqual(combinedCoverage([]), { syntaxDiagnostics: false, duplicateKeys: false, schemaDiagnostics: false, keyCompletion: false, keyHovers: false, imageLinks: [] });
  });

  it('Red Hat YAML alone validates Compose files with the schema; turning that off appends our patterns', () => {
    const [redHat, ...rest] = activePeers(view({ 'redhat.vscode-yaml': '1.25.0' }, { 'yaml.disableSchemaDetection': '**/dbt_project.yml' }));
    assert.equal(rest.length, 0);
    assert.deepEqual(redHat!.covers, { syntaxDiagnostics: true, duplicateKeys: true, schemaDiagnostics: true, keyCompletion: true, keyHovers: true });
    assert.deepEqual(redHat!.turnOff, { key: 'yaml.disableSchemaDetection', value: ['**/dbt_project.yml', ...RED_HAT_DISABLE_PATTERNS], needsReload: false, userOnly: false });
  });

  it('Red Hat with Compose patterns disabled still reports syntax errors, and there is nothing left to turn off', () => {
    const [redHat] = activePeers(view({ 'redhat.vscode-yaml': '1.25.0' }, { 'yaml.disableSchemaDetection': [...RED_HAT_DISABLE_PATTERNS] }));
    assert.deepEqual(redHat!.covers, { syntaxDiagnostics: true, duplicateKeys: true, schemaDiagnostics: false, keyCompletion: false, keyHovers: false });
    assert.equal(redHat!.turnOff, undefined);
    // Red Hat's own pattern for Docker DX counts too.
    assert.equal(activePeers(view({ 'redhat.vscode-yaml': '1' }, { 'yaml.disableSchemaDetection': ['**/compose.yaml'] }))[0]!.covers.schemaDiagnostics, false);
    assert.deepEqual(activePeers(view({ 'redhat.vscode-yaml': '1' }, { 'yaml.validate': false })), []);
  });

  it('Docker DX turns Red Hat schema detection off, and its own switch is an application setting read at start-up', () => {
    const peers = activePeers(view({ 'redhat.vscode-yaml': '1.25.0', 'docker.docker': '0.18.0' }));
    assert.deepEqual(peers.map((peer) => peer.id), ['redhat.vscode-yaml', 'docker.docker']);
    assert.equal(peers[0]!.covers.schemaDiagnostics, false);
    assert.deepEqual(peers[1]!.turnOff, { key: 'docker.extension.enableComposeLanguageServer', value: false, needsReload: true, userOnly: true });
    assert.deepEqual(combinedCoverage(peers), { syntaxDiagnostics: true, duplicateKeys: true, schemaDiagnostics: false, keyCompletion: true, keyHovers: true, imageLinks: DOCKER_DX_IMAGE_REGISTRIES });
    assert.deepEqual(activePeers(view({ 'docker.docker': '0.18.0' }, { 'docker.extension.enableComposeLanguageServer': false })), []);
  });

  it('Red Hat shows key descriptions in hovers only with the Compose schema and yaml.hover on', () => {
    const covers = (settings: Record<string, unknown>) => activePeers(view({ 'redhat.vscode-yaml': '1.25.0' }, settings))[0]!.covers;
    assert.equal(covers({}).keyHovers, true);
    assert.equal(covers({ 'yaml.hover': false }).keyHovers, false);
    assert.equal(covers({ 'yaml.hover': false }).schemaDiagnostics, true, 'yaml.hover turns off hovers only');
    assert.equal(covers({ 'yaml.schemaStore.enable': false }).keyHovers, false);
    assert.equal(covers({ 'yaml.disableSchemaDetection': ['**/compose.yaml'] }).keyHovers, false);
    // Red Hat links no images: Shipshape keeps every image link beside it.
    assert.equal(covers({}).imageLinks, undefined);
  });

  it('Docker DX shows key descriptions and links images of the registries it knows, while its Compose server is on', () => {
    const [dockerDx] = activePeers(view({ 'docker.docker': '0.18.0' }));
    assert.equal(dockerDx!.covers.keyHovers, true);
    assert.deepEqual(dockerDx!.covers.imageLinks, ['docker.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com']);
    // Beside Red Hat (whose Compose schema then steps back), the hover still comes from Docker DX.
    assert.equal(combinedCoverage(activePeers(view({ 'docker.docker': '0.18.0', 'redhat.vscode-yaml': '1.25.0' }))).keyHovers, true);
    assert.deepEqual(combinedCoverage(activePeers(view({ 'docker.docker': '0.18.0' }, { 'docker.extension.enableComposeLanguageServer': false }))), combinedCoverage([]));
  });

  it("Microsoft's server covers syntax and keys only when it is alone", () => {
    const alone = activePeers(view({ 'ms-azuretools.vscode-containers': '2.1.0' }));
    assert.deepEqual(alone[0]!.covers, { syntaxDiagnostics: true, duplicateKeys: true, keyCompletion: true });
    assert.equal(alone[0]!.turnOff!.key, 'containers.enableComposeLanguageService');
    const withRedHat = activePeers(view({ 'ms-azuretools.vscode-containers': '2.1.0', 'redhat.vscode-yaml': '1.25.0' }));
    assert.deepEqual(withRedHat.find((peer) => peer.id === 'ms-azuretools.vscode-containers')!.covers, {});
    // Docker for VS Code 1.x ran the same server under its own switch; 2.x only installs Container Tools.
    assert.equal(activePeers(view({ 'ms-azuretools.vscode-docker': '1.29.4' }))[0]!.turnOff!.key, 'docker.enableDockerComposeLanguageService');
    assert.deepEqual(activePeers(view({ 'ms-azuretools.vscode-docker': '2.0.0' })), []);
  });

  it('names a set of peers independently of order', () => {
    const peers = activePeers(view({ 'docker.docker': '1', 'redhat.vscode-yaml': '1' }));
    assert.equal(peerSignature(peers), peerSignature([...peers].reverse()));
    assert.equal(peerSignature(peers), 'docker.docker,redhat.vscode-yaml');
  });
});
