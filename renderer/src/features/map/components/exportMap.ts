import { mapToSvg } from '@shared/domain/mapSvg';
import type { IsoDate } from '@shared/domain/dates';
import type { FreshnessThresholds } from '@shared/domain/stakeholders';
import { i18next } from '../../../i18n';
import { getBridge } from '../../../platform';
import { safeFileName } from '../../../lib/fileName';
import type { MapData } from '../hooks/useMapData';

/** The map as standalone vector SVG with the app's words: the export and the printed plan draw the same. */
export function svgFor(data: MapData, today: IsoDate, thresholds: FreshnessThresholds, title: string): string {
  const t = i18next.t.bind(i18next);
  return mapToSvg({
    people: data.people,
    lines: data.lines,
    last: data.last,
    today,
    thresholds,
    title,
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

/** Saves the map as a vector SVG (the same drawing the plan PDF uses). */
export function exportSvg(data: MapData, today: IsoDate, thresholds: FreshnessThresholds, accountName: string) {
  const svg = svgFor(data, today, thresholds, accountName);
  return getBridge().saveFile({
    suggestedName: safeFileName(`${accountName} — stakeholder map`, 'svg', 'map'),
    data: svg,
    filters: [{ name: 'SVG image', extensions: ['svg'] }],
  });
}

/** Saves the map as a PNG at twice the size (sharp on high-density screens and slides). */
export async function exportPng(data: MapData, today: IsoDate, thresholds: FreshnessThresholds, accountName: string) {
  const svg = svgFor(data, today, thresholds, accountName);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
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
