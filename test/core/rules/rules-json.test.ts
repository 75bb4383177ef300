import { defaultRules, mergeRules, parseRulesJson } from "../../../src/core/rules";

describe("rules.json", () => {
  const base = defaultRules("2026-10-31");

  it("overrides part of the defaults; indicators merge by key", () => {
    const res = parseRulesJson(
      { method: "threshold", cap: 1.5, indicators: [{ key: "signed_total", weight: 40 }] },
      base
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const merged = mergeRules(base, res.override);
    expect(merged.ok && merged.rules.method).toBe("threshold");
    expect(merged.ok && merged.rules.cap).toBe(1.5);
    expect(merged.ok && merged.rules.indicators.length).toBe(base.indicators.length);
    expect(merged.ok && merged.rules.indicators[0]).toEqual({
      ...base.indicators.find((i) => i.key === "signed_total"),
      weight: 40,
    });
  });

  it("explains each problem with its path", () => {
    const res = parseRulesJson(
      {
        cap: -1,
        method: "lottery",
        period: { start: "2026/1/1" },
        indicators: [{ key: "x", source: "ledger" }],
      },
      base
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^period\.start: /),
        expect.stringMatching(/^cap: /),
        expect.stringMatching(/^indicators\.0\.name: /),
      ])
    );
    const semantic = parseRulesJson({ method: "lottery" }, base);
    expect(semantic.ok).toBe(false);
    expect(!semantic.ok && semantic.errors[0]).toMatch(
      /^method: .*lottery.*proportional, threshold/
    );
  });

  it("refuses a key no rule reads (a misspelling would leave the default in force)", () => {
    const res = parseRulesJson(
      {
        metod: "threshold",
        period: { start: "2026-01-01", ende: "2026-12-31" },
        indicators: [{ key: "signed_total", wieght: 40 }],
      },
      base
    );
    expect(res).toEqual({
      ok: false,
      errors: [
        "metod: 未知的规则项 / unknown rule key",
        "period.ende: 未知的规则项 / unknown rule key",
        "indicators.0.wieght: 未知的规则项 / unknown rule key",
      ],
    });
  });

  it("rejects what is not an object", () => {
    expect(parseRulesJson([1, 2], base)).toEqual({
      ok: false,
      errors: ["(root): 规则应为 JSON 对象 / rules must be a JSON object"],
    });
  });
});
