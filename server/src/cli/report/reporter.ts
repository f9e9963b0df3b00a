/**
 * What every output format implements. `shipshape check` hands each file to the reporter as soon as it is
 * checked, so formats that can stream (text, github, json, junit, checkstyle, sarif) print it at once and
 * keep nothing; the totals come once at the end.
 */
import type { Severity } from '../../service/index';
import type { CheckedFile } from '../check';

export type Counts = Record<Severity, number>;

export interface Totals extends Counts {
  readonly files: number;
}

export interface Reporter {
  file(checked: CheckedFile): void;
  end(totals: Totals): void;
}

/** Where a reporter writes: `out` is the report itself, `err` the human summary beside it. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** "1 error", "2 warnings": the count with the noun in the right number. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `2 files checked: 1 error, 2 warnings, 0 notes` (information and hints are notes). */
export function summaryLine(totals: Totals): string {
  return `${plural(totals.files, 'file')} checked: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.information + totals.hint, 'note')}\n`;
}

/** A message on one line: report lines are read by tools line by line. */
export function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ').trim();
}
