import { createTRPCRouter } from "../../trpc";
import { bySlug } from "./bySlug";
import { create } from "./create";
import { list } from "./list";
import { overview } from "./overview";
import { update } from "./update";

export const tenantRouter = createTRPCRouter({ list, create, bySlug, update, overview });
