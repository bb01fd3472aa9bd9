"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { keyedThrottle } from "./throttle";

/** `invalidate(queryKey)` refetches matching queries at most once per `waitMs` (live updates can come fast). */
export function useThrottledInvalidate(waitMs = 1000): (queryKey: QueryKey) => void {
  const queryClient = useQueryClient();
  const [throttle] = useState(() => keyedThrottle(waitMs));
  useEffect(() => () => throttle.cancel(), [throttle]);
  return (queryKey) => throttle.run(JSON.stringify(queryKey), () => void queryClient.invalidateQueries({ queryKey }));
}
