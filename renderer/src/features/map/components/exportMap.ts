import { INTER_SUBSETS, mapToSvg, type EmbeddedFace } from '@shared/domain/mapSvg';
import type { IsoDate } from '@shared/domain/dates';
import type { FreshnessThresholds } from '@shared/domain/stakeholders';
import inter400 from '../../../../../assets/fonts/inter-latin-400-normal.woff2?url';
import inter600 from '../../../../../assets/fonts/inter-latin-600-normal.woff2?url';
import inter700 from '../../../../../assets/fonts/inter-latin-700-normal.woff2?url';
import interExt400 from '../../../../../assets/fonts/inter-latin-ext-400-normal.woff2?url';
import interExt600 from '../../../../../assets/fonts/inter-latin-ext-600-normal.woff2?url';
import interExt700 from '../../../../../assets/fonts/inter-latin-ext-700-normal.woff2?url';
// The screen's own Greek and Cyrillic faces (the app already ships them for its UI).
import interGreek400 from '@fontsource/inter/files/inter-greek-400-normal.woff2?url';
import interGreek600 from '@fontsource/inter/files/inter-greek-600-normal.woff2?url';
import interGreek700 from '@fontsource/inter/files/inter-greek-700-normal.woff2?url';
import interCyrillic400 from '@fontsource/inter/files/inter-cyrillic-400-normal.woff2?url';
import interCyrillic600 from '@fontsource/inter/files/inter-cyrillic-600-normal.woff2?url';
import interCyrillic700 from '@fontsource/inter/files/inter-cyrillic-700-normal.woff2?url';
import { i18next } from '../../../i18n';
import { getBridge } from '../../../platform';
import { safeFileName } from '../../../lib/fileName';
import type { MapData } from '../hooks/useMapData';

/**
 * The map as standalone vector SVG with the app's words: the export and the printed plan draw the same.
 * `fonts` embeds Inter (the files and the PNG); the printed plan leaves them out, its page has Inter.
 */
export function svgFor(
  data: MapData,
  today: IsoDate,
  thresholds: FreshnessThresholds,
  title: string,
  fonts?: readonly EmbeddedFace[],
): string {
  const t = i18next.t.bind(i18next);
  return mapToSvg({
    people: data.people,
    lines: data.lines,
    last: data.last,
    today,
    thresholds,
    title,
    fonts,
    label: (key, n) =>
      key === 'freshness.never'
        ? t('map.fresh.never')
        : key === 'freshness.days'
          ? t('map.fresh.days', { count: n ?? 0 })
          : key === 'placeholder'
            ? t('map.placeholderName')
            : t(`map.${key}`),
  });
}

/** The faces the app ships (latin and latin-ext: assets/fonts, the ones the printed documents use), by subset. */
const FACES = {
  latin: [
    [400, inter400],
    [600, inter600],
    [700, inter700],
  ],
  latinExt: [
    [400, interExt400],
    [600, interExt600],
    [700, interExt700],
  ],
  greek: [
    [400, interGreek400],
    [600, interGreek600],
    [700, interGreek700],
  ],
  cyrillic: [
    [400, interCyrillic400],
    [600, interCyrillic600],
    [700, interCyrillic700],
  ],
} as const;
/** Which faces a drawing needs beyond Latin-1: only those are embedded (a file stays small). */
const NEEDS: ReadonlyArray<readonly [keyof typeof FACES, RegExp]> = [
  ['latinExt', /[\u0100-\u024f\u1e00-\u1eff]/],
  ['greek', /[\u0370-\u03ff]/],
  ['cyrillic', /[\u0400-\u045f\u0490\u0491\u04b0\u04b1]/],
];

const fetched = new Map<string, Promise<string>>();
/** A font file of the app as a data: URL (fetched once; a failed fetch is tried again next time). */
function dataUrl(url: string): Promise<string> {
  let p = fetched.get(url);
  if (!p) {
    p = (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`font ${url}: ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `data:font/woff2;base64,${btoa(bin)}`;
    })();
    p.catch(() => fetched.delete(url));
    fetched.set(url, p);
  }
  return p;
}

/**
 * The Inter faces a drawing needs, embedded: the text was fitted to Inter's widths, and an SVG
 * file (or the image the PNG is drawn from) sees no fonts but its own — without them it falls
 * back to a wider face and names run out of their cards.
 */
async function fontsFor(plainSvg: string): Promise<EmbeddedFace[]> {
  const subsets: Array<keyof typeof FACES> = ['latin', ...NEEDS.filter(([, re]) => re.test(plainSvg)).map(([subset]) => subset)];
  return Promise.all(
    subsets.flatMap((subset) =>
      FACES[subset].map(async ([weight, url]) => ({ weight, unicodeRange: INTER_SUBSETS[subset], src: await dataUrl(url) })),
    ),
  );
}

/** The drawing with its fonts inside: what both exports write. */
async function standaloneSvg(data: MapData, today: IsoDate, thresholds: FreshnessThresholds, title: string): Promise<string> {
  return svgFor(data, today, thresholds, title, await fontsFor(svgFor(data, today, thresholds, title)));
}

/** Saves the map as a vector SVG (the plan PDF's drawing, with Inter embedded so it looks the same anywhere). */
export async function exportSvg(data: MapData, today: IsoDate, thresholds: FreshnessThresholds, accountName: string) {
  const svg = await standaloneSvg(data, today, thresholds, accountName);
  return getBridge().saveFile({
    suggestedName: safeFileName(`${accountName} — stakeholder map`, 'svg', 'map'),
    data: svg,
    filters: [{ name: 'SVG image', extensions: ['svg'] }],
  });
}

/** Saves the map as a PNG at twice the size (sharp on high-density screens and slides). */
export async function exportPng(data: MapData, today: IsoDate, thresholds: FreshnessThresholds, accountName: string) {
  const svg = await standaloneSvg(data, today, thresholds, accountName);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    // An SVG image loads its embedded (data: URL) fonts before it counts as loaded and decoded.
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(16_000, img.naturalWidth * scale);
    canvas.height = Math.min(16_000, img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(canvas.width / img.naturalWidth, canvas.height / img.naturalHeight);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return await getBridge().saveFile({
      suggestedName: safeFileName(`${accountName} — stakeholder map`, 'png', 'map'),
      data: bytes,
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
