import { pipelineIds } from './elk-graph.ts';
import type { PipelineGraph } from './graph-model.ts';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inside a <script> element only `</script` (any case) and `<!--` can end or bend it. */
function scriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON inside a <script> element: every `<` as the JSON escape `\u003c`, so no tag can start. */
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body{margin:0;font-family:system-ui,sans-serif;color:#1f2330;background:#fff}
header{padding:14px 20px;border-bottom:1px solid #e2e4ea}
h1{font-size:18px;margin:0 0 4px}
header p{margin:0 0 6px;color:#555;font-size:13px}
button{font:12px system-ui,sans-serif;margin-right:6px;padding:3px 10px;border:1px solid #b8bdcc;border-radius:4px;background:#f6f7fa;cursor:pointer}
#graph{padding:8px}
#graph[data-state="error"]{color:#a00;padding:20px}
svg .group rect{fill:#f6f7fb;stroke:#a6adc2;stroke-width:1}
svg .group-condition rect{fill:#fff8e6;stroke:#d9a520}
svg .group-branches rect{fill:#fffdf5;stroke:#e3c76b;stroke-dasharray:4 3}
svg .group-loop rect{fill:#eef6ff;stroke:#5b8fd9}
svg .group-exit-handler rect{fill:#fdf0f0;stroke:#d46a6a}
svg .group-pipeline rect{fill:#f3f0fb;stroke:#8c74c9}
svg .group-title{font:600 12px system-ui,sans-serif;fill:#3d4257}
svg .group-pipeline[data-toggle],svg .node.pipeline{cursor:pointer}
svg .node rect{fill:#e8f0fe;stroke:#4a6fb5;stroke-width:1.2}
svg .node.executor-importer rect{fill:#e9f7ef;stroke:#3f9460}
svg .node.pipeline rect{fill:#efe9fb;stroke:#7a5cc2;stroke-width:1.5}
svg .node text{text-anchor:middle}
svg .node .title{font:600 13px system-ui,sans-serif;fill:#1f2330}
svg .node .sub{font:11px system-ui,sans-serif;fill:#5a6078}
svg .edge path{fill:none;stroke:#69708a;stroke-width:1.3}
svg .edge-order path,svg .edge-exit path{stroke-dasharray:5 4}
svg .edge-exit path{stroke:#c0504d}
svg marker path{fill:#69708a}
svg .edge-label rect{fill:#fff;stroke:none;opacity:.9}
svg .edge-label text{font:11px system-ui,sans-serif;fill:#3d4257;text-anchor:middle}
`;

/**
 * A self-contained HTML page that draws the graph: the graph as JSON, and `pageScript` (the page's
 * code with the layout library, bundled) inline — nothing is loaded from anywhere.
 *
 * @example
 * writeFileSync('pipeline.html', toHtmlPage(graph, await bundleGraphPageScript()));
 */
export function toHtmlPage(graph: PipelineGraph, pageScript: string): string {
  const hasPipelines = pipelineIds(graph.items).length > 0;
  const toolbar = hasPipelines
    ? '<div><button id="expand-all" type="button">Expand all pipelines</button><button id="collapse-all" type="button">Collapse all</button></div>'
    : '';
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${esc(graph.name)} — pipeline graph</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>${esc(graph.name)}</h1>${graph.description ? `<p>${esc(graph.description)}</p>` : ''}${toolbar}</header>\n` +
    '<div id="graph" data-state="loading">Laying out the graph…</div>\n' +
    `<script type="application/json" id="graph-data">${jsonText(graph)}</script>\n` +
    `<script>${scriptText(pageScript)}</script>\n</body>\n</html>\n`
  );
}
