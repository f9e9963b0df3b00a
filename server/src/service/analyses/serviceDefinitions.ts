/**
 * Service definitions Compose or the engine refuses: no image to run, a healthcheck test without its
 * command type, and restart policies the engine does not know (plus the YAML 1.1 `no` trap).
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import type { ComposeDocument } from '../parse/model';
import { at, get, isInterpolated, text } from '../parse/tree';
import { closest, didYouMean } from '../suggest';
import type { Finding } from '../types';
import type { Analysis, FixProvider } from './analysis';
import { perServiceFindings } from './serviceFindings';
import { overrideEntries } from './references/partialFile';

const SERVICES = composeFileDoc('services');
const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];

export function serviceDefinitionsAnalysis(): Analysis {
  return {
    name: 'serviceDefinitions',
    run: (doc) => [...missingImages(doc), ...healthcheckTests(doc), ...restartPolicies(doc)],
    fixes: { 'restart-no-unquoted': quoteNo, 'restart-invalid': suggestPolicy },
  };
}

/**
 * compose-go: "service X has neither an image nor a build context specified". Real files without an
 * image are nearly always override entries completed by another file (`-f base.yml -f this.yml`), which
 * this file alone cannot tell apart from a mistake, so the finding is a hint that names both readings.
 */
function missingImages(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const { element: service, facts: overrides } of overrideEntries(doc)) {
    // A misspelt `imag:` is the schema's did-you-mean, not a missing image (overrideEntries).
    if (service.via || !overrides) continue;
    const { name } = service;
    // In the merged model of a whole project no other file is left to complete the service.
    findings.push({
      code: 'image-or-build-missing',
      severity: doc.whole ? 'error' : 'information',
      message: doc.whole
        ? `Service '${name}' has neither 'image' nor 'build' in any file of the project: Compose refuses to run it.`
        : `Service '${name}' has neither 'image' nor 'build': Compose runs it only when another file completes it (an override merged with this file, or a service that extends it and sets one).`,
      span: service.keySpan,
      docUrl: `${SERVICES}#image`,
    });
  }
  return findings;
}

/** compose-go `checkConsistency`: `healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"`. */
const healthcheckTests = perServiceFindings(function* ({ node: service }, mode) {
  if (mode === 'stack') return;
  const test = get(get(service, 'healthcheck'), 'test');
  const first = test?.kind === 'seq' ? test.items[0] : undefined;
  const kind = text(first);
  if (!first || kind === undefined || isInterpolated(first) || ['CMD', 'CMD-SHELL', 'NONE'].includes(kind)) return;
  yield {
    finding: {
      code: 'healthcheck-test-invalid',
      severity: 'error',
      message: `A healthcheck 'test' list must start with "CMD", "CMD-SHELL" or "NONE", not '${kind}'.`,
      span: first.span,
      docUrl: `${SERVICES}#healthcheck`,
    },
    via: first.via,
  };
});

/** The engine's policies (`no`, `always`, `unless-stopped`, `on-failure[:N]`), and the YAML 1.1 `no` trap. */
const restartPolicies = perServiceFindings(function* ({ node: service }, mode) {
  const node = get(service, 'restart');
  const value = text(node);
  if (!node || node.kind !== 'scalar' || value === undefined || isInterpolated(node)) return;
  // A stack reads `restart` only when `deploy.restart_policy` is absent (docker/cli convertRestartPolicy).
  const stack = mode === 'stack';
  if (stack && at(service, 'deploy', 'restart_policy') !== undefined) return;
  if (node.style === 'plain' && node.raw === 'no') {
    yield {
      finding: {
        code: 'restart-no-unquoted',
        severity: 'warning',
        message: "Unquoted 'no' is the boolean false in YAML 1.1 tools (such as the legacy Python docker-compose); quote it as \"no\".",
        span: node.span,
        docUrl: `${SERVICES}#restart`,
      },
      via: node.via,
    };
  } else if (!isRestartPolicy(value, stack)) {
    yield {
      finding: {
        code: 'restart-invalid',
        severity: 'error',
        message: `'${value}' is not a restart policy. Use "no", always, on-failure, on-failure:<max retries> or unless-stopped.${didYouMean(value, RESTART_POLICIES)}`,
        span: node.span,
        docUrl: `${SERVICES}#restart`,
      },
      via: node.via,
    };
  }
});

/** The engine allows a retry count only with on-failure; `docker stack deploy` accepts it with any policy. */
function isRestartPolicy(value: string, stack: boolean): boolean {
  const [name, count] = value.split(/:(.*)/s);
  if (count !== undefined && !/^\d+$/.test(count)) return false;
  return RESTART_POLICIES.includes(name!) && (count === undefined || stack || name === 'on-failure');
}

function suggestion(value: string): string | undefined {
  return closest(value, RESTART_POLICIES);
}

const quoteNo: FixProvider = (_doc, finding) => [{ title: 'Quote it: "no"', kind: 'quickfix', edits: [{ span: finding.span, newText: '"no"' }], isPreferred: true }];

const suggestPolicy: FixProvider = (doc, finding) => {
  const replacement = suggestion(doc.text.slice(finding.span.start, finding.span.end).replace(/^["']|["']$/g, ''));
  if (!replacement) return [];
  const newText = replacement === 'no' ? '"no"' : replacement;
  return [{ title: `Change to ${newText}`, kind: 'quickfix', edits: [{ span: finding.span, newText }], isPreferred: true }];
};
