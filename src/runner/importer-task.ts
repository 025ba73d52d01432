/**
 * An importer task: no process, an artifact recorded from a URI — a constant, or the importer's
 * `uri` input — with the importer's type and metadata. Placeholders in the metadata are resolved
 * from the task's inputs, as the SDK means them and kfp's local runner does (the backend 2.17
 * records them unresolved); a value that is exactly one placeholder keeps its type.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImporterSpec, JsonObject, JsonValue } from '../ir/index.ts';
import type { TaskNode } from './dag-state.ts';
import type { EngineContext } from './engine-context.ts';
import type { ResolvedInputs } from './executor-input.ts';
import { argumentText } from './values.ts';

const WHOLE = /^\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}$/;
const ANY = /\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}/g;

function resolveMetadata(value: JsonValue, parameters: Readonly<Record<string, JsonValue>>): JsonValue {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return parameters[whole[1] ?? ''] ?? value;
    return value.replace(ANY, (m, name: string) => {
      const v = parameters[name];
      return v !== undefined ? argumentText(v) : m;
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolveMetadata(v, parameters));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(resolveMetadata(k, parameters)), resolveMetadata(v ?? null, parameters)]));
  }
  return value;
}

export async function runImporterTask(ctx: EngineContext, node: TaskNode, inputs: ResolvedInputs, importer: ImporterSpec): Promise<void> {
  const dir = path.join(ctx.runDir, node.path);
  node.dir = dir;
  node.startedAt = Date.now();
  const source = importer.artifactUri;
  const uri = source?.constant !== undefined ? source.constant : source?.runtimeParameter !== undefined ? inputs.parameters[source.runtimeParameter] : undefined;
  if (typeof uri !== 'string' || uri === '') {
    node.state = 'FAILED';
    node.message = `the importer's artifact URI is empty or not a string (${JSON.stringify(uri ?? null)})`;
    return;
  }
  const outputName = Object.keys(node.component.outputDefinitions?.artifacts ?? {})[0] ?? 'artifact';
  const resolved = resolveMetadata(importer.metadata ?? {}, inputs.parameters);
  const metadata = resolved !== null && typeof resolved === 'object' && !Array.isArray(resolved) ? (resolved as JsonObject) : {};
  node.outputs = {
    parameters: {},
    artifacts: {
      [outputName]: [{ name: outputName, uri, type: importer.typeSchema ?? {}, metadata }],
    },
  };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'importer.json'), JSON.stringify({ uri, reimport: importer.reimport === true, outputs: node.outputs }, null, 2));
  node.state = 'SUCCEEDED';
}
