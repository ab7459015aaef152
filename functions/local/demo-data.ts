import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { PlatformRole } from '../auth/principal.ts';
import type { ListingInput } from '../listings/listing.schema.ts';
import { buildListing } from '../listings/listing-commands.ts';
import type { OrgKind } from '../orgs/org.ts';
import { registerOrg } from '../orgs/register-org.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { seedDemoEvent } from './demo-event.ts';

/**
 * Demo data drawn from the seed documents: Fujian steel and cement producers meeting a provincial
 * key project's demand (Fujian notice of 13 March 2020, §5), a Jinan mask maker scaling up
 * (Jinan, February 2020), shared employees between a Jinjiang shoe maker and firms short of
 * labour (§7), and the provincial industry department as organizer. Names are fictional.
 */
export const DEMO_PASSWORD = 'Gongxu2020!demo';

interface DemoOrg {
  email: string;
  label: string;
  adminName: string;
  org: {
    name: string;
    creditCode: string;
    kinds: OrgKind[];
    adcode: string;
    contact: { name: string; phone: string };
  };
  platformRoles?: PlatformRole[];
  listings: (today: string, plus: (days: number) => string) => ListingInput[];
}

const contact = (name: string, phone: string) => ({ name, phone });

const DEMO_ORGS: DemoOrg[] = [
  {
    email: 'steel@demo.gongxu.cn',
    label: '三明闽光钢铁（演示）· 钢材生产企业 steel manufacturer',
    adminName: '林建华',
    org: {
      name: '三明闽光钢铁有限公司（演示）',
      creditCode: '913504001581427114',
      kinds: ['manufacturer'],
      adcode: '350403',
      contact: contact('林建华', '13905981234'),
    },
    listings: (today, plus) => [
      supply(
        'rebar-hrb400e-25',
        3000,
        350403,
        300,
        today,
        plus(60),
        3950,
        contact('林建华', '13905981234'),
        1500,
        400,
      ),
      supply('rebar-hrb400e-16', 1800, 350403, 300, today, plus(60), 4010, contact('林建华', '13905981234')),
      supply('rebar-hrb500e-25', 800, 350403, 300, today, plus(45), 4150, contact('林建华', '13905981234')),
      supply('wire-rod-hpb300-8', 1200, 350403, 250, today, plus(60), 3880, contact('林建华', '13905981234')),
    ],
  },
  {
    email: 'cement@demo.gongxu.cn',
    label: '闽西水泥（演示）· 水泥生产企业 cement manufacturer',
    adminName: '陈志强',
    org: {
      name: '闽西水泥有限公司（演示）',
      creditCode: '913508007384629572',
      kinds: ['manufacturer'],
      adcode: '350802',
      contact: contact('陈志强', '13859001122'),
    },
    listings: (today, plus) => [
      supply(
        'cement-po-42.5',
        20000,
        350802,
        300,
        today,
        plus(90),
        420,
        contact('陈志强', '13859001122'),
        8000,
        3000,
      ),
      supply('cement-po-52.5', 6000, 350802, 250, today, plus(90), 480, contact('陈志强', '13859001122')),
      supply('cement-pc-42.5', 5000, 350802, 200, today, plus(90), 395, contact('陈志强', '13859001122')),
    ],
  },
  {
    email: 'minjiang@demo.gongxu.cn',
    label: '闽江建材（演示）· 水泥生产企业 cement manufacturer near Fuzhou',
    adminName: '吴海',
    org: {
      name: '闽清闽江建材有限公司（演示）',
      creditCode: '91350200612349879H',
      kinds: ['manufacturer'],
      adcode: '350124',
      contact: contact('吴海', '13799401234'),
    },
    listings: (today, plus) => [
      supply('cement-po-42.5', 5000, 350124, 150, today, plus(60), 435, contact('吴海', '13799401234'), 5000),
      supply('cement-po-52.5', 3000, 350124, 150, today, plus(60), 490, contact('吴海', '13799401234')),
    ],
  },
  {
    email: 'builder@demo.gongxu.cn',
    label: '福建交建集团（演示）· 重点项目建设单位 key-project builder',
    adminName: '黄伟',
    org: {
      name: '福建交通建设集团有限公司（演示）',
      creditCode: '91350100660123452U',
      kinds: ['builder', 'labour_user'],
      adcode: '350102',
      contact: contact('黄伟', '13600591234'),
    },
    listings: (today, plus) => [
      demand(
        '福州滨海快线（演示）',
        true,
        'rebar-hrb400e-25',
        2500,
        350105,
        today,
        plus(30),
        4100,
        false,
        contact('黄伟', '13600591234'),
      ),
      demand(
        '福州滨海快线（演示）',
        true,
        'cement-po-42.5',
        12000,
        350105,
        today,
        plus(45),
        450,
        true,
        contact('黄伟', '13600591234'),
      ),
      demand(
        '莆田木兰溪治理二期（演示）',
        true,
        'cement-po-42.5',
        6000,
        350302,
        today,
        plus(40),
        440,
        true,
        contact('黄伟', '13600591234'),
      ),
      demand(
        '泉州环湾大桥（演示）',
        false,
        'rebar-hrb400e-16',
        900,
        350502,
        today,
        plus(50),
        4080,
        false,
        contact('黄伟', '13600591234'),
      ),
      {
        kind: 'labour_request',
        adcode: '350105',
        contact: contact('黄伟', '13600591234'),
        skillId: 'electrician',
        headcount: 12,
        from: today,
        until: plus(60),
        dailyWage: 380,
        housingProvided: true,
        transportProvided: true,
        certificatesRequired: ['special-operation-electrician'],
        note: '滨海快线站房机电安装 / station M&E installation',
      },
    ],
  },
  {
    email: 'masks@demo.gongxu.cn',
    label: '济南鲁康防护用品（演示）· 口罩生产企业 mask maker',
    adminName: '王丽',
    org: {
      name: '济南鲁康防护用品有限公司（演示）',
      creditCode: '913701002638194721',
      kinds: ['manufacturer', 'labour_user'],
      adcode: '370112',
      contact: contact('王丽', '15305311234'),
    },
    listings: (today, plus) => [
      supply(
        'mask-surgical-yy0469',
        5_000_000,
        370112,
        1500,
        today,
        plus(30),
        0.55,
        contact('王丽', '15305311234'),
        2_000_000,
        500_000,
      ),
      supply(
        'mask-kn95-gb2626',
        1_200_000,
        370112,
        1500,
        today,
        plus(30),
        2.2,
        contact('王丽', '15305311234'),
      ),
      {
        kind: 'labour_request',
        adcode: '370112',
        contact: contact('王丽', '15305311234'),
        skillId: 'sewing-operator',
        headcount: 60,
        from: today,
        until: plus(45),
        dailyWage: 260,
        housingProvided: true,
        transportProvided: false,
        certificatesRequired: [],
        note: '口罩产线扩产，日产能由 50 万只提升至 100 万只 / mask lines scaling from 0.5 M to 1 M a day',
      },
    ],
  },
  {
    email: 'shoes@demo.gongxu.cn',
    label: '晋江鸿星鞋业（演示）· 共享员工出借方 lends idle staff',
    adminName: '许明',
    org: {
      name: '晋江鸿星鞋业有限公司（演示）',
      creditCode: '91350500782345619C',
      kinds: ['manufacturer', 'labour_provider'],
      adcode: '350582',
      contact: contact('许明', '13905951234'),
    },
    listings: (today, plus) => [
      {
        kind: 'labour_offer',
        adcode: '350582',
        contact: contact('许明', '13905951234'),
        skillId: 'sewing-operator',
        headcount: 80,
        from: today,
        until: plus(60),
        commuteRadiusKm: 1500,
        certificates: [],
        dailyWage: 240,
        needsHousing: true,
        needsTransport: true,
        note: '外贸订单减少，缝纫工暂时富余；劳动关系不变 / export orders down; the lender stays the employer',
      },
      {
        kind: 'labour_offer',
        adcode: '350582',
        contact: contact('许明', '13905951234'),
        skillId: 'electrician',
        headcount: 6,
        from: today,
        until: plus(90),
        commuteRadiusKm: 200,
        certificates: ['special-operation-electrician'],
        dailyWage: 350,
        needsHousing: false,
        needsTransport: true,
      },
    ],
  },
  {
    email: 'organizer@demo.gongxu.cn',
    label: '福建省工业和信息化厅（演示）· 对接活动组织方 organizer',
    adminName: '郑敏',
    org: {
      name: '福建省工业和信息化厅（演示）',
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      adcode: '350102',
      contact: contact('郑敏', '0591-87654321'),
    },
    platformRoles: ['organizer'],
    listings: () => [],
  },
  {
    email: 'admin@demo.gongxu.cn',
    label: '供需平台运营（演示）· 平台管理员 platform admin',
    adminName: '平台管理员',
    org: {
      name: '供需平台运营中心（演示）',
      creditCode: '911100007178990333',
      kinds: ['organizer'],
      adcode: '110101',
      contact: contact('运营值班', '010-66668888'),
    },
    platformRoles: ['admin'],
    listings: () => [],
  },
];

