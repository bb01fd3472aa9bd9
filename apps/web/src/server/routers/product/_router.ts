import { createTRPCRouter } from "../../trpc";
import { byId } from "./byId";
import { create } from "./create";
import { deleteProduct } from "./delete";
import { list } from "./list";
import { rotateProductSecret } from "./rotateProductSecret";
import { update } from "./update";

export const productRouter = createTRPCRouter({ list, byId, create, update, delete: deleteProduct, rotateProductSecret });
