"use client";

import { Callout, CopyField } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";

export interface DeviceCredentials {
  secret: string;
  mqtt: { host: string; port: number; username: string; password: string; clientId: string };
  mosquittoPub: string;
}

/** The secret and exact MQTT settings of a device, shown once after create or rotate. */
export function CredentialsPanel({ credentials }: { credentials: DeviceCredentials }) {
  const { t, format } = useI18n();
  const copy = { copyLabel: t.common.copy, copiedLabel: t.common.copied };
  const copyName = (what: string) => format(t.ui.copyWhat, { what });
  return (
    <div className="space-y-4" data-testid="device-credentials">
      <Callout tone="warning" data-testid="secret-once-note">
        {t.devices.secretOnce}
      </Callout>
      <CopyField
        label={t.devices.password}
        value={credentials.secret}
        testId="device-secret"
        copyName={copyName(t.ui.mqttPassword)}
        {...copy}
      />
      <div>
        <p className="mb-2 text-sm font-semibold">{t.devices.mqttSettings}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <CopyField label={t.devices.host} value={credentials.mqtt.host} testId="mqtt-host" copyName={copyName(t.ui.mqttHost)} {...copy} />
          <CopyField
            label={t.devices.port}
            value={String(credentials.mqtt.port)}
            testId="mqtt-port"
            copyName={copyName(t.ui.mqttPort)}
            {...copy}
          />
          <CopyField
            label={t.devices.username}
            value={credentials.mqtt.username}
            testId="mqtt-username"
            copyName={copyName(t.ui.mqttUsername)}
            {...copy}
          />
          <CopyField
            label={t.devices.clientId}
            value={credentials.mqtt.clientId}
            testId="mqtt-client-id"
            copyName={copyName(t.ui.mqttClientId)}
            {...copy}
          />
        </div>
      </div>
      <CopyField
        label={t.devices.example}
        value={credentials.mosquittoPub}
        multiline
        testId="mosquitto-pub"
        copyName={copyName(t.ui.mosquittoCommand)}
        {...copy}
      />
    </div>
  );
}
