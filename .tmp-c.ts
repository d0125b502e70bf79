import { performance } from 'node:perf_hooks';
import { TopicIndex } from './shared/topics/topic-index.js';
import { prepareDocument } from './shared/topics/prepared-document.js';
import { matchPrepared } from './shared/topics/match-topic.js';
const origMatch = TopicIndex.prototype.match;
let items: any[] = []; let idx: any;
TopicIndex.prototype.match = function (d) { items.push(d); idx = this; return origMatch.call(this, d); };
const { runTopicBench } = await import('./bench/topic-bench.js');
await runTopicBench();
items = items.slice(0, 1000);
let t = performance.now(); const prepared = items.map((d) => prepareDocument(d)); console.log('prepare', performance.now() - t);
t = performance.now(); let cands = 0; const lists: number[][] = [];
for (const p of prepared) { const c = new Set<number>(); for (const s of p.occurrences.keys()) for (const x of idx.topicsByStem.get(s) ?? []) c.add(x); cands += c.size; lists.push([...c]); }
console.log('gather', performance.now() - t, 'avg candidates', cands / prepared.length);
t = performance.now(); let m = 0; prepared.forEach((p, i) => { for (const x of lists[i]!) if (matchPrepared(idx.topics[x].query, p)) m++; }); console.log('verify', performance.now() - t, m);
