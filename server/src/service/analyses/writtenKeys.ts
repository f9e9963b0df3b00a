/**
 * Mapping keys as they are written, which the loaders judge before any schema.
 *
 * Keys that YAML reads as something other than a string: `1:`, `80:`, `true:`, `null:`,
 * `2024-01-01:`. Both loaders refuse them: compose-go converts every key to a string and stops at the
 * first that is not one (loader/loader.go convertToStringKeysRecursive, "non-string key in
 * services.web.environment: 1", loader_test.go TestNonStringKeys); docker/cli's stack loader fails to
 * validate the file ("json: unsupported type: map[interface {}]interface {}"). The parser keeps every
 * key as text, so the key is judged as written, by the YAML 1.2 core schema that go-yaml v3 resolves
 * plain scalars with (`yes` and `on` stay strings there).
 *
 * Implicit keys (without `?`) whose `:` comes more than 1,024 characters after their start: YAML 1.2
 * allows no more, and go-yaml v3 refuses them (scannerc.go yaml_simple_key_is_valid, "could not find
 * expected ':'"), which docker stack deploy (docker/cli, go.yaml.in/yaml/v3) and Docker Compose before
 * 5.1 use. Compose 5.1 reads YAML with go.yaml.in/yaml/v4 v4.0.0-rc.4, whose scanner dropped the
 * limit ("Simplify simple key tracking"), so in a Compose file it is a warning.
 */
import type { ComposeDocument } from '../parse/model';
import type { Entry, Node } from '../parse/tree';
import type { Finding, Span } from '../types';
import type { Analysis } from './analysis';
import { perEntry } from './perEntry';

const KEY_DOCS = 'https://docs.docker.com/reference/compose-file/';
const IMPLICIT_KEY_DOCS = 'https://yaml.org/spec/1.2.2/#rule-ns-s-block-map-implicit-key';
/** Characters from an implicit key's start to its `:` that YAML allows. */
const MAX_IMPLICIT_KEY = 1024;

/** go-yaml v3's resolve.go: plain scalars that are not strings, by what they are. */
const NON_STRING: readonly [kind: string, pattern: RegExp][] = [
  ['a number', /^[-+]?(?:0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$/],
  ['a number', /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/],
  ['a number', /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  ['a boolean', /^(?:true|True|TRUE|false|False|FALSE)$/],
  ['null', /^(?:~|null|Null|NULL)$/],
  ['a date', /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/],
];

export const writtenKeysAnalysis: Analysis = {
  name: 'writtenKeys',
  run: perEntry((doc, { entry, node, path }) => {
    const findings: Finding[] = [];
    const keys = [...path];
    if (entry) {
      if (entry.via !== undefined) return findings;
      checkKey(doc, entry, keys, findings);
      keys.push(entry.key);
    }
    visit(doc, node, keys, findings);
    return findings;
  }),
  fixes: {
    'key-not-string': (doc, finding) => {
      const written = doc.text.slice(finding.span.start, finding.span.end);
      return [{ title: `Quote it: '${written}'`, kind: 'quickfix', edits: [{ span: finding.span, newText: `'${written}'` }], isPreferred: true }];
    },
  },
};

/** Written nodes only (what aliases and merge keys bring in is checked where it is written). */
function visit(doc: ComposeDocument, node: Node, path: (string | number)[], findings: Finding[]): void {
  if (node.via !== undefined) return;
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      path.push(i);
      visit(doc, item, path, findings);
      path.pop();
    });
  }
  if (node.kind !== 'map') return;
  for (const entry of node.entries) {
    if (entry.via !== undefined) continue;
    checkKey(doc, entry, path, findings);
    path.push(entry.key);
    visit(doc, entry.value, path, findings);
    path.pop();
  }
}

function checkKey(doc: ComposeDocument, entry: Entry, path: readonly (string | number)[], findings: Finding[]): void {
  const tooLong = implicitKeyTooLong(doc, entry.keySpan);
  if (tooLong) findings.push(tooLong);
  const kind = mayBeNonString(doc.text.charCodeAt(entry.keySpan.start)) ? nonStringKind(doc.text.slice(entry.keySpan.start, entry.keySpan.end)) : undefined;
  if (!kind) return;
  const written = doc.text.slice(entry.keySpan.start, entry.keySpan.end);
  findings.push({
    code: 'key-not-string',
    severity: 'error',
    message: `YAML reads the key ${written} as ${kind}, and Compose and docker stack deploy accept only string keys ("non-string key ${location(path)}: ${written}"): quote it, '${written}'.`,
    span: entry.keySpan,
    docUrl: KEY_DOCS,
  });
}

/**
 * Whether a key starting with this character could be read as anything but a string: every pattern in
 * NON_STRING starts with a sign, a digit, `.`, `~` or the first letter of true/false/null. Most keys start
 * otherwise, so the patterns run on few of them (the check runs on every key of the file).
 */
function mayBeNonString(first: number): boolean {
  return (first >= 48 && first <= 57) || FIRST_CHARACTERS.has(first);
}

const FIRST_CHARACTERS = new Set([...'+-.~tTfFnN'].map((ch) => ch.charCodeAt(0)));

function nonStringKind(written: string): string | undefined {
  return NON_STRING.find(([, pattern]) => pattern.test(written))?.[0];
}

/**
 * The finding for an implicit key whose `:` (after the key and any blanks on its line) lies more than
 * 1,024 characters (code points, as go-yaml counts) after its start; an explicit or multi-line key has
 * no such colon. The count starts at the key itself: an anchor or tag before it would add to go-yaml's.
 */
function implicitKeyTooLong(doc: ComposeDocument, key: Span): Finding | undefined {
  const text = doc.text;
  let colon = key.end;
  while (text[colon] === ' ' || text[colon] === '\t') colon++;
  // Cheap first: UTF-16 units are never fewer than code points.
  if (text[colon] !== ':' || colon - key.start <= MAX_IMPLICIT_KEY) return undefined;
  const written = text.slice(key.start, colon);
  const length = [...written].length;
  if (length <= MAX_IMPLICIT_KEY || /[\r\n]/.test(written)) return undefined;
  const stack = doc.mode === 'stack';
  const who = stack ? 'docker stack deploy refuses' : 'Docker Compose before 5.1 and docker stack deploy refuse';
  return {
    code: 'yaml-key-too-long',
    severity: stack ? 'error' : 'warning',
    message: `This key runs ${length.toLocaleString('en')} characters to its ':'; ${who} an implicit key over ${MAX_IMPLICIT_KEY.toLocaleString('en')} ("could not find expected ':'"). Shorten it.`,
    span: key,
    docUrl: IMPLICIT_KEY_DOCS,
  };
}

/** Where compose-go says the key is: `at top level`, `in services.web.environment`, `in networks.n.ipam.config[0]`. */
function location(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'at top level';
  return `in ${path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')}`;
}
