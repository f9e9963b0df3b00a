/**
 * A parsed document seen through a project's environment: every interpolated value replaced by what
 * Compose will read, so the analyses judge ports, subnets and names written as `${WEB_PORT:-8080}`; plus
 * Compose's own warnings for unset variables and errors for missing required ones.
 * Source: compose-go `template/template.go` (messages "The %q variable is not set. Defaulting to a blank
 * string." and "required variable %s is missing a value: %s").
 */
import { spanInValue } from '../analyses/interpolation';
import { composeFileDoc } from '../facts/composeFileDocs';
import type { BoundVariable } from '../parse/interpolation';
import type { ComposeDocument } from '../parse/model';
import { rewriteScalars } from '../parse/rewrite';
import { scalarNode, type ScalarNode } from '../parse/tree';
import type { Finding } from '../types';
import { requiredMessage } from './dotenv';
import type { Environment, VariableValue } from './environment';
import { substitute } from './template';

const INTERPOLATION_DOCS = composeFileDoc('interpolation');

export interface InterpolatedDocument {
  readonly doc: ComposeDocument;
  readonly findings: readonly Finding[];
  /** Names of the variables the document reads. */
  readonly used: ReadonlySet<string>;
}

/** `describe` says where a variable's value comes from, for hovers (".env line 3"). */
export function interpolateDocument(doc: ComposeDocument, environment: Environment, describe: (value: VariableValue) => string): InterpolatedDocument {
  const findings: Finding[] = [];
  const used = new Set<string>();
  // An alias repeats the written scalar; report its problems once, where it is written.
  const reported = new Set<number>();
  const interpolated = !doc.text.includes('$') ? doc : rewriteScalars(doc, (node) => {
    if (typeof node.value !== 'string' || !node.value.includes('$')) return node;
    const result = substitute(node.value, (name) => environment.get(name)?.value, doc.mode);
    for (const name of result.used) used.add(name);
    const firstTime = !reported.has(node.span.start);
    reported.add(node.span.start);
    let known = true;
    for (const problem of result.problems) {
      known = false;
      if (!firstTime || problem.kind === 'invalid') continue;
      const span = spanInValue(node, problem.start, problem.end);
      if (problem.kind === 'unset') {
        findings.push({ code: 'variable-unset', severity: 'warning', span, docUrl: INTERPOLATION_DOCS, message: `The "${problem.name}" variable is not set. Defaulting to a blank string.` });
      } else {
        findings.push({ code: 'variable-required', severity: 'error', span, docUrl: INTERPOLATION_DOCS, message: `${requiredMessage(problem.name, problem.message)} (Compose refuses to start).` });
      }
    }
    return bound(node, result.used.map((name) => boundVariable(name, environment, describe)), known ? result.value : undefined);
  });
  return { doc: interpolated, findings, used };
}

function boundVariable(name: string, environment: Environment, describe: (value: VariableValue) => string): BoundVariable {
  const value = environment.get(name);
  return value ? { name, value: value.value, origin: describe(value) } : { name, value: undefined, origin: 'not set' };
}

/**
 * The scalar with its environment applied. Its `value` stays as written (schema and hovers read the
 * interpolation); `resolved` is the value Compose sees, or undefined when a variable it needs is unset.
 */
function bound(node: ScalarNode, environment: readonly BoundVariable[], resolved: string | undefined): ScalarNode {
  const variables = node.interpolation?.variables ?? [];
  return scalarNode(node.span, node.via, node.tag, node.value, node.raw, node.style, { variables, resolved, environment });
}
