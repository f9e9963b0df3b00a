/**
 * JUnit XML, read by GitLab, Jenkins, Azure Pipelines and most CI test views: one test suite per file,
 * one failing test case per finding (a file without findings is one passing case, so it shows as checked).
 * Streamed: each suite is written when its file has been checked.
 */
import { oneLine, type Output, type Reporter } from './reporter';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function junitReporter(output: Output): Reporter {
  output.out('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="shipshape">\n');
  return {
    file({ display, findings }) {
      const name = xml(display);
      let text = `  <testsuite name="${name}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0">\n`;
      if (findings.length === 0) text += `    <testcase classname="${name}" name="shipshape check"/>\n`;
      for (const finding of findings) {
        const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
        text += `    <testcase classname="${name}" name="${xml(`${finding.code} at ${where}`)}" file="${name}">\n`;
        text += `      <failure type="${xml(finding.severity)}" message="${xml(oneLine(finding.message))}">${xml(`${display}:${where} ${finding.severity} ${finding.code} ${finding.message}${finding.docUrl ? `\n${finding.docUrl}` : ''}`)}</failure>\n`;
        text += '    </testcase>\n';
      }
      output.out(`${text}  </testsuite>\n`);
    },
    end() {
      output.out('</testsuites>\n');
    },
  };
}
