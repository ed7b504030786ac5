const t0 = performance.now();
await import('chevrotain'); const t1 = performance.now();
await import('../dist/grammars/self-evaluation/parser.js'); const t2 = performance.now();
console.log({chev: (t1-t0).toFixed(0), parser: (t2-t1).toFixed(0)});
