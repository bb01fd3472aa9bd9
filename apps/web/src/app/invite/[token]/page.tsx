import type { Metadata } from "next";
import { InvitationView } from "@/components/members/invitation-view";
import { PublicHeader } from "@/components/shell/public-header";
import { getDictionary } from "@/i18n/server";
import { getCaller, getSession } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.invite.accept };
}

/** An invitation link: shows what it is for; signed-in users with the invited email accept it here. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await getSession();
  const caller = await getCaller();
  const invitation = await caller.invitation.byToken({ token }).catch(() => null);
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader signedIn={!!session?.user} />
      <main className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center">
        <div className="w-full max-w-md">
          <InvitationView
            token={token}
            invitation={
              invitation
                ? {
                    tenantName: invitation.tenantName,
                    tenantSlug: invitation.tenantSlug,
                    email: invitation.email,
                    role: invitation.role,
                    state: invitation.state,
                  }
                : null
            }
            currentEmail={session?.user?.email ?? null}
          />
        </div>
      </main>
    </div>
  );
}
