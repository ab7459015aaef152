import { query } from '@solidjs/router';
import type { LocalText, SkillSector } from '../../../functions/contract/catalogue-types.ts';
import { lang } from '../i18n/index.ts';
import { api } from './client.ts';

/**
 * The product catalogue the forms pick from (GET /api/catalogue): categories, specs with their
 * unit and standard, units, labour skills and certificates. Public, cached by the browser for an
 * hour and here for the page's life.
 */

export interface CatalogueCategory {
  id: string;
  name: LocalText;
}

export interface CatalogueSpec {
  id: string;
  category: string;
  product: string;
  name: LocalText;
  /** Unit id, e.g. `t`, `piece`, `m3`. */
  unit: string;
  standard?: string;
  /** Smallest order step in `unit`. */
  step: number;
  /** Typical delivery radius, km. */
  deliveryRadiusKm: number;
}

export interface CatalogueUnit {
  id: string;
  name: LocalText;
  symbol: LocalText;
  dimension?: string;
}

export interface CatalogueSkill {
  id: string;
  name: LocalText;
  sector: SkillSector;
  /** Certificates a worker must hold for it. */
  requires: readonly string[];
}

export interface CatalogueCertificate {
  id: string;
  name: LocalText;
}

export interface CatalogueBody {
  categories: CatalogueCategory[];
  specs: CatalogueSpec[];
  units: CatalogueUnit[];
  skills: CatalogueSkill[];
  certificates: CatalogueCertificate[];
}

/** The catalogue with lookups by id. */
export class Catalogue {
  readonly specById: ReadonlyMap<string, CatalogueSpec>;
  readonly unitById: ReadonlyMap<string, CatalogueUnit>;
  readonly skillById: ReadonlyMap<string, CatalogueSkill>;
  readonly certificateById: ReadonlyMap<string, CatalogueCertificate>;
  readonly categoryById: ReadonlyMap<string, CatalogueCategory>;

  constructor(readonly body: CatalogueBody) {
    this.specById = new Map(body.specs.map((s) => [s.id, s]));
    this.unitById = new Map(body.units.map((u) => [u.id, u]));
    this.skillById = new Map(body.skills.map((s) => [s.id, s]));
    this.certificateById = new Map(body.certificates.map((c) => [c.id, c]));
    this.categoryById = new Map(body.categories.map((c) => [c.id, c]));
  }

  get categories(): readonly CatalogueCategory[] {
    return this.body.categories;
  }

  get skills(): readonly CatalogueSkill[] {
    return this.body.skills;
  }

  get certificates(): readonly CatalogueCertificate[] {
    return this.body.certificates;
  }

  specsOf(categoryId: string): CatalogueSpec[] {
    return this.body.specs.filter((s) => s.category === categoryId);
  }

  /** A spec's name in the current language (reactive), or its id when unknown. */
  specName(specId: string | undefined): string {
    if (!specId) return '';
    const spec = this.specById.get(specId);
    return spec ? spec.name[lang()] : specId;
  }

  skillName(skillId: string | undefined): string {
    if (!skillId) return '';
    const skill = this.skillById.get(skillId);
    return skill ? skill.name[lang()] : skillId;
  }

  certificateName(id: string): string {
    return this.certificateById.get(id)?.name[lang()] ?? id;
  }

  categoryName(id: string | undefined): string {
    if (!id) return '';
    if (id.startsWith('labour:')) return this.skillName(id.slice('labour:'.length));
    return this.categoryById.get(id)?.name[lang()] ?? id;
  }

  /** What is printed after a quantity: 吨 / t. */
  unitSymbol(unitId: string | undefined): string {
    if (!unitId) return '';
    const unit = this.unitById.get(unitId);
    return unit ? unit.symbol[lang()] : unitId;
  }
}

let pending: Promise<Catalogue> | undefined;

/** GET /api/catalogue, once per page load (a failure is not kept: the next call asks again). */
export function fetchCatalogue(): Promise<Catalogue> {
  pending ??= api.get<CatalogueBody>('/catalogue', { anonymous: true }).then((body) => new Catalogue(body));
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** The catalogue as a router query (for createAsync and route preloads). */
export const getCatalogue = query(() => fetchCatalogue(), 'catalogue');
