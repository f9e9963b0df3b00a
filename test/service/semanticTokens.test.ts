import * as assert from 'node:assert/strict';
import type { SemanticToken } from '../../server/src/service/index';
import { service } from '../support/service';

/** The text with each token written as `«text:type»`, `«text:type+decl»` for declarations. */
function render(text: string, tokens: readonly SemanticToken[]): string {
  let result = '';
  let last = 0;
  for (const { span, type, declaration } of tokens) {
    result += `${text.slice(last, span.start)}«${text.slice(span.start, span.end)}:${type}${declaration ? '+decl' : ''}»`;
    last = span.end;
  }
  return result + text.slice(last);
}

function tokens(text: string, range?: { start: number; end: number }): string {
  return render(text, service.semanticTokens(service.parse(text, 'compose'), range));
}

describe('semanticTokens', () => {
  it('marks declarations and references of every kind of name, by kind', () => {
    assert.equal(
      tokens('services:\n  web:\n    image: x\n    depends_on: [db]\n    networks: [back]\n    volumes: ["data:/d"]\n    secrets: [tok]\n    configs: [{source: conf}]\n  db:\n    image: y\nnetworks:\n  back: {}\nvolumes:\n  data:\nsecrets:\n  tok: {file: ./t}\nconfigs:\n  conf: {file: ./c}\n'),
      'services:\n  «web:class+decl»:\n    image: x\n    depends_on: [«db:class»]\n    networks: [«back:interface»]\n    volumes: ["«data:struct»:/d"]\n    secrets: [«tok:enum»]\n    configs: [{source: «conf:type»}]\n  «db:class+decl»:\n    image: y\nnetworks:\n  «back:interface+decl»: {}\nvolumes:\n  «data:struct+decl»:\nsecrets:\n  «tok:enum+decl»: {file: ./t}\nconfigs:\n  «conf:type+decl»: {file: ./c}\n',
    );
  });

  it('marks ${VAR} and $VAR names, anchors and aliases, but not & or * inside text or comments', () => {
    assert.equal(
      tokens('x-base: &base\n  image: "app:${TAG:-1.2}"\nservices:\n  web:\n    <<: *base\n    command: sh -c "a && b *.txt" # &not *this\n    environment: [HOME=$HOME]\n'),
      'x-base: &«base:label+decl»\n  image: "app:${«TAG:variable»:-1.2}"\nservices:\n  «web:class+decl»:\n    <<: *«base:label»\n    command: sh -c "a && b *.txt" # &not *this\n    environment: [HOME=$«HOME:variable»]\n',
    );
  });

  it('keeps to a range, and marks a name written in an anchor once', () => {
    const text = 'x-n: &n\n  networks: [back]\nservices:\n  a: {<<: *n, image: x}\n  b: {<<: *n, image: x}\nnetworks:\n  back: {}\n';
    assert.equal(tokens(text), 'x-n: &«n:label+decl»\n  networks: [«back:interface»]\nservices:\n  «a:class+decl»: {<<: *«n:label», image: x}\n  «b:class+decl»: {<<: *«n:label», image: x}\nnetworks:\n  «back:interface+decl»: {}\n');
    const start = text.indexOf('  b:');
    assert.equal(render(text, service.semanticTokens(service.parse(text, 'compose'), { start, end: start + 5 })).includes('«a:'), false);
    assert.match(render(text, service.semanticTokens(service.parse(text, 'compose'), { start, end: start + 5 })), /«b:class\+decl»/);
  });
});
