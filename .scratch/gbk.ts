import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { analyse } from 'chardet';
const t = readFileSync('tests/fixtures/samples/003_c7abf9ce6f9dda34.txt', 'utf8');
const b = iconv.encode(t, 'gbk');
console.log(analyse(b).slice(0,5));
const bad = [...t].filter(ch => iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') !== ch);
console.log('unencodable', [...new Set(bad)]);
