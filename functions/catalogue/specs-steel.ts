import type { AttributeDef, CatalogueAdditions, Spec, SubstitutionRule } from './catalogue-types.ts';

/**
 * Steel, in tonnes. Road freight for long products and plate runs about 0.3–0.4 CNY per tonne-km;
 * mills and stockists deliver within a few hundred km.
 *
 * - Rebar (热轧带肋钢筋, 螺纹钢), GB/T 1499.2-2018: HRB400, HRB400E, HRB500E, Φ12–Φ32. The E grades
 *   add seismic requirements (tensile/yield ratio ≥ 1.25, yield overstrength ≤ 1.30, elongation at
 *   maximum force ≥ 9 %) to the same strength.
 * - Wire rod (热轧光圆盘条, 高线), GB/T 1499.1-2017: HPB300 Φ6.5 and Φ8.
 * - H-beam (热轧H型钢), GB/T 11263-2017, in Q235B (GB/T 700-2006) and Q355B (GB/T 1591-2018).
 * - Plate (热轧中厚板), GB/T 3274-2017, Q235B and Q355B.
 */

const FREIGHT = 0.35;
const RADIUS = 400;

const DIAMETER_FORMS = ['{v}', 'Φ{v}', '{v}MM', 'Φ{v}MM', 'D{v}', '{v}毫米', 'Φ{v}毫米', '直径{v}'];

const diameter: AttributeDef = {
  key: 'diameterMm',
  name: { zh: '公称直径（mm）', en: 'Nominal diameter (mm)' },
  forms: DIAMETER_FORMS,
};

const structuralGrade: AttributeDef = {
  key: 'grade',
  name: { zh: '牌号', en: 'Grade' },
  identifies: true,
};

export const REBAR_DIAMETERS = [12, 14, 16, 18, 20, 22, 25, 28, 32] as const;
export const REBAR_GRADES = ['HRB400', 'HRB400E', 'HRB500E'] as const;
const WIRE_ROD_DIAMETERS = [6.5, 8] as const;
const STRUCTURAL_GRADES = ['Q235B', 'Q355B'] as const;

const H_SECTIONS = [
  { value: 'HW200×200', full: 'HW200×200×8×12' },
  { value: 'HN300×150', full: 'HN300×150×6.5×9' },
  { value: 'HN400×200', full: 'HN400×200×8×13' },
  { value: 'HW300×300', full: 'HW300×300×10×15' },
] as const;

const slug = (text: string) => text.toLowerCase().replaceAll('×', 'x');

const rebarSpecs: Spec[] = REBAR_GRADES.flatMap((grade) =>
  REBAR_DIAMETERS.map(
    (d): Spec => ({
      id: `rebar-${slug(grade)}-${d}`,
      category: 'steel',
      product: 'rebar',
      name: {
        zh: `热轧带肋钢筋（螺纹钢）${grade} Φ${d}`,
        en: `Hot-rolled ribbed bar (rebar) ${grade} Ø${d} mm`,
      },
      unit: 't',
      standard: 'GB/T 1499.2-2018',
      step: 1,
      freightCnyPerUnitKm: FREIGHT,
      deliveryRadiusKm: RADIUS,
      attributes: { grade, diameterMm: d },
    }),
  ),
);

const wireRodSpecs: Spec[] = WIRE_ROD_DIAMETERS.map(
  (d): Spec => ({
    id: `wire-rod-hpb300-${d}`,
    category: 'steel',
    product: 'wire-rod',
    name: { zh: `热轧光圆盘条（高线）HPB300 Φ${d}`, en: `Hot-rolled plain wire rod HPB300 Ø${d} mm` },
    unit: 't',
    standard: 'GB/T 1499.1-2017',
    step: 1,
    freightCnyPerUnitKm: FREIGHT,
    deliveryRadiusKm: RADIUS,
    attributes: { grade: 'HPB300', diameterMm: d },
  }),
);

const hBeamSpecs: Spec[] = STRUCTURAL_GRADES.flatMap((grade) =>
  H_SECTIONS.map(
    ({ value, full }): Spec => ({
      id: `h-beam-${slug(grade)}-${slug(value)}`,
      category: 'steel',
      product: 'h-beam',
      name: { zh: `热轧H型钢 ${grade} ${full}`, en: `Hot-rolled H-beam ${grade} ${full}` },
      unit: 't',
      standard: 'GB/T 11263-2017',
      step: 1,
      freightCnyPerUnitKm: FREIGHT,
      deliveryRadiusKm: RADIUS,
      attributes: { grade, section: value },
    }),
  ),
);

