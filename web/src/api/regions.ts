import { api } from './client.ts';

/** One administrative division, as GET /api/regions lists them. */
export interface Region {
  adcode: string;
  name: string;
  level: string;
  lat: number;
  lng: number;
}

export const COUNTRY = '100000';

const cache = new Map<string, Promise<Region[]>>();
const loaded = new Map<string, Region[]>();

/** The divisions under `parent` if they were already fetched (no flicker when reopening a picker). */
export const cachedRegions = (parent: string): Region[] | undefined => loaded.get(parent);

/** The divisions directly under `parent` (default: the provinces), fetched once per page load. */
export function fetchRegions(parent: string = COUNTRY): Promise<Region[]> {
  let pending = cache.get(parent);
  if (!pending) {
    pending = api
      .get<{ parent: string; items: Region[] }>('/regions', { query: { parent }, anonymous: true })
      .then((body) => {
        loaded.set(parent, body.items);
        return body.items;
      });
    // a failure is not cached: the next picker (or a retry) asks again
    pending.catch(() => cache.delete(parent));
    cache.set(parent, pending);
  }
  return pending;
}

/** The province and city codes that may contain `adcode` (GB/T 2260: 2 + 2 + 2 digits). */
export function ancestorsOf(adcode: string): { province: string; city: string } {
  return { province: `${adcode.slice(0, 2)}0000`, city: `${adcode.slice(0, 4)}00` };
}

/**
 * The chain of divisions from the province down to `adcode`, e.g. 福建省 › 三明市 › 三元区.
 * Handles county-level units directly under a province (省直辖县) and cities without counties.
 */
export async function regionPath(adcode: string): Promise<Region[]> {
  const { province, city } = ancestorsOf(adcode);
  const provinces = await fetchRegions(COUNTRY);
  const p = provinces.find((r) => r.adcode === province);
  if (!p) return [];
  if (adcode === province) return [p];
  const cities = await fetchRegions(province);
  const direct = cities.find((r) => r.adcode === adcode);
  if (direct) return [p, direct];
  const c = cities.find((r) => r.adcode === city);
  if (!c) return [p];
  const counties = await fetchRegions(city);
  const county = counties.find((r) => r.adcode === adcode);
  return county ? [p, c, county] : [p, c];
}
