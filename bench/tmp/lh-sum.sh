#!/bin/bash
# usage: lh-sum.sh path name
node /work/main/bench/tmp/lh-full.mjs "http://127.0.0.1:3111$1" /tmp/lh-$2.json && node -e "
const l=require('/tmp/lh-$2.json');const a=l.audits;
console.log('$2 perf', Math.round(l.categories.performance.score*100), 'FCP',a['first-contentful-paint'].displayValue,'LCP',a['largest-contentful-paint'].displayValue,'TBT',a['total-blocking-time'].displayValue,'SI',a['speed-index'].displayValue,'CLS',a['cumulative-layout-shift'].displayValue, 'bi', Math.round(l.environment.benchmarkIndex));
console.log('  long tasks', JSON.stringify(a['long-tasks'].details.items.map(i=>[(i.url||'').split('/').pop().slice(0,12),Math.round(i.startTime),Math.round(i.duration)])));
console.log('  bootup', JSON.stringify(a['bootup-time'].details.items.map(i=>[i.url.split('/').pop().slice(0,14),Math.round(i.total),Math.round(i.scripting)])));
console.log('  work', JSON.stringify(a['mainthread-work-breakdown'].details.items.map(i=>[i.group,Math.round(i.duration)])));
"
