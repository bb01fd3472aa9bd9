"use client";

import type { Role } from "@aspen/core";
import { Button, Callout, CopyField, Dialog, Field, Input, Select } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Email + role → an invitation link to copy (also emailed when SMTP is set up). */
export function InviteDialog({
  open,
  onClose,
  roles,
  onInvited,
}: {
  open: boolean;
  onClose: () => void;
  roles: readonly Role[];
  onInvited: () => void;
}) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("developer");
  const invite = useMutation(trpc.member.invite.mutationOptions({ onSuccess: () => onInvited() }));
  const errors = invite.error ? fieldErrors(invite.error) : {};
  const close = () => {
    onClose();
    invite.reset();
    setEmail("");
  };
  const result = invite.data;
  return (
    <Dialog
      open={open}
      onClose={close}
      testId="invite-dialog"
      title={result ? t.members.inviteCreated : t.members.inviteTitle}
      description={result ? format(t.members.inviteLinkHint, { email: result.invitation.email }) : t.members.inviteHint}
      footer={
        result ? (
          <Button onClick={close} data-testid="invite-done">
            {t.common.close}
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              {t.common.cancel}
            </Button>
            <Button type="submit" form="invite-form" loading={invite.isPending} data-testid="invite-submit">
              {t.members.sendInvite}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <CopyField
          label={t.members.inviteLink}
          value={result.inviteUrl}
          multiline
          testId="invite-link"
          copyLabel={t.common.copy}
          copiedLabel={t.common.copied}
        />
      ) : (
        <form
          id="invite-form"
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate({ tenantSlug: tenant.slug, email: email.trim(), role });
          }}
        >
          {invite.error && !errors.email ? <Callout tone="danger">{serverErrorText(invite.error, t)}</Callout> : null}
          <Field label={t.members.inviteEmail} error={errors.email}>
            {(id, d) => (
              <Input
                id={id}
                type="email"
                required
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-describedby={d}
                invalid={!!errors.email}
                data-testid="invite-email"
              />
            )}
          </Field>
          <Field label={t.members.inviteRole}>
            {(id) => (
              <Select
                id={id}
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                options={roles.map((r) => ({ value: r, label: t.roles[r] }))}
                data-testid="invite-role"
              />
            )}
          </Field>
        </form>
      )}
    </Dialog>
  );
}
