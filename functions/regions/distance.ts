/**
 * Great-circle distance on a spherical Earth (haversine formula).
 *
 * The radius is the IUGG mean Earth radius R₁ = 6371.0088 km. Over China the spherical model is within
 * about 0.5 % of the ellipsoidal (Vincenty) distance, which is far below the uncertainty of a road
 * route, so it is what every matching rule ("within the delivery radius") and every freight estimate uses.
 *
 * Determinism matters more than the last ulp here: the matching engine decides feasibility with
 * `distance ≤ radius`, and the same pair must get the same answer wherever it is evaluated (candidate
 * search, greedy baseline, LP reference, certificate). Therefore {@link haversineKm} is implemented on
 * top of {@link haversineKmFromRadians} with the same pre-computed terms that the hot loops cache
 * ({@link toRadians}, `Math.cos(latRad)`), so both paths return bit-identical results.
 */

export interface GeoPoint {
  /** Latitude in decimal degrees, −90…90. */
  lat: number;
  /** Longitude in decimal degrees, −180…180. */
  lng: number;
}

/** IUGG mean Earth radius, km. */
export const EARTH_RADIUS_KM = 6371.0088;

const DEG_TO_RAD = Math.PI / 180;

/** Degrees → radians, the one conversion every caller must share (see module comment). */
export function toRadians(degrees: number): number {
  return degrees * DEG_TO_RAD;
}

/**
 * Haversine distance in km from pre-computed radians and cosines of the latitudes.
 * `cosLat1` must be `Math.cos(lat1Rad)` and `cosLat2` must be `Math.cos(lat2Rad)`.
 */
export function haversineKmFromRadians(
  lat1Rad: number,
  lng1Rad: number,
  cosLat1: number,
  lat2Rad: number,
  lng2Rad: number,
  cosLat2: number,
): number {
  const sinHalfDLat = Math.sin((lat2Rad - lat1Rad) * 0.5);
  const sinHalfDLng = Math.sin((lng2Rad - lng1Rad) * 0.5);
  const h = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * (sinHalfDLng * sinHalfDLng);
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(h, 1)));
}

/** Great-circle distance between two points, km. Symmetric and bit-identical to the radians form. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const lat1 = toRadians(a.lat);
  const lat2 = toRadians(b.lat);
  return haversineKmFromRadians(
    lat1,
    toRadians(a.lng),
    Math.cos(lat1),
    lat2,
    toRadians(b.lng),
    Math.cos(lat2),
  );
}
