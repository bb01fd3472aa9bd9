import { getInvitationByToken, getInvitationByTokenInput, getInvitationByTokenOutput } from "../../services/invitation/byToken";
import { publicProcedure } from "../../trpc";

/** What an invitation link is for, shown before accepting. Public: the token is the secret. */
export const byToken = publicProcedure
  .input(getInvitationByTokenInput)
  .output(getInvitationByTokenOutput)
  .query(({ input }) => getInvitationByToken(input));
