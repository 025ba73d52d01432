// corpus: valid/if_else_with_oneof_parameters.yaml
import { eq, pipeline, pythonComponent, z, type TaskHandle } from '../../../src/index.ts';

const code = `
def flip_coin() -> str:
    return 'heads'


def print_and_return(text: str) -> str:
    print(text)
    return text
`;
const flipCoin = pythonComponent({ name: 'flip_coin', source: { code }, outputs: { Output: z.string() } });
const printAndReturn = pythonComponent({ name: 'print_and_return', source: { code }, inputs: { text: z.string() }, outputs: { Output: z.string() } });
type Printed = TaskHandle<{ Output: z.ZodString }>;

export default pipeline({ name: 'flip-coin-pipeline', outputs: { Output: z.string() } }, (_p, s) => {
  const flipCoinTask = s.task(flipCoin, {});
  const printed: Printed[] = [];
  s.if(eq(flipCoinTask.outputs.Output, 'heads'), (s) => void printed.push(s.task(printAndReturn, { text: 'Got heads!' }))).else(
    (s) => void printed.push(s.task(printAndReturn, { text: 'Got tails!' })),
  );
  const [printTask1, printTask2] = printed as [Printed, Printed];
  const x = s.oneOf(printTask1.outputs.Output, printTask2.outputs.Output);
  s.task(printAndReturn, { text: x });
  return { Output: x };
});
