// corpus: kubernetes_platform_snapshot/nodeaffinity.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// Stand-ins for upstream's functions (same names and signatures; no docstrings there).
const code = `
def print_hello_with_json_affinity():
    print('json affinity')


def print_hello_with_preferred_affinity():
    print('preferred affinity')


def print_hello_with_empty_json():
    print('empty json')
`;
const printHelloWithJsonAffinity = pythonComponent({ name: 'print_hello_with_json_affinity', source: { code } });
const printHelloWithPreferredAffinity = pythonComponent({ name: 'print_hello_with_preferred_affinity', source: { code } });
const printHelloWithEmptyJson = pythonComponent({ name: 'print_hello_with_empty_json', source: { code } });

const preferIn = (weight: number, key: string, value: string) => ({
  weight,
  preference: { matchExpressions: [{ key, operator: 'In', values: [value] }] },
});

export default pipeline({ name: 'test-node-affinity' }, (_p, s) => {
  // JSON-based node affinity, one preferred term.
  kubernetes.addNodeAffinityJson(s.task(printHelloWithJsonAffinity, {}), {
    preferredDuringSchedulingIgnoredDuringExecution: [preferIn(100, 'disktype', 'ssd')],
  });
  // A preferred term with a weight.
  kubernetes.addNodeAffinity(s.task(printHelloWithPreferredAffinity, {}), {
    matchExpressions: [{ key: 'zone', operator: 'In', values: ['us-west-1'] }],
    weight: 50,
  });
  // An empty object: kfp writes it as it is.
  kubernetes.addNodeAffinityJson(s.task(printHelloWithEmptyJson, {}), {});
  // The same component again, two preferred terms.
  kubernetes.addNodeAffinityJson(s.task(printHelloWithJsonAffinity, {}), {
    preferredDuringSchedulingIgnoredDuringExecution: [preferIn(100, 'zone', 'us-west-1'), preferIn(50, 'instance-type', 'n1-standard-4')],
  });
});
