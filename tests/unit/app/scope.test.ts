/** The signed-in user's scope (app/lib/scope.server.ts): personal data by role, teams for supervisors. */
import { describe, expect, it } from 'vitest';
import { scopeFor, withinScope } from '../../../app/lib/scope.server';
import { ScopeRefusedError } from '../../../etl/queries/scope';

describe('scopeFor', () => {
  it('directors and admins: personal data, every team', () => {
    expect(scopeFor({ role: 'director', teams: [] })).toEqual({ personalData: true, teams: 'all' });
    expect(scopeFor({ role: 'admin', teams: [] })).toEqual({ personalData: true, teams: 'all' });
  });
  it('managers: aggregates only, every team', () => {
    expect(scopeFor({ role: 'manager', teams: ['T01'] })).toEqual({ personalData: false, teams: 'all' });
  });
  it('a supervisor: personal data of their own teams only', () => {
    expect(scopeFor({ role: 'supervisor', teams: ['T01', 'T03'] })).toEqual({ personalData: true, teams: ['T01', 'T03'] });
    expect(scopeFor({ role: 'supervisor', teams: [] })).toEqual({ personalData: true, teams: [] });
  });
  it('cannot be widened afterwards', () => {
    const scope = scopeFor({ role: 'supervisor', teams: ['T01'] });
    expect(() => ((scope.teams as string[]).push('T02'))).toThrow(TypeError);
  });
});

describe('withinScope', () => {
  it('turns a query refused for personal data into a 403', async () => {
    const response = await withinScope(async () => {
      throw new ScopeRefusedError('the list of customers in arrears');
    }).catch((r: unknown) => r);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(403);
    expect(await (response as Response).json()).toEqual({
      error: 'forbidden',
      message: 'the list of customers in arrears holds personal data, which this user may not see',
    });
  });
  it('passes results and other errors through', async () => {
    expect(await withinScope(async () => 42)).toBe(42);
    await expect(withinScope(async () => Promise.reject(new RangeError('x')))).rejects.toBeInstanceOf(RangeError);
  });
});
