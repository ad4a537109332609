/**
 * Geography of the demo utility: the 15 kecamatan and 156 desa/kelurahan of Rejang Lebong (from the
 * committed rejang-lebong-areas.json, so nothing outside the project is read at run time), where the
 * connections are, and which service unit serves each area.
 */
import data from './rejang-lebong-areas.json';
import type { Rng } from './prng';

export interface Kecamatan {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  /** whether TBK's pipe network reaches it (public reports 2018/2024) */
  network: boolean;
}

export interface Desa {
  code: string;
  name: string;
  type: 'desa' | 'kelurahan';
  kecamatan: string;
  latitude: number;
  longitude: number;
}

export const KECAMATAN: readonly Kecamatan[] = data.kecamatan;
export const DESA: readonly Desa[] = data.desa as Desa[];

const kecamatanByCode = new Map(KECAMATAN.map((k) => [k.code, k]));

export function kecamatanOf(desa: Desa): Kecamatan {
  return kecamatanByCode.get(desa.kecamatan)!;
}

/**
 * Share of connections per kecamatan: urban Curup holds most; the two kecamatan the network barely
 * reaches get a handful (the 2022 report speaks of connections in all 15).
 */
const CONNECTION_SHARE: Readonly<Record<string, number>> = {
  '17.02.09': 0.22, // Curup
  '17.02.19': 0.2, // Curup Tengah
  '17.02.17': 0.12, // Curup Timur
  '17.02.16': 0.09, // Curup Utara
  '17.02.18': 0.08, // Curup Selatan
  '17.02.11': 0.06, // Selupu Rejang
  '17.02.07': 0.05, // Padang Ulak Tanding
  '17.02.08': 0.045, // Sindang Kelingi
  '17.02.06': 0.03, // Kota Padang
  '17.02.10': 0.025, // Bermani Ulu
  '17.02.24': 0.02, // Bermani Ulu Raya
  '17.02.20': 0.02, // Binduriang
  '17.02.21': 0.02, // Sindang Beliti Ulu
  '17.02.22': 0.002, // Sindang Dataran
  '17.02.23': 0.002, // Sindang Beliti Ilir
};

/** Kelurahan are the denser town quarters: three times a village's connections. */
const KELURAHAN_WEIGHT = 3;

const desaWeights = DESA.map((d) => {
  const inKecamatan = DESA.filter((o) => o.kecamatan === d.kecamatan);
  const own = d.type === 'kelurahan' ? KELURAHAN_WEIGHT : 1;
  const all = inKecamatan.reduce((s, o) => s + (o.type === 'kelurahan' ? KELURAHAN_WEIGHT : 1), 0);
  return (CONNECTION_SHARE[d.kecamatan] * own) / all;
});

export function pickDesa(rng: Rng): Desa {
  return DESA[rng.weighted(desaWeights)];
}

/** A house near the desa centre: town quarters are compact, villages spread along their roads. */
export function scatterAround(rng: Rng, desa: Desa): { latitude: number; longitude: number } {
  const spread = desa.type === 'kelurahan' ? 0.0035 : 0.007;
  return {
    latitude: round6(desa.latitude + spread * rng.normal()),
    longitude: round6(desa.longitude + spread * rng.normal()),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The utility's service units; each area is served by the nearest. */
export interface ServiceUnit {
  /** two digits, the first part of every customer number served there */
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}

const desaNamed = (name: string) => DESA.find((d) => d.name === name)!;
const at = (name: string) => ({ latitude: desaNamed(name).latitude, longitude: desaNamed(name).longitude });

export const SERVICE_UNITS: readonly ServiceUnit[] = [
  { code: '01', name: 'Curup', latitude: kecamatanByCode.get('17.02.09')!.latitude, longitude: kecamatanByCode.get('17.02.09')!.longitude },
  { code: '02', name: 'Kampung Delima', ...at('Kampung Delima') },
  { code: '03', name: 'Belitar', ...at('Belitar Muka') },
  { code: '04', name: 'Padang Ulak Tanding', ...at('Pasar PU Tanding') },
];

function nearestUnit(lat: number, lon: number): ServiceUnit {
  let best = SERVICE_UNITS[0];
  let bestDistance = Infinity;
  for (const u of SERVICE_UNITS) {
    const d = (u.latitude - lat) ** 2 + (u.longitude - lon) ** 2;
    if (d < bestDistance) [best, bestDistance] = [u, d];
  }
  return best;
}

const unitByDesa = new Map(DESA.map((d) => [d.code, nearestUnit(d.latitude, d.longitude)]));

export function serviceUnitOf(desa: Desa): ServiceUnit {
  return unitByDesa.get(desa.code)!;
}

/** Share of all connections in the unit's area. */
export function unitShare(unitCode: string): number {
  return DESA.reduce((s, d, i) => (serviceUnitOf(d).code === unitCode ? s + desaWeights[i] : s), 0);
}
