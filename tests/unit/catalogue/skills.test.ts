import { describe, expect, it } from 'vitest';
import { baseCatalogue as catalogue } from '../../../functions/catalogue/catalogue.ts';

describe('skills and certificates', () => {
  it.each([
    ['electrician', ['special-operation-electrician']],
    ['welder', ['special-operation-welder']],
    ['forklift-driver', ['special-equipment-forklift']],
    ['crane-operator', ['special-equipment-crane']],
    ['driver', ['driving-licence-c1']],
    ['truck-driver', ['driving-licence-b2']],
    ['cook', ['health-certificate']],
    ['security-guard', ['security-guard-licence']],
    ['general-worker', []],
    ['sewing-operator', []],
    ['assembler', []],
    ['qc-inspector', []],
    ['warehouse-keeper', []],
    ['cnc-operator', []],
  ])('%s requires %j', (id, certificates) => {
    expect(catalogue.getSkill(id)?.requires).toEqual(certificates);
  });

  it('counts the licence classes a higher class includes', () => {
    expect(
      catalogue.missingCertificates(['driving-licence-a2'], ['driving-licence-b2', 'driving-licence-c1']),
    ).toEqual([]);
    expect(catalogue.missingCertificates(['driving-licence-b2'], ['driving-licence-c1'])).toEqual([]);
    expect(catalogue.missingCertificates(['driving-licence-c1'], ['driving-licence-b2'])).toEqual([
      'driving-licence-b2',
    ]);
    expect(catalogue.missingCertificates([], ['special-operation-welder'])).toEqual([
      'special-operation-welder',
    ]);
  });

  it('tells whether a worker is qualified for a job', () => {
    expect(catalogue.isQualified('truck-driver', ['driving-licence-a2'])).toBe(true);
    expect(catalogue.isQualified('electrician', ['special-operation-welder'])).toBe(false);
    expect(catalogue.isQualified('general-worker', [])).toBe(true);
    expect(catalogue.isQualified('astronaut', [])).toBe(false);
  });
});

describe('resolveSkill: what people type', () => {
  it.each([
    ['电工', 'electrician'],
    ['维修电工', 'electrician'],
    ['电焊工', 'welder'],
    ['熟练电焊工', 'welder'],
    ['焊工', 'welder'],
    ['叉车工（持证）', 'forklift-driver'],
    ['叉车司机', 'forklift-driver'],
    ['吊车司机', 'crane-operator'],
    ['司机', 'driver'],
    ['货车司机', 'truck-driver'],
    ['B2司机', 'truck-driver'],
    ['普工/杂工', 'general-worker'],
    ['缝纫工', 'sewing-operator'],
    ['平车工', 'sewing-operator'],
    ['QC', 'qc-inspector'],
    ['仓库管理员', 'warehouse-keeper'],
    ['CNC操作工', 'cnc-operator'],
    ['数控车工', 'cnc-operator'],
    ['厨师', 'cook'],
    ['保安', 'security-guard'],
    ['welder', 'welder'],
    ['Forklift driver', 'forklift-driver'],
  ])('reads %s as %s', (text, id) => {
    const result = catalogue.resolveSkill(text);
    expect(result.ok ? result.value.id : result).toBe(id);
  });

  it('fails as ambiguous for two jobs in one cell, naming them', () => {
    const result = catalogue.resolveSkill('电工焊工');
    expect(result).toMatchObject({ ok: false, reason: 'field.skill_ambiguous' });
    if (!result.ok) expect(result.candidates.map((s) => s.id)).toEqual(['electrician', 'welder']);
  });

  it('fails as unknown for a job not in the catalogue, and as required for an empty cell', () => {
    expect(catalogue.resolveSkill('会计')).toMatchObject({
      ok: false,
      reason: 'field.unknown_skill',
      candidates: [],
    });
    expect(catalogue.resolveSkill('QCC')).toMatchObject({ ok: false, reason: 'field.unknown_skill' });
    expect(catalogue.resolveSkill('')).toMatchObject({ ok: false, reason: 'field.required' });
  });

  it('reads every skill from its id and names', () => {
    for (const skill of catalogue.skills) {
      for (const text of [skill.id, skill.name.zh, skill.name.en, ...skill.aliases]) {
        const result = catalogue.resolveSkill(text);
        expect(result.ok && result.value.id, text).toBe(skill.id);
      }
    }
  });
});

describe('resolveCertificate: what people type', () => {
  it.each([
    ['电工证', 'special-operation-electrician'],
    ['低压电工证', 'special-operation-electrician'],
    ['焊工证', 'special-operation-welder'],
    ['叉车证', 'special-equipment-forklift'],
    ['N1', 'special-equipment-forklift'],
    ['吊车证', 'special-equipment-crane'],
    ['B2驾照', 'driving-licence-b2'],
    ['A2', 'driving-licence-a2'],
    ['健康证', 'health-certificate'],
    ['保安证', 'security-guard-licence'],
    ['特种作业操作证（电工作业）', 'special-operation-electrician'],
    ['driving-licence-c1', 'driving-licence-c1'],
  ])('reads %s as %s', (text, id) => {
    const result = catalogue.resolveCertificate(text);
    expect(result.ok ? result.value.id : result).toBe(id);
  });

  it('fails as unknown or ambiguous with the reason keys of the catalogue', () => {
    expect(catalogue.resolveCertificate('会计证')).toMatchObject({
      ok: false,
      reason: 'field.unknown_certificate',
    });
    expect(catalogue.resolveCertificate('AB2')).toMatchObject({
      ok: false,
      reason: 'field.unknown_certificate',
    });
    expect(catalogue.resolveCertificate('电工证焊工证')).toMatchObject({
      ok: false,
      reason: 'field.certificate_ambiguous',
    });
    expect(catalogue.resolveCertificate(' ')).toMatchObject({ ok: false, reason: 'field.required' });
  });

  it('reads every certificate from its id, names and aliases', () => {
    for (const certificate of catalogue.certificates) {
      for (const text of [
        certificate.id,
        certificate.name.zh,
        certificate.name.en,
        ...(certificate.aliases ?? []),
      ]) {
        const result = catalogue.resolveCertificate(text);
        expect(result.ok && result.value.id, text).toBe(certificate.id);
      }
    }
  });
});
