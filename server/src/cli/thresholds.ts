/** What `--quiet`, `--fail-on` and `--max-warnings` make of the findings: what is reported, and the exit status. */
import type { Severity } from '../service/index';
import type { CliOptions } from './args';
import type { CheckedFile } from './check';
import type { Totals } from './report/reporter';

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** `--quiet` reports errors only; what is not reported does not count towards the exit status either. */
export function keepReported(checked: CheckedFile, options: Pick<CliOptions, 'quiet'>): CheckedFile {
  return options.quiet ? { ...checked, findings: checked.findings.filter((finding) => finding.severity === 'error') } : checked;
}

/** 1 when a reported finding is at least as severe as `--fail-on`, or warnings exceed `--max-warnings`; else 0. */
export function exitStatus(totals: Totals, options: Pick<CliOptions, 'failOn' | 'maxWarnings'>): 0 | 1 {
  const failing = (Object.keys(RANK) as Severity[]).some((severity) => RANK[severity] >= RANK[options.failOn] && totals[severity] > 0);
  if (failing) return 1;
  return options.maxWarnings !== undefined && totals.warning > options.maxWarnings ? 1 : 0;
}
