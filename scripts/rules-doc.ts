// Writes docs/rules.md from the rule catalogue (`npm run docs:rules`); test/service/rules.test.ts checks it is current.
import { writeFileSync } from 'node:fs';
import { renderRulesReference } from '../server/src/service/rules/reference';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesReference());
