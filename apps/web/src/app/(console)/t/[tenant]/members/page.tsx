import type { Metadata } from "next";
import { MembersPage } from "@/components/members/members-page";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.members.title };
}

export default function Page() {
  return <MembersPage />;
}
