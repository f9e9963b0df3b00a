/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF readers. The driver lists every rule of the
 * catalogue (id, name, descriptions, help URI into docs/rules.md, default level), so a result's rule is
 * always described; results carry their related locations and a `partialFingerprints` entry that stays
 * the same while lines around a finding move. URIs are relative to `%SRCROOT%` (the folder the command
 * ran in), which GitHub resolves against the repository. Streamed: results are written as files are checked.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html; GitHub's subset:
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocUrl, RULES_DOC_URL, type Severity } from '../../service/index';
import type { Range, ReportedFinding } from '../check';
import type { Output, Reporter } from './reporter';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.code, index]));
const SRCROOT = 'SRCROOT';
/** Stands for the results array while the rest of the log is serialized. */
const RESULTS = '\u0000results\u0000';

export function sarifReporter(output: Output, context: { readonly cwd: string; readonly version: string }): Reporter {
  const driver = {
    name: 'Shipshape',
    informationUri: RULES_DOC_URL.replace(/\/blob\/.*$/, ''),
    version: context.version,
    semanticVersion: context.version,
    rules: RULES.map((rule) => ({
      id: rule.code,
      name: rule.code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.summary.replace(/(?<=\.) .*$/, '') },
      fullDescription: { text: rule.summary },
      helpUri: ruleDocUrl(rule.code),
      help: { text: `${rule.summary} See ${ruleDocUrl(rule.code)}` },
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: [rule.group] },
    })),
  };
  const head = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver }, originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } }, columnKind: 'utf16CodeUnits', results: RESULTS }],
  };
  // The log around the results array, which is filled in as files are checked.
  const [opening, closing] = JSON.stringify(head, null, 1).split(JSON.stringify(RESULTS)) as [string, string];
  let first = true;
  output.out(`${opening}[`);
  return {
    file({ path, findings }) {
      let text = '';
      for (const finding of findings) {
        text += `${first ? '\n' : ',\n'}${JSON.stringify(result(path, finding))}`;
        first = false;
      }
      if (text) output.out(text);
    },
    end() {
      output.out(`${first ? '' : '\n'}]${closing}\n`);
    },
  };
}

function result(path: string, finding: ReportedFinding): object {
  const index = RULE_INDEX.get(finding.code);
  return {
    ruleId: finding.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physical(path, finding.range) }],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((related, id) => ({ id, physicalLocation: physical(related.path ?? path, related.range), message: { text: related.message } })) }
      : {}),
    partialFingerprints: { 'shipshapeFinding/v1': finding.fingerprint },
  };
}

function physical(path: string, range: Range): object {
  return {
    artifactLocation: path.startsWith('/') ? { uri: pathToFileURL(path).href } : { uri: encodeURI(path === '-' ? 'stdin' : path), uriBaseId: SRCROOT },
    // SARIF lines and columns are 1-based and the end column is the one after the region.
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  };
}
