"use client";

import { Field, Input } from "@aspen/ui";
import { optInEventTypes, webhookEventTypes, type WebhookEventType } from "@aspen/core/browser";
import { useI18n } from "@/i18n/provider";

export interface WebhookDraft {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

/** URL, description and event types of an endpoint (create and edit). */
export function WebhookFields({
  draft,
  onChange,
  errors,
}: {
  draft: WebhookDraft;
  onChange: (d: WebhookDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const w = t.webhooks;
  const typeError = Object.entries(errors).find(([k]) => k.startsWith("eventTypes"))?.[1];
  return (
    <div className="space-y-4">
      <Field label={w.url} error={errors.url}>
        {(id, describedBy) => (
          <Input
            id={id}
            aria-describedby={describedBy}
            type="url"
            inputMode="url"
            placeholder="https://example.com/aspen"
            maxLength={2048}
            value={draft.url}
            invalid={!!errors.url}
            onChange={(e) => onChange({ ...draft, url: e.target.value })}
          />
        )}
      </Field>
      <Field label={w.description} error={errors.description}>
        {(id) => (
          <Input id={id} maxLength={500} value={draft.description} onChange={(e) => onChange({ ...draft, description: e.target.value })} />
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">{w.eventTypes}</legend>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{w.eventTypesHint}</p>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {webhookEventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2 font-mono text-xs">
              <input
                type="checkbox"
                className="size-4 accent-emerald-600"
                checked={draft.eventTypes.includes(type)}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    eventTypes: e.target.checked ? [...draft.eventTypes, type] : draft.eventTypes.filter((x) => x !== type),
                  })
                }
              />
              {type}
              {optInEventTypes.includes(type) ? <span className="font-sans text-zinc-500">({w.optIn})</span> : null}
            </label>
          ))}
        </div>
        {typeError ? (
          <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {typeError}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
