import type { Metadata } from "next";
import { DeviceList } from "@/components/devices/device-list";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.devices.title };
}

export default function Page() {
  return <DeviceList />;
}
