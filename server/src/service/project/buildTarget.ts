/**
 * `build-target-missing`: a `build.target` that names no stage of the Dockerfile the service builds.
 * BuildKit's Dockerfile frontend stops the build with `target stage "x" could not be found`
 * (moby/buildkit `frontend/dockerfile/dockerfile2llb/convert.go`); stage names match case-insensitively
 * (`instructions/parse.go` lowercases them). Only judged when the Dockerfile can be read and has stages.
 */
import { dirname, type FileHost } from '../host';
import type { ComposeDocument } from '../parse/model';
import { dockerfileStages } from '../parse/dockerfile';
import { get, isInterpolated, text, type Node } from '../parse/tree';
import { perDocument } from '../perDocument';
import { absolute, perServiceFacts } from '../analyses/serviceFacts';
import type { Finding, Span } from '../types';
import { readDockerfile } from '../features/localFiles';

const DOCS = 'https://docs.docker.com/reference/compose-file/build/#target';

export function checkBuildTargets(doc: ComposeDocument, path: string, host: FileHost): Finding[] {
  const findings: Finding[] = [];
  for (const { build, span, target } of writtenTargets(doc)) {
    const dockerfile = readDockerfile(build, dirname(path), host);
    if (!dockerfile) continue;
    const stages = dockerfileStages(dockerfile.text);
    const names = stages.flatMap((stage) => (stage.name === undefined ? [] : [stage.name]));
    if (stages.length === 0 || names.some((name) => name.toLowerCase() === target.toLowerCase())) continue;
    const known = names.length === 0 ? 'it has no named stages' : `its stages are ${names.map((name) => `'${name}'`).join(', ')}`;
    findings.push({
      code: 'build-target-missing',
      severity: 'warning',
      message: `No stage '${target}' in ${dockerfile.label} (${known}): the build stops with "target stage could not be found".`,
      span,
      docUrl: DOCS,
    });
  }
  return findings;
}

/**
 * The services' `build.target`s written as plain text, found once per version: every hover and completion
 * checks them (issue 18). Each service's target is kept with its facts (serviceFacts.ts), so a version reads
 * the tree of the services that have one, not of every service an edit moved. The Dockerfiles are read on
 * each call, as they change on disk without the document changing.
 */
const writtenTargets = perDocument((doc: ComposeDocument) => {
  const targets: { readonly build: Node; readonly span: Span; readonly target: string }[] = [];
  for (const { element, start, facts } of targetFacts(doc)) {
    const build = facts && get(element.node, 'build');
    if (build) targets.push({ build, span: absolute(facts.span, start), target: facts.target });
  }
  return targets;
});

const targetFacts = perServiceFacts((service, _mode, frame) => {
  const targetNode = get(get(service.node, 'build'), 'target');
  const target = text(targetNode);
  if (!targetNode || target === undefined || isInterpolated(targetNode) || targetNode.via) return undefined;
  return { target, span: frame.span(targetNode.span) };
});
