/**
 * The checker's floor: reads every file under a folder, scans its lines with
 * the three regular expressions of the do-nothing server and prints a count
 * per file as JSON. What `newsprint check` takes beyond it is the analysis's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

const files: string[] = [];
walk(process.argv[2] ?? '.', files);
const report = files.map((file) => {
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*$/.test(line) || /[。！？]$/.test(line)) continue;
    if (/[(（][下上]?[转接]/.test(line)) n++;
  }
  return { file, markers: n };
});
process.stdout.write(JSON.stringify(report) + '\n');
