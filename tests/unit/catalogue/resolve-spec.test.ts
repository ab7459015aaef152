import { describe, expect, it } from 'vitest';
import { baseCatalogue as catalogue } from '../../../functions/catalogue/catalogue.ts';

describe('resolveSpec: what people type', () => {
  it.each([
    ['P.O42.5', 'cement-po-42.5'],
    ['PO 42.5', 'cement-po-42.5'],
    ['P.O 42.5', 'cement-po-42.5'],
    ['P·O 42.5', 'cement-po-42.5'],
    ['p.o42.5', 'cement-po-42.5'],
    ['普通硅酸盐水泥42.5', 'cement-po-42.5'],
    ['普通硅酸盐水泥 P.O 42.5', 'cement-po-42.5'],
    ['42.5普通水泥', 'cement-po-42.5'],
    ['P.O 42.5R', 'cement-po-42.5r'],
    ['P.O 42.5 R', 'cement-po-42.5r'],
    ['普硅42.5早强', 'cement-po-42.5r'],
    ['P.O 52.5', 'cement-po-52.5'],
    ['P.C 32.5R', 'cement-pc-32.5r'],
    ['复合水泥42.5', 'cement-pc-42.5'],
    ['矿渣水泥 P.S.A 42.5', 'cement-psa-42.5'],
    ['P.Ⅱ 52.5', 'cement-pii-52.5'],
    ['HRB400E Φ25', 'rebar-hrb400e-25'],
    ['HRB400EΦ25', 'rebar-hrb400e-25'],
    ['HRB400E φ25mm', 'rebar-hrb400e-25'],
    ['HRB400E Ø25', 'rebar-hrb400e-25'],
    ['螺纹钢 HRB400E 25', 'rebar-hrb400e-25'],
    ['螺纹钢HRB400E 25 (12米定尺)', 'rebar-hrb400e-25'],
    ['HRB400 Φ16', 'rebar-hrb400-16'],
    ['四级螺纹 25', 'rebar-hrb500e-25'],
    ['三级抗震螺纹 Φ20', 'rebar-hrb400e-20'],
    ['HPB300 Φ6.5', 'wire-rod-hpb300-6.5'],
    ['高线 HPB300 8mm', 'wire-rod-hpb300-8'],
    ['盘条 8', 'wire-rod-hpb300-8'],
    ['H型钢 Q235B 300*150', 'h-beam-q235b-hn300x150'],
    ['HN300×150×6.5×9 Q355B', 'h-beam-q355b-hn300x150'],
    ['Q355B钢板', 'plate-q355b'],
    ['中厚板 Q235B', 'plate-q235b'],
    ['商混C30', 'concrete-c30'],
    ['C35', 'concrete-c35'],
    ['C40混凝土', 'concrete-c40'],
    ['砼 C50', 'concrete-c50'],
    ['机制砂', 'sand-manufactured-medium'],
    ['河砂 中砂', 'sand-natural-medium'],
    ['碎石5-25', 'gravel-5-25'],
    ['石子 5~31.5mm', 'gravel-5-31.5'],
    ['KN95口罩', 'mask-kn95-gb2626'],
    ['kn95', 'mask-kn95-gb2626'],
    ['医用N95', 'mask-medical-protective-gb19083'],
    ['医用防护口罩', 'mask-medical-protective-gb19083'],
    ['医用外科口罩', 'mask-surgical-yy0469'],
    ['一次性医用外科口罩', 'mask-surgical-yy0469'],
    ['一次性医用口罩', 'mask-disposable-medical-yy0969'],
    ['YY/T 0969 口罩', 'mask-disposable-medical-yy0969'],
    ['口罩 GB 2626-2019', 'mask-kn95-gb2626'],
    ['GB 19083 口罩', 'mask-medical-protective-gb19083'],
    ['医用一次性防护服', 'suit-medical-protective-gb19082'],
    ['84消毒液', 'disinfectant-chlorine-84'],
    ['75%酒精', 'disinfectant-alcohol-75'],
    ['熔喷布BFE99', 'meltblown-bfe99'],
    ['熔喷布 95级', 'meltblown-bfe95'],
    ['20吨挖机', 'excavator-20t'],
    ['PC200挖机', 'excavator-20t'],
    ['小挖', 'excavator-6t'],
    ['ZL50铲车', 'loader-5t'],
    ['25T汽车吊', 'truck-crane-25t'],
    ['沥青70#', 'asphalt-70'],
    ['90号道路沥青', 'asphalt-90'],
    ['rebar-hrb400e-25', 'rebar-hrb400e-25'],
    ['Ready-mixed concrete C30', 'concrete-c30'],
  ])('reads %s as %s', (text, id) => {
    const result = catalogue.resolveSpec(text);
    expect(result.ok ? result.value.id : result).toBe(id);
  });

  it.each([
    ['三级螺纹Φ25', ['rebar-hrb400-25', 'rebar-hrb400e-25']],
    ['螺纹钢 Φ25 12米', ['rebar-hrb400-25', 'rebar-hrb400e-25', 'rebar-hrb500e-25']],
    ['N95口罩', ['mask-kn95-gb2626', 'mask-medical-protective-gb19083']],
    ['消毒液', ['disinfectant-chlorine-84', 'disinfectant-alcohol-75']],
    ['中砂', ['sand-natural-medium', 'sand-manufactured-medium']],
  ])('fails as ambiguous for %s, listing the candidates', (text, ids) => {
    const result = catalogue.resolveSpec(text);
    expect(result).toMatchObject({ ok: false, reason: 'field.spec_ambiguous' });
    if (!result.ok) {
      expect(result.candidates.map((s) => s.id)).toEqual(ids);
      expect(result.params?.candidates).toContain(result.candidates[0]!.name.zh);
    }
  });

  it('lists every P.O cement when only the type is given', () => {
    const result = catalogue.resolveSpec('P.O');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.candidates.every((s) => s.attributes.type === 'P.O')).toBe(true);
  });

  it.each([['C30P6'], ['HRB400E Φ36'], ['螺纹钢 40'], ['钢管'], ['xyz']])(
    'fails as unknown for %s',
    (text) => {
      expect(catalogue.resolveSpec(text)).toMatchObject({
        ok: false,
        reason: 'field.unknown_spec',
        candidates: [],
      });
    },
  );

  it.each([[''], ['  '], [null], [42]])('fails as required for the empty or non-text cell %j', (cell) => {
    expect(catalogue.resolveSpec(cell)).toMatchObject({ ok: false, reason: 'field.required' });
  });

  it('reads every spec from its id, Chinese name and English name', () => {
    const wrong = catalogue.specs.filter((spec) =>
      [spec.id, spec.name.zh, spec.name.en].some((text) => {
        const result = catalogue.resolveSpec(text);
        return !result.ok || result.value !== spec;
      }),
    );
    expect(wrong.map((s) => s.id)).toEqual([]);
  });

  it('reads every spec from its product word and plain attribute values', () => {
    const wrong: string[] = [];
    for (const spec of catalogue.specs) {
      const product = catalogue.getProduct(spec.product)!;
      if (
        product.attributes.length === 0 ||
        product.attributes.some((a) => a.forms && !a.forms.includes('{v}'))
      )
        continue;
      const text = [product.keywords[0], ...Object.values(spec.attributes)].join(' ');
      const result = catalogue.resolveSpec(text);
      if (!result.ok || result.value !== spec) wrong.push(`${text} → ${spec.id}`);
    }
    expect(wrong).toEqual([]);
  });
});
