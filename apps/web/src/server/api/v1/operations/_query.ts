import { z } from "zod";

type WithCursor = z.ZodObject<{ startingAfter: z.ZodOptional<z.ZodType> } & z.ZodRawShape>;
type RestShape<S extends WithCursor> = Omit<S["shape"], "startingAfter"> & { starting_after: S["shape"]["startingAfter"] };

/**
 * The REST spelling of a keyset list's input: `starting_after` for the service's `startingAfter`. One
 * schema validates and documents the query; the handler hands the service its own field names.
 */
export function cursorQuery<S extends WithCursor>(serviceInput: S): z.ZodObject<RestShape<S>, z.core.$strict> {
  const { startingAfter, ...rest } = serviceInput.shape;
  const shape = {
    ...rest,
    starting_after: startingAfter.meta({ description: "The id of the last item of the previous page (`nextCursor`)" }),
  };
  return z.object(shape).strict() as unknown as z.ZodObject<RestShape<S>, z.core.$strict>;
}

/** Maps the REST query back to the service input. */
export function fromCursorQuery<T extends { starting_after?: unknown }>(
  q: T,
): Omit<T, "starting_after"> & { startingAfter: T["starting_after"] } {
  const { starting_after, ...rest } = q;
  return { ...rest, startingAfter: starting_after };
}
