import { readFileSync, readdirSync } from 'node:fs';
import { parseBillPage } from '../shared/sozd/parse-bill-page.js';
import { sliceBillPage, significantBillPageBytes } from '../shared/sozd/slice-bill-page.js';
import { parseBillHeader } from '../shared/sozd/parse-bill-header.js';
import { parseBillHistory } from '../shared/sozd/parse-bill-history.js';
const dir = '/work/shared/fixtures/sozd';
for (const f of readdirSync(dir)) {
  const buf = readFileSync(`${dir}/${f}`);
  const t = (fn: () => unknown, n = 20) => { for (let i=0;i<3;i++) fn(); const s = performance.now(); for (let i=0;i<n;i++) fn(); return ((performance.now()-s)/n).toFixed(2); };
  const html = new TextDecoder().decode(buf);
  const r = sliceBillPage(html);
  const sig = significantBillPageBytes(buf);
  console.log(f, buf.length, 'sig', sig.length, 'hdr', r.header.length, 'hist', r.history.length,
    'decode', t(() => new TextDecoder().decode(buf)), 'decodeSig', t(() => new TextDecoder().decode(sig)),
    'slice', t(() => sliceBillPage(html)), 'hdr', t(() => parseBillHeader(r.header)), 'hist', t(() => parseBillHistory(r.history)), 'full', t(() => parseBillPage(html)));
}
