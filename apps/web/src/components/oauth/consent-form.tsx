"use client";

import type { ApiScope } from "@aspen/core/browser";
import { Button, Callout, Card } from "@aspen/ui";
import { useState } from "react";
import { useI18n } from "@/i18n/provider";

/** The request's own parameters, posted back with the decision (checked again on the server). */
const carried = ["client_id", "redirect_uri", "response_type", "state", "scope", "code_challenge", "code_challenge_method"] as const;

/** The consent page: the app, the scopes in plain words, which tenant to grant, allow or deny. */
export function ConsentForm({
  app,
  email,
  query,
  scopes,
  tenants,
  strings,
}: {
  app: { name: string; logoUrl: string | null; homepageUrl: string | null; tenantName: string };
  email: string;
  query: Record<string, string>;
  scopes: ApiScope[];
  tenants: { id: string; name: string; slug: string }[];
  strings: { title: string; intro: string; registeredBy: string; signedInAs: string };
}) {
  const { t } = useI18n();
  const [tenant, setTenant] = useState(tenants[0]?.id ?? "");
  const [pending, setPending] = useState<"allow" | "deny" | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Submitted with fetch: the page's CSP (form-action 'self') would block a native post that redirects
  // to the app. The server answers { location } and the page navigates there.
  const submit = async (decision: "allow" | "deny") => {
    setPending(decision);
    setFailed(null);
    const body = new URLSearchParams();
    for (const k of carried) if (query[k] !== undefined) body.set(k, query[k]);
    body.set("tenant", tenant);
    body.set("decision", decision);
    try {
      const res = await fetch("/oauth/authorize/decision", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
      });
      if (!res.ok) throw new Error(await res.text());
      const { location } = (await res.json()) as { location: string };
      window.location.assign(location);
    } catch (err) {
      setFailed((err as Error).message || t.common.somethingWrong);
      setPending(null);
    }
  };
  return (
    <main className="mx-auto w-full max-w-lg px-4 py-10 sm:py-16">
      <Card>
        <form
          className="space-y-5 p-5 sm:p-6"
          data-testid="consent-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit("allow");
          }}
        >
          <div className="flex items-center gap-3">
            {app.logoUrl ? (
              // A third party's logo URL, not a static asset: a plain <img>, not next/image.
              <img
                src={app.logoUrl}
                alt=""
                width={48}
                height={48}
                className="size-12 rounded-lg border border-zinc-200 object-cover dark:border-zinc-800"
              />
            ) : (
              <div className="flex size-12 items-center justify-center rounded-lg bg-emerald-100 text-lg font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
                {app.name.slice(0, 1).toUpperCase()}
              </div>
            )}
            <div className="min-w-0">
              <h1 className="text-lg font-semibold break-words text-zinc-900 dark:text-zinc-100" data-testid="consent-title">
                {strings.title}
              </h1>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {strings.registeredBy}
                {app.homepageUrl ? (
                  <>
                    {" · "}
                    <a href={app.homepageUrl} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                      {t.oauth.homepage}
                    </a>
                  </>
                ) : null}
              </p>
            </div>
          </div>
          <div>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">{strings.intro}</p>
            <ul className="mt-2 space-y-1.5" data-testid="consent-scopes">
              {scopes.map((s) => (
                <li key={s} className="flex gap-2 text-sm text-zinc-800 dark:text-zinc-200">
                  <span aria-hidden className="text-emerald-600 dark:text-emerald-400">
                    ✓
                  </span>
                  <span>
                    {t.apiScopes[s]} <code className="text-xs text-zinc-500 dark:text-zinc-400">{s}</code>
                  </span>
                </li>
              ))}
            </ul>
          </div>
          {tenants.length === 0 ? (
            <Callout tone="warning">{t.oauth.noTenant}</Callout>
          ) : (
            <fieldset>
              <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{t.oauth.chooseTenant}</legend>
              <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">{t.oauth.chooseTenantHint}</p>
              <div className="space-y-1.5">
                {tenants.map((tn) => (
                  <label key={tn.id} className="flex items-center gap-2 rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
                    <input
                      type="radio"
                      name="tenant"
                      value={tn.id}
                      checked={tenant === tn.id}
                      onChange={() => setTenant(tn.id)}
                      data-testid={`consent-tenant-${tn.slug}`}
                    />
                    <span className="font-medium text-zinc-900 dark:text-zinc-100">{tn.name}</span>
                    <span className="text-xs text-zinc-500">{tn.slug}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {failed ? <Callout tone="danger">{failed}</Callout> : null}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {strings.signedInAs}. {t.oauth.tokenLifetime}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button
              type="button"
              variant="secondary"
              loading={pending === "deny"}
              disabled={!!pending}
              onClick={() => void submit("deny")}
              data-testid="consent-deny"
            >
              {t.oauth.deny}
            </Button>
            <Button type="submit" loading={pending === "allow"} disabled={tenants.length === 0 || !!pending} data-testid="consent-allow">
              {t.oauth.allow}
            </Button>
          </div>
        </form>
      </Card>
      <span className="sr-only">{email}</span>
    </main>
  );
}
