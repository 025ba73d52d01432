// @ts-check
/**
 * The architecture of src/, as rules over its imports (every import counts: runtime, `import type`,
 * re-exports, dynamic `import()`). Checked by tests/unit/dependency-rules.test.ts (which also shows
 * each rule failing on tests/fixtures/architecture/violations) and by `npm run lint:deps`.
 *
 * The stages, one direction: dsl (with kubernetes and components, which build DSL nodes) → compiler
 * → validate / emit; project and cli on top; ir is the shared IR model that every stage reads and
 * that imports none of them; python (reading Python component sources, pure) is used by the
 * compiler, the project and codegen through its index; yaml (the YAML reader that reads files as PyYAML does, for the DSL's
 * component loaders, validation and the CLI) and diagnostics.ts are shared lower modules that import
 * no stage either. The runner, the graph and the client read IR; they never reach into
 * the compiler's or the DSL's modules.
 *
 * Paths are relative to the folder the cruise starts in (the repository root, or a fixture tree).
 */

/** Every folder under src/ (or its tree-level module) that is above the DSL. */
const ABOVE_DSL = 'compiler|validate|emit|project|cli|client|runner|graph';

/**
 * The DSL's builders: the modules that export what a user calls to build a pipeline (factories,
 * handles, scopes, loaders). The compiler depends on node types only (STYLE.md, after Kysely).
 */
const DSL_BUILDERS = [
  'pipeline',
  'pipeline-handle',
  'scope',
  'task-handle',
  'component',
  'notebook-component',
  'importer',
  'pipeline-of-component',
  'component-from-ir',
  'graph-component',
  'io',
  'collected',
  'item-field',
].join('|');

/** Node's modules that do I/O or start processes: none in the pure stages. */
const IO_MODULES = '^(node:)?(fs|fs/promises|child_process|http|https|http2|net|tls|dgram|os|worker_threads|cluster|readline)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles (type-only imports included): move what both modules need into a module both can import.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'ir-imports-no-stage',
      severity: 'error',
      comment: 'src/ir is the IR model every stage reads; it imports nothing else of src/.',
      from: { path: '^src/ir/' },
      to: { path: '^src/', pathNot: '^src/ir/' },
    },
    {
      name: 'shared-modules-import-no-stage',
      severity: 'error',
      comment: 'src/yaml, src/diagnostics.ts and the code registry (src/diagnostic-codes) sit below every stage (the DSL reads component YAML with src/yaml): they import only each other.',
      from: { path: '^src/(yaml/|diagnostic-codes/|diagnostics\\.ts$)' },
      to: { path: '^src/', pathNot: '^src/(yaml/|diagnostic-codes/|diagnostics\\.ts$)' },
    },
    {
      name: 'ir-through-its-index',
      severity: 'error',
      comment: 'Outside src/ir, the IR model is imported through src/ir/index.ts (its generated modules are its own).',
      from: { path: '^src/', pathNot: '^src/ir/' },
      to: { path: '^src/ir/', pathNot: '^src/ir/index\\.ts$' },
    },
    {
      name: 'python-through-its-index',
      severity: 'error',
      comment: 'Outside src/python, the reading of Python sources is used through src/python/index.ts, its public surface (the compiler, the project and codegen alike).',
      from: { path: '^src/', pathNot: '^src/python/' },
      to: { path: '^src/python/', pathNot: '^src/python/index\\.ts$' },
    },
    {
      name: 'dsl-before-compiler',
      severity: 'error',
      comment: 'The DSL (and the kubernetes helpers and seed components, which build DSL nodes) comes first: it imports no later stage.',
      from: { path: '^src/(dsl|kubernetes|components)/' },
      to: { path: `^src/(${ABOVE_DSL})/` },
    },
    {
      name: 'compiler-before-validate-emit',
      severity: 'error',
      comment: 'The compiler turns nodes into IR objects; it imports no later stage and nothing above it.',
      from: { path: '^src/compiler/' },
      to: { path: '^src/(validate|emit|project|cli|client|runner|graph|kubernetes|components)/' },
    },
    {
      name: 'validate-emit-after-compiler',
      severity: 'error',
      comment: 'Validation and emission take IR; they import neither the DSL nor the compiler, nor anything above them.',
      from: { path: '^src/(validate|emit)/' },
      to: { path: '^src/(dsl|compiler|kubernetes|components|project|cli|client|runner|graph)/' },
    },
    {
      name: 'compiler-never-imports-builders',
      severity: 'error',
      comment: 'The compiler depends on node types only, never on the builders that make the nodes.',
      from: { path: '^src/compiler/' },
      to: { path: `^src/dsl/(${DSL_BUILDERS})\\.ts$` },
    },
    {
      name: 'pure-stages-do-no-io',
      severity: 'error',
      comment: 'The DSL, the compiler, the emitter and the IR model are pure: files, processes and the network belong to project/, cli/ and the client.',
      from: { path: '^src/(dsl|compiler|emit|ir)/' },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'cli-on-top',
      severity: 'error',
      comment: 'Nothing imports the CLI.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'project-below-cli-only',
      severity: 'error',
      comment: 'project/ (reading and bundling a user\'s files) is used by the CLI and the package root only.',
      from: { path: '^src/', pathNot: '^src/(cli/|project/|index\\.ts$)' },
      to: { path: '^src/project/' },
    },
    {
      name: 'readers-read-ir',
      severity: 'error',
      comment: 'The runner, the graph and the client read IR (src/ir): never the DSL\'s, the compiler\'s or the project\'s modules.',
      from: { path: '^src/(runner|graph|client)/' },
      to: { path: '^src/(dsl|compiler|kubernetes|components|project)/' },
    },
    {
      name: 'readers-use-public-surfaces',
      severity: 'error',
      comment: 'The runner, the graph and the client use validation and emission through their public modules only.',
      from: { path: '^src/(runner|graph|client)/' },
      to: { path: '^src/(validate|emit)/', pathNot: '^src/(validate/index|emit/emit-yaml)\\.ts$' },
    },
    {
      name: 'no-reaching-into-subfolders',
      severity: 'error',
      comment: 'A subfolder (src/compiler/python, src/validate/generated, ...) is its parent folder\'s internals: only modules of that parent import it.',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/[^/]+/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
