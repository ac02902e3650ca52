/**
 * The bodies of a generated archive: every (district, body) pair of places.ts × bodies.ts plus
 * 街道/镇 of each district, shuffled by the seed. Each body keeps one printed name across years
 * (some with the city in front: 武汉市硚口区教育局), so its reports group by name.
 */
import { slugify } from '../../src/core/id/slug.ts';
import { BODIES, STREET_BODY, TOWN_BODY, type Body } from './bodies.ts';
import { CITIES, LOCALITIES } from './places.ts';
import { Random } from './random.ts';

export interface Agency {
  /** The name as printed in titles, e.g. 武汉市硚口区教育局. */
  name: string;
  city: string;
  district: string;
  body: Body;
  /** How the body calls itself in prose: 我局, 我中心 … */
  self: string;
  /** Short name used in prose: 区教育局, 县卫生健康局, 汉正街街道. */
  short: string;
  /** Requests scale of this body relative to its kind (0.2 .. 2). */
  activity: number;
}

function selfName(body: Body): string {
  const n = body.name;
  if (n.endsWith('街道办事处')) return '本街道';
  if (n.endsWith('镇人民政府')) return '我镇';
  if (n.endsWith('人民政府办公室') || n.endsWith('办公室')) return '我办';
  if (n.endsWith('分局')) return '我分局';
  if (n.endsWith('局')) return '我局';
  if (n.endsWith('中心')) return '我中心';
  if (n.endsWith('委员会')) return '我委';
  if (n.endsWith('馆')) return '我馆';
  if (n.endsWith('联合会')) return '我会';
  return '本机关';
}

interface Candidate {
  city: string;
  district: string;
  body: Body;
}

function candidates(): Candidate[] {
  const out: Candidate[] = [];
  for (const { city, districts } of CITIES) {
    districts.forEach((district, di) => {
      for (const body of BODIES) out.push({ city, district, body });
      // Four 街道 (区) or 镇 (县) per district, each district its own share of the names.
      const isCounty = /县$|旗$/.test(district);
      for (let k = 0; k < 4; k++) {
        const place = LOCALITIES[(di * 7 + k * 13 + city.length * 3) % LOCALITIES.length]!;
        const base = isCounty ? TOWN_BODY : STREET_BODY;
        const name = isCounty ? `${place.replace(/街$/, '')}镇人民政府` : `${place}街道办事处`;
        out.push({ city, district, body: { ...base, name } });
      }
    });
  }
  return out;
}

/**
 * The bodies in seed order, each name (and its URL slug) unique. Names whose slug would collide
 * with an earlier one are left out: a real archive settles that in its registry.
 */
export function agencies(seed: string | number): { list: Agency[]; slugCollisions: number } {
  const rng = new Random(seed, 'agencies');
  const order = rng.sample(candidates(), Number.MAX_SAFE_INTEGER);
  const names = new Set<string>();
  const slugs = new Set<string>();
  const list: Agency[] = [];
  let slugCollisions = 0;
  for (const c of order) {
    const withCity = rng.chance(0.25);
    const name = `${withCity ? c.city : ''}${c.district}${c.body.name}`;
    if (names.has(name)) continue;
    const slug = slugify(name);
    if (slugs.has(slug)) {
      slugCollisions++;
      continue;
    }
    names.add(name);
    slugs.add(slug);
    const level = /县$|旗$/.test(c.district) ? '县' : '区';
    const short = c.body.domain === 'street' || c.body.domain === 'town' ? c.body.name.replace(/办事处$|人民政府$/, '') : `${level}${c.body.name}`;
    list.push({ name, city: c.city, district: c.district, body: c.body, self: selfName(c.body), short, activity: 0.2 + rng.next() * 1.8 });
  }
  return { list, slugCollisions };
}
