"use client";

import { Button, CopyField, Dialog } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";

/** Shows a new signing secret once; closes only through "I have saved it". */
export function SecretDialog({ secret, onDone }: { secret: string | null; onDone: () => void }) {
  const { t } = useI18n();
  const w = t.webhooks;
  return (
    <Dialog
      open={secret !== null}
      onClose={() => {}}
      dismissible={false}
      title={w.secretTitle}
      description={w.secretBody}
      testId="webhook-secret-dialog"
      footer={
        <Button onClick={onDone} data-testid="webhook-secret-saved">
          {w.secretSaved}
        </Button>
      }
    >
      {secret ? (
        <CopyField label={w.secret} value={secret} copyLabel={t.common.copy} copiedLabel={t.common.copied} testId="webhook-secret" />
      ) : null}
    </Dialog>
  );
}
