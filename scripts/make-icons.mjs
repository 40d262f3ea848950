// Draws the add-in's PNG icons with plain geometry (4×4 supersampling) and writes them to assets/.
// Run with `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const GREEN = [31, 92, 74];
const LIGHT = [223, 246, 221];
const WHITE = [255, 255, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 square; each returns the colour at a point, or null for transparent.
function roundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}
function nearSegment(x, y, [x1, y1], [x2, y2], width) {
  const vx = x2 - x1,
    vy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  const px = x1 + t * vx - x,
    py = y1 + t * vy - y;
  return px * px + py * py <= (width / 2) ** 2;
}

function tableIcon(x, y, withCheck) {
  if (!roundedSquare(x, y, 0.18)) return null;
  // A sheet with a header band and three rows.
  const inSheet = x > 0.2 && x < 0.8 && y > 0.2 && y < 0.8;
  if (withCheck && (nearSegment(x, y, [0.36, 0.56], [0.47, 0.68], 0.11) || nearSegment(x, y, [0.47, 0.68], [0.7, 0.38], 0.11))) return GREEN;
  if (inSheet) {
    if (y < 0.35) return LIGHT;
    const line = [0.5, 0.65].some((row) => Math.abs(y - row) < 0.025) || Math.abs(x - 0.42) < 0.025;
    if (!withCheck && line) return GREEN;
    return WHITE;
  }
  return GREEN;
}

function chartIcon(x, y) {
  if (!roundedSquare(x, y, 0.18)) return null;
  // Three bars of a bilan chart on a white card.
  const inCard = x > 0.2 && x < 0.8 && y > 0.2 && y < 0.8;
  if (!inCard) return GREEN;
  const bars = [
    [0.28, 0.4, 0.55],
    [0.45, 0.57, 0.32],
    [0.62, 0.74, 0.45],
  ];
  if (bars.some(([left, right, top]) => x > left && x < right && y > top && y < 0.72)) return GREEN;
  if (y > 0.72 && y < 0.75) return GREEN;
  return WHITE;
}

function consolidationIcon(x, y) {
  if (!roundedSquare(x, y, 0.18)) return null;
  // Three small sheets on the left merging into one on the right.
  const smallSheets = [0.2, 0.42, 0.64].some((top) => x > 0.16 && x < 0.4 && y > top && y < top + 0.16);
  if (smallSheets) return WHITE;
  if (
    nearSegment(x, y, [0.42, 0.28], [0.56, 0.5], 0.06) ||
    nearSegment(x, y, [0.42, 0.72], [0.56, 0.5], 0.06) ||
    nearSegment(x, y, [0.42, 0.5], [0.56, 0.5], 0.06)
  )
    return LIGHT;
  if (x > 0.58 && x < 0.84 && y > 0.26 && y < 0.74) return y < 0.36 ? LIGHT : WHITE;
  return GREEN;
}

function render(size, shape) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / samples ** 2)], offset);
    }
  }
  return png(size, rgba);
}

mkdirSync("assets", { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(
    `assets/icon-${size}.png`,
    render(size, (x, y) => tableIcon(x, y, false)),
  );
  writeFileSync(
    `assets/saisie-${size}.png`,
    render(size, (x, y) => tableIcon(x, y, true)),
  );
  writeFileSync(`assets/bilan-${size}.png`, render(size, chartIcon));
  writeFileSync(`assets/consolider-${size}.png`, render(size, consolidationIcon));
}
console.log("Icônes écrites dans assets/");
