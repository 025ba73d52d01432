// corpus: valid/essential/pipeline_with_nested_conditions.yaml
import { eq, ne, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def flip_coin_op() -> str:
    """Flip a coin and output heads or tails randomly."""
    return 'heads'


def print_op(msg: str):
    """Print a message."""
    print(msg)
`;
const flipCoinOp = pythonComponent({ name: 'flip_coin_op', source: { code }, outputs: { Output: z.string() } });
const printOp = pythonComponent({ name: 'print_op', source: { code }, inputs: { msg: z.string() } });

export default pipeline({ name: 'nested-conditions-pipeline' }, (_p, s) => {
  const flip1 = s.task(flipCoinOp, {});
  s.task(printOp, { msg: flip1.outputs.Output });
  const flip2 = s.task(flipCoinOp, {});
  s.task(printOp, { msg: flip2.outputs.Output });
  s.if(ne(flip1.outputs.Output, 'no-such-result'), (s) => {
    const flip3 = s.task(flipCoinOp, {});
    s.task(printOp, { msg: flip3.outputs.Output });
    s.if(eq(flip2.outputs.Output, flip3.outputs.Output), (s) => {
      const flip4 = s.task(flipCoinOp, {});
      s.task(printOp, { msg: flip4.outputs.Output });
    });
  });
});
