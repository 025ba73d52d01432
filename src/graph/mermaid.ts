import type { GraphItem, PipelineGraph } from './graph-model.ts';

/**
 * Text inside a Mermaid quoted label: `"` ends the string and `<`/`>` would be read as HTML, so they
 * are written as Mermaid's entity codes; line breaks become `<br/>`.
 */
function text(value: string): string {
  return value
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[{}|]/g, (c) => `#${c.charCodeAt(0)};`);
}

function nodeLabel(item: GraphItem): string {
  if (item.kind === 'group') return text(item.groupKind === 'pipeline' ? `pipeline ${item.label}` : item.label);
  const sub = item.executor === 'importer' ? `importer ${item.component}` : item.component;
  return `${text(item.label)}<br/><small>${text(sub)}</small>`;
}

function lines(items: readonly GraphItem[], indent: string, out: string[]): void {
  for (const item of items) {
    if (item.kind === 'group') {
      out.push(`${indent}subgraph ${item.id}["${nodeLabel(item)}"]`);
      out.push(`${indent}  direction TB`);
      if (item.children.length === 0) out.push(`${indent}  ${item.id}_empty[" "]`);
      lines(item.children, `${indent}  `, out);
      out.push(`${indent}end`);
    } else {
      const shape = item.executor === 'importer' ? [`[/"`, `"/]`] : [`["`, `"]`];
      out.push(`${indent}${item.id}${shape[0]}${nodeLabel(item)}${shape[1]}`);
    }
  }
}

/**
 * The graph as a Mermaid flowchart: tasks as nodes (name, then the component), control-flow groups
 * and nested pipelines as subgraphs, edges labelled with the outputs they carry (dotted for
 * `.after()` and exit handlers).
 *
 * @example
 * writeFileSync('pipeline.mmd', toMermaid(buildGraph(spec).graph!));
 */
export function toMermaid(graph: PipelineGraph): string {
  // The front matter is YAML: a JSON string is a valid YAML double-quoted scalar.
  const out = ['---', `title: ${JSON.stringify(graph.name)}`, '---', 'flowchart TB'];
  lines(graph.items, '  ', out);
  for (const edge of graph.edges) {
    const arrow = edge.kind === 'data' ? '-->' : '-.->';
    out.push(edge.label ? `  ${edge.from} ${arrow}|"${text(edge.label)}"| ${edge.to}` : `  ${edge.from} ${arrow} ${edge.to}`);
  }
  return `${out.join('\n')}\n`;
}
