// corpus: valid/pipeline_with_only_display_name.yaml (no .py upstream)
import { containerComponent, pipeline } from '../../../src/index.ts';

const echo = containerComponent({
  name: 'echo',
  implementation: () => ({ image: 'public.ecr.aws/docker/library/python:3.12', command: ['echo'], args: ['hello world'] }),
});

export default pipeline({ name: 'echo-name', displayName: 'echo-displayname' }, (_p, s) => {
  s.task(echo, {});
});
