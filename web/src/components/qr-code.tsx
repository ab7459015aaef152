import { createMemo } from 'solid-js';
import { encode } from 'uqr';

/**
 * A QR code drawn as SVG (one path of dark modules, crisp on screen and paper), from `uqr`. The URL
 * is absolute: a phone's camera opens it as it is. `label` names it for screen readers.
 */
export function QrCode(props: { value: string; label: string; size?: number; testId?: string }) {
  const drawn = createMemo(() => {
    const qr = encode(props.value, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { d, size: qr.size };
  });
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${drawn().size} ${drawn().size}`}
      width={props.size ?? 160}
      height={props.size ?? 160}
      shape-rendering="crispEdges"
      data-testid={props.testId ?? 'qr-code'}
      data-value={props.value}
    >
      <rect width={drawn().size} height={drawn().size} fill="#fff" />
      <path d={drawn().d} fill="#000" />
    </svg>
  );
}

/** The absolute URL of an app path on this origin (what the printed code carries). */
export const absoluteUrl = (path: string): string => new URL(path, window.location.origin).toString();
