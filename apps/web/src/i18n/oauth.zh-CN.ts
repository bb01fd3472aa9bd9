import type { oauthEn } from "./oauth.en";

/** OAuth 授权页面和已连接应用的中文文案。 */
export const oauthZhCN: Record<keyof typeof oauthEn, string> = {
  pageTitle: "授权应用",
  consentTitle: "授权 {app}",
  consentIntro: "{app} 希望访问你的 Aspen 数据。它将能够：",
  registeredBy: "由租户 {tenant} 注册",
  homepage: "网站",
  chooseTenant: "授权访问的租户",
  chooseTenantHint: "仅列出你的角色允许该应用所请求全部权限的租户。",
  noTenant: "你所在的租户中，没有一个角色允许该应用请求的全部权限。请联系所有者或管理员。",
  allow: "允许",
  deny: "拒绝",
  signedInAs: "当前登录：{email}",
  errorTitle: "无法完成此授权请求",
  unknown_client: "该应用未注册（未知的 client_id）。",
  invalid_redirect_uri: "重定向 URI 不是该应用注册的地址。未向其发送任何内容。",
  tokenLifetime: "访问权限将一直有效，直到你在“账户 → 已连接应用”中撤销。",
  connectedApps: "已连接应用",
  connectedAppsHint: "你按租户授权的第三方应用。",
  noConnectedApps: "你尚未授权任何应用。",
  revoke: "撤销",
  grantedOn: "授权于 {date}",
  lastUsed: "最近使用 {date}",
};
