/**
 * Code Climate issues (a JSON array), the format of GitLab's Code Quality report (`artifacts: reports:
 * codequality`), which shows findings in merge requests. Chosen over Checkstyle because GitLab CI is the
 * major CI that neither SARIF (GitHub, Azure DevOps, Jenkins warnings-ng) nor the github format serves.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../service/index';
import type { Output, Reporter } from './reporter';

const SEVERITY: Record<Severity, 'critical' | 'major' | 'minor' | 'info'> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };

export function codeclimateReporter(output: Output): Reporter {
  let first = true;
  return {
    file({ path, findings }) {
      let text = '';
      for (const finding of findings) {
        const issue = {
          type: 'issue',
          check_name: finding.code,
          description: finding.message,
          categories: ['Bug Risk'],
          severity: SEVERITY[finding.severity],
          // Unique in the report: the finding's own fingerprint is unique within its file only.
          fingerprint: createHash('md5').update(`${path}\0${finding.fingerprint}`).digest('hex'),
          location: {
            path,
            positions: {
              begin: { line: finding.range.start.line + 1, column: finding.range.start.character + 1 },
              end: { line: finding.range.end.line + 1, column: finding.range.end.character + 1 },
            },
          },
        };
        text += `${first ? '[\n' : ',\n'}${JSON.stringify(issue)}`;
        first = false;
      }
      if (text) output.out(text);
    },
    end() {
      output.out(first ? '[]\n' : '\n]\n');
    },
  };
}