function supply(
  specId: string,
  quantity: number,
  adcode: number,
  deliveryRadiusKm: number,
  from: string,
  until: string,
  unitPrice: number,
  who: { name: string; phone: string },
  stockOnHand?: number,
  dailyCapacity?: number,
): ListingInput {
  return {
    kind: 'supply',
    specId,
    quantity,
    adcode: String(adcode),
    deliveryRadiusKm,
    availableFrom: from,
    availableUntil: until,
    unitPrice,
    contact: who,
    ...(stockOnHand !== undefined ? { stockOnHand } : {}),
    ...(dailyCapacity !== undefined ? { dailyCapacity } : {}),
  };
}

function demand(
  projectName: string,
  keyProject: boolean,
  specId: string,
  quantity: number,
  adcode: number,
  from: string,
  neededBy: string,
  ceilingPrice: number,
  acceptsSubstitutes: boolean,
  who: { name: string; phone: string },
): ListingInput {
  return {
    kind: 'demand',
    projectName,
    keyProject,
    specId,
    quantity,
    adcode: String(adcode),
    deliverFrom: from,
    neededBy,
    ceilingPrice,
    acceptsSubstitutes,
    contact: who,
  };
}

export const DEMO_USERS = DEMO_ORGS.map(({ email, label }) => ({ email, label }));

