import {
  type Decimal,
  decimalFromNumber,
  decimalFromString,
  decimalToNumber,
  divideDecimal,
  multiplyDecimal,
} from '../shared/parse/decimal.ts';
import { failed, type ParseFailure, type ParseSuccess, parsed } from '../shared/parse/parse-result.ts';
import type {
  CatalogueAdditions,
  CatalogueData,
  Category,
  Certificate,
  Product,
  Skill,
  Spec,
  SubstitutionRule,
  Unit,
} from './catalogue-types.ts';
import { BASE_CATEGORIES } from './categories.ts';
import { BASE_CERTIFICATES } from './certificates.ts';
import { buildNameLexicon, matchNames, type Named, type NameLexicon } from './name-text.ts';
import { BASE_SKILLS } from './skills.ts';
import { buildSpecLexicon, matchSpecs, type SpecLexicon } from './spec-text.ts';
import { AGGREGATE } from './specs-aggregate.ts';
import { CEMENT } from './specs-cement.ts';
import { CONCRETE } from './specs-concrete.ts';
import { MACHINERY } from './specs-machinery.ts';
import { PETROCHEMICAL } from './specs-petrochemical.ts';
import { PROTECTIVE } from './specs-protective.ts';
import { STEEL } from './specs-steel.ts';
import { BASE_UNITS, normaliseUnitText } from './units.ts';

export type * from './catalogue-types.ts';

/**
 * The catalogue: categories, units, product specs, certificates, skills and substitution rules, with
 * their look-ups. The base data lives in the `specs-*.ts`, `units.ts`, `skills.ts` … modules; admins'
 * additions are merged with {@link Catalogue.extend}, which checks them like the base (unique ids,
 * known references) and returns a new catalogue. There is no module-level catalogue in use: see catalogue-store.ts.
 */

export type SpecFailureReason = 'field.required' | 'field.unknown_spec' | 'field.spec_ambiguous';
export type SkillFailureReason = 'field.required' | 'field.unknown_skill' | 'field.skill_ambiguous';
export type CertificateFailureReason =
  | 'field.required'
  | 'field.unknown_certificate'
  | 'field.certificate_ambiguous';

export type CatalogueMatch<T, R extends string> =
  | ParseSuccess<T>
  | (ParseFailure<R> & { readonly candidates: readonly T[] });

/** Listing `specId`s must fit this (see listing.schema.ts), so catalogue ids do too. */
const SLUG = /^[a-z0-9][a-z0-9.\-_]{0,79}$/;
const MAX_NAMED_CANDIDATES = 5;

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

function indexById<T extends { readonly id: string }>(kind: string, items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new CatalogueError(`duplicate ${kind} id ${item.id}`);
    map.set(item.id, item);
  }
  return map;
}

function positiveDecimal(text: string): Decimal | undefined {
  const value = decimalFromString(text);
  return value && value.mantissa > 0n ? value : undefined;
}

function nameCandidates(items: readonly { readonly name: { readonly zh: string } }[]): string {
  const named = items.slice(0, MAX_NAMED_CANDIDATES).map((i) => i.name.zh);
  return named.join('、') + (items.length > named.length ? ` …(+${items.length - named.length})` : '');
}

function resolveNamed<T extends Named, U extends string, A extends string>(
  text: unknown,
  lexicon: NameLexicon<T>,
  unknown: U,
  ambiguous: A,
): CatalogueMatch<T, 'field.required' | U | A> {
  if (typeof text !== 'string' || text.trim() === '') return { ...failed('field.required'), candidates: [] };
  const candidates = matchNames(text.slice(0, 200), lexicon);
  if (candidates.length === 1) return parsed(candidates[0]!);
  if (candidates.length === 0) return { ...failed(unknown, { text: text.trim() }), candidates };
  return { ...failed(ambiguous, { text: text.trim(), candidates: nameCandidates(candidates) }), candidates };
}

export class Catalogue {
  readonly categories: readonly Category[];
  readonly units: readonly Unit[];
  readonly products: readonly Product[];
  readonly specs: readonly Spec[];
  readonly certificates: readonly Certificate[];
  readonly skills: readonly Skill[];
  readonly substitutions: readonly SubstitutionRule[];

