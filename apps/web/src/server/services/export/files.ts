import { join } from "node:path";
import { getEnv } from "../../../env";

export { getProducer } from "../../jobs";

/** The file of an export: its uuid and extension under EXPORT_DIR, never a name from input. */
export function exportFilePath(fileName: string): string {
  if (!/^[0-9a-f-]{36}\.(csv|jsonl)$/.test(fileName)) throw new Error("bad export file name");
  return join(getEnv().EXPORT_DIR, fileName);
}
