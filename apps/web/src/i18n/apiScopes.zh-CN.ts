import type { ApiScope } from "@aspen/core/browser";

/** API 权限范围的中文说明。 */
export const apiScopesZhCN: Record<ApiScope, string> = {
  "tenant:read": "读取租户名称和设置",
  "members:read": "查看租户成员",
  "products:read": "读取产品及其物模型",
  "products:write": "创建、修改和删除产品",
  "devices:read": "读取设备及其状态",
  "devices:write": "注册、修改、启用、停用和删除设备",
  "devices:secrets": "轮换设备密钥",
  "telemetry:read": "读取遥测：最新值和历史",
  "attributes:write": "设置设备的期望属性",
  "commands:read": "读取发送给设备的命令",
  "commands:write": "向设备发送命令",
  "alarms:read": "读取告警",
  "alarms:write": "确认和清除告警",
  "rules:read": "读取告警规则",
  "rules:write": "创建和修改告警规则",
  "webhooks:read": "读取 Webhook 端点和投递记录",
  "webhooks:write": "创建和修改 Webhook 端点",
  "audit:read": "读取审计日志",
  "dashboards:read": "读取仪表盘及其组件显示的数据",
  "dashboards:write": "创建、修改和删除仪表盘，并管理其分享链接",
  "notifications:read": "读取你自己的通知和通知设置",
  "notifications:write": "将你自己的通知标为已读，并修改你的通知设置",
};
