/**
 * kfp's Kubernetes-style name (`sanitize_k8s_name`, which `maybe_rename_for_k8s` applies): lower
 * case, each run of other characters one `-`, no dashes at the ends. kfp derives from it the keys
 * of components and executors (`comp-train-model`), task names, and the name of a component
 * compiled on its own, so every place that matches or writes those names must use this one rule.
 */
export function k8sName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-0-9a-z]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}
