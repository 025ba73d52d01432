import type { Component } from '../dsl/component.ts';
import { loadComponentFromText, type DeclaredInterface } from '../dsl/component-from-text.ts';
import type { InputDecls, OutputDecls } from '../dsl/io.ts';
import { fetchComponentText, type UrlFetchOptions } from './fetch-component-text.ts';

export interface UrlLoadOptions<I extends InputDecls, O extends OutputDecls> extends DeclaredInterface<I, O>, UrlFetchOptions {}

/**
 * A component from an http(s) or gs:// URL (kfp's `load_component_from_url`): a kfp v1
 * `component.yaml` or compiled v2 IR, downloaded through the KFP client's transport (`proxy`,
 * `tls`, timeouts), cached by content under `cacheDir`, verified against `sha256` when given.
 * Give `inputs`/`outputs` to type it; `kfp-ts codegen URL -o out.ts` writes them.
 *
 * @example
 * const hash = await loadComponentFromUrl('https://example.com/components/calculate_hash.yaml', {
 *   cacheDir: '.kfp-ts-cache',
 *   inputs: { data: input(Artifact), hash_algorithm: z.string().default('SHA256') },
 *   outputs: { hash: z.string() },
 * });
 */
export async function loadComponentFromUrl<const I extends InputDecls = InputDecls, const O extends OutputDecls = OutputDecls>(
  url: string,
  options: UrlLoadOptions<I, O> = {},
): Promise<Component<I, O>> {
  const fetched = await fetchComponentText(url, options);
  return loadComponentFromText<I, O>(fetched.text, { ...(options.inputs ? { inputs: options.inputs } : {}), ...(options.outputs ? { outputs: options.outputs } : {}), source: url });
}
