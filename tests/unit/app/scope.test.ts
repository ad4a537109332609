/** The signed-in user's scope (app/lib/scope.server.ts): personal data by role, teams for supervisors. */
import { describe, expect, it } from 'vitest';
import { scopeFor } from '../../../app/lib/scope.server';

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
