import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/service/features/fixAll';
import type { FormatOptions } from '../../server/src/service/index';
import { parseMarkers } from '../support/markers';
import { service } from '../support/service';

/** Formats the fixture (only its `⟦...⟧` range when it has one) and returns the text the edits give. */
function format(marked: string, options: Partial<FormatOptions> = {}): string {
  const { text, spans } = parseMarkers(marked);
  const edits = service.format(service.parse(text, 'compose'), { tabSize: 2, ...options }, spans[0]);
  return applyEdits(text, edits);
}

/** Each case: what the user wrote, and what Format Document gives. */
const CASES: { name: string; before: string; after: string; options?: Partial<FormatOptions> }[] = [
  {
    name: 'moves entries to two columns a level, keeping quotes, anchors, tags, flow collections and comment spacing',
    before: 'x-base: &base\n    restart: "always"\nservices:\n    web:  # the front\n        <<: *base\n        image: \'nginx:1\'\n        command: !reset\n        ports: [ "80:80" ]   # aligned\n        user: 0440\n',
    after: 'x-base: &base\n  restart: "always"\nservices:\n  web:  # the front\n    <<: *base\n    image: \'nginx:1\'\n    command: !reset\n    ports: [ "80:80" ]   # aligned\n    user: 0440\n',
  },
  {
    name: 'trims trailing spaces and ends the text with exactly one line break',
    before: 'services:   \n  web:\n    image: nginx  \n\n\n\n',
    after: 'services:\n  web:\n    image: nginx\n',
  },
  {
    name: 'adds the missing final line break',
    before: 'services:\n  web:\n    image: nginx',
    after: 'services:\n  web:\n    image: nginx\n',
  },
  {
    name: 'keeps sequences flush with their key when the file mostly writes them so',
    before: 'services:\n   web:\n      ports:\n      - "80:80"\n      volumes:\n      - ./a:/a\n      dns:\n        - 1.1.1.1\n',
    after: 'services:\n  web:\n    ports:\n    - "80:80"\n    volumes:\n    - ./a:/a\n    dns:\n    - 1.1.1.1\n',
  },
  {
    name: 'indents sequences when the setting says so, and honours tabSize',
    before: 'services:\n  web:\n    ports:\n    - "80:80"\n    - target: 443\n      published: 8443\n',
    after: 'services:\n    web:\n        ports:\n            - "80:80"\n            - target: 443\n              published: 8443\n',
    options: { tabSize: 4, sequenceIndent: 'indent' },
  },
  {
    name: 'moves the content of block scalars and multi-line strings with their key, keeping their inner indentation and trailing spaces',
    before: 'services:\n    web:\n        command: |\n            echo a  \n              echo b\n        entrypoint: "sh\n            -c"\n        healthcheck:\n            test: [\n              "CMD", "true"\n            ]\n',
    after: 'services:\n  web:\n    command: |\n        echo a  \n          echo b\n    entrypoint: "sh\n        -c"\n    healthcheck:\n      test: [\n        "CMD", "true"\n      ]\n',
  },
  {
    name: 'puts comments level with the entry they sit level with; column-0 comments stay at column 0',
    before: 'services:\n    # the web server\n    web:\n        image: nginx\n        # ports:\n        #   - "80:80"\n# end of web\n    db:\n        image: postgres\n',
    after: 'services:\n  # the web server\n  web:\n    image: nginx\n    # ports:\n    #   - "80:80"\n# end of web\n  db:\n    image: postgres\n',
  },
  {
    name: 'keeps the distance between a dash and the mapping written after it',
    before: 'services:\n  web:\n    volumes:\n        -   type: bind\n            source: ./a\n            target: /a\n',
    after: 'services:\n  web:\n    volumes:\n      -   type: bind\n          source: ./a\n          target: /a\n',
  },
  {
    name: 'keeps Windows line breaks',
    before: 'services:\r\n    web:\r\n        image: nginx   \r\n',
    after: 'services:\r\n  web:\r\n    image: nginx\r\n',
  },
  {
    name: 'keeps a blank-looking block scalar line whose spaces are content',
    before: 'services:\n    web:\n        command: |\n            a\n              \n            b\n',
    after: 'services:\n  web:\n    command: |\n        a\n          \n        b\n',
  },
  {
    name: 'leaves documents markers and directives where they are',
    before: '%YAML 1.2\n---\nservices:\n    web:\n        image: nginx\n...\n',
    after: '%YAML 1.2\n---\nservices:\n  web:\n    image: nginx\n...\n',
  },
  {
    name: 'changes nothing in a file with a YAML error',
    before: 'services:\n    web:\n        image: [nginx\n',
    after: 'services:\n    web:\n        image: [nginx\n',
  },
  {
    name: 'changes nothing in a file with an explicit `?` key, which it does not re-indent',
    before: 'services:\n    ? web\n    : image: nginx\n',
    after: 'services:\n    ? web\n    : image: nginx\n',
  },
  {
    name: 'formats only the service a range touches when the rest is at the right level',
    before: 'services:\n  web:\n      image: nginx   \n  ⟦db:⟧\n      image: postgres   \nvolumes:\n     data: {}\n',
    after: 'services:\n  web:\n      image: nginx   \n  db:\n    image: postgres\nvolumes:\n     data: {}\n',
  },
  {
    name: 'formats the whole top-level entry when one service cannot move alone',
    before: 'services:\n    web:\n        image: nginx\n    ⟦db⟧:\n        image: postgres\nvolumes:\n     data: {}',
    after: 'services:\n  web:\n    image: nginx\n  db:\n    image: postgres\nvolumes:\n     data: {}',
  },
  {
    name: 'formats a touched top-level entry whole, and ends the text when the range reaches the end',
    before: 'services:\n    web:\n        image: nginx\nvolumes:\n  ⟦   data: {}⟧',
    after: 'services:\n    web:\n        image: nginx\nvolumes:\n  data: {}\n',
  },
];

describe('formatting', () => {
  for (const { name, before, after, options } of CASES) {
    it(name, () => {
      assert.equal(format(before, options), after);
      // A range case's result is not meant to be formatted as a whole.
      if (!before.includes('⟦')) assert.equal(format(after, options), after, 'formatting again changes nothing');
    });
  }

  it('edits only the lines that change, one edit per run of them', () => {
    const text = 'services:\n  web:\n    image: nginx  \n    restart: always\n  db:\n     image: postgres\n     restart: always\n';
    const edits = service.format(service.parse(text, 'compose'), { tabSize: 2 });
    assert.deepEqual(
      edits.map((edit) => [text.slice(edit.span.start, edit.span.end), edit.newText]),
      [
        ['    image: nginx  ', '    image: nginx'],
        ['     image: postgres\n     restart: always', '    image: postgres\n    restart: always'],
      ],
    );
  });

  it('gives no edit for a file already formatted', () => {
    assert.deepEqual(service.format(service.parse('services:\n  web:\n    image: nginx\n', 'compose'), { tabSize: 2 }), []);
  });
});
