/**
 * Templates the loader refuses, whatever the environment: a `${` that is not a template (Compose), and
 * in stack files everything docker/cli's narrower syntax does not know, `${VAR:+x}` in particular
 * (REVIEW E12). Values a project's environment leaves unset are reported by the project layer.
 * Sources: compose-go `template/template.go`; docker/cli `cli/compose/template/template.go` (pattern) and
 * `cli/compose/interpolation/interpolation.go` (the "invalid interpolation format" message).
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import type { ComposeDocument } from '../parse/model';
import { forEachScalar } from '../parse/rewrite';
import type { ScalarNode } from '../parse/tree';
import { substitute, type TemplateProblem } from '../project/template';
import type { Finding, Span } from '../types';
import type { Analysis } from './analysis';
import { perEntry } from './perEntry';

const INTERPOLATION_DOCS = composeFileDoc('interpolation');

export const interpolationAnalysis: Analysis = { name: 'interpolation', run: invalidTemplates };

function invalidTemplates(doc: ComposeDocument): Finding[] {
  // Most files hold no `$` at all: then there is nothing to walk.
  return doc.text.includes('$') ? templatesPerEntry(doc) : [];
}

/**
 * Each scalar once, where it is written: inside the part (an inline `<<: {…}` map is written there), not
 * through an alias to an anchor elsewhere, which the part holding the anchor checks.
 */
const templatesPerEntry = perEntry((doc, { entry, node }) => {
  const findings: Finding[] = [];
  const written: Span = { start: entry?.keySpan.start ?? node.span.start, end: node.span.end };
  const seen = new Set<number>();
  forEachScalar(node, (scalar) => {
    if (typeof scalar.value !== 'string' || !scalar.value.includes('$') || seen.has(scalar.span.start)) return;
    if (scalar.span.start < written.start || scalar.span.end > written.end) return;
    seen.add(scalar.span.start);
    for (const problem of substitute(scalar.value, () => undefined, doc.mode).problems) {
      if (problem.kind === 'invalid') findings.push(invalidFinding(doc, scalar, problem));
    }
  });
  return findings;
});

function invalidFinding(doc: ComposeDocument, node: ScalarNode, problem: TemplateProblem & { kind: 'invalid' }): Finding {
  const span = spanInValue(node, problem.start, problem.end);
  const written = JSON.stringify(node.value);
  if (problem.operator) {
    return { code: 'stack-interpolation-unsupported', severity: 'error', span, docUrl: INTERPOLATION_DOCS, message: `docker stack deploy does not support \${VAR${problem.operator}…}: it stops with "invalid interpolation format" for ${written}. Use \${VAR:-default}, or compute the value before deploying.` };
  }
  const message = doc.mode === 'stack'
    ? `docker stack deploy stops with "invalid interpolation format" for ${written}: it reads only $VAR, \${VAR}, \${VAR:-x}, \${VAR-x}, \${VAR:?msg} and \${VAR?msg}. Write a literal $ as $$.`
    : `Compose stops with "Invalid template" for ${written}: \${ must start a variable such as \${VAR} or \${VAR:-default}. Write a literal $ as $$.`;
  return { code: 'interpolation-invalid', severity: 'error', span, docUrl: INTERPOLATION_DOCS, message };
}

/**
 * The span of `[start, end)` of a scalar's value in the text, when the value is written verbatim (plain,
 * or quoted without escapes); otherwise the whole scalar.
 */
export function spanInValue(node: ScalarNode, start: number, end: number): Span {
  const value = String(node.value);
  const quoted = node.style === 'single' || node.style === 'double';
  if (node.style !== 'block' && (quoted ? node.raw.slice(1, -1) : node.raw) === value) {
    const base = node.span.start + (quoted ? 1 : 0);
    return { start: base + start, end: base + end };
  }
  return node.span;
}
