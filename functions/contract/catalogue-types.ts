/**
 * The shapes of catalogue data. Everything is plain, JSON-serialisable data, so organizers and admins
 * can add entries later (stored, then merged into a {@link Catalogue}); ids are stable slugs.
 */

export interface LocalText {
  readonly zh: string;
  readonly en: string;
}

export interface Category {
  /** `steel`, `cement`, `concrete`, `aggregate`, `protective`, `machinery`, `petrochemical`. */
  readonly id: string;
  readonly name: LocalText;
}

/**
 * A unit of measure. Units of one dimension convert into each other through `factor`, the size of the
 * unit in the dimension's base unit, as a decimal string so conversions stay exact (`t` is `1000` kg).
 */
export interface Unit {
  readonly id: string;
  readonly name: LocalText;
  /** What is printed after a number: 吨 / t, 万只 / 10k pcs. */
  readonly symbol: LocalText;
  readonly dimension: string;
  readonly factor: string;
  /** What people type for it: 吨, 公斤, 千克, 万只, 方, 立方米 … (matched case-insensitively). */
  readonly aliases: readonly string[];
}

/**
 * How free text names one attribute of a product family. Each spec value `v` is recognised through
 * `forms` (templates in which `{v}` stands for the value, default `['{v}']`) and `aliases[v]`.
 */
export interface AttributeDef {
  readonly key: string;
  readonly name: LocalText;
  readonly forms?: readonly string[];
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** A form of this attribute alone names the product (HRB400E → rebar, P.O → cement, C30 → concrete). */
  readonly identifies?: boolean;
}

/** A product family (rebar, cement, KN95 mask …): the words for it and the attributes telling its specs apart. */
export interface Product {
  readonly id: string;
  readonly category: string;
  readonly name: LocalText;
  /** Words that name the family: 螺纹钢, 水泥, 口罩 … */
  readonly keywords: readonly string[];
  readonly attributes: readonly AttributeDef[];
}

export type AttributeValue = string | number;

/** One tradable product specification: what supply and demand listings name. */
export interface Spec {
  /** Stable slug: `rebar-hrb400e-25`, `cement-po-42.5`, `mask-kn95-gb2626`. */
  readonly id: string;
  readonly category: string;
  readonly product: string;
  readonly name: LocalText;
  /** The unit quantities and prices of this spec are in. */
  readonly unit: string;
  /** The national or industry standard it conforms to, e.g. `GB/T 1499.2-2018`. */
  readonly standard?: string;
  /** Smallest order step in `unit` (packing or weighing granularity). */
  readonly step: number;
  /** Typical road freight, CNY per `unit` per km. */
  readonly freightCnyPerUnitKm: number;
  /** Typical delivery radius, km (short for ready-mixed concrete, national for masks). */
  readonly deliveryRadiusKm: number;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Extra names people use for exactly this spec. */
  readonly aliases?: readonly string[];
  readonly note?: LocalText;
}

export interface Certificate {
  readonly id: string;
  readonly name: LocalText;
  readonly issuer: LocalText;
  /** What people call it: 电工证, 叉车证, B2驾照 … */
  readonly aliases?: readonly string[];
  /** Certificates this one includes (an A2 driving licence allows what B2 and C1 allow). */
  readonly implies?: readonly string[];
}

export type SkillSector = 'manufacturing' | 'construction' | 'logistics' | 'services';

export interface Skill {
  readonly id: string;
  readonly name: LocalText;
  readonly sector: SkillSector;
  /** What people call the job: 电焊工, 叉车工, 仓库管理员 … */
  readonly aliases: readonly string[];
  /** Certificates a worker must hold for it (all of them; implied certificates count). */
  readonly requires: readonly string[];
}

/**
 * Supply of spec `supply` may fill demand for spec `demand` (when the buyer accepts substitutes),
 * because it meets every requirement of the demanded spec's standard. `basis` says why.
 */
export interface SubstitutionRule {
  readonly supply: string;
  readonly demand: string;
  readonly basis: LocalText;
}

export interface CatalogueData {
  readonly categories: readonly Category[];
  readonly units: readonly Unit[];
  readonly products: readonly Product[];
  readonly specs: readonly Spec[];
  readonly certificates: readonly Certificate[];
  readonly skills: readonly Skill[];
  readonly substitutions: readonly SubstitutionRule[];
}

/** A slice of catalogue data: what one data module contributes, or what an admin adds. */
export type CatalogueAdditions = { readonly [K in keyof CatalogueData]?: CatalogueData[K] };
