/**
 * The graph model built from IR documents kfp 2.17 wrote (the corpus): groups, labels, edges traced
 * through groups; the Mermaid text; and an ELK layout (in Node) with no overlapping task boxes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { ELK } from '../../src/graph/elk-constructor.ts';
import { estimateText, pipelineIds, toElkGraph } from '../../src/graph/elk-graph.ts';
import { walkItems, type GraphItem, type PipelineGraph } from '../../src/graph/graph-model.ts';
import { readPipelineSpec, type PipelineSpec } from '../../src/ir/index.ts';
import { toMermaid } from '../../src/graph/mermaid.ts';
import { renderSvg, taskPaths } from '../../src/graph/render-svg.ts';
import { sharedDir } from '../support/repo.ts';

const VALID = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid');

function graphOf(relative: string): PipelineGraph {
  const doc = readPipelineSpec(parseAllDocuments(readFileSync(path.join(VALID, relative), 'utf8'))[0]!.toJS());
  const { graph, diagnostics } = buildGraph(doc);
  expect(diagnostics).toEqual([]);
  return graph!;
}

function byPath(graph: PipelineGraph, p: string): GraphItem {
  const item = [...walkItems(graph.items)].find((i) => i.path === p);
  if (!item) throw new Error(`no item ${p}`);
  return item;
}

/** Edges as `from-path -> to-path [label]`, sorted. */
function edgeList(graph: PipelineGraph, kind = 'data'): string[] {
  const paths = new Map([...walkItems(graph.items)].map((i) => [i.id, i.path]));
  return graph.edges
    .filter((e) => e.kind === kind)
    .map((e) => `${paths.get(e.from)} -> ${paths.get(e.to)} [${e.label}]`)
    .sort();
}

describe('buildGraph', () => {
  it('GIVEN if/else with a OneOf output WHEN built THEN the branches nest two conditions and the edges go from and to the tasks inside', () => {
    const graph = graphOf('if_else_with_oneof_parameters.yaml');
    const branches = byPath(graph, 'condition-branches-1');
    expect(branches).toMatchObject({ kind: 'group', groupKind: 'branches', label: 'if / elif / else' });
    expect(byPath(graph, 'condition-branches-1/condition-2')).toMatchObject({ groupKind: 'condition', label: "if flip-coin-Output == 'heads'" });
    expect(byPath(graph, 'condition-branches-1/condition-3')).toMatchObject({ groupKind: 'condition', label: "if !(flip-coin-Output == 'heads')" });
    expect(edgeList(graph)).toEqual([
      'condition-branches-1/condition-2/print-and-return -> print-and-return-3 [Output]',
      'condition-branches-1/condition-3/print-and-return-2 -> print-and-return-3 [Output]',
      'flip-coin -> condition-branches-1/condition-2 [Output]',
      'flip-coin -> condition-branches-1/condition-3 [Output]',
    ]);
    expect(edgeList(graph, 'order')).toEqual([]);
  });

  it('GIVEN an exit handler with a final-status task WHEN built THEN the handler is a group and the exit task hangs off it', () => {
    const graph = graphOf('pipeline_with_task_final_status.yaml');
    expect(byPath(graph, 'exit-handler-1')).toMatchObject({ groupKind: 'exit-handler', label: 'exit handler my-pipeline' });
    expect(taskPaths(graph).sort()).toEqual(['exit-handler-1/fail-op', 'exit-handler-1/print-op', 'exit-op']);
    expect(edgeList(graph, 'exit')).toEqual(['exit-handler-1 -> exit-op [on exit]']);
  });

  it('GIVEN nested loops, a condition on a loop item and a nested pipeline WHEN built THEN each is a group and collected outputs reach the pipeline', () => {
    const graph = graphOf('artifacts_complex.yaml');
    expect(byPath(graph, 'for-loop-2')).toMatchObject({ groupKind: 'loop', label: 'for each in [1, 2, 3]' });
    expect(byPath(graph, 'for-loop-2/for-loop-4/condition-5')).toMatchObject({ groupKind: 'condition', label: 'if int(loop-item-param-3) >= int(threshold)' });
    const nested = byPath(graph, 'add-two-lists-of-datasets');
    expect(nested).toMatchObject({ groupKind: 'pipeline', component: 'add-two-lists-of-datasets' });
    expect(edgeList(graph)).toEqual(
      expect.arrayContaining(['for-loop-2/double -> add-two-lists-of-datasets [out_dataset]', 'for-loop-2/for-loop-4/condition-5/double-2 -> add-two-lists-of-datasets [out_dataset]']),
    );
    expect(pipelineIds(graph.items)).toEqual([nested.id]);
  });

  it('GIVEN a loop over a task output WHEN built THEN the loop is labelled with it and the item edge goes to the task inside', () => {
    const graph = graphOf('parallel_and_nested/loop_consume_upstream.yaml');
    expect(byPath(graph, 'for-loop-1')).toMatchObject({ label: 'for each in split-input-Output' });
    expect(edgeList(graph)).toEqual(
      expect.arrayContaining(['split-input -> for-loop-1/create-file [Output]', 'for-loop-1/create-file -> for-loop-1/read-file [file]']),
    );
    expect(byPath(graph, 'split-input')).toMatchObject({ kind: 'task', label: 'same display name', component: 'split-input', executor: 'container' });
  });

  it('GIVEN an importer WHEN built THEN its node says so', () => {
    const graph = graphOf('pipeline_with_importer.yaml');
    expect([...walkItems(graph.items)].some((i) => i.kind === 'task' && i.executor === 'importer')).toBe(true);
  });

  it('GIVEN no root DAG or a component that nests itself WHEN built THEN a diagnostic says so and no graph is drawn', () => {
    expect(buildGraph({ pipelineInfo: { name: 'x' } }).diagnostics.map((d) => d.code)).toEqual(['graph/unreadable-ir']);
    expect(buildGraph('not a pipeline' as unknown as PipelineSpec).graph).toBeUndefined();
    const loop: PipelineSpec = {
      root: { dag: { tasks: { a: { componentRef: { name: 'comp-a' } } } } },
      components: { 'comp-a': { dag: { tasks: { b: { componentRef: { name: 'comp-a' } } } } } },
    };
    expect(buildGraph(loop).diagnostics.map((d) => d.code)).toEqual(['graph/recursive-component']);
  });

  it('GIVEN a task whose component the file does not define WHEN built THEN it is drawn as a task, with a warning naming it', () => {
    const { graph, diagnostics } = buildGraph({ root: { dag: { tasks: { a: { componentRef: { name: 'comp-gone' } } } } } });
    expect(diagnostics.map((d) => [d.code, d.severity, d.path.join('/')])).toEqual([['graph/missing-component', 'warning', 'root/dag/tasks/a']]);
    expect([...walkItems(graph!.items)].map((i) => i.kind)).toEqual(['task']);
  });
});

