import { createTRPCRouter } from "../../trpc";
import { bySlug } from "./bySlug";
import { create } from "./create";
import { list } from "./list";
import { overview } from "./overview";
import { retention } from "./retention";
import { setRetention } from "./setRetention";
import { update } from "./update";

export const tenantRouter = createTRPCRouter({ list, create, bySlug, update, overview, retention, setRetention });
