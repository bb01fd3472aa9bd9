/** What the audit log records, as `resource.verb`. */
export const auditActions = [
  "user.signup",
  "user.login",
  "user.login_failed",
  "user.logout",
  "user.password_changed",
  "tenant.create",
  "tenant.update",
  "member.invite",
  "member.accept",
  "member.role_change",
  "member.remove",
  "invitation.revoke",
  "product.create",
  "product.update",
  "product.delete",
  "device.create",
  "device.bulk_create",
  "device.update",
  "device.enable",
  "device.disable",
  "device.delete",
  "device.rotate_secret",
  "device.desired_update",
  "device.command",
  "telemetry.export",
] as const;
export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (auditActions as readonly string[]).includes(value);
}
