// corpus: valid/critical/flip_coin.yaml
import { gt, le, eq, pipeline, pythonComponent, str, z } from '../../../../src/index.ts';

const code = `
def random_num(low: int, high: int) -> int:
    """Generate a random number between low and high."""
    return (low + high) // 2


def flip_coin() -> str:
    """Flip a coin and output heads or tails randomly."""
    return "heads"


def print_msg(msg: str):
    """Print a message."""
    print(msg)
`;

const randomNum = pythonComponent({ name: 'random_num', source: { code }, inputs: { low: z.int(), high: z.int() }, outputs: { Output: z.int() } });
const flipCoin = pythonComponent({ name: 'flip_coin', source: { code }, outputs: { Output: z.string() } });
const printMsg = pythonComponent({ name: 'print_msg', source: { code }, inputs: { msg: z.string() } });

export default pipeline({ name: 'conditional-execution-pipeline', description: 'Shows how to use dsl.If().' }, (_p, s) => {
  const flip = s.task(flipCoin, {}).withCaching(false);
  s.if(eq(flip.outputs.Output, 'heads'), (s) => {
    const n = s.task(randomNum, { low: 0, high: 9 }).withCaching(false);
    s.if(gt(n.outputs.Output, 5), (s) => {
      s.task(printMsg, { msg: str`heads and ${n.outputs.Output} > 5!` }).withCaching(false);
    });
    s.if(le(n.outputs.Output, 5), (s) => {
      s.task(printMsg, { msg: str`heads and ${n.outputs.Output} <= 5!` }).withCaching(false);
    });
  });
  s.if(eq(flip.outputs.Output, 'tails'), (s) => {
    const n = s.task(randomNum, { low: 10, high: 19 }).withCaching(false);
    s.if(gt(n.outputs.Output, 15), (s) => {
      s.task(printMsg, { msg: str`tails and ${n.outputs.Output} > 15!` }).withCaching(false);
    });
    s.if(le(n.outputs.Output, 15), (s) => {
      s.task(printMsg, { msg: str`tails and ${n.outputs.Output} <= 15!` }).withCaching(false);
    });
  });
});
