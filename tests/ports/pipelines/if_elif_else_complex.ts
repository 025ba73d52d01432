// corpus: valid/if_elif_else_complex.yaml
import { collected, eq, gt, lt, pipeline, pythonComponent, z, type Scope, type TaskHandle } from '../../../src/index.ts';

const code = `
def int_0_to_9999() -> int:
    return 5000


def is_even_or_odd(num: int) -> str:
    return 'odd' if num % 2 else 'even'


def print_and_return(text: str) -> str:
    print(text)
    return text


def print_strings(strings: List[str]):
    print(strings)


def print_ints(ints: List[int]):
    print(ints)
`;
const int0To9999 = pythonComponent({ name: 'int_0_to_9999', source: { code }, outputs: { Output: z.int() } });
const isEvenOrOdd = pythonComponent({ name: 'is_even_or_odd', source: { code }, inputs: { num: z.int() }, outputs: { Output: z.string() } });
const printAndReturn = pythonComponent({ name: 'print_and_return', source: { code }, inputs: { text: z.string() }, outputs: { Output: z.string() } });
const printInts = pythonComponent({ name: 'print_ints', source: { code }, inputs: { ints: z.array(z.int()) } });
type Printed = TaskHandle<{ Output: z.ZodString }>;

export default pipeline(
  {
    name: 'lucky-number-pipeline',
    inputs: { add_drumroll: z.boolean().default(true), repeat_if_lucky_number: z.boolean().default(true), trials: z.array(z.int()).default([1, 2, 3]) },
  },
  (p, s) => {
    const intTask = s.parallelFor(p.trials, (trial, s) => {
      const intTask = s.task(int0To9999, {}).withCaching(false);
      s.if(eq(p.add_drumroll, true), (s) => {
        s.if(eq(trial, 3), (s) => void s.task(printAndReturn, { text: 'Adding drumroll on last trial!' }));
      });
      const evenOrOdd = (s: Scope, even: string, odd: string) => {
        const evenOrOddTask = s.task(isEvenOrOdd, { num: intTask.outputs.Output });
        const ts: Printed[] = [];
        s.if(eq(evenOrOddTask.outputs.Output, 'even'), (s) => void ts.push(s.task(printAndReturn, { text: even }))).else(
          (s) => void ts.push(s.task(printAndReturn, { text: odd })),
        );
        const [a, b] = ts as [Printed, Printed];
        s.task(printAndReturn, { text: s.oneOf(a.outputs.Output, b.outputs.Output) });
      };
      s.if(lt(intTask.outputs.Output, 5000), (s) => evenOrOdd(s, 'Got a low even number!', 'Got a low odd number!'))
        .elif(gt(intTask.outputs.Output, 5000), (s) => evenOrOdd(s, 'Got a high even number!', 'Got a high odd number!'))
        .else((s) => {
          s.task(printAndReturn, { text: 'Announcing: Got the lucky number 5000! A one in 10,000 chance.' });
          s.if(eq(p.repeat_if_lucky_number, true), (s) => {
            s.parallelFor([1, 2], (_x, s) => void s.task(printAndReturn, { text: 'Announcing again: Got the lucky number 5000! A one in 10,000 chance.' }));
          });
        });
      return intTask;
    });
    s.task(printInts, { ints: collected(intTask.outputs.Output) });
  },
);
