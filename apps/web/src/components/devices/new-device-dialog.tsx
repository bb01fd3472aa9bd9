"use client";

import { Button, Callout, Dialog, Field, Input, Select, Textarea, buttonClasses } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { CredentialsPanel } from "./credentials-panel";
import { parseLabels } from "./labels";
import { useProductOptions } from "./use-product-options";

/** Name, product, labels → the device's secret and MQTT settings, shown once. */
export function NewDeviceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { options, query: products } = useProductOptions();
  const [name, setName] = useState("");
  const [productId, setProductId] = useState("");
  const [labelsText, setLabelsText] = useState("");
  const [labelsError, setLabelsError] = useState<string | null>(null);
  const create = useMutation(
    trpc.device.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.product.list.queryKey() });
      },
    }),
  );
  const errors = create.error ? fieldErrors(create.error) : {};
  const reset = () => {
    create.reset();
    setName("");
    setLabelsText("");
    setLabelsError(null);
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
            <Link href={`/t/${tenant.slug}/devices/${result.device.id}`} className={buttonClasses({ variant: "secondary" })} data-testid="open-device">
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
            <Button type="submit" form="new-device-form" loading={create.isPending} disabled={options.length === 0} data-testid="device-create">
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
          onSubmit={(e) => {
            e.preventDefault();
            const labels = parseLabels(labelsText);
            if (!labels.ok) {
              setLabelsError(format(t.devices.invalidLabel, { line: labels.line }));
              return;
            }
            setLabelsError(null);
            create.mutate({ tenantSlug: tenant.slug, name: name.trim(), productId: selectedProduct, labels: labels.labels });
          }}
        >
          {products.isSuccess && options.length === 0 ? (
            <Callout tone="warning">
              {t.devices.needProduct}{" "}
              <Link href={`/t/${tenant.slug}/products/new`} className="font-medium underline">
                {t.products.new}
              </Link>
            </Callout>
          ) : null}
          {create.error && !errors.name && !errors.productId && !Object.keys(errors).some((k) => k.startsWith("labels")) ? (
            <Callout tone="danger">{errorMessage(create.error, t.common.somethingWrong)}</Callout>
          ) : null}
          <Field label={t.devices.name} hint={t.devices.nameHint} error={errors.name}>
            {(id, d) => (
              <Input
                id={id}
                required
                maxLength={64}
                pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*"
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-describedby={d}
                invalid={!!errors.name}
                className="font-mono"
                autoComplete="off"
                data-testid="device-name"
              />
            )}
          </Field>
          <Field label={t.devices.product} error={errors.productId}>
            {(id, d) => (
              <Select
                id={id}
                required
                value={selectedProduct}
                onChange={(e) => setProductId(e.target.value)}
                options={options}
                aria-describedby={d}
                disabled={options.length === 0}
                data-testid="device-product"
              />
            )}
          </Field>
          <Field
            label={`${t.devices.labels} (${t.common.optional})`}
            hint={t.devices.labelsHint}
            error={labelsError ?? Object.entries(errors).find(([k]) => k.startsWith("labels"))?.[1]}
          >
            {(id, d) => (
              <Textarea
                id={id}
                rows={3}
                className="font-mono"
                placeholder={"site=berlin\nfloor=2"}
                value={labelsText}
                onChange={(e) => setLabelsText(e.target.value)}
                aria-describedby={d}
                data-testid="device-labels"
              />
            )}
          </Field>
        </form>
      )}
    </Dialog>
  );
}
