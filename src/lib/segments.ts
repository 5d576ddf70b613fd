// Cuts a stretch of text into plain runs and (possibly nested) highlighted mentions.
// "Ahmadbayli-Fuzuli-Shusha highway" holds three town mentions: they nest inside the road's.

export interface MarkSpan {
  placeId: string;
  start: number;
  end: number;
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; placeId: string; start: number; children: Segment[] };

interface Node extends MarkSpan {
  children: Node[];
}

/** Segments of `text.slice(from, to)`; spans outside the range are clipped, partial overlaps dropped. */
export function segmentText(text: string, from: number, to: number, spans: readonly MarkSpan[]): Segment[] {
  const roots = nest(
    spans
      .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }))
      .filter((s) => s.end > s.start),
  );
  return render(text, from, to, roots);
}

function nest(spans: MarkSpan[]): Node[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const span of sorted) {
    while (stack.length > 0 && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && span.end > parent.end) continue; // crosses its parent's end: cannot be drawn as HTML
    if (parent && parent.start === span.start && parent.end === span.end && parent.placeId === span.placeId) continue;
    const node: Node = { ...span, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function render(text: string, from: number, to: number, nodes: Node[]): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const node of nodes) {
    if (node.start > at) out.push({ kind: 'text', text: text.slice(at, node.start) });
    out.push({ kind: 'mark', placeId: node.placeId, start: node.start, children: render(text, node.start, node.end, node.children) });
    at = node.end;
  }
  if (at < to) out.push({ kind: 'text', text: text.slice(at, to) });
  return out;
}

/** The spans that reach into `[from, to)`, in their given order, from a `spanIndex` of them. */
export interface SpanIndex {
  spans: readonly MarkSpan[];
  /** Positions in `spans`, ordered by start. */
  byStart: number[];
  longest: number;
}

export function spanIndex(spans: readonly MarkSpan[]): SpanIndex {
  const byStart = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || a - b);
  const longest = spans.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  return { spans, byStart, longest };
}

/**
 * The spans of `index` that overlap `[from, to)`, in their original order: what `segmentText`
 * needs for that stretch, without walking every span of the article for every sentence.
 */
export function spansWithin(index: SpanIndex, from: number, to: number): MarkSpan[] {
  const { spans, byStart, longest } = index;
  // First span that could still reach `from`: it starts at most `longest` before it.
  let lo = 0;
  let hi = byStart.length;
  const earliest = from - longest;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[byStart[mid]].start < earliest) lo = mid + 1;
    else hi = mid;
  }
  const hits: number[] = [];
  for (let i = lo; i < byStart.length; i++) {
    const s = spans[byStart[i]];
    if (s.start >= to) break;
    if (s.end > from) hits.push(byStart[i]);
  }
  return hits.sort((a, b) => a - b).map((i) => spans[i]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put in HTML, as content or as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Segments as HTML: text escaped, each mention a focusable `<mark role="button">` naming its
 * place. For the article, where thousands of mentions would be thousands of components.
 */
export function segmentsHtml(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    if (segment.kind === 'text') out += escapeHtml(segment.text);
    else out += `<mark role="button" tabindex="0" data-place-id="${escapeHtml(segment.placeId)}">${segmentsHtml(segment.children)}</mark>`;
  }
  return out;
}
