import type { passwordResetEn } from "./password-reset.en";

/** 重置密码页面的文案（/forgot、/reset/<token>）。 */
export const passwordResetZhCN: { [K in keyof typeof passwordResetEn]: string } = {
  forgotLink: "忘记密码？",
  forgotTitle: "重置密码",
  forgotSubtitle: "我们会给你发送一个设置新密码的链接。",
  send: "发送链接",
  sending: "正在发送…",
  sent: "如果有账户使用此邮箱，链接已在路上。链接只能使用一次，一小时内有效。",
  resetTitle: "设置新密码",
  resetSubtitle: "重置后，你在所有设备上的登录都会退出。",
  newPassword: "新密码",
  save: "设置密码",
  saving: "正在保存…",
  done: "密码已设置，请用新密码登录。",
  invalidLink: "此链接已使用、已过期或无效，请重新申请。",
  askAgain: "重新申请链接",
  backToLogin: "返回登录",
  tooMany: "请求过多，请稍后再试。",
  verifyTitle: "确认邮箱地址",
  verifying: "正在确认…",
  verified: "{email} 已确认。你现在可以接受发到这个地址的邀请。",
  verifyInvalid: "此确认链接已使用、已过期或无效。请登录后重新申请。",
  toConsole: "进入控制台",
};
