/** Kubernetes selector requirements, as kfp-kubernetes' affinity helpers take them. */
export type { LabelSelectorOperator, NodeSelectorOperator, SelectorRequirement } from '../dsl/kubernetes-settings.ts';
