import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { fetchRegions, type Region } from '../api/regions.ts';
import type { RunProposal } from '../api/runs.ts';
import { t } from '../i18n/index.ts';
import { formatKm, formatNumber, formatQuantity } from './match-format.ts';

/**
 * A run's flows on a plain SVG map: suppliers (or lenders) to sites, lines as thick as the quantity,
 * over the region's cities for orientation and a 1° graticule. Equirectangular projection of the
 * bounding box (longitudes shrunk by cos of the middle latitude, so shapes stay true), no tiles,
 * no network. Loaded lazily by the run page.
 */

interface Place {
  key: string;
  lat: number;
  lng: number;
  names: string[];
  total: number;
}

interface Flow {
  from: Place;
  to: Place;
  quantity: number;
  unit: string;
  distanceKm: number;
  offerNames: string[];
  needNames: string[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const WIDTH = 800;
const PAD = 40;
const NICE_KM = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];

const keyOf = (p: { lat: number; lng: number }) => `${p.lat.toFixed(4)},${p.lng.toFixed(4)}`;

function place(
  map: Map<string, Place>,
  point: { lat: number; lng: number },
  name: string,
  quantity: number,
): Place {
  const key = keyOf(point);
  let found = map.get(key);
  if (!found) {
    found = { key, lat: point.lat, lng: point.lng, names: [], total: 0 };
    map.set(key, found);
  }
  if (!found.names.includes(name)) found.names.push(name);
  found.total += quantity;
  return found;
}

/** Flows merged per pair of points; origins and destinations with their totals. */
function aggregate(proposals: readonly RunProposal[]) {
  const origins = new Map<string, Place>();
  const destinations = new Map<string, Place>();
  const flows = new Map<string, Flow>();
  for (const p of proposals) {
    const from = place(origins, p.from, p.offerOrgName, p.quantity);
    const to = place(destinations, p.to, p.needOrgName, p.quantity);
    const key = `${from.key}>${to.key}`;
    const flow = flows.get(key);
    if (flow) {
      flow.quantity += p.quantity;
      if (!flow.offerNames.includes(p.offerOrgName)) flow.offerNames.push(p.offerOrgName);
      if (!flow.needNames.includes(p.needOrgName)) flow.needNames.push(p.needOrgName);
    } else {
      flows.set(key, {
        from,
        to,
        quantity: p.quantity,
        unit: p.unit,
        distanceKm: p.distanceKm,
        offerNames: [p.offerOrgName],
        needNames: [p.needOrgName],
      });
    }
  }
  return {
    origins: [...origins.values()],
    destinations: [...destinations.values()],
    flows: [...flows.values()],
  };
}

export interface FlowMapProps {
  proposals: readonly RunProposal[];
  kind: 'goods' | 'labour';
  /** The run's region: its subdivisions are drawn faintly for orientation. */
  region: string;
}

export default function FlowMap(props: FlowMapProps) {
  const [context, setContext] = createSignal<Region[]>([]);
  let alive = true;
  onCleanup(() => {
    alive = false;
  });
  if (props.region !== '100000') {
    fetchRegions(props.region).then(
      (items) => alive && setContext(items.filter((r) => Number.isFinite(r.lat) && Number.isFinite(r.lng))),
      () => {
        // the map works without the place names
      },
    );
  }

  const data = createMemo(() => aggregate(props.proposals));

  const view = createMemo(() => {
    const { origins, destinations } = data();
    const points = [...origins, ...destinations, ...context()];
    if (points.length === 0) return undefined;
    let minLat = Math.min(...points.map((p) => p.lat));
    let maxLat = Math.max(...points.map((p) => p.lat));
    let minLng = Math.min(...points.map((p) => p.lng));
    let maxLng = Math.max(...points.map((p) => p.lng));
    // a little room around, and never a zero-size box
    const padLat = Math.max(0.25, (maxLat - minLat) * 0.06);
    const padLng = Math.max(0.25, (maxLng - minLng) * 0.06);
    minLat -= padLat;
    maxLat += padLat;
    minLng -= padLng;
    maxLng += padLng;
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const spanX = (maxLng - minLng) * k;
    const spanY = maxLat - minLat;
    const inner = WIDTH - 2 * PAD;
    const height = Math.round(Math.min(640, Math.max(320, (inner * spanY) / spanX + 2 * PAD)));
    const scale = Math.min(inner / spanX, (height - 2 * PAD) / spanY);
    const offsetX = (WIDTH - spanX * scale) / 2;
    const offsetY = (height - spanY * scale) / 2;
    const x = (lng: number) => offsetX + (lng - minLng) * k * scale;
    const y = (lat: number) => offsetY + (maxLat - lat) * scale;
    const span = Math.max(maxLat - minLat, maxLng - minLng);
    const step = span > 12 ? 5 : span > 6 ? 2 : span > 2.5 ? 1 : 0.5;
    const lngLines: number[] = [];
    for (let v = Math.ceil(minLng / step) * step; v <= maxLng; v += step) lngLines.push(v);
    const latLines: number[] = [];
    for (let v = Math.ceil(minLat / step) * step; v <= maxLat; v += step) latLines.push(v);
    // scale bar: one degree of latitude is 111.32 km
    const pxPerKm = scale / 111.32;
    const km = NICE_KM.find((n) => n * pxPerKm >= 70) ?? NICE_KM[NICE_KM.length - 1]!;
    return {
      height,
      x,
      y,
      lngLines,
      latLines,
      minLat,
      maxLat,
      minLng,
      maxLng,
      bar: { km, px: km * pxPerKm },
    };
  });

  const maxFlow = () => Math.max(1, ...data().flows.map((f) => f.quantity));
  const maxPlace = () =>
    Math.max(1, ...data().origins.map((p) => p.total), ...data().destinations.map((p) => p.total));
  const width = (q: number) => 1.5 + 8 * Math.sqrt(q / maxFlow());
  const radius = (q: number) => 4 + 6 * Math.sqrt(q / maxPlace());
  const offerLabel = () => (props.kind === 'goods' ? t('runs.mapSupplier') : t('runs.mapLender'));
  const needLabel = () => (props.kind === 'goods' ? t('runs.mapSite') : t('runs.mapEmployer'));
  const degree = (v: number, pos: string, neg: string) =>
    `${formatNumber(Math.abs(v), 1)}°${v >= 0 ? pos : neg}`;

  /** Rough width of a label (CJK characters are about square). */
  const textWidth = (text: string, size: number) =>
    [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? size : size * 0.58), 0);
  const supplierText = (p: Place) => `${p.names[0]}${p.names.length > 1 ? ` +${p.names.length - 1}` : ''}`;
  const showSupplierLabels = () => data().origins.length <= 15;

