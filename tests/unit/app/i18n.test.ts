import { describe, expect, it } from 'vitest';
import { MESSAGES, t } from '../../../app/i18n';
import auth from '../../../app/i18n/messages/auth';
import arrears from '../../../app/i18n/messages/arrears';
import channels from '../../../app/i18n/messages/channels';
import collections from '../../../app/i18n/messages/collections';
import common from '../../../app/i18n/messages/common';
import data from '../../../app/i18n/messages/data';
import ledger from '../../../app/i18n/messages/ledger';
import monthly from '../../../app/i18n/messages/monthly';
import overview from '../../../app/i18n/messages/overview';
import reports from '../../../app/i18n/messages/reports';
import reportsLpp from '../../../app/i18n/messages/reports-lpp';
import table from '../../../app/i18n/messages/table';

const features = { arrears, auth, collections, common, data, overview, table, ledger, channels, monthly, reports, reportsLpp };

describe('dictionaries', () => {
  it('have the same keys in Indonesian and English, none empty', () => {
    for (const [name, f] of Object.entries(features)) {
      expect(Object.keys(f.en).sort(), name).toEqual(Object.keys(f.id).sort());
      for (const [key, text] of [...Object.entries(f.id), ...Object.entries(f.en)]) expect(text.trim(), `${name} ${key}`).not.toBe('');
    }
  });

  it('do not define a key in two features', () => {
    const seen = new Map<string, string>();
    for (const [name, f] of Object.entries(features)) {
      for (const key of Object.keys(f.id)) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
    expect(Object.keys(MESSAGES.id).length).toBe(seen.size);
  });

  it('use the same {variables} in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const f of Object.values(features)) {
      for (const key of Object.keys(f.id) as (keyof typeof f.id)[]) expect(vars(f.en[key]), key).toEqual(vars(f.id[key]));
    }
  });
});

describe('t', () => {
  it('translates, Indonesian by default', () => {
    expect(t('id', 'nav.overview')).toBe('Ringkasan');
    expect(t('en', 'nav.overview')).toBe('Overview');
  });
  it('fills variables and leaves unknown ones visible', () => {
    expect(t('id', 'data.rejects.count', { count: '1.234' })).toBe('1.234 baris ditolak');
    expect(t('en', 'login.rateLimited', { minutes: 11 })).toBe('Too many failed sign-ins. Try again in 11 minutes.');
    expect(t('en', 'login.rateLimited')).toContain('{minutes}');
  });
});
