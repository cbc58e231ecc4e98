/**
 * A file name every file system accepts, from a title: control characters and \ / : * ? " < > |
 * become "-", and the name is cut to `max` characters (a fallback when nothing is left).
 */
export function safeFileName(title: string, extension: string, fallback = 'Waypoint', max = 150): string {
  const clean = Array.from(title, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .trim()
    .slice(0, max);
  return `${clean || fallback}.${extension}`;
}
