// corpus: valid/local_execution/local_execution_pipeline_with_oneof.yaml
import { eq, pipeline, pythonComponent, z, type TaskHandle } from '../../../../src/index.ts';

const code = `
def branch_a() -> str:
    return 'A'


def branch_b() -> str:
    return 'B'


def tag_selected(value: str) -> str:
    return f'selected:{value}'
`;
const branchA = pythonComponent({ name: 'branch_a', source: { code }, outputs: { Output: z.string() } });
const branchB = pythonComponent({ name: 'branch_b', source: { code }, outputs: { Output: z.string() } });
const tagSelected = pythonComponent({ name: 'tag_selected', source: { code }, inputs: { value: z.string() }, outputs: { Output: z.string() } });
type Branch = TaskHandle<{ Output: z.ZodString }>;

export default pipeline({ name: 'pipeline-with-oneof', inputs: { pick_a: z.boolean().default(true) }, outputs: { Output: z.string() } }, (p, s) => {
  const ran: Branch[] = [];
  s.if(eq(p.pick_a, true), (s) => void ran.push(s.task(branchA, {}))).else((s) => void ran.push(s.task(branchB, {})));
  const [a, b] = ran as [Branch, Branch];
  const tagged = s.task(tagSelected, { value: s.oneOf(a.outputs.Output, b.outputs.Output) });
  return { Output: tagged.outputs.Output };
});
