/**
 * Whether a text is really a binary file opened as text: NUL characters, or
 * mostly control characters, near its start. Such a document gets no
 * findings: a squiggle on every byte would only be noise.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27) || c === 0xfffd) control++;
  }
  return n > 0 && control / n > 0.1;
}
