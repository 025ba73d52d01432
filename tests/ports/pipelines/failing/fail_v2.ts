// corpus: valid/failing/fail_v2.yaml
import { pipeline, pythonComponent } from '../../../../src/index.ts';

const fail = pythonComponent({ name: 'fail', source: { code: "def fail():\n    '''Fails'''\n    raise SystemExit(1)\n" } });

export default pipeline({ name: 'fail-pipeline' }, (_p, s) => {
  s.task(fail, {});
});
