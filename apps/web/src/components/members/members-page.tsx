"use client";

import { canAssignRole, roles, type Role } from "@aspen/core";
import { Badge, Button, Card, ConfirmDialog, Select } from "@aspen/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/components/format/dates";
import { PagedTable, PagedTableCard } from "@/components/shell/paged-table";
import { useUrlPager } from "@/components/shell/url-state";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";

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

  const memberPager = useUrlPager({ defaultSize: 20, sizes: [20, 50, 100] });
  const invitationPager = useUrlPager({ prefix: "invitations", defaultSize: 20, sizes: [20, 50, 100] });
  const members = useQuery({
    ...trpc.member.list.queryOptions({ tenantSlug: tenant.slug, page: memberPager.page, pageSize: memberPager.pageSize }),
    placeholderData: keepPreviousData,
  });
  const invitations = useQuery({
    ...trpc.member.invitations.queryOptions({ tenantSlug: tenant.slug, page: invitationPager.page, pageSize: invitationPager.pageSize }),
    placeholderData: keepPreviousData,
    enabled: canInvite,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.member.invitations.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() }),
    ]);
  const done = {
    onSuccess: async () => {
      setPending(null);
      await refresh();
    },
  };
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions(done));
  const remove = useMutation(trpc.member.remove.mutationOptions(done));
  const revoke = useMutation(trpc.member.revokeInvitation.mutationOptions(done));
  const active = pending?.kind === "role" ? changeRole : pending?.kind === "remove" ? remove : revoke;

  const assignable = roles.filter((r) => canAssignRole(tenant.role, r));
  type Member = { userId: string; email: string; name: string | null; role: Role; isSelf: boolean };
  const manageable = (m: Member) => !m.isSelf && canAssignRole(tenant.role, m.role);
  const removeButton = (m: Member) =>
    canRemove && manageable(m) ? (
      <Button
        variant="ghost"
        size="sm"
        className="text-red-600 dark:text-red-400"
        aria-label={format(t.ui.removeMember, { name: m.name || m.email })}
        data-testid="member-remove"
        onClick={() => setPending({ kind: "remove", userId: m.userId, email: m.email })}
      >
        {t.members.removeMember}
      </Button>
    ) : null;

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
        <PagedTable
          query={members}
          pager={memberPager}
          name={t.members.title}
          rows={3}
          rowKey={(m) => m.userId}
          tableTestId="members-table"
          rowTestId={(m) => `member-row-${m.email}`}
          empty={{ title: t.members.empty }}
          columns={[
            {
              header: t.common.name,
              className: "max-w-[9rem] sm:max-w-[14rem]",
              cell: (m) => (
                <>
                  <p className="truncate font-medium">
                    {m.name || m.email}
                    {m.isSelf ? (
                      <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">({t.members.you})</span>
                    ) : null}
                  </p>
                  <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{m.email}</p>
                </>
              ),
            },
            {
              header: t.common.role,
              cell: (m) => (
                <div className="flex flex-wrap items-center gap-1">
                  {canUpdate && manageable(m) ? (
                    <Select
                      aria-label={format(t.ui.changeRoleOf, { name: m.name || m.email })}
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
                  <span className="sm:hidden">{removeButton(m)}</span>
                </div>
              ),
            },
            {
              header: t.members.joined,
              className: "hidden text-zinc-500 sm:table-cell dark:text-zinc-400",
              cell: (m) => formatDate(m.joinedAt, locale),
            },
            {
              header: <span className="sr-only">{t.common.actions}</span>,
              className: "hidden text-right sm:table-cell",
              cell: (m) => removeButton(m),
            },
          ]}
        />
      </Card>

      {canInvite ? (
        <PagedTableCard
          className="mt-6"
          title={t.members.pending}
          testId="invitations"
          query={invitations}
          pager={invitationPager}
          rows={2}
          tableTestId="invitations-table"
          rowTestId={(inv) => `invitation-row-${inv.email}`}
          empty={{ title: t.members.noPending, testId: "no-invitations" }}
          columns={[
            { header: t.common.email, className: "max-w-[9rem] truncate sm:max-w-[14rem]", cell: (inv) => inv.email },
            { header: t.common.role, cell: (inv) => <Badge>{t.roles[inv.role]}</Badge> },
            {
              header: t.members.invitedBy,
              className: "hidden text-zinc-500 md:table-cell dark:text-zinc-400",
              cell: (inv) => inv.invitedByEmail ?? "—",
            },
            {
              header: t.members.expires,
              className: "hidden text-zinc-500 sm:table-cell dark:text-zinc-400",
              cell: (inv) => formatDateTime(inv.expiresAt, locale),
            },
            {
              header: <span className="sr-only">{t.common.actions}</span>,
              className: "text-right",
              cell: (inv) =>
                canAssignRole(tenant.role, inv.role) ? (
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
                ) : null,
            },
          ]}
        />
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
        confirmLabel={
          pending?.kind === "role" ? t.members.changeRole : pending?.kind === "remove" ? t.members.removeMember : t.members.revoke
        }
        cancelLabel={t.common.cancel}
        pending={active.isPending}
        error={active.error ? serverErrorText(active.error, t) : null}
      />
    </>
  );
}
