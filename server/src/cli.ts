#!/usr/bin/env node
import { isMainThread } from 'node:worker_threads';
import { main } from './cli/main';
import { runWorker } from './cli/pool';

// A reader that stops early (`newsprint check … | head`) closes the pipe: the output is over, nothing failed.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

// The same bundle is the checker and its worker threads, so a worker needs no file of its own.
if (isMainThread) {
  void main(process.argv.slice(2), { workerScript: __filename }).then((code) => {
    process.exitCode = code;
  });
} else runWorker();
