#!/usr/bin/env node
/**
 * Draws the extension's icon, a kring (circle) of people as dots on a disc, into
 * public/icon/<size>.png, where WXT finds it and lists it in the manifest.
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

const DISC = [0x0b, 0x5c, 0x6b]; // deep teal: readable on light and dark toolbars alike
const DOT = [0xff, 0xff, 0xff];
const ACCENT = [0xf5, 0xb9, 0x42]; // one warm dot: the member who brings the case
/** Samples per pixel side: 4 x 4 gives smooth edges without an anti-aliasing algorithm. */
const SUPERSAMPLE = 4;

/**
 * The drawing in units of the icon's side. Small sizes get fewer, larger dots, so that the gaps
 * between them stay at least a pixel wide at 16 px.
 */
function shapes(size) {
  const dots = size <= 16 ? 6 : 8;
  const dotRadius = size <= 16 ? 0.105 : 0.085;
  const ring = size <= 16 ? 0.255 : 0.275;
  const list = [{ x: 0.5, y: 0.5, r: 0.47, color: DISC }];
  for (let i = 0; i < dots; i++) {
    // Start at the top, so the accent dot sits where the eye starts.
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / dots;
    list.push({
      x: 0.5 + ring * Math.cos(angle),
      y: 0.5 + ring * Math.sin(angle),
      r: dotRadius,
      color: i === 0 ? ACCENT : DOT,
    });
  }
  return list;
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
            if ((x - shape.x) ** 2 + (y - shape.y) ** 2 <= shape.r ** 2) color = shape.color;
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
