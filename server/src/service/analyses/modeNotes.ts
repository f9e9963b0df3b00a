/**
 * Notes on how a file's mode was decided (mode/decide.ts): once, at the top, when the content
 * contradicts the mode its name gave (a `docker-compose.yml` of Swarm scheduling keys, a
 * `docker-stack.yml` of keys `docker stack deploy` refuses), with a quick fix that writes the modeline;
 * and a modeline that names no mode. The evidence counts only keys one tool alone reads
 * (mode/evidence.ts), so a file that mixes both gets no note.
 */
import { modeEvidence, type Evidence } from '../mode/evidence';
import { findModeline, modelineText } from '../mode/modeline';
import type { ComposeDocument } from '../parse/model';
import type { CodeAction, ComposeMode, Finding } from '../types';
import type { Analysis } from './analysis';
import { insertAt } from './edits';

/** Docker's page on deploying stacks, which says what only Swarm reads. */
const MODE_DOCS = 'https://docs.docker.com/engine/swarm/stack-deploy/';
/** How many pieces of evidence a message names before "and N more". */
const NAMED = 3;

export const modeNotesAnalysis: Analysis = {
  name: 'modeNotes',
  run(doc: ComposeDocument): Finding[] {
    return [...contradiction(doc), ...unknownModeline(doc)];
  },
  fixes: {
    // The note always proposes the other mode.
    'mode-contradicted': (doc) => insertModeline(doc, doc.mode === 'compose' ? 'stack' : 'compose'),
    'modeline-unknown': (doc) => (['stack', 'compose'] as const).map((mode) => replaceModeline(doc, mode)).filter((action) => action !== undefined),
  },
};

function contradiction(doc: ComposeDocument): Finding[] {
  // A modeline, a setting or the caller chose the mode on purpose; the content decided it itself.
  if (doc.modeSource !== 'name') return [];
  const top = doc.model.topLevel[0];
  if (!top) return [];
  const evidence = modeEvidence(doc.model);
  if (doc.mode === 'compose' && evidence.stack.length > 0 && evidence.compose.length === 0 && !evidence.builds) {
    return [
      {
        code: 'mode-contradicted',
        severity: 'information',
        message: `Checked as a Compose file because of its name, yet it uses keys only docker stack deploy reads (${list(evidence.stack)}); docker compose ignores them. If this file is deployed with docker stack deploy, add '${modelineText('stack')}' as its first line.`,
        span: top.keySpan,
        docUrl: MODE_DOCS,
      },
    ];
  }
  if (doc.mode === 'stack' && evidence.compose.length > 0 && evidence.stack.length === 0) {
    return [
      {
        code: 'mode-contradicted',
        severity: 'information',
        message: `Checked as a stack file because of its name, yet docker stack deploy refuses its Compose-only keys (${list(evidence.compose)}). If this file is run with docker compose, add '${modelineText('compose')}' as its first line.`,
        span: top.keySpan,
        docUrl: MODE_DOCS,
      },
    ];
  }
  return [];
}

function unknownModeline(doc: ComposeDocument): Finding[] {
  const modeline = findModeline(doc.text);
  if (!modeline || modeline.mode) return [];
  const value = modeline.value === '' ? 'An empty modeline' : `'${modeline.value}'`;
  return [
    {
      code: 'modeline-unknown',
      severity: 'warning',
      message: `${value} names no mode, so Shipshape ignores the modeline: write '${modelineText('stack')}' or '${modelineText('compose')}'.`,
      span: modeline.valueSpan.end > modeline.valueSpan.start ? modeline.valueSpan : modeline.span,
      docUrl: MODE_DOCS,
    },
  ];
}

function list(evidence: readonly Evidence[]): string {
  const named = evidence.slice(0, NAMED).map((item) => item.what).join(', ');
  return evidence.length > NAMED ? `${named} and ${evidence.length - NAMED} more` : named;
}

/** Inserts the modeline as the first line (after a byte order mark). */
const insertModeline = (doc: ComposeDocument, mode: ComposeMode): CodeAction[] => {
  const start = doc.text.startsWith('\uFEFF') ? 1 : 0;
  return [{ title: `Check as a ${mode === 'stack' ? 'stack' : 'Compose'} file (insert '${modelineText(mode)}')`, kind: 'quickfix', edits: [insertAt(start, `${modelineText(mode)}\n`)] }];
};

const replaceModeline = (doc: ComposeDocument, mode: ComposeMode): CodeAction | undefined => {
  const modeline = findModeline(doc.text);
  if (!modeline) return undefined;
  return { title: `Write '${modelineText(mode)}'`, kind: 'quickfix', edits: [{ span: modeline.span, newText: modelineText(mode) }] };
};
