import { listMembers as queryMembers } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { actingUserId, assertAllowed, inTenant, type Scope } from "../scope";
import { memberSchema, toMemberDto } from "./dto";

export const listMembersInput = z.object({ ...pageInput });
export const listMembersOutput = pageOf(memberSchema);

/** The tenant's members with their roles. */
export async function listMembers(scope: Scope, input: z.output<typeof listMembersInput>): Promise<z.output<typeof listMembersOutput>> {
  assertAllowed(scope, "member.read");
  const page = await inTenant(scope, (tx) => queryMembers(tx, scope.tenant.id, input));
  const self = actingUserId(scope);
  return mapPage(page, (m) => toMemberDto(m, self));
}
