import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphEdge, GraphItem, GroupNode, PipelineGraph } from './graph-model.ts';

/** Text width in pixels for a kind of text on the page (the browser measures; tests estimate). */
export type MeasureText = (text: string, kind: 'title' | 'sub' | 'group' | 'edge') => number;

export const TASK_HEIGHT = 46;
export const GROUP_TITLE_HEIGHT = 30;
const MIN_TASK_WIDTH = 130;
const EDGE_LABEL_HEIGHT = 16;

/** What a node shows under its name: the component it runs, or a collapsed pipeline's size. */
export function subtitleOf(item: GraphItem, expanded: ReadonlySet<string>): string {
  if (item.kind === 'group') return item.groupKind === 'pipeline' && !expanded.has(item.id) ? `pipeline · ${countTasks(item)} tasks ▸` : '';
  return item.executor === 'importer' ? `importer ${item.component}` : item.component;
}

export function countTasks(group: GroupNode): number {
  return group.children.reduce((n, child) => n + (child.kind === 'group' ? countTasks(child) : 1), 0);
}

/** A group drawn as a box with its children inside; a nested pipeline only when expanded. */
export function isOpenGroup(item: GraphItem, expanded: ReadonlySet<string>): boolean {
  return item.kind === 'group' && (item.groupKind !== 'pipeline' || expanded.has(item.id));
}

/** The id each item is drawn under: itself, or the collapsed pipeline that hides it. */
function visibleIds(items: readonly GraphItem[], expanded: ReadonlySet<string>, hiddenUnder?: string, out = new Map<string, string>()): Map<string, string> {
  for (const item of items) {
    out.set(item.id, hiddenUnder ?? item.id);
    if (item.kind === 'group') visibleIds(item.children, expanded, hiddenUnder ?? (isOpenGroup(item, expanded) ? undefined : item.id), out);
  }
  return out;
}

/** The edges between what is visible: edges into a collapsed pipeline end at its node, merged. */
export function visibleEdges(graph: PipelineGraph, expanded: ReadonlySet<string>): GraphEdge[] {
  const visible = visibleIds(graph.items, expanded);
  const merged = new Map<string, { edge: GraphEdge; labels: Set<string> }>();
  for (const edge of graph.edges) {
    const from = visible.get(edge.from);
    const to = visible.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}->${to}:${edge.kind}`;
    const entry = merged.get(key) ?? { edge: { ...edge, from, to }, labels: new Set<string>() };
    for (const label of edge.label.split(', ')) if (label) entry.labels.add(label);
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ edge, labels }) => ({ ...edge, label: edge.kind === 'exit' ? edge.label : [...labels].sort().join(', ') }));
}

function elkNode(item: GraphItem, expanded: ReadonlySet<string>, measure: MeasureText): ElkNode {
  if (item.kind === 'group' && isOpenGroup(item, expanded)) {
    // ELK's minimum-size option makes compound nodes much taller here, so a title wider than its
    // box is shortened when drawn (the whole text stays in the tooltip).
    return {
      id: item.id,
      layoutOptions: { 'elk.padding': `[top=${GROUP_TITLE_HEIGHT + 6},left=14,bottom=14,right=14]` },
      children: item.children.map((child) => elkNode(child, expanded, measure)),
    };
  }
  const width = Math.max(MIN_TASK_WIDTH, measure(item.label, 'title') + 28, measure(subtitleOf(item, expanded), 'sub') + 28);
  return { id: item.id, width: Math.ceil(width), height: TASK_HEIGHT };
}

/**
 * The ELK graph to lay out: layered, top to bottom, groups laid out together with what they
 * contain (so edges may cross group borders), edge labels sized for their text.
 */
export function toElkGraph(graph: PipelineGraph, expanded: ReadonlySet<string>, measure: MeasureText): ElkNode {
  const edges: ElkExtendedEdge[] = visibleEdges(graph, expanded).map((edge, i) => ({
    id: `e${i}`,
    sources: [edge.from],
    targets: [edge.to],
    ...(edge.label ? { labels: [{ id: `e${i}-label`, text: edge.label, width: Math.ceil(measure(edge.label, 'edge') + 8), height: EDGE_LABEL_HEIGHT }] } : {}),
  }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: graph.items.map((item) => elkNode(item, expanded, measure)),
    edges,
  };
}

/** Every nested pipeline's id: what "expand all" opens. */
export function pipelineIds(items: readonly GraphItem[]): string[] {
  return items.flatMap((item) => (item.kind === 'group' ? [...(item.groupKind === 'pipeline' ? [item.id] : []), ...pipelineIds(item.children)] : []));
}

/** A width estimate without a browser (tests, and a fallback): an average glyph width per kind of text. */
export const estimateText: MeasureText = (text, kind) => [...text].length * (kind === 'title' ? 7.6 : kind === 'group' ? 7.2 : 6.4);
