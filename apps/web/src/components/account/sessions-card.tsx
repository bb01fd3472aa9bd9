"use client";

import { Badge, Button, Card, CardHeader, ConfirmDialog, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { serverErrorText } from "@/components/forms/server-errors";
import { formatDateTime, formatRelative } from "@/components/format/dates";
import { QueryBody } from "@/components/shell/query-body";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Session = RouterOutputs["session"]["list"]["items"][number];

/** Account page card: the user's active sessions (this one marked), each can be signed out. */
export function SessionsCard() {
  const { t, format, locale } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const sessions = useQuery(trpc.session.list.queryOptions({}));
  const [ending, setEnding] = useState<{ session: Session; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.session.revoke.mutationOptions({
      onSuccess: async (r) => {
        if (r.current) return void window.location.assign("/login");
        setNotice(ending ? format(t.sessions.signedOut, { name: ending.name }) : null);
        setEnding(null);
        await qc.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
      },
    }),
  );
  const nameOf = (s: Session) =>
    format(t.sessions.browserOn, { browser: s.browser ?? t.sessions.unknownBrowser, os: s.os ?? t.sessions.unknownOs });

  return (
    <Card>
      <CardHeader title={t.sessions.title} description={t.sessions.subtitle} />
      {notice ? (
        <p role="status" className="px-4 pt-3 text-sm text-emerald-700 dark:text-emerald-400" data-testid="session-notice">
          {notice}
        </p>
      ) : null}
      <QueryBody query={sessions} rows={2} isEmpty={(d) => d.items.length === 0} empty={{ title: t.sessions.empty }}>
        {(data) => (
          <Table data-testid="sessions-table">
            <THead>
              <TR>
                <TH>{t.sessions.device}</TH>
                <TH className="hidden sm:table-cell">{t.sessions.ip}</TH>
                <TH className="hidden md:table-cell">{t.sessions.created}</TH>
                <TH>{t.sessions.lastSeen}</TH>
                <TH className="relative text-right">
                  <span className="sr-only">{t.common.actions}</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {data.items.map((s) => {
                const name = nameOf(s);
                return (
                  <TR key={s.id} data-testid="session-row" data-current={s.current ? "true" : undefined}>
                    <TD>
                      <span className="block font-medium text-zinc-900 dark:text-zinc-100">{name}</span>
                      <span className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                        {t.sessions[s.device]}
                        <span className="font-mono sm:hidden">{s.ip ?? ""}</span>
                        {s.current ? (
                          <Badge tone="green" data-testid="session-current">
                            {t.sessions.thisSession}
                          </Badge>
                        ) : null}
                      </span>
                    </TD>
                    <TD className="hidden font-mono text-xs sm:table-cell">{s.ip ?? "—"}</TD>
                    <TD className="hidden whitespace-nowrap md:table-cell">{formatDateTime(s.createdAt, locale)}</TD>
                    <TD className="whitespace-nowrap" title={formatDateTime(s.lastSeenAt, locale)}>
                      {formatRelative(s.lastSeenAt, locale)}
                    </TD>
                    <TD className="text-right">
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={format(t.sessions.signOutSession, {
                          name: `${name}${s.current ? ` (${t.sessions.thisSession})` : ""}`,
                        })}
                        onClick={() => {
                          revoke.reset();
                          setNotice(null);
                          setEnding({ session: s, name });
                        }}
                        data-testid="session-revoke"
                      >
                        {t.sessions.signOut}
                      </Button>
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </QueryBody>
      <ConfirmDialog
        open={!!ending}
        onClose={() => {
          setEnding(null);
          revoke.reset();
        }}
        onConfirm={() => ending && revoke.mutate({ id: ending.session.id })}
        title={ending ? format(t.sessions.signOutTitle, { name: ending.name }) : ""}
        description={ending?.session.current ? t.sessions.signOutThisBody : t.sessions.signOutBody}
        confirmLabel={t.sessions.signOut}
        cancelLabel={t.common.cancel}
        pending={revoke.isPending}
        error={revoke.error ? serverErrorText(revoke.error, t) : undefined}
        testId="session-revoke-dialog"
      />
    </Card>
  );
}
