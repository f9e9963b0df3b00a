/**
 * `--fix` and `--fix-dry-run` for one file: the core computes the fixed text (`LanguageService.fixAll`),
 * this writes it atomically or prints it as a unified diff, and says what changed.
 */
import { createTwoFilesPatch } from 'diff';
import { looksLikeCompose, type LanguageService, type ModeChoice, type ServiceSettings } from '../service/index';
import type { CliOptions } from './args';
import type { CliEnvironment } from './environment';
import { writeAtomically } from './writeFile';

export interface FixTarget {
  readonly display: string;
  /** Undefined for standard input. */
  readonly absolute: string | undefined;
  readonly requireCompose: boolean;
}

/** The text to check after fixing, or a problem (the file could not be written, or is standard input). */
export function fixFile(service: LanguageService, target: FixTarget, text: string, mode: ModeChoice, settings: ServiceSettings, fix: Exclude<CliOptions['fix'], 'none'>, io: CliEnvironment): { readonly text: string } | { readonly problem: string } {
  if (target.absolute === undefined && fix === 'write') return { problem: 'standard input cannot be fixed in place; use --fix-dry-run to see the fixes' };
  if (target.requireCompose && !looksLikeCompose(service.parse(text, mode))) return { text };
  const result = service.fixAll(text, mode, settings);
  if (result.refused) {
    io.err(`shipshape: ${target.display}: not fixed: ${result.refused}\n`);
    return { text };
  }
  if (result.text === text) return { text };
  if (fix === 'dry-run') {
    // The `===` separator line the library puts first is no part of a unified diff.
    io.out(createTwoFilesPatch(target.display, `${target.display} (fixed)`, text, result.text, undefined, undefined, { context: 3 }).replace(/^=+\n/, '').replace(/\t$/gm, ''));
    return { text: result.text };
  }
  const failure = writeAtomically(target.absolute!, text, result.text);
  if (failure) return { problem: `not fixed: ${failure}` };
  const count = result.applied.length;
  io.err(`fixed ${target.display}: ${count} fix${count === 1 ? '' : 'es'}: ${result.applied.join('; ')}\n`);
  return { text: result.text };
}
