/**
 * Shows every difference of the named ports (all ports when none is named):
 * `npx tsx tests/ports/show.ts hello_world critical/flip_coin`.
 */
import { allGoldens, runPort } from './run-port.ts';

const names = process.argv.length > 2 ? process.argv.slice(2) : allGoldens();
for (const name of names) {
  const o = await runPort(name);
  console.log(`${o.status}: ${name}`);
  if (o.status !== 'equal') for (const d of o.detail) console.log(`  ${d}`);
}
