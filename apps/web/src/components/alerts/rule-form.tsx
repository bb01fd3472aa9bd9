"use client";

import { Button, Callout, Card, CardBody, CardHeader, Field, Input, Select, Textarea } from "@aspen/ui";
import { eventLevels, roles, severities, type AlertRuleSpec, type ThingModel } from "@aspen/core/browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { GroupFields } from "./group-fields";
import { checkDraft, draftSummary, newDraft, specToDraft, type RuleDraft } from "./rule-draft";

function Checkbox({
  label,
  checked,
  onChange,
  testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-4 accent-emerald-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {label}
    </label>
  );
}

function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Creates or edits an alert rule: offers the product's properties and events, checks the rule with
 * the server's own schema and thing-model checks as it changes, and words it in plain language.
 */
export function RuleForm({
  products,
  rule,
}: {
  products: { id: string; name: string; thingModel: ThingModel }[];
  rule?: { id: string; productId: string; spec: AlertRuleSpec };
}) {
  const { t, locale } = useI18n();
  const r = t.alertRules;
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canWebhooks = useCan("webhook.manage");
  const [productId, setProductId] = useState(rule?.productId ?? products[0]?.id ?? "");
  const model = products.find((p) => p.id === productId)?.thingModel;
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? specToDraft(rule.spec, model) : newDraft(model)));
  const [submitted, setSubmitted] = useState(false);
  /** Fields (by path) the user has typed in or left: their errors show as they type. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (target: EventTarget) => {
    const path = (target as HTMLElement).getAttribute?.("data-path");
    if (path && !touched.has(path)) setTouched((s) => new Set(s).add(path));
  };
  const shows = (path: string) => submitted || [...touched].some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  const check = useMemo(() => checkDraft(draft, model), [draft, model]);
  const devices = useQuery({
    ...trpc.device.list.queryOptions({ tenantSlug: tenant.slug, productId, page: 1, pageSize: 100 }),
    enabled: !!productId,
  });
  const webhooks = useQuery({
    ...trpc.webhook.list.queryOptions({ tenantSlug: tenant.slug, page: 1, pageSize: 100 }),
    enabled: canWebhooks,
  });

  const onDone = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.alertRule.pathKey() });
    router.push(`/t/${tenant.slug}/alerts?product=${productId}`);
  };
  const create = useMutation(trpc.alertRule.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.alertRule.update.mutationOptions({ onSuccess: onDone }));
  const mutation = rule ? update : create;
  const server = mutation.error ? fieldErrors(mutation.error) : {};

  const set = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (mutation.error) mutation.reset();
  };
  const error = (path: string) => (shows(path) ? check.errors[path] : undefined) ?? server[path];

  const summary = useMemo(() => draftSummary(draft, locale, model), [draft, locale, model]);

  const submit = () => {
    setSubmitted(true);
    if (!check.spec) return;
    if (rule) update.mutate({ tenantSlug: tenant.slug, id: rule.id, rule: check.spec });
    else create.mutate({ tenantSlug: tenant.slug, productId, rule: check.spec });
  };
  const invalidCount = Object.keys(check.errors).length;

  return (
    <form
      noValidate
      className="space-y-6"
      data-testid="rule-form"
      onChange={(e) => touch(e.target)}
      onBlur={(e) => touch(e.target)}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Card>
        <CardBody className="space-y-6">
          <div className="grid gap-4 md:grid-cols-2">
            <Field label={r.product} error={server.productId}>
              {(id) => (
                <Select
                  id={id}
                  value={productId}
                  disabled={!!rule}
                  onChange={(e) => {
                    const next = products.find((p) => p.id === e.target.value);
                    setProductId(e.target.value);
                    setDraft((d) => ({ ...newDraft(next?.thingModel), name: d.name, description: d.description, severity: d.severity }));
                  }}
                  options={products.map((p) => ({ value: p.id, label: p.name }))}
                />
              )}
            </Field>
            <Field label={r.name} error={error("rule.name")}>
              {(id, describedBy) => (
                <Input
                  id={id}
                  data-path={"rule.name"}
                  aria-describedby={describedBy}
                  value={draft.name}
                  maxLength={100}
                  invalid={!!error("rule.name")}
                  onChange={(e) => set({ name: e.target.value })}
                />
              )}
            </Field>
            <Field label={r.severity} error={error("rule.severity")}>
              {(id) => (
                <Select
                  id={id}
                  data-path={"rule.severity"}
                  value={draft.severity}
                  onChange={(e) => set({ severity: e.target.value as RuleDraft["severity"] })}
                  options={severities.map((s) => ({ value: s, label: t.severity[s] }))}
                />
              )}
            </Field>
            <Field label={r.description} error={error("rule.description")}>
              {(id) => (
                <Input
                  id={id}
                  data-path={"rule.description"}
                  value={draft.description}
                  maxLength={500}
                  onChange={(e) => set({ description: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Checkbox label={r.enabled} checked={draft.enabled} onChange={(enabled) => set({ enabled })} />

          <Section title={r.trigger}>
            <Field label={r.triggerType} className="max-w-sm">
              {(id) => (
                <Select
                  id={id}
                  value={draft.triggerType}
                  onChange={(e) => {
                    const triggerType = e.target.value as RuleDraft["triggerType"];
                    set({
                      triggerType,
                      clearType:
                        triggerType === "offline"
                          ? draft.clearType === "none"
                            ? "none"
                            : "online"
                          : draft.clearType === "online"
                            ? "none"
                            : draft.clearType,
                    });
                  }}
                  options={[
                    { value: "telemetry", label: r.typeTelemetry },
                    { value: "offline", label: r.typeOffline },
                    { value: "event", label: r.typeEvent },
                  ]}
                />
              )}
            </Field>
            {draft.triggerType === "telemetry" ? (
              <GroupFields
                group={draft.telemetry}
                onChange={(telemetry) => set({ telemetry })}
                model={model}
                at="rule.trigger"
                error={error}
                idPrefix="trigger"
              />
            ) : draft.triggerType === "offline" ? (
              <Field label={r.offlineMinutes} error={error("rule.trigger.forMinutes")} className="max-w-sm">
                {(id) => (
                  <Input
                    id={id}
                    data-path={"rule.trigger.forMinutes"}
                    inputMode="numeric"
                    value={draft.offlineMinutes}
                    invalid={!!error("rule.trigger.forMinutes")}
                    onChange={(e) => set({ offlineMinutes: e.target.value })}
                  />
                )}
              </Field>
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={r.event} error={error("rule.trigger.event")}>
                  {(id) => (
                    <Select
                      id={id}
                      data-path={"rule.trigger.event"}
                      value={draft.event}
                      placeholder={r.anyEvent}
                      invalid={!!error("rule.trigger.event")}
                      onChange={(e) => set({ event: e.target.value })}
                      options={(model?.events ?? []).map((ev) => ({ value: ev.identifier, label: `${ev.name} (${ev.level})` }))}
                    />
                  )}
                </Field>
                <Field label={r.level} error={error("rule.trigger.level")}>
                  {(id) => (
                    <Select
                      id={id}
                      data-path={"rule.trigger.level"}
                      value={draft.level}
                      placeholder={r.anyLevel}
                      invalid={!!error("rule.trigger.level")}
                      onChange={(e) => set({ level: e.target.value })}
                      options={eventLevels.map((l) => ({ value: l, label: l }))}
                    />
                  )}
                </Field>
              </div>
            )}
          </Section>

          <Section title={r.clear}>
            <Field label={r.clearType} error={error("rule.clear.type")} className="max-w-sm">
              {(id) => (
                <Select
                  id={id}
                  data-path={"rule.clear.type"}
                  value={draft.clearType}
                  invalid={!!error("rule.clear.type")}
                  onChange={(e) => set({ clearType: e.target.value as RuleDraft["clearType"] })}
                  options={[
                    { value: "none", label: r.clearNone },
                    ...(draft.triggerType === "offline"
                      ? [{ value: "online", label: r.clearOnline }]
                      : [{ value: "telemetry", label: r.clearTelemetry }]),
                  ]}
                />
              )}
            </Field>
            {draft.clearType === "telemetry" ? (
              <GroupFields
                group={draft.clear}
                onChange={(clear) => set({ clear })}
                model={model}
                at="rule.clear"
                error={error}
                idPrefix="clear"
              />
            ) : null}
          </Section>

          <Section title={r.narrowing}>
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{r.devices}</p>
                <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">{r.devicesHint}</p>
                <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
                  {(devices.data?.items ?? []).map((d) => (
                    <Checkbox
                      key={d.id}
                      label={d.name}
                      checked={draft.deviceIds.includes(d.id)}
                      onChange={(on) => set({ deviceIds: on ? [...draft.deviceIds, d.id] : draft.deviceIds.filter((x) => x !== d.id) })}
                    />
                  ))}
                  {devices.data?.items.length === 0 ? <p className="text-xs text-zinc-500">—</p> : null}
                </div>
                {Object.entries(check.errors)
                  .concat(Object.entries(server))
                  .filter(([k]) => k.startsWith("rule.deviceIds"))
                  .slice(0, 1)
                  .map(([k, m]) => (
                    <p key={k} role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
                      {m}
                    </p>
                  ))}
              </div>
              <Field
                label={r.labels}
                hint={r.labelsHint}
                error={
                  Object.entries({ ...server, ...(shows("rule.labels") ? check.errors : {}) }).find(([k]) =>
                    k.startsWith("rule.labels"),
                  )?.[1]
                }
              >
                {(id, describedBy) => (
                  <Textarea
                    id={id}
                    data-path="rule.labels"
                    aria-describedby={describedBy}
                    rows={4}
                    value={draft.labelsText}
                    placeholder="site=berlin"
                    onChange={(e) => set({ labelsText: e.target.value })}
                  />
                )}
              </Field>
            </div>
          </Section>

          <Section title={r.actions}>
            <Checkbox label={r.notify} checked={draft.notify} onChange={(notify) => set({ notify })} />
            {draft.notify ? (
              <div className="space-y-2 pl-6">
                <fieldset>
                  <legend className="text-xs text-zinc-500 dark:text-zinc-400">{r.notifyRoles}</legend>
                  <div className="mt-1 flex flex-wrap gap-4">
                    {roles.map((role) => (
                      <Checkbox
                        key={role}
                        label={t.roles[role]}
                        checked={draft.roles.includes(role)}
                        onChange={(on) => set({ roles: on ? [...draft.roles, role] : draft.roles.filter((x) => x !== role) })}
                      />
                    ))}
                  </div>
                </fieldset>
                <div className="flex flex-wrap gap-4">
                  <Checkbox label={r.inApp} checked={draft.inApp} onChange={(inApp) => set({ inApp })} />
                  <Checkbox label={r.email} checked={draft.email} onChange={(email) => set({ email })} />
                </div>
              </div>
            ) : null}
            {canWebhooks ? (
              <fieldset>
                <legend className="text-sm">{r.webhooks}</legend>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{r.webhooksHint}</p>
                <div className="mt-1 space-y-1">
                  {(webhooks.data?.items ?? []).map((w) => (
                    <Checkbox
                      key={w.id}
                      label={w.description || w.url}
                      checked={draft.webhookIds.includes(w.id)}
                      onChange={(on) => set({ webhookIds: on ? [...draft.webhookIds, w.id] : draft.webhookIds.filter((x) => x !== w.id) })}
                    />
                  ))}
                  {webhooks.data?.items.length === 0 ? <p className="text-xs text-zinc-500">{r.noWebhooks}</p> : null}
                </div>
              </fieldset>
            ) : null}
          </Section>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={r.summary} />
        <CardBody>
          <p role="status" aria-live="polite" data-testid="rule-summary" className="text-sm text-zinc-800 dark:text-zinc-200">
            {summary ?? "—"}
          </p>
        </CardBody>
      </Card>

      {submitted && invalidCount > 0 ? <Callout tone="danger">{r.invalid}</Callout> : null}
      {mutation.error ? (
        <Callout tone="danger" data-testid="rule-error">
          {errorMessage(mutation.error, t.common.somethingWrong)}
        </Callout>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t.common.cancel}
        </Button>
        <Button type="submit" loading={mutation.isPending} data-testid="rule-submit">
          {rule ? r.save : r.create}
        </Button>
      </div>
    </form>
  );
}
