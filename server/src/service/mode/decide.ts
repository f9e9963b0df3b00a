/**
 * Decides whether a file is a Swarm stack file (`docker stack deploy`) or a Compose file, strongest
 * signal first: the caller's choice (`shipshape check --stack`), a configured stack-file pattern, the
 * file's modeline, its name, its content, and Compose when nothing says otherwise (Compose is the more
 * lenient reading: a stack file checked as Compose gets fewer findings, never false stack errors).
 */
import type { ComposeModel } from '../parse/elements';
import type { ComposeMode, ModeChoice, ModeSource } from '../types';
import { modeEvidence, modeOfContent } from './evidence';
import { findModeline } from './modeline';
import { modeOfName } from './paths';

export interface ModeDecision {
  readonly mode: ComposeMode;
  readonly source: ModeSource;
}

export function decideMode(choice: ModeChoice, text: string, model: ComposeModel): ModeDecision {
  if (typeof choice === 'string') return { mode: choice, source: 'given' };
  const { path, stackBySetting } = choice;
  if (stackBySetting) return { mode: 'stack', source: 'setting' };
  const modeline = findModeline(text)?.mode;
  if (modeline) return { mode: modeline, source: 'modeline' };
  const named = path === undefined ? undefined : modeOfName(path);
  if (named) return { mode: named, source: 'name' };
  const content = modeOfContent(modeEvidence(model));
  return content ? { mode: content, source: 'content' } : { mode: 'compose', source: 'default' };
}
