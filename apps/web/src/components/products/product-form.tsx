"use client";

import { Button, Callout, Card, CardBody, CardHeader, Field, Input, Tabs, Textarea } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData, errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { emptyDraft, fromThingModel, toThingModelInput, type ThingModelDraft } from "./thing-model-draft";
import { ThingModelEditor } from "./thing-model-editor";

export interface ProductFormValue {
  id?: string;
  name: string;
  description: string;
  selfRegister: boolean;
  thingModel: unknown;
}

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
  const [draft, setDraft] = useState<ThingModelDraft>(() => (product ? fromThingModel(product.thingModel as never) : emptyDraft()));
  const [tab, setTab] = useState<Tab>("editor");
  const [json, setJson] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

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
        setDraft(fromThingModel(p.thingModel as never));
        await invalidate();
      },
    }),
  );
  const mutation = product?.id ? update : create;
  const errors = mutation.error ? fieldErrors(mutation.error) : {};
  const reason = mutation.error ? errorData(mutation.error).reason : null;
  // Thing model issues have model-relative paths; input issues on the model arrive as `thingModel.…`.
  const modelErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (reason === "invalid_thing_model") modelErrors[path] = message;
    else if (path.startsWith("thingModel.")) modelErrors[path.slice("thingModel.".length)] = message;
  }

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

  /** Loads the JSON text into the editor; false (with a message) when it is not JSON. */
  const applyJson = (): boolean => {
    try {
      setDraft(fromThingModel(JSON.parse(json)));
      setJsonError(null);
      return true;
    } catch (err) {
      setJsonError(format(t.products.invalidJson, { message: err instanceof Error ? err.message : String(err) }));
      return false;
    }
  };

  const submit = () => {
    setSaved(false);
    let thingModel: unknown = toThingModelInput(draft);
    if (tab === "json") {
      try {
        thingModel = JSON.parse(json);
        setDraft(fromThingModel(thingModel as never));
        setJsonError(null);
      } catch (err) {
        setJsonError(format(t.products.invalidJson, { message: err instanceof Error ? err.message : String(err) }));
        return;
      }
    }
    const body = { tenantSlug: tenant.slug, name: name.trim(), description: description.trim(), selfRegister, thingModel };
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
                maxLength={100}
                value={name}
                onChange={(e) => setName(e.target.value)}
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
                maxLength={1000}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                disabled={readOnly}
                aria-describedby={d}
                data-testid="product-description"
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
                      onChange={(e) => setJson(e.target.value)}
                      readOnly={readOnly}
                      spellCheck={false}
                      invalid={!!jsonError}
                      data-testid="thing-model-json"
                    />
                    {jsonError ? (
                      <p role="alert" className="text-sm text-red-600 dark:text-red-400" data-testid="json-error">
                        {jsonError}
                      </p>
                    ) : null}
                    {Object.keys(modelErrors).length ? (
                      <ul className="space-y-0.5 text-sm text-red-600 dark:text-red-400" data-testid="json-model-errors">
                        {Object.entries(modelErrors).map(([path, message]) => (
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

      {mutation.error ? (
        <Callout tone="danger" data-testid="product-error">
          {reason === "invalid_thing_model" ? t.products.modelErrors : errorMessage(mutation.error, t.common.somethingWrong)}
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