describe('toMermaid', () => {
  it('GIVEN a graph WHEN written as Mermaid THEN groups are subgraphs, edges carry their outputs and quotes are escaped', () => {
    const text = toMermaid(graphOf('if_else_with_oneof_parameters.yaml'));
    expect(text.startsWith('---\ntitle: "flip-coin-pipeline"\n---\nflowchart TB\n')).toBe(true);
    expect(text).toMatch(/subgraph n\d+\["if \/ elif \/ else"\]/);
    expect(text).toMatch(/n\d+ -->\|"Output"\| n\d+/);
    const quoted = toMermaid(graphOf('artifacts_complex.yaml'));
    expect(quoted).toContain('for each in [1, 2, 3]');
    expect(quoted).toContain('#gt;=');
    expect(quoted).not.toMatch(/\["[^"\n]*"[^\]\n]*"\]/); // no bare quote inside a label
  });
});

describe('layout', () => {
  const DOCS = ['if_else_with_oneof_parameters.yaml', 'artifacts_complex.yaml', 'parallel_and_nested/pipeline_in_pipeline_complex.yaml', 'pipeline_with_task_final_status.yaml'];

  it.each(DOCS)('GIVEN %s fully expanded WHEN laid out by ELK THEN every task is drawn and no two task boxes overlap', async (doc) => {
    const graph = graphOf(doc);
    const expanded = new Set(pipelineIds(graph.items));
    const svg = renderSvg(await new ELK().layout(toElkGraph(graph, expanded, estimateText)), graph, expanded, estimateText);
    const boxes = [...svg.matchAll(/<g class="node task[^"]*" data-id="[^"]*" data-path="([^"]*)" data-box="([^"]*)"/g)].map((m) => ({
      path: m[1]!,
      box: m[2]!.split(',').map(Number) as [number, number, number, number],
    }));
    expect(boxes.map((b) => b.path).sort()).toEqual(taskPaths(graph).sort());
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.box[0] + a.box[2] <= b.box[0] || b.box[0] + b.box[2] <= a.box[0] || a.box[1] + a.box[3] <= b.box[1] || b.box[1] + b.box[3] <= a.box[1];
        expect(apart, `${a.path} overlaps ${b.path}`).toBe(true);
      }
  });

  it('GIVEN a nested pipeline collapsed WHEN drawn THEN it is one node and edges into it end there', async () => {
    const graph = graphOf('artifacts_complex.yaml');
    const svg = renderSvg(await new ELK().layout(toElkGraph(graph, new Set(), estimateText)), graph, new Set(), estimateText);
    expect(svg).toContain('class="node pipeline collapsed"');
    expect(svg).toContain('pipeline · 3 tasks ▸');
    expect(svg).not.toContain('data-path="add-two-lists-of-datasets/add"');
    const nested = byPath(graph, 'add-two-lists-of-datasets');
    expect(svg).toMatch(new RegExp(`class="edge edge-data" data-from="n\\d+" data-to="${nested.id}"`));
  });
});
