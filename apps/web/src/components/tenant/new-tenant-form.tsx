"use client";

import { slugSchema } from "@aspen/core/browser";
import { Button, Callout, Card, CardBody, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { setServerErrors, useZodForm } from "@/components/forms/zod-form";
import { serverErrorText } from "@/components/forms/server-errors";
import { PageHeader } from "@/components/shell/page-header";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { randomSlugSuffix, suggestSlug } from "./slug-suggestion";

/** What tenant.create accepts (name as the server trims and limits it; core's slug schema). */
const tenantForm = z.object({
  name: z.string().trim().min(1, { error: "Enter a name" }).max(100, { error: "Use at most 100 characters" }),
  slug: slugSchema,
});
type TenantForm = z.infer<typeof tenantForm>;

/** Name and slug, validated as you type; the slug follows the name until the user edits it. */
export function NewTenantForm() {
  const { t, format } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [suffix] = useState(randomSlugSuffix);
  const [slugEdited, setSlugEdited] = useState(false);
  /** Whether the last server refusal went onto a field (else it shows above the form). */
  const [placed, setPlaced] = useState(false);
  const form = useZodForm<TenantForm>(tenantForm, { name: "", slug: "" }, { slug: t.ui.slugFormat });
  const { errors } = form.formState;
  const name = form.watch("name");
  const create = useMutation(
    trpc.tenant.create.mutationOptions({
      onSuccess: (tenant) => {
        router.push(`/t/${tenant.slug}`);
        router.refresh();
      },
      onError: (err) => setPlaced(setServerErrors(form, err, t, ["name", "slug"])),
    }),
  );
  const nameField = form.register("name", {
    onChange: (e: { target: { value: string } }) => {
      if (!slugEdited) form.setValue("slug", suggestSlug(e.target.value, suffix), { shouldValidate: e.target.value.trim() !== "" });
    },
  });
  const slugField = form.register("slug", {
    setValueAs: (v: string) => v.toLowerCase(),
    onChange: () => setSlugEdited(true),
  });
  return (
    <>
      <PageHeader title={t.tenants.newTitle} description={t.tenants.newSubtitle} />
      <Card>
        <CardBody>
          <form
            className="space-y-4"
            data-testid="new-tenant-form"
            noValidate
            onSubmit={form.handleSubmit((values) => create.mutate(values))}
          >
            {create.error && !placed ? <Callout tone="danger">{serverErrorText(create.error, t)}</Callout> : null}
            <Field label={t.tenants.name} error={errors.name?.message} hint={format(t.ui.characters, { count: name.length, max: 100 })}>
              {(id, d) => (
                <Input
                  id={id}
                  required
                  placeholder={t.tenants.namePlaceholder}
                  aria-describedby={d}
                  invalid={!!errors.name}
                  data-testid="tenant-name"
                  {...nameField}
                />
              )}
            </Field>
            <Field
              label={t.tenants.slug}
              hint={slugEdited ? t.tenants.slugHint : `${t.tenants.slugHint} ${t.ui.slugSuggested}`}
              error={errors.slug?.message}
            >
              {(id, d) => (
                <Input
                  id={id}
                  required
                  aria-describedby={d}
                  invalid={!!errors.slug}
                  className="font-mono"
                  data-testid="tenant-slug"
                  autoComplete="off"
                  {...slugField}
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
