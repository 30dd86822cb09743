/**
 * Whether a text is really a binary file opened as text: NUL characters, or
 * mostly control characters, near its start. Such a document gets no
 * findings: a squiggle on every byte would only be noise.
 */
/** The characters looksBinary counts, NUL among them. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]/;

export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  // A text holds none of them: one native scan of the head spares it the counting loop.
  if (!CONTROL.test(text.length > n ? text.slice(0, n) : text)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27) || c === 0xfffd) control++;
  }
  return n > 0 && control / n > 0.1;
}
