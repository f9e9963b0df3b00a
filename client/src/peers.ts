/**
 * Other VS Code extensions that also serve Compose files: how to tell whether their Compose features are on,
 * what they then report, and the setting that turns those features off. Plain data and functions over a
 * view of the editor, so it is tested without VS Code. Read from each extension's own source:
 * - Red Hat YAML (redhat-developer/vscode-yaml 1.25, package.json, src/autoDisableSchemaDetection.ts):
 *   validates Compose files with the Compose schema from SchemaStore unless `yaml.disableSchemaDetection`
 *   matches them, and adds Compose patterns there by itself while Docker DX's Compose server is on. It
 *   reports YAML syntax errors (the `yaml` package's, duplicate keys included) while `yaml.validate` is on.
 *   With the schema, its hover shows a key's title, description and allowed values while `yaml.hover` is on
 *   (redhat-developer/yaml-language-server src/languageservice/services/yamlHover.ts).
 * - Docker DX (docker/vscode-extension 0.18, package.json; docker/docker-language-server
 *   internal/compose/diagnosticsCollector.go, completion.go): `docker.extension.enableComposeLanguageServer`,
 *   read at start-up; reports syntax errors only (go-yaml's), completes keys, shows a key's schema
 *   description and allowed values in hovers (internal/compose/hover.go) and links `image:` to Docker Hub,
 *   GHCR, Quay.io and MAR pages (internal/compose/documentLink.go, extractImageLink).
 * - Container Tools (microsoft/vscode-containers extensions/vscode-containers/src/extension.ts):
 *   `containers.enableComposeLanguageService`, read at start-up. Its compose-language-service reports
 *   syntax errors and completes keys, but leaves both to Red Hat or Docker DX when either is installed
 *   (packages/compose-language-service/src/vscode/AlternateYamlLanguageServiceClientFeature.ts).
 *   Its key hovers are its own one-liners for a dozen keys (src/service/providers/KeyHoverProvider.ts), not
 *   the schema's, and its Docker Hub image links (ImageLinkProvider.ts) cover the same range with the same
 *   page as Shipshape's, and VS Code keeps one of two overlapping links (LinksList._union in
 *   vscode src/vs/editor/contrib/links/browser/getLinks.ts); so neither counts here.
 * - Docker for VS Code before 2.0 (ms-azuretools.vscode-docker): `docker.enableDockerComposeLanguageService`
 *   with the same server; from 2.0 it only installs Container Tools.
 */
import type { PeerCoverage } from '../../server/src/service/types';

/** What the client can see of the editor: installed extensions (with version) and settings by full key. */
export interface EditorView {
  extensionVersion(id: string): string | undefined;
  setting(key: string): unknown;
}

/** A setting to write so that a peer stops serving Compose files. */
export interface SettingChange {
  readonly key: string;
  /** The value to write, computed from the current one (an array gets patterns appended). */
  readonly value: unknown;
  /** The peer reads the setting only when it starts: the window must be reloaded. */
  readonly needsReload: boolean;
  /** The peer declares the setting for the whole application (user settings), not per workspace. */
  readonly userOnly: boolean;
}

export interface ActivePeer {
  readonly id: string;
  readonly name: string;
  readonly covers: PeerCoverage;
  /** Undefined when nothing can be turned off (Red Hat's syntax errors cannot be scoped to Compose files). */
  readonly turnOff: SettingChange | undefined;
}

/**
 * The patterns Shipshape adds to `yaml.disableSchemaDetection`. They differ in spelling from the ones Red Hat
 * manages for Docker DX on purpose: Red Hat removes its managed strings again when Docker DX is absent.
 */
export const RED_HAT_DISABLE_PATTERNS: readonly string[] = ['**/{compose,docker-compose}.{yml,yaml}', '**/{compose,docker-compose}.*.{yml,yaml}'];

/** Red Hat's own patterns for Compose files (src/autoDisableSchemaDetection.ts), any of which stops its Compose schema. */
const RED_HAT_COMPOSE_PATTERNS: readonly string[] = [
  '**/docker-compose.yml',
  '**/docker-compose.yaml',
  '**/compose.yml',
  '**/compose.yaml',
  ...RED_HAT_DISABLE_PATTERNS,
];

