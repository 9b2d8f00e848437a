import { readFileSync } from 'node:fs';
import { buildSearchIndex } from './index.ts';
const base = readFileSync('knowledge/demo/scenarios.jsonl','utf8').trim().split('\n').map((l) => JSON.parse(l));
const docs: any[] = [];
const W = '电费停电跳闸充电桩缴费欠费复电光伏增容过户抄表计量电压投诉';
for (let i = 0; i < 10000; i++) { const b = base[i % base.length]; const w = W.slice(i % 20, i % 20 + 3); docs.push({ ...b, code: 'X' + i, title: b.title + w, phrasings: b.phrasings.map((x: string) => w + x), script: b.script.map((x: string) => x + w + i) }); }
for (let r = 0; r < 3; r++) { const c = process.cpuUsage(); const t = performance.now(); buildSearchIndex(docs); const u = process.cpuUsage(c); console.log('build', (performance.now() - t).toFixed(0), 'cpu', ((u.user + u.system) / 1000).toFixed(0)); }
