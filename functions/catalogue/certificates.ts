import type { Certificate } from './catalogue-types.ts';

/**
 * Certificates a job may require. 特种作业操作证 is issued by the emergency management (safety)
 * authorities (《特种作业人员安全技术培训考核管理规定》); 特种设备作业人员证 by market regulation
 * (TSG Z6001-2019, with item codes such as N1 叉车司机 and Q2 起重机司机); driving licences by the
 * traffic police (《机动车驾驶证申领和使用规定》), where a higher class allows the lower ones.
 */
const EMERGENCY: Certificate['issuer'] = { zh: '应急管理部门', en: 'Emergency management authority' };
const MARKET: Certificate['issuer'] = { zh: '市场监督管理部门', en: 'Market regulation authority' };
const TRAFFIC: Certificate['issuer'] = {
  zh: '公安机关交通管理部门',
  en: 'Traffic administration of public security',
};

export const BASE_CERTIFICATES: readonly Certificate[] = [
  {
    id: 'special-operation-electrician',
    name: { zh: '特种作业操作证（电工作业）', en: 'Special operation certificate: electrical work' },
    issuer: EMERGENCY,
    aliases: ['电工证', '低压电工证', '高压电工证', '电工操作证', '特种作业电工证'],
  },
  {
    id: 'special-operation-welder',
    name: {
      zh: '特种作业操作证（焊接与热切割作业）',
      en: 'Special operation certificate: welding and thermal cutting',
    },
    issuer: EMERGENCY,
    aliases: ['焊工证', '电焊证', '电焊工证', '焊接证', '焊工操作证'],
  },
  {
    id: 'construction-scaffolder',
    name: {
      zh: '建筑施工特种作业操作资格证（建筑架子工）',
      en: 'Construction special operation qualification: scaffolder',
    },
    issuer: { zh: '住房和城乡建设主管部门', en: 'Housing and urban-rural development authority' },
    aliases: ['架子工证', '建筑架子工证'],
  },
  {
    id: 'special-equipment-forklift',
    name: {
      zh: '特种设备作业人员证（N1 叉车司机）',
      en: 'Special equipment operator certificate: N1 forklift driver',
    },
    issuer: MARKET,
    aliases: ['叉车证', '叉车司机证', '叉车操作证', 'N1', 'N1证'],
  },
  {
    id: 'special-equipment-crane',
    name: {
      zh: '特种设备作业人员证（Q2 起重机司机）',
      en: 'Special equipment operator certificate: Q2 crane operator',
    },
    issuer: MARKET,
    aliases: ['起重机证', '吊车证', '起重机司机证', '行车证', '天车证', 'Q2', 'Q2证'],
  },
  {
    id: 'driving-licence-c1',
    name: { zh: '机动车驾驶证（C1 小型汽车）', en: 'Driving licence class C1 (cars and light vans)' },
    issuer: TRAFFIC,
    aliases: ['C1', 'C1驾照', 'C1驾驶证'],
  },
  {
    id: 'driving-licence-b2',
    name: { zh: '机动车驾驶证（B2 大型货车）', en: 'Driving licence class B2 (heavy goods vehicles)' },
    issuer: TRAFFIC,
    aliases: ['B2', 'B2驾照', 'B2驾驶证'],
    implies: ['driving-licence-c1'],
  },
  {
    id: 'driving-licence-a2',
    name: { zh: '机动车驾驶证（A2 重型牵引挂车）', en: 'Driving licence class A2 (tractor-trailers)' },
    issuer: TRAFFIC,
    aliases: ['A2', 'A2驾照', 'A2驾驶证'],
    implies: ['driving-licence-b2', 'driving-licence-c1'],
  },
  {
    id: 'health-certificate',
    name: { zh: '健康证明（食品从业人员）', en: 'Health certificate for food handlers' },
    issuer: { zh: '卫生健康部门指定体检机构', en: 'Designated health examination institution' },
    aliases: ['健康证', '健康证明', '食品健康证'],
  },
  {
    id: 'security-guard-licence',
    name: { zh: '保安员证', en: 'Security guard licence' },
    issuer: { zh: '公安机关', en: 'Public security bureau' },
    aliases: ['保安证', '保安员证书'],
  },
];
