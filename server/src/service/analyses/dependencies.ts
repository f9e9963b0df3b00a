/**
 * What `depends_on` promises but cannot deliver: waiting for health of a service without a
 * healthcheck, and depending on a service that only starts with a profile the dependent lacks.
 * Compose only: `docker stack deploy` ignores start order.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import { serviceDependsOn } from '../parse/compose';
import type { ComposeDocument, Element } from '../parse/model';
import { asSeq, get, isInterpolated, text, type Node } from '../parse/tree';
import { closest } from '../suggest';
import type { Finding, Span } from '../types';
import type { Analysis, FixProvider } from './analysis';
import { FindingSet } from './findingSet';
import { lacksImage } from './references/partialFile';
import { DEPENDENCY_KEYS, referenceIndex } from './references/referenceIndex';
import { absolute, perServiceFacts } from './serviceFacts';
import { perDocument } from '../perDocument';

const DEPENDS_ON = composeFileDoc('services', 'depends_on');
const PROFILES = 'https://docs.docker.com/compose/how-tos/profiles/';

export function dependenciesAnalysis(): Analysis {
  return {
    name: 'dependencies',
    run: (doc) => (doc.mode === 'stack' ? [] : [...healthWaits(doc), ...profileGaps(doc)]),
    // An unknown condition is the schema's finding (enum); the fix for it lives here, with depends_on.
    fixes: { 'depends-on-healthy-no-healthcheck': waitForStart, 'schema-invalid-value': fixCondition },
  };
}

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];

/** `condition: healthy` -> `service_healthy`: the value is matched against the conditions without their prefix. */
const fixCondition: FixProvider = (doc, finding) => {
  const condition = conditionAt(doc, finding.span.start);
  const value = text(condition);
  if (!condition || value === undefined || condition.span.end !== finding.span.end) return [];
  const bare = value.replace(/^service_/, '');
  const short = closest(bare, CONDITIONS.map((c) => c.slice('service_'.length)));
  // A truncated name (`service_complete`) is a prefix, too far from the full name for `closest`.
  const replacement = short === undefined ? CONDITIONS.find((c) => bare.length >= 4 && c.slice('service_'.length).startsWith(bare)) : `service_${short}`;
  return replacement ? [{ title: `Change to ${replacement}`, kind: 'quickfix', edits: [{ span: condition.span, newText: replacement }], isPreferred: true }] : [];
};

function conditionAt(doc: ComposeDocument, offset: number): Node | undefined {
  for (const service of doc.model.services.values()) {
    for (const dependency of serviceDependsOn(service.node)) {
      if (dependency.conditionNode?.span.start === offset) return dependency.conditionNode;
    }
  }
  return undefined;
}

/** Not preferred: the right fix is usually a healthcheck on the dependency, which only the user can write. */
const waitForStart: FixProvider = (_doc, finding) => [
  { title: 'Wait only for the service to start (condition: service_started)', kind: 'quickfix', edits: [{ span: finding.span, newText: 'service_started' }] },
];

/** What the depends_on checks need from one service, kept per service content (serviceFacts.ts). */
interface DependencyFacts {
  /** Its `condition: service_healthy` waits: the dependency, the condition's span and where it is used. */
  readonly healthWaits: readonly { readonly name: string; readonly span: Span; readonly via: Span | undefined }[];
  /** Why waiting for its health fails: it has no healthcheck, or disables it; undefined when it may have one. */
  readonly unhealthy: 'none' | 'disabled' | undefined;
  /** Its profiles; undefined when they depend on variables. */
  readonly profiles: readonly string[] | undefined;
}

const dependencyFacts = perServiceFacts((service, _mode, frame): DependencyFacts => {
  const healthWaits = serviceDependsOn(service.node).flatMap(({ name, condition, conditionNode }) =>
    condition === 'service_healthy' && conditionNode ? [{ name, span: frame.span(conditionNode.span), via: conditionNode.via && frame.span(conditionNode.via) }] : [],
  );
  return { healthWaits, unhealthy: unhealthy(service), profiles: profilesOf(service.node) };
});

