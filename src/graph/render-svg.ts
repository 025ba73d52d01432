import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { GROUP_TITLE_HEIGHT, isOpenGroup, subtitleOf, visibleEdges, type MeasureText } from './elk-graph.ts';
import { walkItems, type GraphEdge, type GraphItem, type PipelineGraph } from './graph-model.ts';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Absolute positions: ELK gives each node's position relative to its parent. */
function place(node: ElkNode, dx: number, dy: number, out: Map<string, Placed>): void {
  const x = dx + (node.x ?? 0);
  const y = dy + (node.y ?? 0);
  out.set(node.id, { x, y, width: node.width ?? 0, height: node.height ?? 0 });
  for (const child of node.children ?? []) place(child, x, y, out);
}

/** `text`, shortened with an ellipsis until it fits `width`. */
function fit(text: string, width: number, kind: Parameters<MeasureText>[1], measure: MeasureText): string {
  if (measure(text, kind) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && measure(`${chars.join('')}…`, kind) > width) chars.pop();
  return `${chars.join('')}…`;
}

function itemSvg(item: GraphItem, box: Placed, expanded: ReadonlySet<string>, measure: MeasureText): string {
  const attrs = `data-id="${item.id}" data-path="${esc(item.path)}" data-box="${n(box.x)},${n(box.y)},${n(box.width)},${n(box.height)}"`;
  if (item.kind === 'group' && isOpenGroup(item, expanded)) {
    const toggle = item.groupKind === 'pipeline' ? ' data-toggle="collapse"' : '';
    const title = item.groupKind === 'pipeline' ? `▾ pipeline ${item.label}` : item.label;
    return (
      `<g class="group group-${item.groupKind}" ${attrs}${toggle}><title>${esc(`${title}\n${item.path} (${item.component})`)}</title>` +
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="8"/>` +
      `<text class="group-title" x="${n(box.x + 12)}" y="${n(box.y + GROUP_TITLE_HEIGHT / 2 + 5)}">${esc(fit(title, box.width - 20, 'group', measure))}</text></g>`
    );
  }
  const classes = item.kind === 'group' ? 'node pipeline collapsed' : `node task executor-${item.executor}`;
  const toggle = item.kind === 'group' ? ' data-toggle="expand"' : '';
  const tooltip = item.kind === 'task' ? `${item.path}\ncomponent: ${item.component}${item.image ? `\nimage: ${item.image}` : ''}\ncaching: ${item.caching ? 'on' : 'off'}` : `${item.path}: pipeline ${item.component} (click to expand)`;
  return (
    `<g class="${classes}" ${attrs}${toggle}><title>${esc(tooltip)}</title>` +
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>` +
    `<text class="title" x="${n(box.x + box.width / 2)}" y="${n(box.y + 19)}">${esc(item.label)}</text>` +
    `<text class="sub" x="${n(box.x + box.width / 2)}" y="${n(box.y + 36)}">${esc(subtitleOf(item, expanded))}</text></g>`
  );
}

function edgeSvg(edge: ElkExtendedEdge, meta: GraphEdge, placed: Map<string, Placed>): string {
  const origin = placed.get((edge as { container?: string }).container ?? 'root') ?? { x: 0, y: 0 };
  const paths = (edge.sections ?? []).map((s) => {
    const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
    return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(origin.x + p.x)},${n(origin.y + p.y)}`).join(' ');
  });
  const label = edge.labels?.[0];
  const labelSvg =
    label && meta.label
      ? `<g class="edge-label"><rect x="${n(origin.x + (label.x ?? 0))}" y="${n(origin.y + (label.y ?? 0))}" width="${n(label.width ?? 0)}" height="${n(label.height ?? 0)}" rx="3"/>` +
        `<text x="${n(origin.x + (label.x ?? 0) + (label.width ?? 0) / 2)}" y="${n(origin.y + (label.y ?? 0) + 12)}">${esc(meta.label)}</text></g>`
      : '';
  return `<g class="edge edge-${meta.kind}" data-from="${meta.from}" data-to="${meta.to}">${paths.map((d) => `<path d="${d}" marker-end="url(#arrow)"/>`).join('')}${labelSvg}</g>`;
}

/**
 * The laid-out graph as one SVG element: group boxes first (outermost first), then edges, then
 * task nodes on top. Every drawn item carries `data-path` (its task path) and `data-box` (its
 * position and size in the SVG), so a test can find each task and check the layout.
 */
export function renderSvg(laidOut: ElkNode, graph: PipelineGraph, expanded: ReadonlySet<string>, measure: MeasureText): string {
  const placed = new Map<string, Placed>();
  place(laidOut, 0, 0, placed);
  const groups: string[] = [];
  const nodes: string[] = [];
  const visit = (items: readonly GraphItem[]) => {
    for (const item of items) {
      const box = placed.get(item.id);
      if (box === undefined) continue;
      if (item.kind === 'group' && isOpenGroup(item, expanded)) {
        groups.push(itemSvg(item, box, expanded, measure));
        visit(item.children);
      } else nodes.push(itemSvg(item, box, expanded, measure));
    }
  };
  visit(graph.items);
  const metas = visibleEdges(graph, expanded);
  const edges = (laidOut.edges ?? []).map((edge, i) => edgeSvg(edge, metas[i]!, placed));
  const width = Math.ceil(laidOut.width ?? 0);
  const height = Math.ceil(laidOut.height ?? 0);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="pipeline-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
    `${groups.join('')}${edges.join('')}${nodes.join('')}</svg>`
  );
}

/** The paths of every task the graph holds (what a fully expanded drawing shows). */
export function taskPaths(graph: PipelineGraph): string[] {
  return [...walkItems(graph.items)].filter((item) => item.kind === 'task').map((item) => item.path);
}
