"use client";

import { Button, Callout, Card, CardBody, CardHeader, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { useTenant } from "./tenant-context";

/** Renames the tenant (owners and admins); the slug stays. */
export function TenantSettings() {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(tenant.name);
  const rename = useMutation(trpc.tenant.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = rename.error ? fieldErrors(rename.error) : {};
  return (
    <Card data-testid="tenant-settings">
      <CardHeader title={t.overview.settings} description={format(t.overview.slugFixed, { slug: tenant.slug })} />
      <CardBody>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ tenantSlug: tenant.slug, name: name.trim() });
          }}
        >
          <Field label={t.tenants.name} error={errors.name} className="min-w-0 flex-1 basis-60">
            {(id, d) => (
              <Input
                id={id}
                required
                maxLength={100}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-describedby={d}
                data-testid="tenant-rename-input"
              />
            )}
          </Field>
          <Button
            type="submit"
            variant="secondary"
            loading={rename.isPending}
            disabled={name.trim() === tenant.name}
            data-testid="tenant-rename"
          >
            {t.overview.rename}
          </Button>
        </form>
        {rename.isSuccess ? (
          <Callout tone="success" className="mt-3">
            {t.overview.renamed}
          </Callout>
        ) : null}
        {rename.error && !errors.name ? (
          <Callout tone="danger" className="mt-3">
            {serverErrorText(rename.error, t)}
          </Callout>
        ) : null}
      </CardBody>
    </Card>
  );
}
