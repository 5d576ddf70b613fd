// The article is drawn from HTML strings for speed: whatever a reader pastes must stay text.
import { describe, expect, it } from 'vitest';
import { escapeHtml, segmentText, segmentsHtml } from '../../src/lib/segments.ts';

describe('article HTML', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<script>evil()</script>', '&lt;script&gt;evil()&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["a & b's", 'a &amp; b&#39;s'],
  ])('escapes %j', (text, html) => expect(escapeHtml(text)).toBe(html));

  it('keeps a mention of hostile text as text inside its mark', () => {
    const text = 'Riots in <b onclick="x()">Baku</b> today';
    const start = text.indexOf('Baku');
    const html = segmentsHtml(segmentText(text, 0, text.length, [{ start, end: start + 4, placeId: 'baku' }]));
    expect(html).toBe('Riots in &lt;b onclick=&quot;x()&quot;&gt;<mark role="button" tabindex="0" data-place-id="baku">Baku</mark>&lt;/b&gt; today');
  });
});
