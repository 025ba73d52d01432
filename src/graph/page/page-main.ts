/// <reference lib="dom" />
/**
 * The graph page's script (bundled with elkjs into the page by `kfp-ts graph`): reads the graph
 * from `#graph-data`, lays it out with ELK and draws it as SVG; a click on a nested pipeline opens
 * or closes it (and lays the graph out again). `#expand-all` in the URL opens every one.
 */
import { ELK } from '../elk-constructor.ts';
import { estimateText, pipelineIds, toElkGraph, type MeasureText } from '../elk-graph.ts';
import type { PipelineGraph } from '../graph-model.ts';
import { renderSvg } from '../render-svg.ts';

// The same fonts as the page's CSS, so measured widths are drawn widths.
const FONTS = {
  title: '600 13px system-ui, sans-serif',
  sub: '11px system-ui, sans-serif',
  group: '600 12px system-ui, sans-serif',
  edge: '11px system-ui, sans-serif',
} as const;

function canvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return estimateText;
  return (text, kind) => {
    context.font = FONTS[kind];
    return context.measureText(text).width;
  };
}

async function main(host: HTMLElement): Promise<void> {
  const graph = JSON.parse(document.getElementById('graph-data')?.textContent ?? 'null') as PipelineGraph;
  const elk = new ELK();
  const measure = canvasMeasure();
  const expanded = new Set<string>(location.hash === '#expand-all' ? pipelineIds(graph.items) : []);
  let latest = 0;
  const draw = async () => {
    const ticket = ++latest;
    host.dataset.state = 'layout';
    const laidOut = await elk.layout(toElkGraph(graph, expanded, measure));
    if (ticket !== latest) return;
    host.innerHTML = renderSvg(laidOut, graph, expanded, measure);
    host.dataset.state = 'ready';
  };
  host.addEventListener('click', (event: MouseEvent) => {
    const target = (event.target as Element).closest('[data-toggle]');
    const id = target?.getAttribute('data-id');
    if (!id) return;
    if (expanded.has(id)) expanded.delete(id);
    else expanded.add(id);
    void draw();
  });
  document.getElementById('expand-all')?.addEventListener('click', () => {
    for (const id of pipelineIds(graph.items)) expanded.add(id);
    void draw();
  });
  document.getElementById('collapse-all')?.addEventListener('click', () => {
    expanded.clear();
    void draw();
  });
  await draw();
}

const host = document.getElementById('graph');
if (host)
  main(host).catch((err: unknown) => {
    host.dataset.state = 'error';
    host.textContent = `Could not draw the graph: ${String(err)}`;
  });
