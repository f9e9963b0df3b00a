/** Version notes for newer keys and the Swarm DNS and label lessons (issue 14 item 3), each against the Docker docs cited in facts/. */
import { checkHover } from '../support/service';

const stack = { mode: 'stack' as const };

describe('hovers: versions and Swarm lessons', () => {
  it('says which Compose release introduced models, provider and Compose Watch', () => {
    checkHover('mod<|>els:\n  llm:\n    model: ai/smollm2\n', ['Compose 2.38+', 'Docker Model Runner']);
    checkHover('services:\n  chat:\n    image: x\n    mod<|>els: [llm]\nmodels:\n  llm: {model: ai/smollm2}\n', 'Compose 2.38+');
    checkHover('services:\n  db:\n    prov<|>ider:\n      type: model\n', ['Compose 2.36+', 'runs no container']);
    checkHover('services:\n  web:\n    image: x\n    dev<|>elop:\n      watch: []\n', 'Compose 2.22+');
    checkHover('services:\n  web:\n    image: x\n    develop:\n      watch:\n        - path: ./src\n          action: sync+e<|>xec\n', 'Compose 2.32+');
    checkHover('services:\n  web:\n    image: x\n    develop:\n      watch:\n        - path: ./src\n          action: sy<|>nc\n', 'Copy changed files');
  });

  it('explains tasks.<service> where it is written, and in the endpoint mode', () => {
    const file = (cursor: string) => `services:\n  portainer:\n    image: portainer/portainer-ce\n    command: -H tcp://${cursor}:9001\n  agent:\n    image: portainer/agent\n`;
    checkHover(file('tasks.ag<|>ent'), ['**Task DNS** `tasks.agent`', 'every running task of `agent`'], stack);
    checkHover(file('tasks.ag<|>ent'), 'it does not resolve');
    // A name that is no service of the file gets the key's own documentation.
    const other = checkHover(file('tasks.nob<|>ody'), [], stack);
    if (other?.includes('Task DNS')) throw new Error(`tasks.nobody is no service:\n${other}`);
    checkHover('services:\n  web:\n    image: x\n    deploy:\n      endpoint_<|>mode: dnsrr\n', '`tasks.<service>` resolves to the IP of every running task', stack);
    checkHover('services:\n  web:\n    image: x\n    deploy:\n      endpoint_mode: v<|>ip\n', '`tasks.<service>` still lists every task', stack);
  });

  it('says who sets node labels and engine labels', () => {
    const constraint = (value: string) => `services:\n  web:\n    image: x\n    deploy:\n      placement:\n        constraints: ["${value}"]\n`;
    checkHover(constraint('node.labels.zo<|>ne == eu'), ['Only managers set node labels'], stack);
    checkHover(constraint('engine.labels.zo<|>ne == eu'), ['a compromised node could claim any'], stack);
    const plain = checkHover(constraint('node.ro<|>le == manager'), 'Tasks run only on nodes', stack);
    if (plain?.includes('labels')) throw new Error(`node.role is no label:\n${plain}`);
  });
});