/**
 * The registries whose pages Docker DX links from `image:` with the page Shipshape would give
 * (docker-language-server internal/compose/documentLink.go, extractImageLink); `docker.io` means
 * Docker Hub names written without a registry host.
 */
export const DOCKER_DX_IMAGE_REGISTRIES: readonly string[] = ['docker.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com'];

const isOn = (value: unknown) => value !== false;

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function majorVersion(version: string): number {
  return Number.parseInt(version, 10) || 0;
}

/** The peers whose Compose features are on, each with what it covers and how to turn it off. */
export function activePeers(view: EditorView): ActivePeer[] {
  const has = (id: string) => view.extensionVersion(id) !== undefined;
  const redHat = has('redhat.vscode-yaml');
  const dockerDxOn = has('docker.docker') && isOn(view.setting('docker.extension.enableComposeLanguageServer'));
  const peers: ActivePeer[] = [];
  if (redHat && isOn(view.setting('yaml.validate'))) {
    const disabled = stringList(view.setting('yaml.disableSchemaDetection'));
    // With Docker DX's Compose server on, Red Hat switches its Compose schema off by itself.
    const schema = !dockerDxOn && isOn(view.setting('yaml.schemaStore.enable')) && !disabled.some((pattern) => RED_HAT_COMPOSE_PATTERNS.includes(pattern));
    peers.push({
      id: 'redhat.vscode-yaml',
      name: 'Red Hat YAML',
      covers: {
        syntaxDiagnostics: true,
        duplicateKeys: true,
        schemaDiagnostics: schema,
        keyCompletion: schema && isOn(view.setting('yaml.completion')),
        keyHovers: schema && isOn(view.setting('yaml.hover')),
      },
      turnOff: schema ? { key: 'yaml.disableSchemaDetection', value: [...disabled, ...RED_HAT_DISABLE_PATTERNS.filter((p) => !disabled.includes(p))], needsReload: false, userOnly: false } : undefined,
    });
  }
  if (dockerDxOn) {
    peers.push({
      id: 'docker.docker',
      name: 'Docker DX',
      covers: { syntaxDiagnostics: true, keyCompletion: true, keyHovers: true, imageLinks: DOCKER_DX_IMAGE_REGISTRIES },
      // Declared with "scope": "application" in Docker DX's package.json.
      turnOff: { key: 'docker.extension.enableComposeLanguageServer', value: false, needsReload: true, userOnly: true },
    });
  }
  // Microsoft's server steps back for Red Hat and Docker DX by itself; alone it reports syntax and keys.
  const microsoftAlone = !redHat && !has('docker.docker');
  const microsoft = (id: string, name: string, key: string) => {
    if (!isOn(view.setting(key))) return;
    peers.push({
      id,
      name,
      covers: microsoftAlone ? { syntaxDiagnostics: true, duplicateKeys: true, keyCompletion: true } : {},
      turnOff: { key, value: false, needsReload: true, userOnly: false },
    });
  };
  if (has('ms-azuretools.vscode-containers')) microsoft('ms-azuretools.vscode-containers', 'Container Tools', 'containers.enableComposeLanguageService');
  const docker = view.extensionVersion('ms-azuretools.vscode-docker');
  if (docker !== undefined && majorVersion(docker) < 2) microsoft('ms-azuretools.vscode-docker', 'Docker', 'docker.enableDockerComposeLanguageService');
  return peers;
}

/** Everything the active peers report together: what Shipshape leaves out. */
export function combinedCoverage(peers: readonly ActivePeer[]): PeerCoverage {
  const any = (flag: Exclude<keyof PeerCoverage, 'imageLinks'>) => peers.some((peer) => peer.covers[flag] === true);
  return {
    syntaxDiagnostics: any('syntaxDiagnostics'),
    duplicateKeys: any('duplicateKeys'),
    schemaDiagnostics: any('schemaDiagnostics'),
    keyCompletion: any('keyCompletion'),
    keyHovers: any('keyHovers'),
    imageLinks: [...new Set(peers.flatMap((peer) => peer.covers.imageLinks ?? []))],
  };
}

/** A key for "this set of peers": a choice remembered for one set is asked again when another peer appears. */
export function peerSignature(peers: readonly ActivePeer[]): string {
  return peers
    .map((peer) => peer.id)
    .sort()
    .join(',');
}
