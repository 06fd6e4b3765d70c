import { describe, expect, it } from "vitest";
import { readArgs } from "./args";

describe("readArgs", () => {
  it("reads the command and its flags, values exactly as given", () => {
    expect(
      readArgs(["user:add", "--email", "a@b.c", "--password", " two  words ", "--name=Ann Lee", "--json"]),
    ).toEqual({
      command: "user:add",
      args: { email: "a@b.c", password: " two  words ", name: "Ann Lee", json: true },
    });
    expect(readArgs(["token:create", "--expires-days", "30", "-h"]).args).toEqual({
      "expires-days": "30",
      help: true,
    });
    expect(readArgs(["--password=--dashes", "user:set-password"])).toEqual({
      command: "user:set-password",
      args: { password: "--dashes" },
    });
    expect(readArgs([])).toEqual({ command: undefined, args: {} });
  });

  it("refuses a misspelt flag, a missing value and a value that looks like a flag", () => {
    expect(() => readArgs(["user:list", "--emial", "x"])).toThrow("Unknown option --emial.");
    expect(() => readArgs(["user:add", "--password"])).toThrow(/--password <value>' argument missing/);
    expect(() => readArgs(["user:add", "--password", "-x"])).toThrow(/--password=-XYZ/);
    expect(() => readArgs(["user:list", "--json=yes"])).toThrow(/does not take an argument/);
  });
});
