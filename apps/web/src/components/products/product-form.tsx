"use client";

import type { ThingModelError } from "@aspen/core/browser";
import { Button, Callout, Card, CardBody, CardHeader, Field, Input, Select, Tabs, Textarea } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { serverErrorText, serverReasonText } from "@/components/forms/server-errors";
import { issueText } from "@/components/forms/zod-form";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { checkDraft, checkJson } from "./thing-model-check";
import { thingModelErrorText } from "./thing-model-text";
import { useTRPC } from "@/trpc/react";
import { emptyDraft, fromThingModel, toThingModelInput, type ThingModelDraft } from "./thing-model-draft";
import { ThingModelEditor } from "./thing-model-editor";

export interface ProductFormValue {
  id?: string;
  name: string;
  description: string;
  selfRegister: boolean;
  unknownKeys?: UnknownKeysChoice;
  thingModel: unknown;
}

type UnknownKeysChoice = "reject" | "keep";

/** What product.create/update accept for name and description (as the server trims and limits them). */
const productFields = z.object({
  name: z.string().trim().min(1, { error: "Enter a name" }).max(100, { error: "Use at most 100 characters" }),
  description: z.string().trim().max(1000, { error: "Use at most 1000 characters" }),
});

type Tab = "editor" | "json";

/**
 * Create or edit a product: name, description, self-registration and the
 * thing model (row editor or raw JSON). One Save sends everything; the
 * server's validation errors come back next to the fields.
 */