/** Loads the demo once per table (a marker item records it). Returns false when already loaded. */
export async function seedDemoData(deps: Deps): Promise<boolean> {
  if (await deps.table.get(keys.demoSeed())) return false;
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const plus = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const catalogue = await deps.catalogue.current();
  for (const demo of DEMO_ORGS) {
    if (await deps.users.findByEmail(demo.email)) continue;
    const { org, user } = await registerOrg(
      deps,
      { org: demo.org, admin: { name: demo.adminName, email: demo.email, password: DEMO_PASSWORD } },
      { platformRoles: demo.platformRoles ?? [] },
    );
    for (const input of demo.listings(today, plus)) {
      const stamp = deps.clock.now().toISOString();
      const listing = buildListing(
        catalogue,
        input,
        { orgId: org.id, orgName: org.name, userId: user.id },
        stamp,
      );
      await deps.listings.create(
        listing,
        auditEntry({ userId: user.id, orgId: org.id }, 'listing', listing.id, 'post', stamp, newId()),
      );
    }
  }
  // matchmaking events (issue 9): the published demo event with its schedule.
  await seedDemoEvent(deps, plus);
  try {
    await deps.table.put(
      { ...keys.demoSeed(), at: now.toISOString() },
      { expression: 'attribute_not_exists(pk)' },
    );
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
  }
  return true;
}
