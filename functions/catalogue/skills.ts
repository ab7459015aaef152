import type { Skill } from './catalogue-types.ts';

/**
 * Jobs for staff sharing (共享员工). `requires` lists what the law requires to do the job, not what
 * an employer may prefer: electricians and welders need a 特种作业操作证, forklift and crane drivers a
 * 特种设备作业人员证, drivers the right licence class, cooks a health certificate (食品安全法 §45),
 * security guards a 保安员证 (保安服务管理条例), scaffolders on building sites the housing authority's
 * 建筑施工特种作业操作资格证.
 */
export const BASE_SKILLS: readonly Skill[] = [
  {
    id: 'general-worker',
    name: { zh: '普工', en: 'General worker' },
    sector: 'manufacturing',
    aliases: ['普通工人', '杂工', '小工', '操作工', '流水线工人', '辅工'],
    requires: [],
  },
  {
    id: 'sewing-operator',
    name: { zh: '缝纫工', en: 'Sewing machine operator' },
    sector: 'manufacturing',
    aliases: ['车缝工', '平车工', '车位工', '缝纫机工', '衣车工'],
    requires: [],
  },
  {
    id: 'electrician',
    name: { zh: '电工', en: 'Electrician' },
    sector: 'construction',
    aliases: ['维修电工', '低压电工', '高压电工', '水电工'],
    requires: ['special-operation-electrician'],
  },
  {
    id: 'welder',
    name: { zh: '焊工', en: 'Welder' },
    sector: 'manufacturing',
    aliases: ['电焊工', '电焊', '焊接工', '气焊工', '氩弧焊工', '二保焊工'],
    requires: ['special-operation-welder'],
  },
  {
    id: 'forklift-driver',
    name: { zh: '叉车司机', en: 'Forklift driver' },
    sector: 'logistics',
    aliases: ['叉车工', '叉车操作员', '叉车'],
    requires: ['special-equipment-forklift'],
  },
  {
    id: 'assembler',
    name: { zh: '装配工', en: 'Assembler' },
    sector: 'manufacturing',
    aliases: ['组装工', '装配员', '钳工装配'],
    requires: [],
  },
  {
    id: 'qc-inspector',
    name: { zh: '质检员', en: 'Quality inspector' },
    sector: 'manufacturing',
    aliases: ['质检', '品检', '品检员', '检验员', 'QC', '品管'],
    requires: [],
  },
  {
    id: 'warehouse-keeper',
    name: { zh: '仓管员', en: 'Warehouse keeper' },
    sector: 'logistics',
    aliases: ['仓管', '仓库管理员', '库管', '库管员', '保管员'],
    requires: [],
  },
  {
    id: 'driver',
    name: { zh: '驾驶员', en: 'Driver' },
    sector: 'logistics',
    aliases: ['司机', '小车司机', 'C1司机'],
    requires: ['driving-licence-c1'],
  },
  {
    id: 'truck-driver',
    name: { zh: '货车司机', en: 'Truck driver' },
    sector: 'logistics',
    aliases: ['大货车司机', '货车驾驶员', 'B2司机'],
    requires: ['driving-licence-b2'],
  },
  {
    id: 'tractor-trailer-driver',
    name: { zh: '牵引车司机', en: 'Tractor-trailer driver' },
    sector: 'logistics',
    aliases: ['半挂车司机', '挂车司机', 'A2司机'],
    requires: ['driving-licence-a2'],
  },
  {
    id: 'crane-operator',
    name: { zh: '起重机司机', en: 'Crane operator' },
    sector: 'construction',
    aliases: ['吊车司机', '行车工', '天车工', '起重工'],
    requires: ['special-equipment-crane'],
  },
  {
    id: 'cnc-operator',
    name: { zh: '数控机床操作工', en: 'CNC machine operator' },
    sector: 'manufacturing',
    aliases: ['数控操作工', '数控车工', 'CNC操作工', 'CNC', '加工中心操作工'],
    requires: [],
  },
  {
    id: 'cook',
    name: { zh: '厨师', en: 'Cook' },
    sector: 'services',
    aliases: ['炊事员', '厨工', '食堂厨师', '帮厨'],
    requires: ['health-certificate'],
  },
  {
    id: 'security-guard',
    name: { zh: '保安员', en: 'Security guard' },
    sector: 'services',
    aliases: ['保安', '门卫', '安保员'],
    requires: ['security-guard-licence'],
  },
  {
    id: 'scaffolder',
    name: { zh: '架子工', en: 'Scaffolder' },
    sector: 'construction',
    aliases: ['脚手架工', '建筑架子工'],
    requires: ['construction-scaffolder'],
  },
];
