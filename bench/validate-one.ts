/**
 * Validates one file the way `kfp-ts validate FILE` does (bytes → UTF-8 check → validateIrText →
 * the printed report) inside this process and prints one JSON line: the validation's wall and CPU
 * time, this process's peak RSS, the number of problems and the bytes of the report.
 *
 *   node --import tsx bench/validate-one.ts FILE
 */
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { validateIrText } from '../src/validate/index.ts';
import { decodeUtf8 } from '../src/validate/utf8.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: validate-one.ts FILE');
const bytes = readFileSync(file);
const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const decoded = decodeUtf8(bytes, file);
const problems = 'problem' in decoded ? [decoded.problem] : validateIrText(decoded.text, file);
const report = problems.map((d) => `error: ${formatDiagnostic(d)}\n`).join('');
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssBeforeMb: rssBefore / 2 ** 20,
    problems: problems.length,
    codes: [...new Set(problems.map((d) => d.code))],
    reportBytes: Buffer.byteLength(report),
  })}\n`,
);
