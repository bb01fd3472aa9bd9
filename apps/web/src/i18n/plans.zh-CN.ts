import type { plansEn } from "./plans.en";

/** 租户套餐的名称及其额度。 */
export const plansZhCN: { [K in keyof typeof plansEn]: string } = {
  free: "免费版",
  pro: "专业版",
  enterprise: "企业版",
  apiLimit: "{plan}：每个密钥和 OAuth 应用每分钟可发起 {limit} 次请求。",
};
