/** Every IR parameter type: pipeline inputs, defaults, optional inputs, descriptions, task outputs of each type. */
import { pipeline, pythonComponent, z } from '../../../src/index.ts';
import { paramsSource as source, summariseParams } from '../fixtures/params-component.ts';

const countWords = pythonComponent({ name: 'count_words', source, inputs: { line: z.string() }, outputs: { Output: z.int() } });
const halve = pythonComponent({ name: 'halve', source, inputs: { value: z.number() }, outputs: { Output: z.number() } });
const isPositive = pythonComponent({ name: 'is_positive', source, inputs: { value: z.int() }, outputs: { Output: z.boolean() } });
const splitWords = pythonComponent({ name: 'split_words', source, inputs: { line: z.string() }, outputs: { Output: z.array(z.string()) } });
const wordLengths = pythonComponent({
  name: 'word_lengths',
  source,
  inputs: { words: z.array(z.string()) },
  outputs: { Output: z.record(z.string(), z.int()) },
});

export default pipeline(
  {
    name: 'parameter-types',
    description: 'Every IR parameter type: pipeline inputs, defaults, optional inputs, task outputs',
    inputs: {
      text: z.string().describe('Text to summarise.'),
      count: z.int().describe('A whole number.'),
      ratio: z.number().describe('A real number.'),
      enabled: z.boolean().describe('A flag.'),
      names: z.array(z.string()).describe('A list of names.'),
      settings: z.record(z.string(), z.int()).describe('A mapping of settings.'),
      label: z.string().default('from-pipeline'),
      repeats: z.int().default(5),
      threshold: z.number().default(1.0),
      strict: z.boolean().default(false),
      tags: z.array(z.unknown()).default([]),
      limits: z.record(z.string(), z.unknown()).default({ max: 3, names: ['a'] }),
      comment: z.string().optional().describe('Left out unless given.'),
    },
  },
  (p, s) => {
    const first = s.task(summariseParams, {
      text: p.text,
      count: p.count,
      ratio: p.ratio,
      enabled: p.enabled,
      names: p.names,
      settings: p.settings,
      label: p.label,
      repeats: p.repeats,
      threshold: p.threshold,
      strict: p.strict,
      tags: p.tags,
      limits: p.limits,
      comment: p.comment,
    });
    const words = s.task(countWords, { line: first.outputs.Output });
    const half = s.task(halve, { value: p.ratio });
    const positive = s.task(isPositive, { value: words.outputs.Output });
    const split = s.task(splitWords, { line: first.outputs.Output });
    const lengths = s.task(wordLengths, { words: split.outputs.Output });
    s.task(summariseParams, {
      text: first.outputs.Output,
      count: words.outputs.Output,
      ratio: half.outputs.Output,
      enabled: positive.outputs.Output,
      names: split.outputs.Output,
      settings: lengths.outputs.Output,
      label: 'second',
      threshold: 0.5,
      tags: ['x', 1, true, 2.5],
      limits: { deep: { list: [1, 2], off: false } },
    });
  },
);
