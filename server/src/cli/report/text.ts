/** `file:line:col severity code message`, 1-based like compilers print, one line per finding; coloured on a terminal. */
import type { Severity } from '../../service/index';
import { oneLine, summaryLine, type Output, type Reporter } from './reporter';

const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

/**
 * Colour when the output is a terminal, unless `NO_COLOR` is set (no-color.org); `FORCE_COLOR` turns it on
 * (or off with `0`/`false`) whatever the output is, as in Node's own `util.inspect` and most CLIs.
 */
export function useColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR']) return false;
  return isTTY && env['TERM'] !== 'dumb';
}

export function textReporter(output: Output, colour: boolean): Reporter {
  const paint = (code: string, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    file({ display, findings }) {
      if (findings.length === 0) return;
      let lines = '';
      for (const finding of findings) {
        const where = `${display}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
        lines += `${paint('1', where)} ${paint(SEVERITY_COLOUR[finding.severity], finding.severity)} ${paint('2', finding.code)} ${oneLine(finding.message)}\n`;
      }
      output.out(lines);
    },
    end(totals) {
      if (totals.files > 0) output.err(summaryLine(totals));
    },
  };
}
