import { isChannel } from '../dsl/channels.ts';
import type { ResourcesConfig } from '../dsl/task-node.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Structure } from './structure.ts';
import { channelFullName, injectedName } from './channel-names.ts';

type Json = Record<string, unknown>;

const CPU = /^([0-9]*[.])?[0-9]+m?$/;
const MEMORY = /^[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki){0,1}$/;

const MEMORY_UNITS: Record<string, number> = {
  E: 1e18, Ei: 2 ** 60, P: 1e15, Pi: 2 ** 50, T: 1e12, Ti: 2 ** 40, G: 1e9, Gi: 2 ** 30, M: 1e6, Mi: 2 ** 20, K: 1e3, Ki: 2 ** 10,
};

/** kfp writes the deprecated numeric fields in (decimal) gigabytes and cores. */
function cpuToFloat(cpu: string): number {
  return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu);
}
function memoryToFloat(mem: string): number {
  const m = /^([0-9]+)([A-Za-z]*)$/.exec(mem)!;
  const unit = m[2] ?? '';
  return unit === '' ? Number(m[1]) / 1e9 : (Number(m[1]) * MEMORY_UNITS[unit]!) / 1e9;
}

/**
 * Container resources with the old numeric fields and the newer string (`resource*`) fields side
 * by side, as kfp writes them so that older backends still read the limits. A value taken from a
 * parameter gets only the string field, holding the injected input's placeholder.
 */
export function lowerResources(r: ResourcesConfig, s: Structure, path: readonly string[], ds: Diagnostic[]): Json | undefined {
  const out: Json = {};
  const ph = (v: unknown) => (isChannel(v) ? `{{$.inputs.parameters['${injectedName(channelFullName(v, s))}']}}` : undefined);
  const field = (value: ResourcesConfig['cpuLimit'], newKey: string, oldKey: string, kind: 'cpu' | 'memory') => {
    if (value === undefined) return;
    const p = ph(value);
    if (p !== undefined) {
      out[newKey] = p;
      return;
    }
    const v = value as string;
    if (kind === 'cpu' ? !CPU.test(v) : !MEMORY.test(v)) {
      ds.push(
        diagnostic(
          'task/invalid-resource',
          path,
          kind === 'cpu'
            ? `invalid CPU quantity '${v}': use a number of cores or millicores, e.g. '2', '0.5' or '500m'`
            : `invalid memory quantity '${v}': use bytes with an optional unit (E, Ei, P, Pi, T, Ti, G, Gi, M, Mi, K, Ki), e.g. '8Gi'`,
        ),
      );
      return;
    }
    out[newKey] = v;
    out[oldKey] = kind === 'cpu' ? cpuToFloat(v) : memoryToFloat(v);
  };
  field(r.cpuRequest, 'resourceCpuRequest', 'cpuRequest', 'cpu');
  field(r.cpuLimit, 'resourceCpuLimit', 'cpuLimit', 'cpu');
  field(r.memoryRequest, 'resourceMemoryRequest', 'memoryRequest', 'memory');
  field(r.memoryLimit, 'resourceMemoryLimit', 'memoryLimit', 'memory');
  const count = r.acceleratorCount ?? (r.acceleratorType !== undefined ? '1' : undefined);
  if (count !== undefined) {
    const acc: Json = {};
    const countPh = ph(count);
    const typePh = ph(r.acceleratorType);
    if (countPh) acc.resourceCount = countPh;
    else {
      const c = String(count);
      if (!/^\d+$/.test(c)) ds.push(diagnostic('task/invalid-resource', path, `accelerator count '${c}' must be a non-negative integer`));
      acc.resourceCount = c;
      // `count` is an int64 in the proto, and protobuf's JSON form writes int64 as a string.
      acc.count = c;
    }
    if (typePh) acc.resourceType = typePh;
    else if (r.acceleratorType !== undefined) {
      acc.resourceType = r.acceleratorType;
      acc.type = r.acceleratorType;
    }
    out.accelerator = acc;
  }
  return Object.keys(out).length ? out : undefined;
}
