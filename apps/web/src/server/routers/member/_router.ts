import { createTRPCRouter } from "../../trpc";
import { changeRole } from "./changeRole";
import { invitations } from "./invitations";
import { invite } from "./invite";
import { list } from "./list";
import { remove } from "./remove";
import { revokeInvitation } from "./revokeInvitation";

export const memberRouter = createTRPCRouter({ list, invite, invitations, revokeInvitation, changeRole, remove });
