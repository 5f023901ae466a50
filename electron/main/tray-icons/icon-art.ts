// The ONE description of the tray icon: a padlock glyph plus a badge per state, drawn as shapes in a unit square
// and rasterised with 4×4 supersampling. Every PNG in assets/tray (each state in light, dark and macOS template
// form, at 1× and 2×) comes from here through scripts/generate-tray-icons.ts; a test proves the files still match.
import { PNG } from 'pngjs';

export const TRAY_ICON_STATES = ['valid', 'expiring', 'expired', 'renewing', 'error'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];
export const TRAY_ICON_VARIANTS = ['light', 'dark', 'template'] as const;
/** light: dark glyph for light task bars; dark: light glyph for dark ones; template: macOS, alpha only. */
export type TrayIconVariant = (typeof TRAY_ICON_VARIANTS)[number];
export const TRAY_ICON_SCALES = [1, 2] as const;
export const TRAY_ICON_BASE_SIZE = 16;

type Inside = (x: number, y: number) => boolean;
type Paint = 'glyph' | 'badge' | 'mark' | 'cut';
interface Layer {
  paint: Paint;
  inside: Inside;
}

const circle =
  (cx: number, cy: number, r: number): Inside =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring =
  (cx: number, cy: number, r: number, width: number): Inside =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r && d >= r - width;
  };
