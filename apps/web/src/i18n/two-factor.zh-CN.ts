import type { twoFactorEn } from "./two-factor.en";

/** 双重验证的文案（账户页卡片、登录步骤）。 */
export const twoFactorZhCN: { [K in keyof typeof twoFactorEn]: string } = {
  title: "双重验证",
  off: "未开启。添加一个身份验证器应用（任意 TOTP 应用），密码被盗也无法单凭密码登录。",
  on: "已开启。登录时需要输入身份验证器应用中的验证码。剩余恢复码：{count} 个。",
  setUp: "设置身份验证器应用",
  scan: "把这个密钥添加到应用中（在手机上打开链接，或手动输入密钥），然后输入应用显示的 6 位验证码。",
  key: "密钥",
  openInApp: "在身份验证器应用中打开",
  code: "验证码",
  confirm: "开启",
  recoveryTitle: "恢复码——请立即保存",
  recoveryHelp: "手机丢失时，每个恢复码可代替验证码使用一次。它们不会再次显示。",
  turnOff: "关闭",
  passwordToTurnOff: "你的密码",
  signInCode: "验证码",
  signInCodeHint: "身份验证器应用中的 6 位数字，或一个恢复码。",
  codeRequired: "请再次输入密码和身份验证器应用中的验证码。",
  codeWrong: "验证码不正确（或已被使用）。请输入密码和当前验证码。",
};
