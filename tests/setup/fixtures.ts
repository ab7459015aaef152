import type { Deps } from '../../functions/api/deps.ts';
import type { PlatformRole } from '../../functions/auth/principal.ts';
import type { OrgKind } from '../../functions/orgs/org.ts';
import { registerOrg } from '../../functions/orgs/register-org.ts';

/** Valid 统一社会信用代码 for test organisations (check characters computed per GB 32100-2015). */
export const CREDIT_CODES = [
  '913504001581427114',
  '913508007384629572',
  '91350100660123452U',
  '913701002638194721',
  '91350500782345619C',
  '91350200612349879H',
  '911100007178990333',
  '11350000003588110J',
] as const;

export const PASSWORD = 'correct-horse-42';

let counter = 0;

/** Registers an organisation with its admin and returns the admin's token. */
export async function makeOrg(
  deps: Deps,
  options: {
    kinds?: OrgKind[];
    adcode?: string;
    creditCode?: string;
    platformRoles?: PlatformRole[];
    name?: string;
  } = {},
) {
  counter += 1;
  const creditCode = options.creditCode ?? CREDIT_CODES[counter % CREDIT_CODES.length]!;
  const result = await registerOrg(
    deps,
    {
      org: {
        name: options.name ?? `测试企业${counter}`,
        creditCode,
        kinds: options.kinds ?? ['manufacturer'],
        adcode: options.adcode ?? '350102',
        contact: { name: '张三', phone: '13800138000' },
      },
      admin: {
        name: `管理员${counter}`,
        email: `admin${counter}-${Date.now()}@example.cn`,
        password: PASSWORD,
      },
    },
    { platformRoles: options.platformRoles ?? [] },
  );
  return { org: result.org, user: result.user, token: result.session.token };
}
