/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding, which the
 * runner turns into annotations on the pull request's diff. Values are escaped as the runner expects
 * (actions/toolkit `command.ts`: `%`, CR and LF in the message; also `:` and `,` in properties).
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
import type { Severity } from '../../service/index';
import { summaryLine, type Output, type Reporter } from './reporter';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubReporter(output: Output): Reporter {
  return {
    file({ path, findings }) {
      let lines = '';
      for (const { severity, code, message, range } of findings) {
        const properties = [
          `file=${escapeProperty(path)}`,
          `line=${range.start.line + 1}`,
          `endLine=${range.end.line + 1}`,
          `col=${range.start.character + 1}`,
          `endColumn=${range.end.character + 1}`,
          `title=${escapeProperty(`shipshape ${code}`)}`,
        ];
        lines += `::${COMMAND[severity]} ${properties.join(',')}::${escapeData(message)}\n`;
      }
      if (lines) output.out(lines);
    },
    end(totals) {
      if (totals.files > 0) output.err(summaryLine(totals));
    },
  };
}
