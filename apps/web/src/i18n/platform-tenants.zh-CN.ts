import type { platformTenantsEn } from "./platform-tenants.en";

/** 平台运维的租户与套餐页文案。 */
export const platformTenantsZhCN: { [K in keyof typeof platformTenantsEn]: string } = {
  title: "租户与套餐",
  subtitle: "平台上的所有租户，以及决定其限额的套餐。",
  navLink: "租户与套餐",
  searchPlaceholder: "按名称或标识搜索",
  tenant: "租户",
  status: "状态",
  active: "正常",
  suspended: "已停用",
  plan: "套餐",
  planOf: "{name} 的套餐",
  created: "创建时间",
  empty: "还没有租户",
  noMatch: "没有匹配的租户。",
  planOption: "{plan} · 每分钟 {limit} 次 API 请求",
  confirmTitle: "将 {name} 改为{plan}？",
  confirmBody:
    "之后它的每个 API 密钥和 OAuth 应用每分钟可发起 {limit} 次 REST 请求（现在为 {current} 次）。本 Web 进程立即生效，其他进程在一分钟内生效。",
  confirm: "更改套餐",
  changed: "{name} 现在使用{plan}。",
};
