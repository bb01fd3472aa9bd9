import type { ReasonStrings } from "./reasons.en";

export const reasonsZhCN: ReasonStrings = {
  slug_taken: "此标识已被占用，请换一个。",
  product_name_taken: "此名称已被占用：已有同名产品。",
  device_name_taken: "此名称已被占用：本租户已有同名设备。",
  email_taken: "该邮箱已注册账号，请直接登录。",
  already_member: "此人已是成员。",
  last_owner: "租户至少需要一位所有者：请先将其他人设为所有者。",
  cannot_assign_role: "你的角色无法授予或撤销此角色。",
  forbidden: "你的角色不允许此操作。",
  unauthenticated: "请登录后继续。",
  not_found: "未找到，或你无权访问。",
  product_not_found: "本租户中不存在该产品。",
  device_disabled: "此设备已停用：请先启用。",
  version_conflict: "内容在你加载后已被修改：请刷新后重试。",
  wrong_password: "当前密码不正确。",
  invitation_accepted: "此邀请已被接受。",
  invalid_range: "时间范围无效。",
  too_many_buckets: "此范围的数据点过多：请选择更大的时间粒度或更短的范围。",
};
