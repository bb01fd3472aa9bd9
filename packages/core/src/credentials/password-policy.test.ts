import { describe, expect, it } from "vitest";
import { passwordPolicy } from "./password-policy";

function messageOf(password: unknown) {
  return passwordPolicy.safeParse(password).error?.issues[0]?.message;
}

describe("passwordPolicy", () => {
  it.each(["correcthorse1", "correct horse battery", "Pässwört-123", "bumble-tractor-7", `a1${"xyzw".repeat(49)}bc`])(
    "accepts %j",
    (pw) => {
      expect(passwordPolicy.safeParse(pw).success).toBe(true);
    },
  );

  it("asks for 10 characters", () => {
    expect(messageOf("abc12")).toBe("Use at least 10 characters");
  });

  it("caps the length at 200", () => {
    expect(messageOf(`a1${"x".repeat(199)}`)).toBe("Use at most 200 characters");
  });

  it.each(["abcdefghijkl", "ABCDEFGHIJKL", "123456789012", "!!!!!!!!!!!!", "1234567890!!"])("refuses the single-class %j", (pw) => {
    expect(messageOf(pw)).toBe("Use letters and at least one digit or symbol");
  });

  it("refuses non-strings", () => {
    expect(messageOf(12345678901)).toBe("Enter a password");
  });

  it.each([
    "aaaaaaaaa1",
    "Password123!",
    "qwerty2024!!",
    "abcdefghi!",
    "1234567890qwerty",
    "iloveyou!!99",
    "Password-2026",
    "zzzzzzzzzz1!",
  ])("refuses the predictable %j", (pw) => {
    expect(messageOf(pw)).toMatch(/^This password is among the first a guesser tries/);
  });
});
