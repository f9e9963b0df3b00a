/**
 * Key documentation as Markdown, shared by hover and completion: curated facts where we have them
 * (deploy keys, networking keys), the schema's description otherwise; type, allowed values, default, a docs link, and for deploy keys a badge
 * saying what the current file's tool (`docker compose up` or `docker stack deploy`) does with the key.
 */
import { COMPOSE_FILE_DOCS, composeFileDoc } from '../facts/composeFileDocs';
import { DEPLOY_KEYS, type DeployKeyFact } from '../facts/deployKeys';
import { KEY_DOCS } from '../facts/keyDocs';
import { DEPRECATED_SERVICE_KEYS, FORBIDDEN_SERVICE_KEYS, IGNORED_SERVICE_KEYS } from '../facts/stackKeys';
import type { KeyInfo, SchemaKeys } from '../facts/schemaKeys';
import type { YamlPath } from '../parse/path';
import { patternKey, valueDocs } from '../facts/values';
import { isSection } from '../parse/sections';
import type { ComposeMode } from '../types';
import { markdown } from './markdown';

const SECTION_PAGES = new Set(['services', 'networks', 'volumes', 'secrets', 'configs', 'include', 'models']);

export interface KeyDocumentationOptions {
  /**
   * Another extension's hover already shows what the schema says of the key: Red Hat YAML its title,
   * description and allowed values (yaml-language-server src/languageservice/services/yamlHover.ts),
   * Docker DX its description, allowed values and reference page (docker-language-server
   * internal/compose/hover.go). Then only Shipshape's own notes are given (deploy and stack badges, curated
   * summaries, defaults and values), and nothing for a key that has none; the schema's type, default
   * and deprecation go too, being the peer's to validate.
   */
  readonly schemaShown?: boolean;
}

/** Past this many entries the memo starts afresh: paths below names the user chose (a service's networks) have no end. */
const MEMO_LIMIT = 10_000;
const memo = new Map<string, string | undefined>();

/**
 * Markdown for the key at `path`; undefined when neither the schema nor our facts know it. `typeKeys`
 * is the schema whose types the file's loader applies (the stack schema in stack files, where e.g.
 * `cpus` must be a string); descriptions always come from `schemaKeys`.
 *
 * Remembered by what the text is made from: completion documents every key of a service on each
 * request, the same text for every service (issue 18). The name of a section's element (`services.<name>.…`)
 * shows nowhere in the text of a key below it, and reaches the schemas only through their shapes.
 */
export function keyDocumentation(path: YamlPath, mode: ComposeMode, schemaKeys: SchemaKeys, typeKeys: SchemaKeys = schemaKeys, options: KeyDocumentationOptions = {}): string | undefined {
  const anyName = path.length > 2 && isSection(String(path[0]));
  const key = JSON.stringify([mode, options.schemaShown === true, schemaKeys.shape(path), typeKeys.shape(path), anyName ? path.map((segment, i) => (i === 1 ? '*' : segment)) : path]);
  if (memo.has(key)) return memo.get(key);
  const documentation = renderKeyDocumentation(path, mode, schemaKeys, typeKeys, options);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, documentation);
  return documentation;
}

function renderKeyDocumentation(path: YamlPath, mode: ComposeMode, schemaKeys: SchemaKeys, typeKeys: SchemaKeys, options: KeyDocumentationOptions): string | undefined {
  const info = schemaKeys.info(path);
  const deploy = deployDoc(path);
  const curated = KEY_DOCS[patternKey(path)];
  if (!info && !deploy && !curated) return undefined;
  const lines: string[] = [];
  if (deploy) lines.push(badge(deploy, mode));
  const stack = mode === 'stack' ? stackNote(path) : undefined;
  if (stack) lines.push(stack);
  const own = deploy?.meaning ?? (mode === 'stack' ? curated?.stackSummary : undefined) ?? curated?.summary;
  const shown = options.schemaShown === true;
  if (shown && lines.length === 0 && own === undefined) return undefined;
  const schema = shown ? undefined : info;
  const summary = own ?? schema?.description;
  if (summary) lines.push(summary);
  const type = shown ? undefined : typeName(typeKeys.info(path) ?? info, path);
  const values = shown && info?.enum?.length ? undefined : valuesText(path, info, deploy);
  const facts = [type && `Type: ${type}`, values, defaultText(curated?.default ?? deploy?.default ?? schema?.default)].filter((s) => s !== undefined);
  if (facts.length) lines.push(facts.join(' · '));
  if (schema?.deprecated) lines.push('**Deprecated.**');
  return markdown(`**${displayPath(path)}**`, lines, docUrl(path));
}

/** The deploy fact for a path under `services.<name>.deploy`, if any. */
export function deployDoc(path: YamlPath): DeployKeyFact | undefined {
  if (path[0] !== 'services' || path[2] !== 'deploy') return undefined;
  return DEPLOY_KEYS[path.slice(3).filter((segment) => typeof segment === 'string').join('.')];
}

