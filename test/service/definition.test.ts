import * as assert from 'node:assert/strict';
import { checkDefinition } from '../support/navigation';
import { service } from '../support/service';

describe('definition', () => {
  it('goes from every kind of reference to the declaration', () => {
    checkDefinition('services:\n  web:\n    image: x\n    networks: [ba<|>ck]\nnetworks:\n  ⟦back⟧: {}\n');
    checkDefinition('services:\n  web:\n    image: x\n    networks:\n      <|>back: {aliases: [b]}\nnetworks:\n  ⟦back⟧: {}\n');
    checkDefinition('services:\n  web:\n    image: x\n    volumes: ["da<|>ta:/d"]\nvolumes:\n  ⟦data⟧:\n');
    checkDefinition('services:\n  web:\n    image: x\n    volumes:\n      - {type: volume, source: dat<|>a, target: /d}\nvolumes:\n  "⟦data⟧": {}\n');
    checkDefinition('services:\n  web:\n    image: x\n    secrets: [{source: tok<|>en}]\nsecrets:\n  ⟦token⟧: {file: ./t}\n');
    checkDefinition('services:\n  web:\n    image: x\n    configs: [con<|>f]\nconfigs:\n  ⟦conf⟧: {file: ./c}\n');
    checkDefinition('services:\n  ⟦db⟧:\n    image: x\n  web:\n    image: x\n    depends_on: {d<|>b: {condition: service_started}}\n');
    checkDefinition('services:\n  ⟦db⟧:\n    image: x\n  web:\n    image: x\n    links: ["d<|>b:database"]\n');
    checkDefinition('services:\n  ⟦vpn⟧:\n    image: x\n  web:\n    image: x\n    network_mode: "service:v<|>pn"\n');
    checkDefinition('services:\n  ⟦data⟧:\n    image: x\n  web:\n    image: x\n    volumes_from: ["dat<|>a:ro"]\n');
    checkDefinition('services:\n  ⟦base⟧:\n    image: x\n  web:\n    extends: {service: ba<|>se}\n');
  });

  it('stays on a declaration and finds nothing for undeclared names or other text', () => {
    checkDefinition('networks:\n  ⟦ba<|>ck⟧: {}\n');
    checkDefinition('services:\n  web:\n    image: x\n    networks: [fr<|>ont]\n');
    checkDefinition('services:\n  web:\n    ima<|>ge: x\n');
    checkDefinition('services:\n  web:\n    image: x\n    volumes_from: ["container:d<|>b"]\n  db:\n    image: x\n');
  });

  it('goes from an alias to its anchor, the closest one before it', () => {
    checkDefinition('x-a: &common\n  image: x\nx-b: &⟦common⟧\n  image: y\nservices:\n  web:\n    <<: *com<|>mon\n');
    checkDefinition('x-p: &⟦ports⟧ ["80:80"]\nservices:\n  web:\n    image: x\n    ports: <|>*ports\n');
    checkDefinition('services:\n  web:\n    image: x\n    command: echo a*b<|>c\n');
  });

  it('finds a reference written in an anchor', () => {
    const text = 'x-n: &n\n  networks: [back]\nservices:\n  web:\n    image: x\n    <<: *n\nnetworks:\n  back: {}\n';
    const doc = service.parse(text, 'compose');
    const [span] = service.definition(doc, text.indexOf('back'));
    assert.equal(span?.start, text.lastIndexOf('back'));
  });
});