  /** A supplier's label goes on the side away from its flows (when it fits there). */
  const labelLeft = (p: Place): boolean => {
    const v = view();
    if (!v) return false;
    const x = v.x(p.lng);
    const outward = data()
      .flows.filter((f) => f.from === p)
      .reduce((sum, f) => sum + (v.x(f.to.lng) - x), 0);
    const x0 = x - radius(p.total) - 6 - textWidth(supplierText(p), 12);
    if (outward <= 0 || x0 < 4) return false;
    // nor onto another supplier's dot
    const y = v.y(p.lat);
    const box = { x0, y0: y - 9, x1: x, y1: y + 7 };
    return !data().origins.some((o) => {
      if (o === p) return false;
      const r = radius(o.total) + 10;
      return overlaps(box, {
        x0: v.x(o.lng) - r,
        y0: v.y(o.lat) - r,
        x1: v.x(o.lng) + r,
        y1: v.y(o.lat) + r,
      });
    });
  };

  /** Boxes a place name must not cover: supplier dots and their labels, and site squares. */
  const obstacles = createMemo(() => {
    const v = view();
    if (!v) return { suppliers: [] as Box[], sites: [] as Box[] };
    const suppliers: Box[] = data().origins.flatMap((p) => {
      const r = radius(p.total);
      const x = v.x(p.lng);
      const y = v.y(p.lat);
      const dot = { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
      if (!showSupplierLabels()) return [dot];
      const w = textWidth(supplierText(p), 12) + 4;
      const left = labelLeft(p);
      return [
        dot,
        { x0: left ? x - r - 2 - w : x + r + 2, y0: y - 9, x1: left ? x - r - 2 : x + r + 2 + w, y1: y + 7 },
      ];
    });
    const sites: Box[] = data().destinations.map((p) => {
      const r = radius(p.total);
      return { x0: v.x(p.lng) - r, y0: v.y(p.lat) - r, x1: v.x(p.lng) + r, y1: v.y(p.lat) + r };
    });
    return { suppliers, sites };
  });

  /**
   * Where a place name goes: beside its dot, moved past a site's square drawn over it, and left
   * out where it would run into a supplier or its label.
   */
  const contextLabel = (r: Region): { x: number; y: number } | undefined => {
    const v = view()!;
    const x = v.x(r.lng) + 5;
    const y = v.y(r.lat) + 4;
    const w = textWidth(r.name, 11);
    const box = (left: number): Box => ({ x0: left, y0: y - 10, x1: left + w, y1: y + 2 });
    let at = box(x);
    const site = obstacles().sites.find((b) => overlaps(b, at));
    if (site) at = box(site.x1 + 3);
    if (obstacles().suppliers.some((b) => overlaps(b, at))) return undefined;
    if (obstacles().sites.some((b) => overlaps(b, at))) return undefined;
    return { x: at.x0, y };
  };

  /** A gentle arc from a to b (bending left), so flows between the same places do not hide each other. */
  const arc = (f: Flow) => {
    const v = view()!;
    const x1 = v.x(f.from.lng);
    const y1 = v.y(f.from.lat);
    const x2 = v.x(f.to.lng);
    const y2 = v.y(f.to.lat);
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    const dx = x2 - x1;
    const dy = y2 - y1;
    return `M${x1.toFixed(1)},${y1.toFixed(1)} Q${(mx - dy * 0.15).toFixed(1)},${(my + dx * 0.15).toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
  };

  return (
    <Show when={view()} fallback={<p class="muted">{t('runs.mapEmpty')}</p>}>
      {(v) => (
        <figure class="flow-map" data-testid="flow-map">
          <svg
            viewBox={`0 0 ${WIDTH} ${v().height}`}
            role="img"
            aria-label={t('runs.mapAria', {
              flows: data().flows.length,
              from: data().origins.length,
              to: data().destinations.length,
            })}
          >
            <rect class="map-sea" x="0" y="0" width={WIDTH} height={v().height} />
            <g class="map-graticule">
              <For each={v().lngLines}>
                {(lng) => (
                  <>
                    <line x1={v().x(lng)} x2={v().x(lng)} y1="0" y2={v().height} />
                    <text x={v().x(lng) + 3} y={v().height - 6}>
                      {degree(lng, 'E', 'W')}
                    </text>
                  </>
                )}
              </For>
              <For each={v().latLines}>
                {(lat) => (
                  <>
                    <line x1="0" x2={WIDTH} y1={v().y(lat)} y2={v().y(lat)} />
                    <text x="4" y={v().y(lat) - 4}>
                      {degree(lat, 'N', 'S')}
                    </text>
                  </>
                )}
              </For>
            </g>
            <g class="map-context">
              <For each={context()}>
                {(r) => {
                  const label = () => contextLabel(r);
                  return (
                    <g>
                      <circle cx={v().x(r.lng)} cy={v().y(r.lat)} r="2.5" />
                      <Show when={label()}>
                        {(at) => (
                          <text x={at().x} y={at().y}>
                            {r.name}
                          </text>
                        )}
                      </Show>
                    </g>
                  );
                }}
              </For>
            </g>
            <g class="map-flows">
              <For each={[...data().flows].sort((a, b) => b.quantity - a.quantity)}>
                {(f) => (
                  <path class="flow" d={arc(f)} stroke-width={width(f.quantity)} data-quantity={f.quantity}>
                    <title>
                      {`${f.offerNames.join('、')} → ${f.needNames.join('、')}: ${formatQuantity(f.quantity, f.unit)} · ${t('matches.distanceValue', { km: formatKm(f.distanceKm) })}`}
                    </title>
                  </path>
                )}
              </For>
            </g>
            <g class="map-sites">
              <For each={data().destinations}>
                {(p) => (
                  <rect
                    class="site"
                    x={v().x(p.lng) - radius(p.total)}
                    y={v().y(p.lat) - radius(p.total)}
                    width={radius(p.total) * 2}
                    height={radius(p.total) * 2}
                    rx="2"
                  >
                    <title>{`${needLabel()}: ${p.names.join('、')} · ${formatNumber(p.total, 3)}`}</title>
                  </rect>
                )}
              </For>
            </g>
            <g class="map-suppliers">
              <For each={data().origins}>
                {(p) => (
                  <g>
                    <circle class="supplier" cx={v().x(p.lng)} cy={v().y(p.lat)} r={radius(p.total)}>
                      <title>{`${offerLabel()}: ${p.names.join('、')} · ${formatNumber(p.total, 3)}`}</title>
                    </circle>
                    <Show when={showSupplierLabels()}>
                      <text
                        class="map-label"
                        x={v().x(p.lng) + (labelLeft(p) ? -1 : 1) * (radius(p.total) + 4)}
                        y={v().y(p.lat) + 4}
                        text-anchor={labelLeft(p) ? 'end' : 'start'}
                      >
                        {supplierText(p)}
                      </text>
                    </Show>
                  </g>
                )}
              </For>
            </g>
            <g class="map-scale" transform={`translate(${WIDTH - PAD - v().bar.px}, ${v().height - 22})`}>
              <rect x="-6" y="-16" width={v().bar.px + 12} height="26" rx="3" />
              <line x1="0" x2={v().bar.px} y1="0" y2="0" />
              <line x1="0" x2="0" y1="-4" y2="4" />
              <line x1={v().bar.px} x2={v().bar.px} y1="-4" y2="4" />
              <text x={v().bar.px / 2} y="-5" text-anchor="middle">
                {t('matches.distanceValue', { km: formatNumber(v().bar.km, 0) })}
              </text>
            </g>
          </svg>
          <figcaption class="map-legend">
            <span>
              <svg viewBox="0 0 14 14" aria-hidden="true">
                <circle class="supplier" cx="7" cy="7" r="5" />
              </svg>
              {offerLabel()}
            </span>
            <span>
              <svg viewBox="0 0 14 14" aria-hidden="true">
                <rect class="site" x="2" y="2" width="10" height="10" rx="2" />
              </svg>
              {needLabel()}
            </span>
            <span>
              <svg viewBox="0 0 28 14" aria-hidden="true">
                <path class="flow" d="M2,10 Q14,0 26,10" stroke-width="3" />
              </svg>
              {t('runs.mapWidth')}
            </span>
          </figcaption>
        </figure>
      )}
    </Show>
  );
}
