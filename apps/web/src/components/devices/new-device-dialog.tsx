"use client";

import { Button, Callout, Dialog, Field, Input, Select, Textarea, buttonClasses } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { deviceNameSchema, labelsSchema } from "@aspen/core/browser";
import { z } from "zod";
import { serverErrorText } from "@/components/forms/server-errors";
import { setServerErrors, useZodForm } from "@/components/forms/zod-form";
import { fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { CredentialsPanel } from "./credentials-panel";
import { parseLabels } from "./labels";
import { useProductOptions } from "./use-product-options";

/** What device.create accepts: core's name and label rules (labels as typed, `k=v` per line or `;`). */
const deviceForm = z.object({
  name: deviceNameSchema,
  productId: z.string(),
  labels: z.string().superRefine((text, ctx) => {
    const parsed = parseLabels(text);
    // The message carries the line; the form words it (`labels_syntax`).
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: String(parsed.line), params: { kind: "labels_syntax" } });
    else {
      const checked = labelsSchema.safeParse(parsed.labels);
      if (!checked.success) ctx.addIssue({ code: "custom", message: checked.error.issues[0]?.message ?? "Invalid labels" });
    }
  }),
});
type DeviceForm = z.infer<typeof deviceForm>;

/** Name, product, labels → the device's secret and MQTT settings, shown once. */
export function NewDeviceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { options, query: products } = useProductOptions();
  /** Whether the last server refusal went onto a field (else it shows above the form). */
  const [placed, setPlaced] = useState(false);
  const form = useZodForm<DeviceForm>(deviceForm, { name: "", productId: "", labels: "" }, { name: t.ui.deviceNameFormat });
  const { errors } = form.formState;
  const productId = form.watch("productId");
  const create = useMutation(
    trpc.device.create.mutationOptions({
      onError: (err) => setPlaced(setServerErrors(form, err, t, ["name", "productId"])),
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.product.list.queryKey() });
      },
    }),
  );
  const serverErrors = create.error ? fieldErrors(create.error) : {};
  const reset = () => {
    create.reset();
    form.reset({ name: "", productId, labels: "" });
  };
  const close = () => {
    onClose();
    reset();
  };
  const selectedProduct = productId || options[0]?.value || "";
  const result = create.data;

  return (
    <Dialog
      open={open}
      onClose={close}
      testId="new-device-dialog"
      dismissible={!result}
      warnOnLeave={!!result}
      className="max-w-2xl"
      title={result ? format(t.devices.createdTitle, { name: result.device.name }) : t.devices.new}
      footer={
        result ? (
          <>
            <Button variant="secondary" onClick={reset} data-testid="create-another">
              {t.devices.createAnother}
            </Button>
            <Link
              href={`/t/${tenant.slug}/devices/${result.device.id}`}
              className={buttonClasses({ variant: "secondary" })}
              data-testid="open-device"
            >
              {t.devices.goToDevice}
            </Link>
            <Button onClick={close} data-testid="device-created-done">
              {t.ui.savedIt}
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              {t.common.cancel}
            </Button>
            <Button
              type="submit"
              form="new-device-form"
              loading={create.isPending}
              disabled={options.length === 0}
              data-testid="device-create"
            >
              {create.isPending ? t.devices.creating : t.devices.create}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <CredentialsPanel credentials={result} />
      ) : (
        <form
          id="new-device-form"
          className="space-y-4"
          noValidate
          onSubmit={form.handleSubmit((values) => {
            const labels = parseLabels(values.labels);
            if (!labels.ok) return;
            create.mutate({
              tenantSlug: tenant.slug,
              name: values.name,
              productId: values.productId || selectedProduct,
              labels: labels.labels,
            });
          })}
        >
          {products.isSuccess && options.length === 0 ? (
            <Callout tone="warning">
              {t.devices.needProduct}{" "}
              <Link href={`/t/${tenant.slug}/products/new`} className="font-medium underline">
                {t.products.new}
              </Link>
            </Callout>
          ) : null}
          {create.error && !placed && !Object.keys(serverErrors).some((k) => k.startsWith("labels")) ? (
            <Callout tone="danger">{serverErrorText(create.error, t)}</Callout>
          ) : null}
          <Field label={t.devices.name} hint={t.devices.nameHint} error={errors.name?.message}>
            {(id, d) => (
              <Input
                id={id}
                required
                aria-describedby={d}
                invalid={!!errors.name}
                className="font-mono"
                autoComplete="off"
                data-testid="device-name"
                {...form.register("name")}
              />
            )}
          </Field>
          <Field label={t.devices.product} error={errors.productId?.message}>
            {(id, d) => (
              <Select
                id={id}
                required
                options={options}
                aria-describedby={d}
                disabled={options.length === 0}
                data-testid="device-product"
                {...form.register("productId")}
                value={selectedProduct}
              />
            )}
          </Field>
          <Field
            label={`${t.devices.labels} (${t.common.optional})`}
            hint={t.devices.labelsHint}
            error={
              errors.labels?.type === "labels_syntax"
                ? format(t.devices.invalidLabel, { line: errors.labels.message ?? "" })
                : (errors.labels?.message ?? Object.entries(serverErrors).find(([k]) => k.startsWith("labels"))?.[1])
            }
          >
            {(id, d) => (
              <Textarea
                id={id}
                rows={3}
                className="font-mono"
                placeholder={"site=berlin\nfloor=2"}
                aria-describedby={d}
                invalid={!!errors.labels}
                data-testid="device-labels"
                {...form.register("labels")}
              />
            )}
          </Field>
        </form>
      )}
    </Dialog>
  );
}
