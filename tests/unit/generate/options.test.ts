import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, parseOptions } from '../../../etl/generate/options';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('demo generator options', () => {
  it('defaults to the reference utility up to the last complete month', () => {
    expect(parseOptions([], NOW)).toEqual({ customers: 14_000, from: '2012-01', to: '2026-10', seed: '1', out: 'data/demo', help: false });
  });

  it('takes the month in Jakarta, seven hours ahead of UTC', () => {
    expect(lastCompleteMonth(new Date('2026-11-30T18:00:00Z'))).toBe('2026-11');
    expect(lastCompleteMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-10');
  });

  it('reads every option', () => {
    const o = parseOptions(['--customers', '200', '--from', '2024-01', '--to', '2025-12', '--seed', 'x', '--out', '/tmp/d'], NOW);
    expect(o).toMatchObject({ customers: 200, from: '2024-01', to: '2025-12', seed: 'x', out: '/tmp/d' });
  });

  it('refuses what it cannot use', () => {
    expect(() => parseOptions(['--customers', '0'], NOW)).toThrow(/--customers/);
    expect(() => parseOptions(['--from', '2024-13'], NOW)).toThrow(/--from/);
    expect(() => parseOptions(['--from', '2025-01', '--to', '2024-12'], NOW)).toThrow(/before/);
    expect(() => parseOptions(['--bogus'], NOW)).toThrow();
  });
});
