// Draws the Rounds mark (a white ring with one marked stop on a deep teal tile) at each icon size.
import { encodePng } from './png';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const TILE: [number, number, number] = [0x12, 0x5e, 0x6b];
const MARK: [number, number, number] = [0xff, 0xff, 0xff];
const STOP: [number, number, number] = [0xf5, 0xb7, 0x00];

/** Which colour covers the point (u, v) in the unit square, or null outside the tile. */
function paint(u: number, v: number): [number, number, number] | null {
  // Rounded tile: corner radius 0.2 of the side.
  const r = 0.2;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r) return null;
  // The marked stop sits on the ring at the top right: one school visited on the round.
  const stopX = 0.5 + 0.28 * Math.cos(-Math.PI / 4);
  const stopY = 0.5 + 0.28 * Math.sin(-Math.PI / 4);
  if (Math.hypot(u - stopX, v - stopY) < 0.11) return STOP;
  const d = Math.hypot(u - 0.5, v - 0.5);
  if (d > 0.2 && d < 0.34) return MARK;
  return TILE;
}

/** Renders one icon as RGBA with 4x4 supersampling so the 16 px version stays legible. */
export function drawIcon(size: number): Uint8Array {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered++;
        }
      }
      const at = (y * size + x) * 4;
      if (covered > 0) {
        rgba[at] = Math.round(red / covered);
        rgba[at + 1] = Math.round(green / covered);
        rgba[at + 2] = Math.round(blue / covered);
        rgba[at + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return rgba;
}

/** The icon files, keyed by their path inside the extension. */
export function iconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const size of ICON_SIZES) files.set(`icons/icon-${size}.png`, encodePng(size, size, drawIcon(size)));
  return files;
}

/** The manifest's `icons` object for the files above. */
export function iconManifest(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/icon-${size}.png`]));
}