  readonly #categories: Map<string, Category>;
  readonly #units: Map<string, Unit>;
  readonly #unitAliases = new Map<string, Unit>();
  readonly #unitFactors = new Map<string, Decimal>();
  readonly #products: Map<string, Product>;
  readonly #specs: Map<string, Spec>;
  readonly #certificates: Map<string, Certificate>;
  readonly #skills: Map<string, Skill>;
  readonly #substitutions = new Map<string, SubstitutionRule>();
  #specLexicon: SpecLexicon | undefined;
  #skillLexicon: NameLexicon<Skill> | undefined;
  #certificateLexicon: NameLexicon<Certificate> | undefined;

  /** Builds and checks a catalogue; throws {@link CatalogueError} on duplicate ids or dangling references. */
  constructor(data: CatalogueData) {
    this.categories = data.categories;
    this.units = data.units;
    this.products = data.products;
    this.specs = data.specs;
    this.certificates = data.certificates;
    this.skills = data.skills;
    this.substitutions = data.substitutions;
    this.#categories = indexById('category', data.categories);
    this.#units = indexById('unit', data.units);
    this.#products = indexById('product', data.products);
    this.#specs = indexById('spec', data.specs);
    this.#certificates = indexById('certificate', data.certificates);
    this.#skills = indexById('skill', data.skills);
    this.#checkUnits();
    this.#checkSpecs();
    this.#checkPeople();
    this.#checkSubstitutions();
  }

  /** A catalogue from several slices (the base data modules, then any additions). */
  static fromParts(...parts: readonly CatalogueAdditions[]): Catalogue {
    return new Catalogue({
      categories: parts.flatMap((p) => p.categories ?? []),
      units: parts.flatMap((p) => p.units ?? []),
      products: parts.flatMap((p) => p.products ?? []),
      specs: parts.flatMap((p) => p.specs ?? []),
      certificates: parts.flatMap((p) => p.certificates ?? []),
      skills: parts.flatMap((p) => p.skills ?? []),
      substitutions: parts.flatMap((p) => p.substitutions ?? []),
    });
  }

  /** This catalogue plus entries added by organizers or admins (new ids only). */
  extend(additions: CatalogueAdditions): Catalogue {
    return Catalogue.fromParts(this.#data(), additions);
  }

  #data(): CatalogueData {
    return {
      categories: this.categories,
      units: this.units,
      products: this.products,
      specs: this.specs,
      certificates: this.certificates,
      skills: this.skills,
      substitutions: this.substitutions,
    };
  }

