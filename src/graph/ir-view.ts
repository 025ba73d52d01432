/**
 * The part of the KFP IR (PipelineSpec) the graph reads, under the names of the typed IR model.
 * Every field is optional and readonly, as in proto3 JSON: a reader must not assume one.
 */

export interface PipelineSpec {
  readonly pipelineInfo?: { readonly name?: string; readonly displayName?: string; readonly description?: string };
  readonly root?: ComponentSpec;
  readonly components?: { readonly [name: string]: ComponentSpec };
  readonly deploymentSpec?: { readonly executors?: { readonly [label: string]: ExecutorSpec } };
}

export interface ComponentSpec {
  readonly dag?: DagSpec;
  readonly executorLabel?: string;
}

export interface ExecutorSpec {
  readonly container?: { readonly image?: string };
  readonly importer?: object;
  readonly resolver?: object;
  readonly customJob?: object;
}

export interface DagSpec {
  readonly tasks?: { readonly [name: string]: PipelineTaskSpec };
  readonly outputs?: DagOutputsSpec;
}

export interface PipelineTaskSpec {
  readonly taskInfo?: { readonly name?: string };
  readonly componentRef?: { readonly name?: string };
  readonly inputs?: TaskInputsSpec;
  readonly dependentTasks?: readonly string[];
  readonly triggerPolicy?: { readonly condition?: string; readonly strategy?: string };
  readonly parameterIterator?: { readonly items?: { readonly raw?: string; readonly inputParameter?: string }; readonly itemInput?: string };
  readonly artifactIterator?: { readonly items?: { readonly inputArtifact?: string }; readonly itemInput?: string };
  readonly iteratorPolicy?: { readonly parallelismLimit?: number };
  readonly cachingOptions?: { readonly enableCache?: boolean };
}

export interface TaskInputsSpec {
  readonly parameters?: { readonly [name: string]: InputParameterSpec };
  readonly artifacts?: { readonly [name: string]: InputArtifactSpec };
}

export interface InputParameterSpec {
  readonly taskOutputParameter?: { readonly producerTask?: string; readonly outputParameterKey?: string };
  readonly componentInputParameter?: string;
  readonly taskFinalStatus?: { readonly producerTask?: string };
}

export interface InputArtifactSpec {
  readonly taskOutputArtifact?: { readonly producerTask?: string; readonly outputArtifactKey?: string };
  readonly componentInputArtifact?: string;
}

export interface DagOutputsSpec {
  readonly parameters?: {
    readonly [name: string]: {
      readonly valueFromParameter?: ParameterSelectorSpec;
      readonly valueFromOneof?: { readonly parameterSelectors?: readonly ParameterSelectorSpec[] };
    };
  };
  readonly artifacts?: { readonly [name: string]: { readonly artifactSelectors?: readonly ArtifactSelectorSpec[] } };
}

export interface ParameterSelectorSpec {
  readonly producerSubtask?: string;
  readonly outputParameterKey?: string;
}

export interface ArtifactSelectorSpec {
  readonly producerSubtask?: string;
  readonly outputArtifactKey?: string;
}
