import { isChannel } from '../dsl/channels.ts';
import type { ResourcesConfig, ResourceValue } from '../dsl/task-config.ts';
import type { AcceleratorConfig, ResourceSpec } from '../ir/index.ts';
import { channelPlaceholder } from './channel-names.ts';
import type { NamedContext, TaskEntry } from './context.ts';

/** The CPU and memory quantities kfp's set_cpu_* / set_memory_* accept. */
export const CPU_QUANTITY = /^([0-9]*[.])?[0-9]+m?$/;
export const MEMORY_QUANTITY = /^[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki){0,1}$/;

const MEMORY_UNITS: Record<string, number> = {
  E: 1e18, Ei: 2 ** 60, P: 1e15, Pi: 2 ** 50, T: 1e12, Ti: 2 ** 40, G: 1e9, Gi: 2 ** 30, M: 1e6, Mi: 2 ** 20, K: 1e3, Ki: 2 ** 10,
};

/** kfp writes the deprecated numeric fields in (decimal) gigabytes and cores. */
function cpuToFloat(cpu: string): number {
  return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu);
}
function memoryToFloat(mem: string): number {
  // Stryker disable next-line Regex: only called with a value MEMORY_QUANTITY (anchored) accepted, so the anchors here change nothing
  const m = /^([0-9]+)([A-Za-z]*)$/.exec(mem)!;
  // Stryker disable next-line StringLiteral: group 2 always takes part in the match (it may be empty), so the fallback is never used
  const unit = m[2] ?? '';
  return unit === '' ? Number(m[1]) / 1e9 : (Number(m[1]) * MEMORY_UNITS[unit]!) / 1e9;
}

type Quantity = 'cpuRequest' | 'cpuLimit' | 'memoryRequest' | 'memoryLimit';
const NEW_FIELD = { cpuRequest: 'resourceCpuRequest', cpuLimit: 'resourceCpuLimit', memoryRequest: 'resourceMemoryRequest', memoryLimit: 'resourceMemoryLimit' } as const;

/**
 * A task's container resources with the old numeric fields and the newer string (`resource*`)
 * fields side by side, as kfp writes them so that older backends still read the limits. A value
 * taken from a parameter gets only the string field, holding the injected input's placeholder.
 * (check-task-settings.ts reports a quantity kfp refuses; it is left out here.)
 */
export function lowerResources(ctx: NamedContext, t: TaskEntry): ResourceSpec | undefined {
  const r: ResourcesConfig = t.node.config.resources ?? {};
  const ph = (v: unknown): string | undefined => (isChannel(v) ? channelPlaceholder(v, ctx.naming) : undefined);
  const quantity = (key: Quantity, value: ResourceValue | undefined): ResourceSpec => {
    if (value === undefined) return {};
    const p = ph(value);
    if (p !== undefined) return { [NEW_FIELD[key]]: p };
    const v = String(value);
    const cpu = key.startsWith('cpu');
    if (!(cpu ? CPU_QUANTITY : MEMORY_QUANTITY).test(v)) return {};
    return { [NEW_FIELD[key]]: v, [key]: cpu ? cpuToFloat(v) : memoryToFloat(v) };
  };
  const spec: ResourceSpec = {
    ...quantity('cpuRequest', r.cpuRequest),
    ...quantity('cpuLimit', r.cpuLimit),
    ...quantity('memoryRequest', r.memoryRequest),
    ...quantity('memoryLimit', r.memoryLimit),
    ...accelerator(r, ph),
  };
  return Object.keys(spec).length ? spec : undefined;
}

function accelerator(r: ResourcesConfig, ph: (v: unknown) => string | undefined): { accelerator?: AcceleratorConfig } {
  const count = r.acceleratorCount ?? (r.acceleratorType !== undefined ? '1' : undefined);
  if (count === undefined) return {};
  const countPh = ph(count);
  const typePh = ph(r.acceleratorType);
  let counted: AcceleratorConfig;
  if (countPh) counted = { resourceCount: countPh };
  else {
    const c = String(count);
    // `count` is an int64 in the proto, and protobuf's JSON form writes int64 as a string.
    counted = { resourceCount: c, count: c };
  }
  const type = r.acceleratorType;
  const typed: AcceleratorConfig = typePh ? { resourceType: typePh } : typeof type === 'string' ? { resourceType: type, type } : {};
  return { accelerator: { ...counted, ...typed } };
}
