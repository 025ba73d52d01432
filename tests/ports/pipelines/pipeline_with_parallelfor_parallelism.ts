// corpus: valid/pipeline_with_parallelfor_parallelism.yaml
// kfp compiles list_dict_maker_1 to a file and loads it back as `loaded_dict_maker`: declared
// here as the same function whose output is a plain List (the YAML keeps no element type). The
// golden was compiled from an older .py, named pipeline-with-loops.
import { itemField, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def print_text(msg: str):
    print(msg)


def print_int(x: int):
    print(x)


def list_dict_maker_0() -> List[Dict[str, int]]:
    """Enforces strict type checking - returns a list of dictionaries 
    where keys are strings and values are integers. For testing type 
    handling during compilation."""
    return [{'a': 1, 'b': 2}, {'a': 2, 'b': 3}, {'a': 3, 'b': 4}]


def list_dict_maker_1() -> List[Dict]:
    """Utilizes generic dictionary typing (no enforcement of specific key or
    value types).

    Tests flexibility in type handling.
    """
    return [{'a': 1, 'b': 2}, {'a': 2, 'b': 3}, {'a': 3, 'b': 4}]


def list_dict_maker_2() -> List[dict]:
    """Returns a list of dictionaries without type enforcement.

    Tests flexibility in type handling.
    """
    return [{'a': 1, 'b': 2}, {'a': 2, 'b': 3}, {'a': 3, 'b': 4}]


def list_dict_maker_3() -> List:
    """Returns a basic list (no typing or structure guarantees).

    Tests the limits of compiler type handling.
    """
    return [{'a': 1, 'b': 2}, {'a': 2, 'b': 3}, {'a': 3, 'b': 4}]
`;
const printText = pythonComponent({ name: 'print_text', source: { code }, inputs: { msg: z.string() } });
const printInt = pythonComponent({ name: 'print_int', source: { code }, inputs: { x: z.int() } });
const listOfDicts = z.array(z.record(z.string(), z.int()));
const listDictMaker0 = pythonComponent({ name: 'list_dict_maker_0', source: { code }, outputs: { Output: listOfDicts } });
const listDictMaker1 = pythonComponent({ name: 'list_dict_maker_1', source: { code }, outputs: { Output: z.array(z.record(z.string(), z.unknown())) } });
const listDictMaker2 = pythonComponent({ name: 'list_dict_maker_2', source: { code }, outputs: { Output: z.array(z.record(z.string(), z.unknown())) } });
const loadedDictMaker = pythonComponent({ name: 'list_dict_maker_1', source: { code }, outputs: { Output: z.array(z.unknown()) } });
const listDictMaker3 = pythonComponent({ name: 'list_dict_maker_3', source: { code }, outputs: { Output: z.array(z.unknown()) } });

export default pipeline({ name: 'pipeline-with-loops', inputs: { loop_parameter: z.array(z.string()) } }, (p, s) => {
  // Loop argument is from a pipeline input
  s.parallelFor(
    p.loop_parameter,
    (item, s) => {
      s.task(printText, { msg: item });
      s.parallelFor(p.loop_parameter, (nestedItem, s) => void s.task(printText, { msg: nestedItem }));
    },
    { parallelism: 2 },
  );
  // Loop argument is a static value known at compile time
  const loopArgs = [{ A_a: '1', B_b: '2' }, { A_a: '10', B_b: '20' }];
  s.parallelFor(
    loopArgs,
    (item, s) => {
      s.task(printText, { msg: itemField(item, 'A_a') });
      s.task(printText, { msg: itemField(item, 'B_b') });
      const nestedLoopArgs = [{ A_a: '10', B_b: '20' }, { A_a: '100', B_b: '200' }];
      s.parallelFor(
        nestedLoopArgs,
        (nestedItem, s) => {
          s.task(printText, { msg: itemField(nestedItem, 'A_a') });
          s.task(printText, { msg: itemField(nestedItem, 'B_b') });
        },
        { parallelism: 1 },
      );
    },
    { parallelism: 0 },
  );
  // Loop argument that is a static dictionary known at compile time.
  const dictLoopArgument = [{ a: 1, b: 2 }, { a: 2, b: 3 }, { a: 3, b: 4 }];
  s.parallelFor(dictLoopArgument, (item, s) => void s.task(printInt, { x: itemField(item, 'a') as never }), { parallelism: 1 });
  // Loop argument that coming from the upstream component.
  for (const maker of [listDictMaker0, listDictMaker1, listDictMaker2, listDictMaker3, loadedDictMaker]) {
    const t = s.task(maker as typeof listDictMaker3, {});
    s.parallelFor(t.outputs.Output, (item, s) => void s.task(printInt, { x: itemField(item as never, 'a') as never }));
  }
});
