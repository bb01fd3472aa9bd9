import type { sessionsEn } from "./sessions.en";

/** 账户页“活动会话”列表的文案。 */
export const sessionsZhCN: { [K in keyof typeof sessionsEn]: string } = {
  title: "活动会话",
  subtitle: "你在这些地方处于登录状态。退出你不认识的会话：它的下一次请求即被退出登录。",
  device: "设备",
  ip: "IP 地址",
  created: "登录时间",
  lastSeen: "最近活动",
  thisSession: "当前会话",
  unknownBrowser: "未知浏览器",
  unknownOs: "未知系统",
  browserOn: "{os} 上的 {browser}",
  desktop: "电脑",
  mobile: "手机",
  tablet: "平板",
  tv: "电视",
  bot: "程序",
  unknown: "设备",
  signOut: "退出",
  signOutSession: "退出会话 {name}",
  signOutTitle: "退出 {name}？",
  signOutBody: "该浏览器会在下一次请求时被退出登录，其实时视图也会关闭。",
  signOutThisBody: "这是你正在使用的会话：你将在此处退出登录。",
  empty: "没有活动会话",
  signedOut: "{name} 已退出登录。",
};
