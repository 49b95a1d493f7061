// Measures, in the browser, whether quoted keywords and case numbers stay on one line. Passed to page.evaluate.

/**
 * The quoted keywords and case numbers in visible paragraphs (`selector`) that wrap onto more
 * than one line. Self-contained: it runs in the page, not in Node.
 */
export function brokenKeywords(selector: string): string[] {
  const pattern = /“[^”]{1,40}”|"[^"]{1,40}"|\b(?:[A-Z]{2}-)?[0-9A-Z]{4}-[0-9A-Z]{4}\b/g;
  const found: string[] = [];
  const lines = (range: Range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
  // A whole paragraph's text at once, so a keyword already wrapped in its own span is measured as one piece.
  for (const block of [...document.querySelectorAll(selector)].filter((b) => b.checkVisibility())) {
    const texts: { node: Text; start: number }[] = [];
    let whole = '';
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      texts.push({ node: node as Text, start: whole.length });
      whole += node.textContent ?? '';
    }
    const at = (offset: number): [Text, number] => {
      const hit = [...texts].reverse().find((t) => t.start <= offset)!;
      return [hit.node, offset - hit.start];
    };
    for (const match of whole.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(...at(match.index));
      const [endNode, endOffset] = at(match.index + match[0].length - 1);
      range.setEnd(endNode, endOffset + 1);
      if (lines(range) !== 1) found.push(match[0]);
    }
  }
  return found;
}
