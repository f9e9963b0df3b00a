/** Quick fixes for stack-mode findings: remove what stacks refuse or ignore, quote cpus, move `restart`. */
import type { ComposeDocument } from '../parse/model';
import { entry, get, text, type Entry, type MapNode } from '../parse/tree';
import type { CodeAction, TextEdit } from '../types';
import type { FixProvider } from './analysis';
import { entryAtKey, entryLinesSpan, indentOf, insertAt, removeKeyFix } from './edits';

const removeKey = removeKeyFix;

const quoteCpus: FixProvider = (doc, finding) => {
  const raw = doc.text.slice(finding.span.start, finding.span.end);
  return [{ title: `Quote it: '${raw}'`, kind: 'quickfix', edits: [{ span: finding.span, newText: `'${raw}'` }], isPreferred: true }];
};

/**
 * `restart: always` -> `deploy.restart_policy.condition: any`, the conversion docker/cli applies itself
 * (convert/service.go convertRestartPolicy). Offered for block-style files only.
 */
const moveRestart: FixProvider = (doc, finding) => {
  const located = entryAtKey(doc, finding.span);
  if (located?.entry.key !== 'restart' || get(get(located.parent, 'deploy'), 'restart_policy')) return [];
  const policy = restartPolicy(text(located.entry.value));
  const removal = entryLinesSpan(doc, located.entry);
  if (!policy || !removal) return [];
  const indent = indentOf(doc, located.entry.keySpan.start);
  const step = indentStep(doc, located.parent, indent);
  const lines = (base: string): string =>
    [`${base}restart_policy:`, `${base}${step}condition: ${policy.condition}`, ...(policy.maxAttempts ? [`${base}${step}max_attempts: ${policy.maxAttempts}`] : [])].join('\n') + '\n';
  const deploy = entry(located.parent, 'deploy');
  let edits: TextEdit[];
  if (!deploy) {
    edits = [{ span: removal, newText: `${indent}deploy:\n${lines(indent + step)}` }];
  } else {
    const first = deploy.value.kind === 'map' ? deploy.value.entries[0] : undefined;
    const at = first && entryLinesSpan(doc, first);
    if (!first || !at || first.via) return [];
    edits = [
      { span: removal, newText: '' },
      insertAt(at.start, lines(indentOf(doc, first.keySpan.start))),
    ];
  }
  return [{ title: `Move to deploy.restart_policy (condition: ${policy.condition})`, kind: 'quickfix', edits, isPreferred: true } satisfies CodeAction];
};

/** How docker/cli converts a service `restart` value to a Swarm restart policy. */
function restartPolicy(value: string | undefined): { condition: string; maxAttempts?: string } | undefined {
  if (value === 'always' || value === 'unless-stopped') return { condition: 'any' };
  if (value === 'no') return { condition: 'none' };
  const onFailure = /^on-failure(?::(\d+))?$/.exec(value ?? '');
  if (!onFailure) return undefined;
  return onFailure[1] && Number(onFailure[1]) > 0 ? { condition: 'on-failure', maxAttempts: onFailure[1] } : { condition: 'on-failure' };
}

/** The document's indentation step, read from a nested block map under the service (2 spaces otherwise). */
function indentStep(doc: ComposeDocument, service: MapNode, indent: string): string {
  for (const child of service.entries) {
    const nested: Entry | undefined = child.value.kind === 'map' ? child.value.entries[0] : undefined;
    if (!nested || child.via || nested.via) continue;
    const width = indentOf(doc, nested.keySpan.start).length - indent.length;
    if (width > 0 && doc.lineIndex.positionAt(nested.keySpan.start).line > doc.lineIndex.positionAt(child.keySpan.start).line) return ' '.repeat(width);
  }
  return '  ';
}

/** Long-form depends_on -> list of names (stacks ignore the conditions anyway). */
const listDependsOn: FixProvider = (doc, finding) => {
  const located = entryAtKey(doc, finding.span);
  const removal = located && entryLinesSpan(doc, located.entry);
  if (!located || !removal || located.entry.value.kind !== 'map') return [];
  const names = located.entry.value.entries.map((item) => item.key);
  return [{ title: `Use the list form: [${names.join(', ')}]`, kind: 'quickfix', edits: [{ span: removal, newText: `${indentOf(doc, located.entry.keySpan.start)}depends_on: [${names.join(', ')}]\n` }], isPreferred: true }];
};

export const stackFixes: Readonly<Record<string, FixProvider>> = {
  'stack-forbidden-key': removeKey,
  'stack-unsupported-key': removeKey,
  // `restart: no` is reported as ignored: moving it gives the `none` condition it was meant to have.
  'stack-ignored-key': (doc, finding) => [...moveRestart(doc, finding), ...removeKey(doc, finding)],
  'stack-deprecated-key': removeKey,
  'stack-depends-on-ignored': removeKey,
  'stack-depends-on-long-form': listDependsOn,
  'stack-cpus-not-string': quoteCpus,
  'stack-restart-fallback': moveRestart,
  'stack-restart-no-ignored': moveRestart,
};
