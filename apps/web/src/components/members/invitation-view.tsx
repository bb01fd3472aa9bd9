"use client";

import type { Role } from "@aspen/core";
import { Button, Callout, Card, CardBody, buttonClasses } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { logoutAction } from "@/server/auth/actions";

import { useTRPC } from "@/trpc/react";

interface Invitation {
  tenantName: string;
  tenantSlug: string;
  email: string;
  role: Role;
  state: "pending" | "accepted" | "revoked" | "expired";
}

export function InvitationView({
  token,
  invitation,
  currentEmail,
}: {
  token: string;
  invitation: Invitation | null;
  currentEmail: string | null;
}) {
  const { t, format } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: (res) => {
        router.push(`/t/${res.tenantSlug}`);
        router.refresh();
      },
    }),
  );
  if (!invitation || invitation.state !== "pending") {
    return (
      <Card data-testid="invitation-invalid">
        <CardBody className="space-y-2 text-center">
          <h1 className="text-lg font-semibold">{t.invite.invalid}</h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.invite.invalidHint}</p>
          <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-2" })}>
            {t.common.goHome}
          </Link>
        </CardBody>
      </Card>
    );
  }
  const here = `/invite/${token}`;
  const sameEmail = currentEmail !== null && currentEmail.toLowerCase() === invitation.email.toLowerCase();
  return (
    <Card data-testid="invitation">
      <CardBody className="space-y-4">
        <h1 className="text-xl font-semibold" data-testid="page-title">
          {format(t.invite.title, { tenant: invitation.tenantName })}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="invitation-summary">
          {format(t.invite.body, { email: invitation.email, tenant: invitation.tenantName, role: t.roles[invitation.role] })}
        </p>
        {currentEmail === null ? (
          <>
            <Callout tone="info">{format(t.invite.signInFirst, { email: invitation.email })}</Callout>
            <div className="flex flex-wrap gap-2">
              <Link
                href={`/signup?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
                className={buttonClasses()}
                data-testid="invite-signup"
              >
                {t.invite.signUpToAccept}
              </Link>
              <Link
                href={`/login?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
                className={buttonClasses({ variant: "secondary" })}
                data-testid="invite-login"
              >
                {t.invite.signInToAccept}
              </Link>
            </div>
          </>
        ) : sameEmail ? (
          <>
            {accept.error ? <Callout tone="danger">{serverErrorText(accept.error, t)}</Callout> : null}
            <Button onClick={() => accept.mutate({ token })} loading={accept.isPending} className="w-full" data-testid="accept-invitation">
              {accept.isPending ? t.invite.accepting : t.invite.accept}
            </Button>
          </>
        ) : (
          <>
            <Callout tone="warning" data-testid="invitation-wrong-account">
              {format(t.invite.wrongAccount, { email: invitation.email, current: currentEmail })}
            </Callout>
            <form action={logoutAction}>
              <Button type="submit" variant="secondary">
                {t.nav.signOut}
              </Button>
            </form>
          </>
        )}
      </CardBody>
    </Card>
  );
}
