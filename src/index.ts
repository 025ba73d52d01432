/**
 * kfp-ts: write Kubeflow Pipelines in TypeScript, compile them to the KFP v2 IR.
 * @packageDocumentation
 */
export { z } from 'zod';
export * from './dsl/artifacts.ts';
export type { ArtifactChannel, ParameterChannel, ChannelNode } from './dsl/channels.ts';
export { eq, ne, lt, le, gt, ge, type ConditionNode } from './dsl/conditions.ts';
export { input, output, type InputDecls, type InputOptions, type OutputDecls } from './dsl/io.ts';
export { cmd, concat, ifPresent, runtime, type CommandLineElement, type PlaceholderNode, type RuntimePlaceholder } from './dsl/placeholders.ts';
export type { ImporterMetadata, ImporterMetadataKey, ImporterMetadataValue } from './dsl/importer-metadata.ts';
export {
  pythonComponent,
  containerComponent,
  type Component,
  type PythonComponentOptions,
  type ContainerComponentOptions,
  type ContainerSpecDecl,
  type InputPlaceholders,
  type OutputPlaceholders,
} from './dsl/component.ts';
export { notebookComponent, type NotebookComponentOptions } from './dsl/notebook-component.ts';
export type { EmbeddedInputDecls } from './dsl/embedded.ts';
export { pipeline, str, type Pipeline, type PipelineBody, type PipelineOptions } from './dsl/pipeline.ts';
export { componentFromIr } from './dsl/component-from-ir.ts';
export { componentFromIrYaml, loadComponentFromText, type DeclaredInterface, type LoadTextOptions } from './dsl/component-from-text.ts';
export { loadComponentFromFile } from './load/component-from-file.ts';
export { loadComponentFromUrl, type UrlLoadOptions } from './load/component-from-url.ts';
export type { UrlFetchOptions } from './load/fetch-component-text.ts';
export { pipelineOfComponent } from './dsl/pipeline-of-component.ts';
export type { Runnable } from './dsl/graph-component.ts';
export { itemField } from './dsl/item-field.ts';
export { collected } from './dsl/collected.ts';
export type { CollectedValue, LoopItemValue, OutOfLoop, UntypedItem, InLoops, LevelsOf, EscapedChannel, NestedList } from './dsl/loop-levels.ts';
export { PipelineTaskFinalStatus, type ParameterType } from './dsl/parameter-types.ts';
export type { Scope, ConditionChain } from './dsl/scope.ts';
export type { TaskHandle } from './dsl/task-handle.ts';
export type { ResourcesConfig, RetryConfig } from './dsl/task-config.ts';
export type { ImporterOptions, ImporterOutputs } from './dsl/importer.ts';
export type { ArgsOf, OutputsOf, ParamsOf } from './dsl/typing.ts';
export type { PipelineNode } from './dsl/nodes.ts';
export * as kubernetes from './kubernetes/index.ts';
/** The KFP IR as types (`ir.PipelineSpec`, `ir.ComponentSpec`, ...) and `ir.readIr`: see src/ir/index.ts. */
export * as ir from './ir/index.ts';
export { compilePipeline } from './compiler/compile.ts';
export type { CompileResult } from './compiler/compile-result.ts';
export type { CompileOptions } from './compiler/options.ts';
export { emitPipelineYaml } from './emit/emit-yaml.ts';
export { compileToYaml, type CompileToYamlResult } from './project/compile-to-yaml.ts';
export { type Diagnostic, type DiagnosticPath, type DiagnosticCode, DiagnosticError, formatDiagnostic, formatDiagnostics, formatPath } from './diagnostics.ts';
export { DIAGNOSTIC_CODES } from './diagnostic-codes/index.ts';