export function ProductForm({ product, readOnly = false }: { product?: ProductFormValue; readOnly?: boolean }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(product?.name ?? "");
  const [description, setDescription] = useState(product?.description ?? "");
  const [selfRegister, setSelfRegister] = useState(product?.selfRegister ?? false);
  const [unknownKeys, setUnknownKeys] = useState<UnknownKeysChoice>(product?.unknownKeys ?? "reject");
  const [draft, setDraftState] = useState<ThingModelDraft>(() => (product ? fromThingModel(product.thingModel as never) : emptyDraft()));
  /** Errors show once the user changed something or tried to save (not on an untouched new form). */
  const [touched, setTouched] = useState({ name: false, description: false, model: false });
  /** The last server refusal; each part is dropped as soon as the user edits what it is about. */
  const [serverErrors, setServerErrors] = useState<{ fields: Record<string, string>; model: Record<string, string> }>({
    fields: {},
    model: {},
  });
  const setDraft = (next: ThingModelDraft) => {
    setDraftState(next);
    setTouched((x) => ({ ...x, model: true }));
    setServerErrors((e) => ({ ...e, model: {} }));
  };
  const [tab, setTab] = useState<Tab>("editor");
  const [json, setJson] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  /** Save was refused in the browser (the server would refuse it too). */
  const [refused, setRefused] = useState(false);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.product.pathKey() });
  const create = useMutation(
    trpc.product.create.mutationOptions({
      onSuccess: async (p) => {
        await invalidate();
        router.push(`/t/${tenant.slug}/products/${p.id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.product.update.mutationOptions({
      onSuccess: async (p) => {
        setSaved(true);
        setDraftState(fromThingModel(p.thingModel));
        await invalidate();
      },
    }),
  );
  const mutation = product?.id ? update : create;
  const reason = mutation.error ? errorData(mutation.error).reason : null;
  // A server refusal is sorted once into field and model errors (model paths are relative to the model).
  useEffect(() => {
    if (!mutation.error) return;
    const data = errorData(mutation.error);
    const fields: Record<string, string> = {};
    const model: Record<string, string> = {};
    const worded = serverReasonText(data.reason, t);
    for (const d of data.details ?? []) {
      // Thing-model rules carry their own reason: worded per issue in the reader's language.
      if (data.reason === "invalid_thing_model") model[d.path] ??= thingModelErrorText(d, t, format);
      else if (d.path.startsWith("thingModel.")) model[d.path.slice("thingModel.".length)] ??= thingModelErrorText(d, t, format);
      else fields[d.path] ??= worded ?? d.message;
    }
    setServerErrors({ fields, model });
  }, [mutation.error, t, format]);
  const fieldCheck = productFields.safeParse({ name, description });
  const liveFieldErrors: Record<string, string> = {};
  if (!fieldCheck.success)
    for (const issue of fieldCheck.error.issues) liveFieldErrors[String(issue.path[0])] ??= issueText(issue, t, format);
  const errors: Record<string, string | undefined> = {
    name: (touched.name ? liveFieldErrors.name : undefined) ?? serverErrors.fields.name,
    description: (touched.description ? liveFieldErrors.description : undefined) ?? serverErrors.fields.description,
  };
  const errorText = useCallback((e: ThingModelError) => thingModelErrorText(e, t, format), [t, format]);
  const liveModelErrors = useMemo(() => checkDraft(draft, errorText), [draft, errorText]);
  const modelErrors: Record<string, string> = { ...(touched.model ? liveModelErrors : {}), ...serverErrors.model };
  const jsonCheck = useMemo(() => (tab === "json" ? checkJson(json, errorText) : null), [tab, json, errorText]);
  const jsonModelErrors = jsonCheck && !jsonCheck.ok && "errors" in jsonCheck ? jsonCheck.errors : {};

  const switchTab = (next: Tab) => {
    if (next === tab) return;
    if (next === "json") {
      setJson(JSON.stringify(toThingModelInput(draft), null, 2));
      setJsonError(null);
      setTab("json");
      return;
    }
    if (applyJson()) setTab("editor");
  };

  /** Loads the JSON text into the editor; false (with the reasons shown) when the form would refuse it. */
  const applyJson = (): boolean => {
    const checked = checkJson(json);
    if (!checked.ok) {
      setJsonError("syntax" in checked ? format(t.products.invalidJson, { message: checked.syntax }) : t.products.modelErrors);
      return false;
    }
    setDraft(fromThingModel(checked.model as never));
    setJsonError(null);
    return true;
  };

  const submit = () => {
    setSaved(false);
    setTouched({ name: true, description: true, model: true });
    let thingModel: unknown = toThingModelInput(draft);
    if (tab === "json") {
      const checked = checkJson(json);
      if (!checked.ok) {
        setJsonError("syntax" in checked ? format(t.products.invalidJson, { message: checked.syntax }) : t.products.modelErrors);
        setRefused(true);
        return;
      }
      thingModel = checked.model;
      setDraft(fromThingModel(checked.model as never));
      setJsonError(null);
    } else if (Object.keys(liveModelErrors).length > 0) {
      setRefused(true);
      return;
    }
    if (!fieldCheck.success) {
      setRefused(true);
      return;
    }
    setRefused(false);
    const body = { tenantSlug: tenant.slug, name: name.trim(), description: description.trim(), selfRegister, unknownKeys, thingModel };
    if (product?.id) update.mutate({ ...body, id: product.id });
    else create.mutate(body);
  };

  return (
    <form
      className="space-y-6"
      data-testid="product-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Card>
        <CardHeader title={t.products.settings} />
        <CardBody className="grid gap-4 md:grid-cols-2">
          <Field label={t.products.name} error={errors.name}>
            {(id, d) => (
              <Input
                id={id}
                required
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setTouched((x) => ({ ...x, name: true }));
                  setServerErrors((x) => ({ ...x, fields: { ...x.fields, name: "" } }));
                }}
                disabled={readOnly}
                aria-describedby={d}
                invalid={!!errors.name}
                data-testid="product-name"
              />
            )}
          </Field>
          <Field label={t.products.description} error={errors.description} className="md:row-span-2">
            {(id, d) => (
              <Textarea
                id={id}
                rows={4}
                value={description}
                invalid={!!errors.description}
                onChange={(e) => {
                  setDescription(e.target.value);
                  setTouched((x) => ({ ...x, description: true }));
                }}
                disabled={readOnly}
                aria-describedby={d}
                data-testid="product-description"
              />
            )}
          </Field>
          <Field label={t.ui.unknownKeys} hint={t.ui.unknownKeysHint}>
            {(id, d) => (
              <Select
                id={id}
                aria-describedby={d}
                value={unknownKeys}
                disabled={readOnly}
                onChange={(e) => setUnknownKeys(e.target.value === "keep" ? "keep" : "reject")}
                options={[
                  { value: "reject", label: t.ui.unknownKeysReject },
                  { value: "keep", label: t.ui.unknownKeysAccept },
                ]}
                data-testid="product-unknown-keys"
              />
            )}
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-emerald-600"
              checked={selfRegister}
              disabled={readOnly}
              onChange={(e) => setSelfRegister(e.target.checked)}
              data-testid="product-self-register"
            />
            <span>
              <span className="font-medium">{t.products.selfRegistration}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t.products.selfRegistrationHint}</span>
            </span>
          </label>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t.products.thingModel} />
        <CardBody>
          <Tabs
            value={tab}
            onChange={switchTab}
            label={t.products.thingModel}
            items={[
              {
                key: "editor",
                label: t.products.editor,
                testId: "tab-editor",
                content: <ThingModelEditor value={draft} onChange={setDraft} errors={modelErrors} readOnly={readOnly} />,
              },
              {
                key: "json",
                label: t.products.rawJson,
                testId: "tab-json",
                content: (
                  <div className="space-y-2">
                    <p id="thing-model-json-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
                      {t.products.jsonHint}
                    </p>
                    <Textarea
                      rows={20}
                      className="font-mono text-xs"
                      aria-label={t.ui.thingModelJson}
                      aria-describedby="thing-model-json-hint"
                      value={json}
                      onChange={(e) => {
                        setJson(e.target.value);
                        setJsonError(null);
                        setServerErrors((x) => ({ ...x, model: {} }));
                      }}
                      readOnly={readOnly}
                      spellCheck={false}
                      invalid={!!jsonError || Object.keys(jsonModelErrors).length > 0}
                      data-testid="thing-model-json"
                    />
                    {jsonError ? (
                      <p role="alert" className="text-sm text-red-600 dark:text-red-400" data-testid="json-error">
                        {jsonError}
                      </p>
                    ) : null}
                    {Object.keys({ ...jsonModelErrors, ...serverErrors.model }).length ? (
                      <ul className="space-y-0.5 text-sm text-red-600 dark:text-red-400" data-testid="json-model-errors">
                        {Object.entries({ ...jsonModelErrors, ...serverErrors.model }).map(([path, message]) => (
                          <li key={path}>
                            <code className="font-mono text-xs">{path}</code>: {message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {!readOnly ? (
                      <Button variant="secondary" size="sm" onClick={() => applyJson() && setTab("editor")} data-testid="apply-json">
                        {t.products.applyJson}
                      </Button>
                    ) : null}
                  </div>
                ),
              },
            ]}
          />
        </CardBody>
      </Card>

      {refused && !mutation.error && (Object.keys(liveModelErrors).length > 0 || !fieldCheck.success || jsonError) ? (
        <Callout tone="danger" data-testid="product-error">
          {t.products.modelErrors}
        </Callout>
      ) : null}
      {mutation.error ? (
        <Callout tone="danger" data-testid="product-error">
          {reason === "invalid_thing_model" ? t.products.modelErrors : serverErrorText(mutation.error, t)}
        </Callout>
      ) : null}
      {saved && !mutation.error ? (
        <Callout tone="success" data-testid="product-saved">
          {t.products.saved}
        </Callout>
      ) : null}
      {!readOnly ? (
        <div className="flex justify-end gap-2">
          <Button type="submit" loading={mutation.isPending} data-testid="product-save">
            {mutation.isPending ? t.common.saving : product?.id ? t.common.save : t.common.create}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
