/** Row 1: the analysis in process on ~1 MB of real page text, next to a plain line scan of the same text. */
import { analyze } from '../../server/src/analysis';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { median, time } from './stats';

/** The baseline the issue names: split into lines, three regex tests per line. */
function plainScan(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if (/[。！？]$/.test(line)) n++;
    if (/^\s*$/.test(line)) n++;
    if (/[(（][下上]?[转接]/.test(line)) n++;
  }
  return n;
}

export interface InProcessResult {
  readonly megabytes: number;
  readonly analysisMsPerMb: number;
  readonly scanMsPerMb: number;
  readonly findings: number;
}

export function inProcess(text: string, makeSegmenter: () => Segmenter, runs: number): InProcessResult {
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  const analysis: number[] = [];
  const scan: number[] = [];
  let findings = 0;
  // Warm up the JIT once, then measure cold analyses: a fresh segmenter cache each run.
  analyze(text, { segmenter: makeSegmenter() });
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const segmenter = makeSegmenter();
    const a = time(() => analyze(text, { segmenter }));
    analysis.push(a.ms);
    findings = a.value.findings.length;
    scan.push(time(() => plainScan(text)).ms);
  }
  return { megabytes: mb, analysisMsPerMb: median(analysis) / mb, scanMsPerMb: median(scan) / mb, findings };
}
