import { createTRPCRouter } from "../../trpc";
import { create } from "./create";
import { deleteApp } from "./delete";
import { grants } from "./grants";
import { list } from "./list";
import { rotateSecret } from "./rotateSecret";

/** Third-party apps registered by the tenant's admins. */
export const oauthAppRouter = createTRPCRouter({ list, create, rotateSecret, delete: deleteApp, grants });
