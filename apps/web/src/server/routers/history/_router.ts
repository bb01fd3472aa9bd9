import { createTRPCRouter } from "../../trpc";
import { raw } from "./raw";
import { series } from "./series";

export const historyRouter = createTRPCRouter({ series, raw });
