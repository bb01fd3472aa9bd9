"use client";

import { slugify } from "@aspen/core";
import { Button, Callout, Card, CardBody, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { useI18n } from "@/i18n/provider";
import { errorData, errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Name and slug; the slug follows the name until the user edits it. */
export function NewTenantForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation(
    trpc.tenant.create.mutationOptions({
      onSuccess: (tenant) => {
        router.push(`/t/${tenant.slug}`);
        router.refresh();
      },
    }),
  );
  const errors = create.error ? fieldErrors(create.error) : {};
  const slugError = create.error && errorData(create.error).reason === "slug_taken" ? t.tenants.slugTaken : errors.slug;
  return (
    <>
      <PageHeader title={t.tenants.newTitle} description={t.tenants.newSubtitle} />
      <Card>
        <CardBody>
          <form
            className="space-y-4"
            data-testid="new-tenant-form"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ name: name.trim(), slug });
            }}
          >
            {create.error && !errors.slug && !errors.name ? <Callout tone="danger">{errorMessage(create.error, t.common.somethingWrong)}</Callout> : null}
            <Field label={t.tenants.name} error={errors.name}>
              {(id, d) => (
                <Input
                  id={id}
                  required
                  maxLength={100}
                  value={name}
                  placeholder={t.tenants.namePlaceholder}
                  aria-describedby={d}
                  invalid={!!errors.name}
                  data-testid="tenant-name"
                  onChange={(e) => {
                    setName(e.target.value);
                    if (!slugEdited) setSlug(e.target.value.trim() ? slugify(e.target.value) : "");
                  }}
                />
              )}
            </Field>
            <Field label={t.tenants.slug} hint={t.tenants.slugHint} error={slugError}>
              {(id, d) => (
                <Input
                  id={id}
                  required
                  minLength={3}
                  maxLength={40}
                  pattern="[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
                  value={slug}
                  aria-describedby={d}
                  invalid={!!slugError}
                  className="font-mono"
                  data-testid="tenant-slug"
                  onChange={(e) => {
                    setSlugEdited(true);
                    setSlug(e.target.value.toLowerCase());
                  }}
                />
              )}
            </Field>
            <div className="flex justify-end">
              <Button type="submit" loading={create.isPending} data-testid="tenant-create">
                {create.isPending ? t.tenants.creating : t.tenants.create}
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>
    </>
  );
}
