import { CITY_CODES, DIRECT_COUNTY_CODES, PROVINCE_CODES } from './divisions.data.ts';

/**
 * Whether six digits name a real administrative division (GB/T 2260), as a credit code's division
 * part (characters 3–8: the registering office's division) must. Browser-safe and small: it knows
 * the provinces, cities and province-administered counties of the region table
 * (functions/regions/cn-regions.json), not every county. A county code is accepted under a real city
 * whatever its last two digits, because a credit code keeps the code of the office that issued it
 * and counties are renumbered when they merge (梅列区 350402 became part of 三元区 350403 in 2021);
 * `999999`, `359900` or `000000` name nothing and are refused.
 */
const set = (codes: string) => new Set(codes.split(' '));
const PROVINCES = set(PROVINCE_CODES);
/** Cities abolished since credit codes began (2015): their offices' codes are still on the codes they issued. */
const RETIRED_CITY_CODES = '3712'; // 莱芜市, merged into 济南市 in 2019
const CITIES = set(`${CITY_CODES} ${RETIRED_CITY_CODES}`);
const DIRECT_COUNTIES = set(DIRECT_COUNTY_CODES);

/** 100000: registered nationally (the State Administration for Market Regulation and other central offices). */
const NATIONAL = '100000';

export function isRealDivision(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (code === NATIONAL) return true;
  if (code.endsWith('0000')) return PROVINCES.has(code.slice(0, 2));
  return CITIES.has(code.slice(0, 4)) || DIRECT_COUNTIES.has(code);
}
