import { describe, expect, it } from 'vitest';
import { canChangeSettings, canOpen, canSeePersonalData, canSeeRawRejects, isRole, ROLES, SECTION_ROLES } from '../../../app/lib/roles';

describe('personal data', () => {
  it('is for directors, supervisors and admins; managers see aggregates only', () => {
    expect(canSeePersonalData({ role: 'director' })).toBe(true);
    expect(canSeePersonalData({ role: 'supervisor' })).toBe(true);
    expect(canSeePersonalData({ role: 'admin' })).toBe(true);
    expect(canSeePersonalData({ role: 'manager' })).toBe(false);
  });

  it('in raw rejected lines (any customer of the utility) only for the Data page’s roles', () => {
    expect(ROLES.filter((role) => canSeeRawRejects({ role }))).toEqual(['director', 'admin']);
  });
});

describe('sections', () => {
  it('opens the overview, arrears and collections to every role', () => {
    for (const role of ROLES) {
      expect(canOpen({ role }, 'overview')).toBe(true);
      expect(canOpen({ role }, 'arrears')).toBe(true);
      expect(canOpen({ role }, 'collections')).toBe(true);
    }
  });

  it('keeps the Data page to directors and admins, channels away from supervisors', () => {
    expect(ROLES.filter((role) => canOpen({ role }, 'data'))).toEqual(['director', 'admin']);
    expect(ROLES.filter((role) => canOpen({ role }, 'channels'))).toEqual(['director', 'manager', 'admin']);
    expect(Object.keys(SECTION_ROLES)).toEqual(['overview', 'arrears', 'channels', 'collections', 'data', 'reports']);
    expect(ROLES.filter((role) => canOpen({ role }, 'reports'))).toEqual(ROLES);
  });

  it('lets only admins change settings', () => {
    expect(ROLES.filter((role) => canChangeSettings({ role }))).toEqual(['admin']);
  });

  it('knows its roles', () => {
    expect(isRole('manager')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
