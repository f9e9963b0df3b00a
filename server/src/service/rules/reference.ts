/** docs/rules.md, rendered from the rule catalogue: one section per rule, anchored by its code. */
import { RULES, type RuleGroup } from './catalogue';

export function renderRulesReference(): string {
  const groups = new Map<RuleGroup, typeof RULES[number][]>();
  for (const rule of RULES) groups.set(rule.group, [...(groups.get(rule.group) ?? []), rule]);
  let text = '# Shipshape rules\n\n';
  text += '<!-- Generated from server/src/service/rules/catalogue.ts by `npm run docs:rules`; edit the catalogue, not this file. -->\n\n';
  text += 'Every finding has one of these codes. Change a severity or turn a rule off with `--rule CODE=LEVEL` on the command\n';
  text += 'line, `rules` in `.shipshape.yaml`, `shipshape.rules` in VS Code settings, or `# shipshape-disable-next-line CODE` above a line. The severity given\n';
  text += 'is the usual one; some rules report less where the mistake is less certain.\n\n';
  for (const [group, rules] of groups) text += `- [${group}](#${anchor(group)}): ${rules.map((rule) => `[${rule.code}](#${rule.code})`).join(', ')}\n`;
  for (const [group, rules] of groups) {
    text += `\n## ${group}\n`;
    for (const rule of rules) text += `\n### ${rule.code}\n\nSeverity: ${rule.severity}.\n\n${rule.summary}\n`;
  }
  return text;
}

function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
