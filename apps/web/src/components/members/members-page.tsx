"use client";

import { canAssignRole, roles, type Role } from "@aspen/core";
import {
  Badge,
  Button,
  Card,
  CardHeader,
  ConfirmDialog,
  EmptyState,
  Select,
  SkeletonRows,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { InviteDialog } from "./invite-dialog";

type Pending =
  | { kind: "role"; userId: string; email: string; role: Role }
  | { kind: "remove"; userId: string; email: string }
  | { kind: "revoke"; invitationId: string; email: string };

export function MembersPage() {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canInvite = tenant.permissions.includes("member.invite");
  const canUpdate = tenant.permissions.includes("member.update");
  const canRemove = tenant.permissions.includes("member.remove");
  const [inviteOpen, setInviteOpen] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  const members = useQuery(trpc.member.list.queryOptions({ tenantSlug: tenant.slug, page: 1, pageSize: 100 }));
  const invitations = useQuery({
    ...trpc.member.invitations.queryOptions({ tenantSlug: tenant.slug, page: 1, pageSize: 100 }),
    enabled: canInvite,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.member.invitations.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() }),
    ]);
  const done = { onSuccess: async () => { setPending(null); await refresh(); } };
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions(done));
  const remove = useMutation(trpc.member.remove.mutationOptions(done));
  const revoke = useMutation(trpc.member.revokeInvitation.mutationOptions(done));
  const active = pending?.kind === "role" ? changeRole : pending?.kind === "remove" ? remove : revoke;

  const assignable = roles.filter((r) => canAssignRole(tenant.role, r));

  return (
    <>
      <PageHeader
        title={t.members.title}
        description={t.members.subtitle}
        actions={
          canInvite ? (
            <Button onClick={() => setInviteOpen(true)} data-testid="invite-member">
              {t.members.invite}
            </Button>
          ) : null
        }
      />
      <Card>
        {members.isPending ? (
          <SkeletonRows rows={3} label={t.common.loading} />
        ) : members.error ? (
          <QueryError error={members.error} onRetry={() => members.refetch()} />
        ) : members.data.items.length === 0 ? (
          <EmptyState title={t.members.empty} />
        ) : (
          <Table data-testid="members-table">
            <THead>
              <tr>
                <TH>{t.common.name}</TH>
                <TH>{t.common.role}</TH>
                <TH className="hidden sm:table-cell">{t.members.joined}</TH>
                <TH className="hidden text-right sm:table-cell">
                  <span className="sr-only">{t.common.actions}</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {members.data.items.map((m) => {
                const manageable = !m.isSelf && canAssignRole(tenant.role, m.role);
                const who = m.name || m.email;
                const removeButton =
                  canRemove && manageable ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-600 dark:text-red-400"
                      aria-label={format(t.ui.removeMember, { name: who })}
                      data-testid="member-remove"
                      onClick={() => setPending({ kind: "remove", userId: m.userId, email: m.email })}
                    >
                      {t.members.removeMember}
                    </Button>
                  ) : null;
                return (
                  <TR key={m.userId} data-testid={`member-row-${m.email}`}>
                    <TD className="max-w-[9rem] sm:max-w-[14rem]">
                      <p className="truncate font-medium">
                        {m.name || m.email}
                        {m.isSelf ? <span className="ml-1.5 text-xs font-normal text-zinc-500">({t.members.you})</span> : null}
                      </p>
                      <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{m.email}</p>
                    </TD>
                    <TD>
                      <div className="flex flex-wrap items-center gap-1">
                        {canUpdate && manageable ? (
                          <Select
                            aria-label={format(t.ui.changeRoleOf, { name: who })}
                            className="h-8 w-28 sm:w-32"
                            data-testid="member-role-select"
                            value={m.role}
                            options={assignable.map((r) => ({ value: r, label: t.roles[r] }))}
                            onChange={(e) => setPending({ kind: "role", userId: m.userId, email: m.email, role: e.target.value as Role })}
                          />
                        ) : (
                          <Badge tone={m.role === "owner" ? "violet" : m.role === "admin" ? "blue" : "neutral"} data-testid="member-role">
                            {t.roles[m.role]}
                          </Badge>
                        )}
                        {/* On phones the remove button sits under the role: the table has no room for a fourth column. */}
                        <span className="sm:hidden">{removeButton}</span>
                      </div>
                    </TD>
                    <TD className="hidden text-zinc-500 sm:table-cell">{formatDate(m.joinedAt, locale)}</TD>
                    <TD className="hidden text-right sm:table-cell">{removeButton}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>

      {canInvite ? (
        <Card className="mt-6">
          <CardHeader title={t.members.pending} />
          {invitations.isPending ? (
            <SkeletonRows rows={2} label={t.common.loading} />
          ) : invitations.error ? (
            <QueryError error={invitations.error} onRetry={() => invitations.refetch()} />
          ) : invitations.data.items.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400" data-testid="no-invitations">
              {t.members.noPending}
            </p>
          ) : (
            <Table data-testid="invitations-table">
              <THead>
                <tr>
                  <TH>{t.common.email}</TH>
                  <TH>{t.common.role}</TH>
                  <TH className="hidden md:table-cell">{t.members.invitedBy}</TH>
                  <TH className="hidden sm:table-cell">{t.members.expires}</TH>
                  <TH className="text-right">
                    <span className="sr-only">{t.common.actions}</span>
                  </TH>
                </tr>
              </THead>
              <TBody>
                {invitations.data.items.map((inv) => (
                  <TR key={inv.id} data-testid={`invitation-row-${inv.email}`}>
                    <TD className="max-w-[9rem] truncate sm:max-w-[14rem]">{inv.email}</TD>
                    <TD>
                      <Badge>{t.roles[inv.role]}</Badge>
                    </TD>
                    <TD className="hidden text-zinc-500 md:table-cell">{inv.invitedByEmail ?? "—"}</TD>
                    <TD className="hidden text-zinc-500 sm:table-cell">{formatDateTime(inv.expiresAt, locale)}</TD>
                    <TD className="text-right">
                      {canAssignRole(tenant.role, inv.role) ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-red-600 dark:text-red-400"
                          aria-label={format(t.ui.revokeInvitation, { email: inv.email })}
                          data-testid="invitation-revoke"
                          onClick={() => setPending({ kind: "revoke", invitationId: inv.id, email: inv.email })}
                        >
                          {t.members.revoke}
                        </Button>
                      ) : null}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      ) : null}

      <InviteDialog open={inviteOpen} onClose={() => setInviteOpen(false)} roles={assignable} onInvited={refresh} />

      <ConfirmDialog
        open={pending !== null}
        onClose={() => {
          setPending(null);
          active.reset();
        }}
        onConfirm={() => {
          if (!pending) return;
          if (pending.kind === "role") changeRole.mutate({ tenantSlug: tenant.slug, userId: pending.userId, role: pending.role });
          else if (pending.kind === "remove") remove.mutate({ tenantSlug: tenant.slug, userId: pending.userId });
          else revoke.mutate({ tenantSlug: tenant.slug, invitationId: pending.invitationId });
        }}
        tone={pending?.kind === "role" ? "primary" : "danger"}
        title={
          pending?.kind === "role"
            ? format(t.members.changeRoleConfirm, { email: pending.email, role: t.roles[pending.role] })
            : pending?.kind === "remove"
              ? format(t.members.removeConfirm, { email: pending.email })
              : pending
                ? format(t.members.revokeConfirm, { email: pending.email })
                : ""
        }
        description={pending?.kind === "remove" ? t.members.removeBody : pending?.kind === "revoke" ? t.members.revokeBody : undefined}
        confirmLabel={pending?.kind === "role" ? t.members.changeRole : pending?.kind === "remove" ? t.members.removeMember : t.members.revoke}
        cancelLabel={t.common.cancel}
        pending={active.isPending}
        error={active.error ? errorMessage(active.error, t.common.somethingWrong) : null}
      />
    </>
  );
}
