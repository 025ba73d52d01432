// corpus: valid/essential/pipeline_with_condition.yaml
import { eq, pipeline, pythonComponent, z } from '../../../../src/index.ts';

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

export default pipeline({ name: 'single-condition-pipeline', inputs: { text: z.string().default('condition test') } }, (p, s) => {
  const flip1 = s.task(flipCoinOp, {}).withCaching(false);
  s.task(printOp, { msg: flip1.outputs.Output });
  s.if(eq(flip1.outputs.Output, 'heads'), (s) => {
    const flip2 = s.task(flipCoinOp, {}).withCaching(false);
    s.task(printOp, { msg: flip2.outputs.Output });
    s.task(printOp, { msg: p.text });
  });
});
