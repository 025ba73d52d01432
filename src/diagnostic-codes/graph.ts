/** Drawing a compiled pipeline (`kfp-ts graph`, src/graph). */
export const GRAPH_CODES = {
  'graph/unreadable-ir': 'the document given to kfp-ts graph has no root DAG: it is not a compiled pipeline',
  'graph/missing-component': 'warning: a task runs a component the file does not define (it is drawn as a task)',
  'graph/recursive-component': "a component's DAG contains the component itself",
  'graph/page-script-unavailable': "the HTML page's prebuilt drawing script (dist/graph-page.js, or elkjs in a clone) cannot be loaded",
} as const;
