import { parseThingModel, thingModelReasons } from "@aspen/core/browser";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { formatMessage } from "../../i18n/message-format";
import { zhCN } from "../../i18n/zh-CN";
import { checkDraft, checkJson } from "./thing-model-check";
import { fromThingModel } from "./thing-model-draft";
import { thingModelErrorText } from "./thing-model-text";

const inEnglish = (e: Parameters<typeof thingModelErrorText>[0]) => thingModelErrorText(e, en, (s, v) => formatMessage("en", s, v));
const inChinese = (e: Parameters<typeof thingModelErrorText>[0]) => thingModelErrorText(e, zhCN, (s, v) => formatMessage("zh-CN", s, v));

function errorsOf(input: unknown) {
  const r = parseThingModel(input);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

const bad = {
  properties: [
    { identifier: "temp", name: "Temperature", type: "float", min: 5, max: 1 },
    { identifier: "temp", name: "", type: "quaternion" },
  ],
  commands: "reboot",
};

describe("thing-model errors in the reader's language", () => {
  it("both dictionaries word every rule core has", () => {
    const wanted = thingModelReasons.filter((r) => r !== "invalid");
    for (const dict of [en, zhCN]) expect(wanted.filter((r) => !(dict.thingModelReasons as Record<string, string>)[r])).toEqual([]);
  });

  it("English: the console's words match core's own messages", () => {
    const errors = errorsOf(bad);
    expect(errors.map(inEnglish)).toEqual(errors.map((e) => (e.reason === "list_not_array" ? "The commands must be a list" : e.message)));
  });

  it("Chinese: every message is worded in Chinese with its values", () => {
    const byPath = Object.fromEntries(errorsOf(bad).map((e) => [e.path, inChinese(e)]));
    expect(byPath).toEqual({
      "properties[0].min": "最小值（5）不能大于最大值（1）",
      "properties[1].identifier": "标识符“temp”重复",
      "properties[1].name": "请填写名称",
      "properties[1].type": "类型必须是以下之一：int, float, bool, string, enum",
      commands: "命令必须是列表",
    });
  });

  it("a server error's details (reason and params from the server) are worded the same way", () => {
    const detail = {
      path: "events[0].params",
      message: "At most 50 parameters are allowed",
      reason: "list_too_long",
      params: { list: "params", max: 50 },
    };
    expect(inChinese(detail)).toBe("参数最多 50 个");
    expect(inEnglish(detail)).toBe("At most 50 parameters are allowed");
    // Unknown or missing reasons keep the server's English words.
    expect(inChinese({ message: "Something new", reason: "not_a_reason" })).toBe("Something new");
    expect(inChinese({ message: "Old server" })).toBe("Old server");
  });

  it("the editor's live checks and the JSON tab use the given wording", () => {
    const draft = fromThingModel({
      properties: [{ identifier: "t", name: "", type: "float", min: 9, max: 2 }],
      events: [],
      commands: [],
    });
    expect(checkDraft(draft, inChinese)).toEqual({
      "properties[0].name": "请填写名称",
      "properties[0].min": "最小值（9）不能大于最大值（2）",
    });
    const json = checkJson(JSON.stringify({ properties: [{ identifier: "q", name: "Q", type: "quaternion" }] }), inChinese);
    expect(json.ok === false && "errors" in json && json.errors).toEqual({
      "properties[0].type": "类型必须是以下之一：int, float, bool, string, enum",
    });
  });
});
