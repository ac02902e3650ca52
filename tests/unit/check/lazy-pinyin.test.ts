/**
 * The validator page's stand-in for pinyin-pro: it answers the slug spellings it was given at
 * build time exactly as pinyin-pro does, and refuses everything else until the library is loaded.
 */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { loadPinyin, pinyin as pageSpeller, PinyinNotLoaded, pinyinLoaded, rememberPinyin } from '../../../src/check/client/lazy-pinyin.ts';
import { checkPageData, pinyinTable, scriptJson } from '../../../src/check/page-data.ts';
import { HAN_RUN, SLUG_PINYIN } from '../../../src/core/id/slug.ts';

const NAMES = ['硚口区测试局', '中国银行业监督管理委员会武汉监管局', 'ABC大数据中心（2）', '长江长寿重庆办'];

describe('lazy pinyin', () => {
  it('answers the build-time spellings as pinyin-pro does, polyphones in context included', () => {
    rememberPinyin(pinyinTable(NAMES));
    const runs = NAMES.flatMap((n) => [...n.matchAll(HAN_RUN)].map((m) => m[0]));
    expect(runs).toContain('中国银行业监督管理委员会武汉监管局');
    for (const run of runs) expect(pageSpeller(run, SLUG_PINYIN), run).toEqual(pinyin(run, SLUG_PINYIN));
    expect(pageSpeller('中国银行业监督管理委员会武汉监管局', SLUG_PINYIN).slice(0, 4)).toEqual(['zhong', 'guo', 'yin', 'hang']);
  });

  it('refuses a run it was not given, or other options, until the library is loaded', async () => {
    expect(pinyinLoaded()).toBe(false);
    expect(() => pageSpeller('湛河区', SLUG_PINYIN)).toThrow(PinyinNotLoaded);
    expect(() => pageSpeller('硚口区测试局', { toneType: 'symbol', type: 'array' })).toThrow(PinyinNotLoaded);
    await loadPinyin();
    expect(pinyinLoaded()).toBe(true);
    expect(pageSpeller('湛河区', SLUG_PINYIN)).toEqual(['zhan', 'he', 'qu']);
  });
});

describe('page data', () => {
  it('spells the registry names, aliases and the archive agencies', () => {
    const data = checkPageData({ agencies: [{ name: '硚口区大数据中心', aliases: ['区大数据中心'], slug: 'qiaokou-dashuju-zhongxin' }] }, ['新洲区测试局']);
    expect(Object.keys(data.pinyin).sort()).toEqual(['区大数据中心', '新洲区测试局', '硚口区大数据中心'].sort());
    expect(data.pinyin['新洲区测试局']).toEqual(['xin', 'zhou', 'qu', 'ce', 'shi', 'ju']);
    expect(data.registry?.agencies[0]?.slug).toBe('qiaokou-dashuju-zhongxin');
  });

  it('is JSON that cannot close its script element', () => {
    const json = scriptJson({ registry: { agencies: [{ name: '</script><script>alert(1)</script>' }] } });
    expect(json).not.toContain('<');
    expect(JSON.parse(json).registry.agencies[0].name).toBe('</script><script>alert(1)</script>');
  });
});
