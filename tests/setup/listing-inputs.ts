/** Valid listing bodies for tests; override what a test is about. */
export const today = new Date().toISOString().slice(0, 10);
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const supplyBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'supply',
  specId: 'rebar-hrb400e-25',
  quantity: 1000,
  adcode: '350403',
  deliveryRadiusKm: 300,
  availableFrom: today,
  availableUntil: inDays(60),
  unitPrice: 3950,
  contact: { name: '林工', phone: '13905981234' },
  ...overrides,
});

export const demandBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'demand',
  projectName: '福州测试项目',
  keyProject: true,
  specId: 'rebar-hrb400e-25',
  quantity: 600,
  adcode: '350102',
  deliverFrom: today,
  neededBy: inDays(30),
  ceilingPrice: 4100,
  acceptsSubstitutes: false,
  contact: { name: '黄工', phone: '13600591234' },
  ...overrides,
});

export const labourOfferBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'labour_offer',
  skillId: 'sewing-operator',
  headcount: 40,
  adcode: '350582',
  from: today,
  until: inDays(60),
  commuteRadiusKm: 1500,
  certificates: [],
  dailyWage: 240,
  needsHousing: true,
  needsTransport: true,
  contact: { name: '许工', phone: '13905951234' },
  ...overrides,
});

export const labourRequestBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'labour_request',
  skillId: 'sewing-operator',
  headcount: 30,
  adcode: '370112',
  from: today,
  until: inDays(45),
  dailyWage: 260,
  housingProvided: true,
  transportProvided: false,
  certificatesRequired: [],
  contact: { name: '王工', phone: '15305311234' },
  ...overrides,
});