const rect =
  (x0: number, y0: number, x1: number, y1: number): Inside =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const triangle =
  (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Inside =>
  (x, y) => {
    const side = (px: number, py: number, qx: number, qy: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
    const d1 = side(ax, ay, bx, by);
    const d2 = side(bx, by, cx, cy);
    const d3 = side(cx, cy, ax, ay);
    return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
  };
const both =
  (a: Inside, b: Inside): Inside =>
  (x, y) =>
    a(x, y) && b(x, y);
const either =
  (...parts: Inside[]): Inside =>
  (x, y) =>
    parts.some((part) => part(x, y));

// The padlock: shackle (upper half of a ring) over a body.
const GLYPH: Layer[] = [
  { paint: 'glyph', inside: both(ring(0.42, 0.36, 0.25, 0.1), (_x, y) => y <= 0.46) },
  { paint: 'glyph', inside: rect(0.08, 0.44, 0.76, 0.92) },
  { paint: 'cut', inside: rect(0.38, 0.58, 0.46, 0.78) },
];

const BADGE_CENTER = { x: 0.74, y: 0.74, r: 0.26 };
const badgeGap = circle(BADGE_CENTER.x, BADGE_CENTER.y, BADGE_CENTER.r + 0.07);
const badgeDisc = circle(BADGE_CENTER.x, BADGE_CENTER.y, BADGE_CENTER.r);

/** What distinguishes each state; in template images the marks are cut out, so shapes alone must tell them apart. */
const BADGES: Record<TrayIconState, Layer[]> = {
  valid: [],
  expiring: [
    { paint: 'cut', inside: badgeGap },
    { paint: 'badge', inside: badgeDisc },
    // Clock hands.
    { paint: 'mark', inside: either(rect(0.71, 0.58, 0.77, 0.77), rect(0.71, 0.71, 0.88, 0.77)) },
  ],
  expired: [
    { paint: 'cut', inside: badgeGap },
    { paint: 'badge', inside: badgeDisc },
    // A cross.
    {
      paint: 'mark',
      inside: either(
        (x, y) => Math.abs(x - 0.74 - (y - 0.74)) <= 0.05 && Math.abs(x - 0.74) <= 0.13,
        (x, y) => Math.abs(x - 0.74 + (y - 0.74)) <= 0.05 && Math.abs(x - 0.74) <= 0.13,
      ),
    },
  ],
  renewing: [
    { paint: 'cut', inside: badgeGap },
    { paint: 'badge', inside: badgeDisc },
    // An open circular arrow: a ring with a gap at the top right and an arrow head.
    { paint: 'mark', inside: both(ring(0.74, 0.74, 0.16, 0.06), (x, y) => !(x > 0.74 && y < 0.74)) },
    { paint: 'mark', inside: triangle(0.74, 0.52, 0.74, 0.7, 0.88, 0.6) },
  ],
  error: [
    { paint: 'cut', inside: triangle(0.74, 0.36, 0.34, 1.0, 1.14, 1.0) },
    { paint: 'badge', inside: triangle(0.74, 0.44, 0.44, 0.98, 1.04, 0.98) },
    // An exclamation mark.
    { paint: 'mark', inside: either(rect(0.71, 0.6, 0.77, 0.82), rect(0.71, 0.86, 0.77, 0.93)) },
  ],
};

type Rgb = readonly [number, number, number];
const GLYPH_COLOR: Record<TrayIconVariant, Rgb> = {
  light: [0x24, 0x29, 0x2f],
  dark: [0xf0, 0xf3, 0xf6],
  template: [0, 0, 0],
};
const BADGE_COLOR: Record<TrayIconState, Rgb> = {
  valid: [0x1a, 0x7f, 0x37],
  expiring: [0xd4, 0x8a, 0x00],
  expired: [0xcf, 0x22, 0x2e],
  renewing: [0x09, 0x69, 0xda],
  error: [0xe0, 0x5d, 0x00],
};
const MARK_COLOR: Rgb = [0xff, 0xff, 0xff];

/** Colour of one point, or undefined when transparent: later layers paint over earlier ones, 'cut' erases. */
function colourAt(
  layers: readonly Layer[],
  state: TrayIconState,
  variant: TrayIconVariant,
  x: number,
  y: number,
): Rgb | undefined {
  let colour: Rgb | undefined;
  for (const layer of layers) {
    if (!layer.inside(x, y)) continue;
    if (layer.paint === 'cut') colour = undefined;
    else if (layer.paint === 'glyph') colour = GLYPH_COLOR[variant];
    else if (variant === 'template') colour = layer.paint === 'badge' ? GLYPH_COLOR.template : undefined;
    else colour = layer.paint === 'badge' ? BADGE_COLOR[state] : MARK_COLOR;
  }
  return colour;
}

export function renderTrayIcon(state: TrayIconState, variant: TrayIconVariant, scale: number): PNG {
  const size = TRAY_ICON_BASE_SIZE * scale;
  const png = new PNG({ width: size, height: size });
  const layers = [...GLYPH, ...BADGES[state]];
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(
            layers,
            state,
            variant,
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = covered ? Math.round(r / covered) : 0;
      png.data[offset + 1] = covered ? Math.round(g / covered) : 0;
      png.data[offset + 2] = covered ? Math.round(b / covered) : 0;
      png.data[offset + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return png;
}

/** File name Electron resolves: `@2x` picked up automatically, `Template` marks a macOS template image. */
export function trayIconFileName(state: TrayIconState, variant: TrayIconVariant, scale: number): string {
  const base = variant === 'template' ? `tray-${state}Template` : `tray-${state}-${variant}`;
  return `${base}${scale === 1 ? '' : `@${scale}x`}.png`;
}

/** The application icon (installers, dock, taskbar, window): the tray's padlock with its "valid" badge, light on a
 * dark rounded square. One PNG (assets/packaging/icon.png) from which electron-builder makes the .icns and .ico. */
export const APP_ICON_SIZE = 1024;
const APP_BACKGROUND: Rgb = [0x1f, 0x23, 0x28];

export function renderAppIcon(size: number = APP_ICON_SIZE): PNG {
  const png = new PNG({ width: size, height: size });
  const layers = [...GLYPH, ...BADGES.valid];
  // macOS's icon grid: the square fills 824/1024 and its corners are rounded at about 185/1024.
  const inset = 100 / 1024;
  const radius = 185 / 1024;
  const inSquare = (x: number, y: number) => {
    const dx = Math.max(inset + radius - x, 0, x - (1 - inset - radius));
    const dy = Math.max(inset + radius - y, 0, y - (1 - inset - radius));
    return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
  };
  const glyphFrom = 0.22;
  const glyphSize = 1 - 2 * glyphFrom;
  const samples = 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!inSquare(x, y)) continue;
          const colour =
            colourAt(layers, 'valid', 'dark', (x - glyphFrom) / glyphSize, (y - glyphFrom) / glyphSize) ??
            APP_BACKGROUND;
          colour.forEach((channel, index) => (sum[index]! += channel));
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++)
        png.data[offset + channel] = covered ? Math.round(sum[channel]! / covered) : 0;
      png.data[offset + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return png;
}