  #checkUnits(): void {
    for (const unit of this.units) {
      const factor = positiveDecimal(unit.factor);
      if (!factor) throw new CatalogueError(`unit ${unit.id}: factor must be a positive decimal`);
      this.#unitFactors.set(unit.id, factor);
      for (const alias of [unit.id, ...unit.aliases]) {
        const key = normaliseUnitText(alias);
        const other = this.#unitAliases.get(key);
        if (other && other !== unit)
          throw new CatalogueError(`unit alias ${alias} names both ${other.id} and ${unit.id}`);
        this.#unitAliases.set(key, unit);
      }
    }
  }

  #checkSpecs(): void {
    for (const product of this.products) {
      if (!SLUG.test(product.id)) throw new CatalogueError(`product id ${product.id} is not a slug`);
      if (!this.#categories.has(product.category)) {
        throw new CatalogueError(`product ${product.id}: unknown category ${product.category}`);
      }
    }
    for (const spec of this.specs) {
      const where = `spec ${spec.id}`;
      if (!SLUG.test(spec.id)) throw new CatalogueError(`${where}: id is not a slug`);
      const product = this.#products.get(spec.product);
      if (!product) throw new CatalogueError(`${where}: unknown product ${spec.product}`);
      if (product.category !== spec.category)
        throw new CatalogueError(`${where}: category differs from its product's`);
      if (!this.#units.has(spec.unit)) throw new CatalogueError(`${where}: unknown unit ${spec.unit}`);
      if (!(spec.step > 0) || !Number.isFinite(spec.step))
        throw new CatalogueError(`${where}: step must be positive`);
      if (!(spec.freightCnyPerUnitKm >= 0) || !Number.isFinite(spec.freightCnyPerUnitKm)) {
        throw new CatalogueError(`${where}: freight must be a finite non-negative rate`);
      }
      if (!(spec.deliveryRadiusKm > 0) || !Number.isFinite(spec.deliveryRadiusKm)) {
        throw new CatalogueError(`${where}: delivery radius must be positive`);
      }
      const known = new Set(product.attributes.map((a) => a.key));
      for (const key of Object.keys(spec.attributes)) {
        if (!known.has(key))
          throw new CatalogueError(`${where}: attribute ${key} is not defined by ${product.id}`);
      }
    }
  }

  #checkPeople(): void {
    for (const certificate of this.certificates) {
      if (!SLUG.test(certificate.id))
        throw new CatalogueError(`certificate id ${certificate.id} is not a slug`);
      for (const implied of certificate.implies ?? []) {
        if (!this.#certificates.has(implied)) {
          throw new CatalogueError(`certificate ${certificate.id}: implies unknown ${implied}`);
        }
      }
    }
    for (const skill of this.skills) {
      if (!SLUG.test(skill.id)) throw new CatalogueError(`skill id ${skill.id} is not a slug`);
      for (const required of skill.requires) {
        if (!this.#certificates.has(required))
          throw new CatalogueError(`skill ${skill.id}: requires unknown ${required}`);
      }
    }
  }

  #checkSubstitutions(): void {
    for (const rule of this.substitutions) {
      const supply = this.#specs.get(rule.supply);
      const demand = this.#specs.get(rule.demand);
      const where = `substitution ${rule.supply} → ${rule.demand}`;
      if (!supply || !demand) throw new CatalogueError(`${where}: unknown spec`);
      if (supply === demand) throw new CatalogueError(`${where}: a spec does not substitute itself`);
      if (supply.unit !== demand.unit) throw new CatalogueError(`${where}: units differ`);
      this.#substitutions.set(`${rule.supply}\u0000${rule.demand}`, rule);
    }
  }

  // ── Categories and specs ──────────────────────────────────────────────────────────────────

  getCategory(id: string): Category | undefined {
    return this.#categories.get(id);
  }

  getProduct(id: string): Product | undefined {
    return this.#products.get(id);
  }

  getSpec(id: string): Spec | undefined {
    return this.#specs.get(id);
  }

  specsOf(categoryId: string): readonly Spec[] {
    return this.specs.filter((s) => s.category === categoryId);
  }

  /** A spec from free text (see spec-text.ts): exact names first, then product words and attribute forms. */
  resolveSpec(text: unknown): CatalogueMatch<Spec, SpecFailureReason> {
    if (typeof text !== 'string' || text.trim() === '')
      return { ...failed('field.required'), candidates: [] };
    this.#specLexicon ??= buildSpecLexicon(this.products, this.specs);
    const candidates = matchSpecs(text.slice(0, 200), this.#specLexicon);
    if (candidates.length === 1) return parsed(candidates[0]!);
    if (candidates.length === 0)
      return { ...failed('field.unknown_spec', { text: text.trim() }), candidates };
    return {
      ...failed('field.spec_ambiguous', { text: text.trim(), candidates: nameCandidates(candidates) }),
      candidates,
    };
  }

  // ── Units ─────────────────────────────────────────────────────────────────────────────────

  getUnit(id: string): Unit | undefined {
    return this.#units.get(id);
  }

  /** A unit from what people type: 吨 → t, 公斤/千克 → kg, 万只 → wan-piece, 方/立方 → m3 … */
  resolveUnit(text: string): Unit | undefined {
    return typeof text === 'string' ? this.#unitAliases.get(normaliseUnitText(text)) : undefined;
  }

  /** Whether quantities in the two units (ids or aliases) convert into each other. */
  canConvert(from: string, to: string): boolean {
    const a = this.getUnit(from) ?? this.resolveUnit(from);
    const b = this.getUnit(to) ?? this.resolveUnit(to);
    return a !== undefined && b !== undefined && a.dimension === b.dimension;
  }

  /**
   * `value` in `from` expressed in `to` (ids or aliases), computed in decimal so that power-of-ten
   * conversions are exact (1.234 t = 1234 kg; 10 万只 = 100000 只). Undefined when a unit is unknown or
   * the dimensions differ (t and m³ need a density, which is the spec's business, not the unit's).
   */
  convertQuantity(value: number, from: string, to: string): number | undefined {
    const a = this.getUnit(from) ?? this.resolveUnit(from);
    const b = this.getUnit(to) ?? this.resolveUnit(to);
    if (!a || !b || a.dimension !== b.dimension || !Number.isFinite(value)) return undefined;
    if (a === b) return value;
    const inBase = multiplyDecimal(decimalFromNumber(value), this.#unitFactors.get(a.id)!);
    return decimalToNumber(divideDecimal(inBase, this.#unitFactors.get(b.id)!));
  }

  // ── Substitution ──────────────────────────────────────────────────────────────────────────

  /** Supply of one spec may fill demand for another: the same spec, or a rule says so. */
  canSubstitute(supplySpecId: string, demandSpecId: string): boolean {
    if (supplySpecId === demandSpecId) return this.#specs.has(supplySpecId);
    return this.#substitutions.has(`${supplySpecId}\u0000${demandSpecId}`);
  }

  substitutionRule(supplySpecId: string, demandSpecId: string): SubstitutionRule | undefined {
    return this.#substitutions.get(`${supplySpecId}\u0000${demandSpecId}`);
  }

  /** Specs whose supply may fill demand for `demandSpecId`, other than itself. */
  substitutesFor(demandSpecId: string): readonly Spec[] {
    return this.substitutions.filter((r) => r.demand === demandSpecId).map((r) => this.#specs.get(r.supply)!);
  }

  // ── People ────────────────────────────────────────────────────────────────────────────────

  getCertificate(id: string): Certificate | undefined {
    return this.#certificates.get(id);
  }

  getSkill(id: string): Skill | undefined {
    return this.#skills.get(id);
  }

  /** A skill from free text: 电焊工 → welder, 叉车工 → forklift-driver, 吊车司机 → crane-operator. */
  resolveSkill(text: unknown): CatalogueMatch<Skill, SkillFailureReason> {
    this.#skillLexicon ??= buildNameLexicon(this.skills);
    return resolveNamed(text, this.#skillLexicon, 'field.unknown_skill', 'field.skill_ambiguous');
  }

  /** A certificate from free text: 电工证 → special-operation-electrician, B2驾照 → driving-licence-b2. */
  resolveCertificate(text: unknown): CatalogueMatch<Certificate, CertificateFailureReason> {
    this.#certificateLexicon ??= buildNameLexicon(this.certificates);
    return resolveNamed(
      text,
      this.#certificateLexicon,
      'field.unknown_certificate',
      'field.certificate_ambiguous',
    );
  }

  /** The certificates held, with everything they imply (A2 → B2 → C1). Unknown ids are kept as they are. */
  certificatesCovered(held: readonly string[]): Set<string> {
    const covered = new Set<string>();
    const queue = [...held];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (covered.has(id)) continue;
      covered.add(id);
      queue.push(...(this.#certificates.get(id)?.implies ?? []));
    }
    return covered;
  }

  /** The required certificates the holder lacks (after implications); `[]` means qualified. */
  missingCertificates(held: readonly string[], required: readonly string[]): string[] {
    const covered = this.certificatesCovered(held);
    return required.filter((id) => !covered.has(id));
  }

  /** Whether a worker holding `held` may do the job `skillId` (false for an unknown skill). */
  isQualified(skillId: string, held: readonly string[]): boolean {
    const skill = this.#skills.get(skillId);
    return skill !== undefined && this.missingCertificates(held, skill.requires).length === 0;
  }
}

/**
 * The base catalogue built from the data modules. What a request or a stream record uses is the
 * base extended with the stored additions: `deps.catalogue.current()` (catalogue-store.ts); this
 * constant is for code and tests that need the base alone.
 */
export const baseCatalogue: Catalogue = Catalogue.fromParts(
  {
    categories: BASE_CATEGORIES,
    units: BASE_UNITS,
    certificates: BASE_CERTIFICATES,
    skills: BASE_SKILLS,
  },
  STEEL,
  CEMENT,
  CONCRETE,
  AGGREGATE,
  PROTECTIVE,
  MACHINERY,
  PETROCHEMICAL,
);
