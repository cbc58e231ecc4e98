/** Test helpers of the map SVG: a strict well-formedness checker for the markup mapToSvg writes. */
const ATTR = String.raw`\s+[A-Za-z_:][\w:.-]*="(?:[^"<&]|&(?:amp|lt|gt|quot|apos);)*"`;
const TAG = new RegExp(String.raw`^<(/?)([A-Za-z][\w:.-]*)((?:${ATTR})*)\s*(/?)>$`);
const TEXT = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos);)*$/;

/** Problems that would stop an XML parser: malformed tags or attributes, raw < or &, unbalanced elements, not one <svg> root. */
export function xmlProblems(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let pos = 0;
  let roots = 0;
  for (const m of svg.matchAll(/<[^>]*>/g)) {
    const text = svg.slice(pos, m.index);
    pos = m.index + m[0].length;
    if (!TEXT.test(text)) problems.push(`text: ${text}`);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${text}`);
    const t = TAG.exec(m[0]);
    if (!t) {
      problems.push(`tag: ${m[0]}`);
      continue;
    }
    const [, close, name = '', , self] = t;
    if (stack.length === 0 && !close) {
      roots += 1;
      if (name !== 'svg') problems.push(`root: ${name}`);
    }
    if (close) {
      if (self || stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!self) stack.push(name);
  }
  if (svg.slice(pos).trim() !== '') problems.push('text after the root');
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  if (roots !== 1) problems.push(`${roots} roots`);
  return problems;
}

/** Code points that XML 1.0 forbids anywhere in a document (controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF), as hex. */
export function xmlInvalidChars(s: string): string[] {
  const bad: string[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (!ok) bad.push(c.toString(16));
  }
  return bad;
}

const NUMERIC_ATTRS = new Set([
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'rx',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'stroke-width',
  'font-size',
]);
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const finite = (s: string) => NUMBER.test(s) && Number.isFinite(Number(s));

/** Numeric attributes (sizes, positions, viewBox, translate) whose value is not a plain finite decimal number. */
export function numericAttrProblems(svg: string): string[] {
  const bad: string[] = [];
  for (const m of svg.matchAll(/\s([\w:-]+)="([^"]*)"/g)) {
    const [all, name = '', value = ''] = m;
    const ok =
      name === 'viewBox'
        ? value.split(' ').length === 4 && value.split(' ').every(finite)
        : name === 'transform'
          ? ((t) => t !== null && finite(t[1] ?? '') && finite(t[2] ?? ''))(/^translate\((\S+) (\S+)\)$/.exec(value))
          : !NUMERIC_ATTRS.has(name) || finite(value);
    if (!ok) bad.push(all.trim());
  }
  return bad;
}

/** The names of all elements in the markup, in order. */
export const elementNames = (svg: string): string[] => [...svg.matchAll(/<([A-Za-z][\w:.-]*)/g)].map((m) => m[1] ?? '');
