/**
 * Seeded fuzz of edit sequences (issue 19, "what to build" 4): random edits, YAML errors and brackets
 * never closed among them, applied one after another to a generated large file through the incremental
 * path (each version parsed with the one before, as the editor does while the user types, findings
 * computed on many versions so that per-service caches carry over). At checkpoints and at the end the
 * findings (code, severity, span, message, related spans) must equal those of a fresh parse of the same
 * text. `npm run test:stress` runs 1,000 edits on 1,000 services.
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import type { ComposeDocument, Finding } from '../../server/src/service/index';
import { below, random } from '../support/random';
import { service } from '../support/service';

const STRESS = process.env['STRESS_EDITS'] !== undefined;
const SERVICES = STRESS ? 1000 : 300;
const EDITS = STRESS ? 1000 : 120;
const CHECKPOINTS = 6;
/** Findings are computed on every few versions, as an editor asks for them between keystrokes. */
const FINDINGS_EVERY = 3;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Mostly keystrokes inside lines; sometimes lines, pasted blocks, anchors, and brackets opened or closed. */
function randomEdit(text: string, rnd: () => number): Edit {
  const at = below(rnd, text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const kind = below(rnd, 20);
  if (kind < 8) return { start: at, end: at, text: 'a1:- "#{[]}&*_'[below(rnd, 14)]! };
  if (kind < 12) return { start: at, end: Math.min(text.length, at + 1 + below(rnd, 3)), text: '' };
  if (kind < 13) return { start: at, end: at, text: `\n${' '.repeat(below(rnd, 8))}` };
  // A bracket typed at a line's end, above block content: never closed until a later edit closes it.
  if (kind < 15) return { start: lineEnd, end: lineEnd, text: [' {', ' [', ' {a: 1', ' ["x",'][below(rnd, 4)]! };
  if (kind < 16) return { start: lineStart, end: Math.min(text.length, lineEnd + 1), text: '' };
  if (kind < 17) return { start: lineStart, end: lineStart, text: text.slice(lineStart, Math.min(text.length, lineEnd + 1)) };
  if (kind < 18) return { start: lineStart, end: lineStart, text: `  pasted-${below(rnd, 1000)}:\n    image: nginx\n    ports: ["${8000 + below(rnd, 100)}:80"]\n` };
  if (kind < 19) return { start: at, end: at, text: ['&y ', '*y', '<<: *y\n', '!reset ', '"${X:-1}"'][below(rnd, 5)]! };
  return { start: at, end: Math.min(text.length, at + below(rnd, 200)), text: '' };
}

function apply(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** What a user sees of a finding; `fixes` and other internals are left out. */
function seen(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.span.start, f.span.end, f.code, f.severity, f.message, (f.related ?? []).map((r) => [r.span.start, r.span.end, r.message])]));
}

describe('fuzzing edit sequences on a large generated file', function () {
  this.timeout(STRESS ? 1_800_000 : 300_000);

  it(`finds through ${EDITS} random edits on ${SERVICES} services, incrementally, what a fresh parse of each checkpoint finds`, () => {
    const rnd = random(19_016);
    let text = generateCompose(SERVICES);
    let doc: ComposeDocument = service.parse(text, 'compose');
    service.diagnostics(doc);
    const checkpoint = Math.floor(EDITS / CHECKPOINTS);
    let version = 0;
    let broken = 0;
    /** One edit through the incremental path, with findings on some versions and a fresh parse at checkpoints. */
    const step = (edit: Edit): Edit => {
      const undo = { start: edit.start, end: edit.start + edit.text.length, text: text.slice(edit.start, edit.end) };
      text = apply(text, edit);
      doc = service.parse(text, 'compose', doc);
      version++;
      const atCheckpoint = version % checkpoint === 0 || version === EDITS;
      if (version % FINDINGS_EVERY === 0 || atCheckpoint) {
        const incremental = seen(service.diagnostics(doc));
        if (atCheckpoint) assert.deepEqual(incremental, seen(service.diagnostics(service.parse(text, 'compose'))), `version ${version}, after ${JSON.stringify(edit)}`);
      }
      return undo;
    };
    while (version < EDITS) {
      // A few edits, as a user types them; when they leave YAML errors, they are undone one by
      // one as a user would, so the file does not decay into a cascade of errors that no edit can mend.
      const undos: Edit[] = [];
      for (let n = 1 + below(rnd, 4); n > 0 && version < EDITS; n--) undos.push(step(randomEdit(text, rnd)));
      if (!doc.syntaxFindings.some((f) => f.code === 'yaml-syntax')) continue;
      broken++;
      for (const undo of undos.reverse()) if (version < EDITS) step(undo);
    }
    assert.ok(broken > 0, 'some edits left YAML errors');
  });
});
