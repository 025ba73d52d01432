/**
 * Container components: every placeholder (input value/path/uri/metadata, a list of artifacts,
 * output path/uri/metadata, metadata fields, output parameter files), cmd`` templates, concat(), ifPresent() (with
 * and without else, nested in concat, around concat), runtime values, args without a command.
 */
import { Dataset, HTML, Model, cmd, concat, containerComponent, ifPresent, input, output, pipeline, runtime, z } from '../../../src/index.ts';

const makeTable = containerComponent({
  name: 'make_table',
  inputs: { rows: z.int() },
  outputs: { table: output(Dataset), model: output(Model), row_count: z.int() },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'seq "$0" > "$1" && echo model > "$2" && echo "$0" > "$3"'],
    args: [inputs.rows, outputs.table.path, outputs.model.path, outputs.row_count.path],
  }),
});

const transformTable = containerComponent({
  name: 'transform_table',
  inputs: {
    table: input(Dataset),
    model: input(Model),
    parts: input(Dataset, { list: true }),
    rows: z.int(),
    label: z.string().default('plain'),
    suffix: z.string().optional(),
  },
  outputs: { out_table: output(Dataset), page: output(HTML), summary: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'ghcr.io/acme/transform:1.4.2',
    command: ['transform', '--in', inputs.table.path, '--out', outputs.out_table.path],
    args: [
      '--model-uri', inputs.model.uri,
      '--model-meta', inputs.model.metadata, inputs.model.metadataField('framework'), cmd`--out-meta=${outputs.out_table.metadataField('rows')}`,
      cmd`--table-uri=${inputs.table.uri}`,
      cmd`--out-uri=${outputs.out_table.uri}`,
      cmd`--rows=${inputs.rows}`,
      '--page', outputs.page.path, outputs.page.uri, outputs.page.metadata,
      '--parts', inputs.parts,
      concat('label=', inputs.label, '/', inputs.rows),
      ifPresent('suffix', ['--suffix', inputs.suffix], ['--no-suffix']),
      ifPresent('suffix', concat('s=', inputs.suffix)),
      concat('x', ifPresent('suffix', inputs.suffix, 'none')),
      ifPresent('suffix', [inputs.suffix], []),
      '--summary', outputs.summary.path,
      cmd`--job=${runtime.pipelineJobName}`,
      runtime.pipelineTaskName,
      runtime.pipelineRoot,
    ],
  }),
});

const show = containerComponent({
  name: 'show',
  inputs: { text: z.string(), count: z.int() },
  implementation: ({ inputs }) => ({ image: 'busybox', args: ['echo', inputs.text, inputs.count] }),
});

export default pipeline(
  {
    name: 'container-placeholders',
    inputs: { parts: input(Dataset, { list: true }), rows: z.int().default(10), suffix: z.string().default('.csv') },
  },
  (p, s) => {
    const made = s.task(makeTable, { rows: p.rows });
    const first = s.task(transformTable, { table: made.outputs.table, model: made.outputs.model, parts: p.parts, rows: made.outputs.row_count });
    s.task(transformTable, { table: first.outputs.out_table, model: made.outputs.model, parts: p.parts, rows: p.rows, label: 'second', suffix: p.suffix });
    s.task(show, { text: first.outputs.summary, count: made.outputs.row_count });
  },
);
