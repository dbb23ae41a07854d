// harper_bench.mjs — measures harper.js (the Harper grammar checker's
// WebAssembly build) on one text file: node harper_bench.mjs FILE RUNS.
// Prints one JSON line: {"words": N, "seconds": [..], "lints": N}.
// Run from a folder whose node_modules has harper.js (make bench-peers).
import { readFileSync } from 'node:fs';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const text = readFileSync(file, 'utf8');
const words = text.split(/\s+/).filter(Boolean).length;
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
// Harper is meant for documents, not megabytes at once: lint paragraph
// blocks of about 2,000 words, as an editor integration would.
const paragraphs = text.split(/\n\s*\n/);
const chunks = [];
let cur = [];
let curWords = 0;
for (const p of paragraphs) {
  cur.push(p);
  curWords += p.split(/\s+/).filter(Boolean).length;
  if (curWords >= 2000) {
    chunks.push(cur.join('\n\n'));
    cur = [];
    curWords = 0;
  }
}
if (cur.length) chunks.push(cur.join('\n\n'));
const seconds = [];
let lints = 0;
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  lints = 0;
  for (const c of chunks) lints += (await linter.lint(c, { language: 'plaintext' })).length;
  seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(JSON.stringify({ words, seconds, lints }));
