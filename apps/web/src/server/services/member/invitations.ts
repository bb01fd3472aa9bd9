import { listPendingInvitations } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { invitationSchema, toInvitationDto } from "./dto";

export const listInvitationsInput = z.object({ ...pageInput });
export const listInvitationsOutput = pageOf(invitationSchema);

/** Pending (not accepted, revoked or expired) invitations. */
export async function listInvitations(
  scope: Scope,
  input: z.output<typeof listInvitationsInput>,
): Promise<z.output<typeof listInvitationsOutput>> {
  assertAllowed(scope, "member.invite");
  const page = await inTenant(scope, (tx) => listPendingInvitations(tx, scope.tenant.id, input));
  return mapPage(page, toInvitationDto);
}
