import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/cli/schedule-options.ts';

describe('recurring-runs create: the scheduling flags', () => {
  it('GIVEN a six-field cron with bounds WHEN parsed THEN the trigger carries them, concurrency defaults to 1, catch-up on, enabled', () => {
    expect(parseSchedule({ cron: '0 0 9 * * 1-5', startTime: '2027-01-01T00:00:00Z', endTime: '2027-02-01T00:00:00+01:00' })).toEqual({
      ok: true,
      value: { trigger: { cron_schedule: { cron: '0 0 9 * * 1-5', start_time: '2027-01-01T00:00:00Z', end_time: '2027-02-01T00:00:00+01:00' } }, maxConcurrency: 1, noCatchup: false, mode: 'ENABLE' },
      diagnostics: [],
    });
  });

  it('GIVEN an interval, --no-catchup and --disabled WHEN parsed THEN a periodic trigger, no catch-up, disabled', () => {
    const parsed = parseSchedule({ interval: '3600', maxConcurrency: '10', catchup: false, disabled: true });
    expect(parsed.ok && parsed.value).toEqual({ trigger: { periodic_schedule: { interval_second: 3600 } }, maxConcurrency: 10, noCatchup: true, mode: 'DISABLE' });
  });

  it('GIVEN a five-field cron WHEN parsed THEN it is kept, with a warning that spells out the six-field form; descriptors get none', () => {
    const parsed = parseSchedule({ cron: '30 2 * * 1-5' });
    expect(parsed.ok).toBe(true);
    expect(parsed.diagnostics.map((d) => [d.code, d.severity])).toEqual([['recurring-runs/five-field-cron', 'warning']]);
    expect(parsed.diagnostics[0]!.message).toContain('"0 30 2 * * 1-5"');
    expect(parseSchedule({ cron: '@every 2h' }).diagnostics).toEqual([]);
  });

  it.each([
    [{}, '--cron/--interval'],
    [{ cron: '* * * * * *', interval: '5' }, '--cron/--interval'],
    [{ interval: '1.5' }, '--interval'],
    [{ interval: '0' }, '--interval'],
    [{ cron: '* * * * * *', maxConcurrency: '0' }, '--max-concurrency'],
    [{ cron: '* * * * * *', maxConcurrency: '11' }, '--max-concurrency'],
    [{ cron: '* * * * * *', startTime: '2027-01-01' }, '--start-time'],
    [{ cron: '* * * * * *', startTime: '2027-01-02T00:00:00Z', endTime: '2027-01-01T00:00:00Z' }, '--end-time'],
  ])('GIVEN %j WHEN parsed THEN it is refused at %s', (flags, path) => {
    const parsed = parseSchedule(flags);
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics.map((d) => d.path)).toEqual([[path]]);
  });
});
