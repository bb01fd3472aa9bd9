import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { unreadCount } from "./unreadCount";
import { markRead } from "./markRead";
import { markAllRead } from "./markAllRead";
import { preferences } from "./preferences";
import { updatePreferences } from "./updatePreferences";

export const notificationRouter = createTRPCRouter({
  list,
  unreadCount,
  markRead,
  markAllRead,
  preferences,
  updatePreferences,
});
