// Renders assets/icon.svg's shapes into assets/icon.png (512×512 RGBA) with only
// Node built-ins, so the icon can be rebuilt without an SVG rasteriser installed.
// Run: node assets/icons/render-icon.mjs — keep the shapes here in step with icon.svg.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling per pixel for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const INDIGO = hex('#4F46E5');
const LIGHT = hex('#A5B4FC');
const WHITE = hex('#FFFFFF');
const BORDER = hex('#E0E7FF');

const roundedRect = (x, y, w, h, r) => (px, py) => {
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
};
const disc = (cx, cy, r) => (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
const ring = (cx, cy, r, width) => (px, py) => Math.abs(Math.hypot(px - cx, py - cy) - r) <= width / 2;
const rotated = (deg, shape) => {
  const a = (-deg * Math.PI) / 180;
  return (px, py) => {
    const x = px - 256;
    const y = py - 256;
    return shape(256 + x * Math.cos(a) - y * Math.sin(a), 256 + x * Math.sin(a) + y * Math.cos(a));
  };
};
const triangle = ([ax, ay], [bx, by], [cx, cy]) => (px, py) => {
  const s1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  const s2 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
  const s3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};

// Painter's order, last wins — same as the SVG.
const layers = [
  [roundedRect(29, 29, 454, 454, 103), BORDER],
  [roundedRect(35, 35, 442, 442, 97), WHITE],
  [ring(256, 256, 150, 28), INDIGO],
  [roundedRect(248, 128, 16, 34, 8), INDIGO],
  [roundedRect(248, 350, 16, 34, 8), INDIGO],
  [roundedRect(128, 248, 34, 16, 8), INDIGO],
  [roundedRect(350, 248, 34, 16, 8), INDIGO],
  [rotated(45, triangle([256, 150], [294, 256], [218, 256])), INDIGO],
  [rotated(45, triangle([218, 256], [294, 256], [256, 362])), LIGHT],
  [disc(256, 256, 16), WHITE],
];

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  rows[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let colour = null;
        for (const [inside, c] of layers) if (inside(px, py)) colour = c;
        if (colour) {
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
        }
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    // Store un-premultiplied colour: average only over the covered samples.
    rows[o] = a ? Math.round(r / a) : 0;
    rows[o + 1] = a ? Math.round(g / a) : 0;
    rows[o + 2] = a ? Math.round(b / a) : 0;
    rows[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../icon.png', import.meta.url), png);
console.log(`Wrote assets/icon.png (${png.length} bytes)`);