const plateSpecs: Spec[] = STRUCTURAL_GRADES.map(
  (grade): Spec => ({
    id: `plate-${slug(grade)}`,
    category: 'steel',
    product: 'plate',
    name: { zh: `热轧中厚钢板 ${grade}`, en: `Hot-rolled medium and heavy plate ${grade}` },
    unit: 't',
    standard: 'GB/T 3274-2017',
    step: 1,
    freightCnyPerUnitKm: FREIGHT,
    deliveryRadiusKm: RADIUS,
    attributes: { grade },
  }),
);

/** Section aliases: 300×150, H300×150, HN300×150×6.5×9 … */
const sectionAliases = Object.fromEntries(
  H_SECTIONS.map(({ value, full }) => {
    const bare = value.slice(2);
    return [value, [bare, `H${bare}`, full, `H${full.slice(2)}`, full.slice(2)]];
  }),
);

const REBAR_BASIS = {
  e: {
    zh: 'HRB400E 与 HRB400 强度指标相同，另满足抗震性能要求（GB/T 1499.2-2018），可替代同直径 HRB400。',
    en: 'HRB400E has the strength of HRB400 and meets the seismic requirements on top (GB/T 1499.2-2018), so it fills HRB400 of the same diameter.',
  },
  higher: {
    zh: 'HRB500E 屈服强度 ≥500 MPa，高于 HRB400(E) 的 ≥400 MPa，且满足抗震要求，可替代同直径 HRB400(E)。工程中钢筋代换须办理设计变更（GB 50204-2015）。',
    en: 'HRB500E (yield ≥ 500 MPa, seismic) exceeds HRB400(E) (yield ≥ 400 MPa), so it fills the same diameter. On site a rebar substitution still needs a design change (GB 50204-2015).',
  },
};

const rebarSubstitutions: SubstitutionRule[] = REBAR_DIAMETERS.flatMap((d) => [
  { supply: `rebar-hrb400e-${d}`, demand: `rebar-hrb400-${d}`, basis: REBAR_BASIS.e },
  { supply: `rebar-hrb500e-${d}`, demand: `rebar-hrb400e-${d}`, basis: REBAR_BASIS.higher },
  { supply: `rebar-hrb500e-${d}`, demand: `rebar-hrb400-${d}`, basis: REBAR_BASIS.higher },
]);

export const STEEL: CatalogueAdditions = {
  products: [
    {
      id: 'rebar',
      category: 'steel',
      name: { zh: '螺纹钢', en: 'Rebar' },
      keywords: ['螺纹钢', '螺纹', '罗纹钢', '螺纹钢筋', '带肋钢筋', '热轧带肋钢筋', '钢筋', 'REBAR'],
      attributes: [
        {
          ...structuralGrade,
          aliases: {
            HRB400: ['三级', 'III级', '三级钢'],
            HRB400E: ['三级', 'III级', '三级钢', '三级抗震', 'HRB400抗震'],
            HRB500E: ['四级', 'IV级', '四级钢', '四级抗震', 'HRB500抗震'],
          },
        },
        diameter,
      ],
    },
    {
      id: 'wire-rod',
      category: 'steel',
      name: { zh: '盘条（高线）', en: 'Wire rod' },
      keywords: ['盘条', '高线', '线材', '光圆盘条', '光圆钢筋', '光圆', '钢筋', 'WIREROD'],
      attributes: [{ ...structuralGrade, aliases: { HPB300: ['一级', 'I级', '一级钢'] } }, diameter],
    },
    {
      id: 'h-beam',
      category: 'steel',
      name: { zh: 'H型钢', en: 'H-beam' },
      keywords: ['H型钢', 'H钢', 'H形钢', '热轧H型钢', 'HBEAM', 'H-BEAM'],
      attributes: [
        structuralGrade,
        {
          key: 'section',
          name: { zh: '截面规格', en: 'Section' },
          identifies: true,
          aliases: sectionAliases,
        },
      ],
    },
    {
      id: 'plate',
      category: 'steel',
      name: { zh: '中厚板', en: 'Plate' },
      keywords: ['钢板', '中厚板', '中板', '厚板', '热轧板', '热轧钢板', 'PLATE'],
      attributes: [structuralGrade],
    },
  ],
  specs: [...rebarSpecs, ...wireRodSpecs, ...hBeamSpecs, ...plateSpecs],
  substitutions: rebarSubstitutions,
};