/** The facts of every service by name, for the checks that look up a dependency: made once per version for both. */
const factsByName = perDocument((doc: ComposeDocument): ReadonlyMap<string, DependencyFacts> => new Map(dependencyFacts(doc).map(({ element, facts }) => [element.name, facts])));

function unhealthy(service: Element): DependencyFacts['unhealthy'] {
  // With `extends` or as an override entry the healthcheck may come from elsewhere.
  if (get(service.node, 'extends') || lacksImage(service)) return undefined;
  const healthcheck = get(service.node, 'healthcheck');
  if (!healthcheck) return 'none';
  return isDisabled(healthcheck) ? 'disabled' : undefined;
}

/** `condition: service_healthy` on a dependency that has no healthcheck, or has it disabled. */
function healthWaits(doc: ComposeDocument): Finding[] {
  const set = new FindingSet();
  const services = dependencyFacts(doc);
  const waiting = services.filter(({ facts }) => facts.healthWaits.length > 0);
  const byName = waiting.length > 0 ? factsByName(doc) : undefined;
  for (const { element, start, facts } of waiting) {
    const name = element.name;
    for (const dependency of facts.healthWaits) {
      const disabled = byName!.get(dependency.name)?.unhealthy;
      if (!disabled) continue;
      const message =
        disabled === 'disabled'
          ? `Service '${name}' waits for '${dependency.name}' to be healthy, but '${dependency.name}' disables its healthcheck, so it never becomes healthy and Compose gives up.`
          : `Service '${name}' waits for '${dependency.name}' to be healthy, but '${dependency.name}' has no healthcheck here; unless its image defines HEALTHCHECK, Compose fails to start '${name}'.`;
      const finding: Finding = { code: 'depends-on-healthy-no-healthcheck', severity: disabled === 'disabled' ? 'error' : 'warning', message, span: absolute(dependency.span, start), docUrl: DEPENDS_ON };
      set.add(finding, { via: dependency.via && absolute(dependency.via, start), service: name });
    }
  }
  return set.findings();
}

/** `disable: true`, or `test: ["NONE"]` (compose-spec healthcheck). */
function isDisabled(healthcheck: Node): boolean {
  const test = get(healthcheck, 'test');
  return text(get(healthcheck, 'disable')) === 'true' || (test?.kind === 'seq' && text(test.items[0]) === 'NONE');
}

/**
 * A required dependency that is disabled whenever the dependent is enabled without the dependency's
 * profiles: compose-go then rejects the model ("service … is required by … but is disabled").
 */
function profileGaps(doc: ComposeDocument): Finding[] {
  const set = new FindingSet();
  const required = referenceIndex(doc).references.filter((reference) => DEPENDENCY_KEYS.has(reference.key) && reference.required);
  const byName = required.length > 0 ? factsByName(doc) : undefined;
  for (const reference of required) {
    const targetProfiles = byName!.get(reference.name)?.profiles;
    const fromProfiles = byName!.get(reference.from)?.profiles;
    if (!targetProfiles || targetProfiles.length === 0 || !fromProfiles) continue;
    const missing = fromProfiles.filter((profile) => !targetProfiles.includes(profile));
    if (fromProfiles.length > 0 && missing.length === 0) continue;
    const wanted = targetProfiles.map((p) => `'${p}'`).join(' or ');
    const when = fromProfiles.length === 0 ? `'${reference.from}' has no profiles, so it starts` : `'${reference.from}' starts with profile '${missing[0]!}'`;
    set.add(
      {
        code: 'profile-dependency-missing',
        severity: 'warning',
        message: `Service '${reference.from}' depends on '${reference.name}', which only starts with profile ${wanted}; ${when} without it and Compose refuses the dependency. Share a profile or mark the dependency 'required: false'.`,
        span: reference.span,
        docUrl: PROFILES,
      },
      { via: reference.via, service: reference.from },
    );
  }
  return set.findings();
}

function profilesOf(service: Node): string[] | undefined {
  const profiles = asSeq(get(service, 'profiles'));
  if (!profiles) return [];
  if (profiles.items.some(isInterpolated)) return undefined;
  return profiles.items.flatMap((item) => text(item) ?? []);
}
