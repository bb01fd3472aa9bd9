import { createTRPCRouter } from "../../trpc";
import { changePassword } from "./changePassword";
import { me } from "./me";
import { setLocale } from "./setLocale";
import { signOutEverywhere } from "./signOutEverywhere";
import { signup } from "./signup";

export const authRouter = createTRPCRouter({ signup, me, changePassword, signOutEverywhere, setLocale });
