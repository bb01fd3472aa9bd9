import { slugSchema } from "@aspen/core/browser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { en } from "../../i18n/en";
import { formatMessage } from "../../i18n/message-format";
import { zhCN } from "../../i18n/zh-CN";
import { serverReasonText } from "./server-errors";
import { issueText } from "./issue-text";

const issue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected an issue");
  return r.error.issues[0]!;
};

describe("issueText", () => {
  const name = z.string().trim().min(1, { error: "Enter a name" }).max(100, { error: "Use at most 100 characters" });
  it("words length limits in the reader's language", () => {
    expect(issueText(issue(name, "x".repeat(101)), zhCN, (s, v) => formatMessage("zh-CN", s, v))).toBe("最多 100 个字符");
    expect(issueText(issue(name, ""), en, (s, v) => formatMessage("en", s, v))).toBe("Required");
    expect(issueText(issue(slugSchema, "ab"), en, (s, v) => formatMessage("en", s, v))).toBe("At least 3 characters");
  });
  it("keeps the schema's own words otherwise", () => {
    expect(issueText(issue(slugSchema, "Bad Slug"), en, (s, v) => formatMessage("en", s, v))).toMatch(/lowercase letters/);
  });
});

describe("serverReasonText", () => {
  it("words known reasons in each language and leaves unknown ones to the server's message", () => {
    expect(serverReasonText("slug_taken", zhCN)).toBe("此标识已被占用，请换一个。");
    expect(serverReasonText("slug_taken", en)).toMatch(/taken/);
    expect(serverReasonText("something_new", en)).toBeUndefined();
    expect(serverReasonText(null, en)).toBeUndefined();
  });
});