/** What the current file's tool does with the key, then what the other tool does. */
export function badge(fact: DeployKeyFact, mode: ComposeMode): string {
  const compose = fact.honouredByCompose ? 'uses' : 'ignores';
  const stack = fact.honouredByStack ? 'uses' : 'rejects';
  return mode === 'stack'
    ? `${fact.honouredByStack ? '✅' : '⛔'} \`docker stack deploy\` ${stack} this key${fact.honouredByStack ? '' : ' (not in the stack file format)'} (this is a stack file; \`docker compose up\` ${compose} it)`
    : `${fact.honouredByCompose ? '✅' : '⚠️'} \`docker compose up\` ${compose} this key (this is a Compose file; \`docker stack deploy\` ${stack} it)`;
}

/**
 * In a stack file, what `docker stack deploy` does with a service key it refuses or drops. `restart` is
 * left out: docker/cli still reads it when `deploy.restart_policy` is absent (facts/stackKeys.ts).
 */
function stackNote(path: YamlPath): string | undefined {
  if (path.length !== 3 || path[0] !== 'services') return undefined;
  const key = String(path[2]);
  const refused = FORBIDDEN_SERVICE_KEYS[key];
  if (refused) return `⛔ \`docker stack deploy\` refuses this key: ${refused.advice}.`;
  const dropped = key === 'restart' ? undefined : (IGNORED_SERVICE_KEYS[key] ?? DEPRECATED_SERVICE_KEYS[key]);
  return dropped ? `⚠️ \`docker stack deploy\` ignores this key: ${dropped.advice}.` : undefined;
}

/** `deploy.endpoint_mode` for a service key, `driver` for a network key, the key itself at top level. */
function displayPath(path: YamlPath): string {
  const relative = SECTION_PAGES.has(String(path[0])) && path.length > 2 ? path.slice(2) : path;
  return relative.filter((segment) => typeof segment === 'string').join('.') || String(path[path.length - 1] ?? '');
}

const TYPE_NAMES: Record<string, string> = { object: 'mapping', array: 'list', string: 'string', integer: 'integer', number: 'number', boolean: 'boolean' };

/**
 * Keys that are numbers by meaning: the schema allows a string there only for `${VAR}` interpolation.
 * Everywhere else a string next to a number is a real form (`mem_limit: 512m`, `published: "8000-8010"`,
 * environment values), so it is shown.
 */
const NUMERIC_KEYS = new Set([
  'replicas', 'retries', 'parallelism', 'priority', 'gw_priority', 'max_attempts', 'max_replicas_per_node', 'max_failure_ratio', 'scale',
  'cpu_shares', 'cpu_count', 'cpu_percent', 'cpu_quota', 'cpu_period', 'cpu_rt_runtime', 'cpu_rt_period', 'pids_limit', 'pids',
  'oom_score_adj', 'mem_swappiness', 'weight', 'uid', 'gid', 'target',
]);

/**
 * The type line. A string beside a boolean is there only for interpolation (`${DEBUG}`), and so is one
 * beside a number on the keys of `NUMERIC_KEYS`; those strings are not shown.
 */
export function typeName(info: KeyInfo | undefined, path?: YamlPath): string | undefined {
  if (!info || info.types.length === 0) return undefined;
  const types = info.types.filter((type) => type !== 'null');
  const numeric = types.some((type) => type === 'integer' || type === 'number');
  const boolean = types.includes('boolean');
  const last = path?.[path.length - 1];
  const interpolationOnly = (boolean && !numeric) || (numeric && typeof last === 'string' && NUMERIC_KEYS.has(last));
  const shown = types.filter((type) => !(type === 'string' && interpolationOnly)).map((type) => TYPE_NAMES[type] ?? type);
  return shown.length ? shown.join(' or ') : undefined;
}

function valuesText(path: YamlPath, info: KeyInfo | undefined, deploy: DeployKeyFact | undefined): string | undefined {
  const values = valueDocs(path)?.map((doc) => doc.value) ?? deploy?.values ?? info?.enum ?? [];
  return values.length ? `Values: ${values.map((value) => `\`${value}\``).join(', ')}` : undefined;
}

function defaultText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : `Default: ${value}`;
}

/** The Docker reference page (and anchor) documenting the key at `path`. */
export function docUrl(path: YamlPath): string {
  const [top, , key] = path.map(String);
  if (top === undefined) return COMPOSE_FILE_DOCS;
  if (top === 'version' || top === 'name') return composeFileDoc('version-and-name');
  if (!SECTION_PAGES.has(top)) return COMPOSE_FILE_DOCS;
  if (top === 'services' && key === 'deploy') return deployDoc(path)?.docUrl ?? composeFileDoc('deploy');
  if (top === 'services' && (key === 'build' || key === 'develop')) return composeFileDoc(key);
  return composeFileDoc(top, key === undefined || key.startsWith('x-') ? undefined : key);
}
