// corpus: valid/long-running.yaml (no .py upstream; golden from kfp 2.0.0-beta.13)
import { containerComponent, pipeline } from '../../../src/index.ts';

const waitOp = containerComponent({
  name: 'wait_op',
  implementation: () => ({ image: 'alpine:latest', command: ['sh', '-c'], args: ['echo step-1 sleeping for 5m; sleep 300; echo done1'] }),
});

export default pipeline({ name: 'wait-awhile' }, (_p, s) => {
  const first = s.task(waitOp, {});
  s.task(waitOp, {}).after(first);
});
