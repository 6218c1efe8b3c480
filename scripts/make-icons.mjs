#!/usr/bin/env node
/**
 * Draws the extension's icon, the panel's mark (a kring, a circle of five people, as in
 * `--icon-ring` in components/shell/panel.css) in white on a disc of the panel's accent colour,
 * into public/icon/<size>.png, where WXT finds it and lists it in the manifest.
 *
 * Plain Node (zlib for the PNG's deflate): no image library to install for five small files.
 * The PNGs are committed; run `node scripts/make-icons.mjs` again after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');

// The light theme's --color-accent: dark enough for a white mark, and it stands out on light and
// dark toolbars alike.
const DISC = [0x0a, 0x5b, 0xb5];
const MARK = [0xff, 0xff, 0xff];
/** Samples per pixel side: 4 x 4 gives smooth edges without an anti-aliasing algorithm. */
const SUPERSAMPLE = 4;

/**
 * The drawing in units of the icon's side: the mark of panel.css (a 24-unit box: ring of radius
 * 8, dots of radius 2.6) scaled to sit inside the disc. At 16 px the ring is drawn a little
 * thicker, so that it stays a visible line rather than a grey haze.
 */
function shapes(size) {
  const scale = 0.78 / 24;
  const ring = 8 * scale;
  const stroke = (size <= 16 ? 2.2 : 1.6) * scale;
  const dot = 2.6 * scale;
  const list = [
    { kind: 'disc', x: 0.5, y: 0.5, r: 0.47, color: DISC },
    { kind: 'ring', x: 0.5, y: 0.5, r: ring, width: stroke, color: MARK },
  ];
  for (let i = 0; i < 5; i++) {
    // The first dot at the top, as in the panel's mark.
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
    list.push({
      kind: 'disc',
      x: 0.5 + ring * Math.cos(angle),
      y: 0.5 + ring * Math.sin(angle),
      r: dot,
      color: MARK,
    });
  }
  return list;
}

function covers(shape, x, y) {
  const distance = Math.hypot(x - shape.x, y - shape.y);
  if (shape.kind === 'ring') return Math.abs(distance - shape.r) <= shape.width / 2;
  return distance <= shape.r;
}

/** RGBA pixels of the icon at `size`, straight (not premultiplied) alpha. */
function render(size) {
  const list = shapes(size);
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          // The last shape that covers the sample wins: shapes are drawn back to front.
          let color = null;
          for (const shape of list) {
            if (covers(shape, x, y)) color = shape.color;
          }
          if (color === null) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((255 * a) / SUPERSAMPLE ** 2);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter 0 on every row. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT_DIR, `${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
