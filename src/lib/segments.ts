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
