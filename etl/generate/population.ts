/**
 * Who the customers are. Customer numbers are handed out in connection order, so customer i connected
 * when the utility's connection count first passed i: ~11,700 connections in 2012, 13,058 at the end of
 * 2018, ~14,000 in 2022 and 14,950 in 2024 (scaled by --customers / 14,000). Everything else about a
 * customer comes from that customer's own random stream.
 */
import { dayNumber } from '../domain/period';
import { pickDesa, scatterAround, serviceUnitOf, type Desa, type ServiceUnit } from './areas';
import { drawPayerType, type PayerType } from './behaviour';
import { civil } from './calendar';
import { interpolate } from './curve';
import { address, customerName, phone } from './people';
import type { Rng } from './prng';
import { TARIFF_CLASSES, type TariffClass } from './tariffs';

/** The number of connections the trajectory is stated for; --customers scales it. */
export const REFERENCE_CUSTOMERS = 14_000;

/** Connections ever made by a day (at the reference scale); the last segment is extended linearly. */
const CONNECTIONS: readonly (readonly [number, number])[] = [
  [dayNumber('1982-01-01'), 0],
  [dayNumber('1990-01-01'), 2_500],
  [dayNumber('2000-01-01'), 6_500],
  [dayNumber('2006-01-01'), 9_300],
  [dayNumber('2012-01-01'), 11_700],
  [dayNumber('2019-01-01'), 13_058],
  [dayNumber('2023-01-01'), 14_000],
  [dayNumber('2025-01-01'), 14_950],
  [dayNumber('2027-01-01'), 15_850],
];

function connectionsBy(day: number): number {
  const [x0, y0] = CONNECTIONS[CONNECTIONS.length - 2];
  const [x1, y1] = CONNECTIONS[CONNECTIONS.length - 1];
  return day <= x1 ? interpolate(CONNECTIONS, day) : y1 + ((y1 - y0) * (day - x1)) / (x1 - x0);
}

/** Customers that exist by the end of `lastDay`. */
export function customerCount(scale: number, lastDay: number): number {
  return Math.floor(connectionsBy(lastDay) * scale);
}

/** The day customer `index` (0-based) was connected: where the scaled curve passes index + ½. */
export function connectionDay(index: number, scale: number): number {
  const target = (index + 0.5) / scale;
  let lo = CONNECTIONS[0][0];
  let hi = lo + 1;
  while (connectionsBy(hi) < target) hi += 3650;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (connectionsBy(mid) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

const CLASS_SHARE: Readonly<Record<TariffClass, number>> = {
  S1: 0.01, S2: 0.03, R1: 0.08, R2: 0.7, R3: 0.07, N1: 0.07, N2: 0.01, I1: 0.003, IP: 0.015,
};
const CLASS_WEIGHTS = TARIFF_CLASSES.map((c) => CLASS_SHARE[c]);

/** Typical monthly use in m³ by class. */
const TYPICAL_USE: Readonly<Record<TariffClass, number>> = {
  S1: 35, S2: 30, R1: 12, R2: 17, R3: 28, N1: 25, N2: 90, I1: 250, IP: 80,
};

export interface Customer {
  index: number;
  id: string;
  name: string;
  address: string;
  desa: Desa;
  unit: ServiceUnit;
  tariffClass: TariffClass;
  connectedDay: number;
  latitude: number;
  longitude: number;
  phone: string;
  payer: PayerType;
  /** 0–1: the lower, the earlier this customer moved to paying online */
  digital: number;
  typicalM3: number;
  /** how many bills a late payer habitually carries */
  backlog: number;
}

/** Customer numbers: two digits of the service unit, then the serial number. */
export function customerId(unitCode: string, serial: number): string {
  return unitCode + String(serial).padStart(8, '0');
}

export function makeCustomer(rng: Rng, index: number, scale: number): Customer {
  const desa = pickDesa(rng);
  const unit = serviceUnitOf(desa);
  const tariffClass = TARIFF_CLASSES[rng.weighted(CLASS_WEIGHTS)];
  const connectedDay = connectionDay(index, scale);
  const { latitude, longitude } = scatterAround(rng, desa);
  const institutional = tariffClass === 'IP' || tariffClass === 'S1' || tariffClass === 'S2' || tariffClass === 'I1';
  return {
    index,
    id: customerId(unit.code, index + 1),
    name: customerName(rng, tariffClass, desa),
    address: address(rng, desa),
    desa,
    unit,
    tariffClass,
    connectedDay,
    latitude,
    longitude,
    phone: phone(rng, civil(connectedDay)[0]),
    payer: drawPayerType(rng, tariffClass),
    // offices and public taps pay at the counter or the bank long after households went online
    digital: institutional ? 0.5 + 0.5 * rng.next() : rng.next(),
    typicalM3: Math.max(3, Math.round(TYPICAL_USE[tariffClass] * rng.logNormal(1, 0.35))),
    backlog: rng.int(1, 2),
  };
}
