import fc from "fast-check";
import { assessTables } from "../../../src/core/assess/assess-tables";
import { defaultRules, type RuleSet } from "../../../src/core/rules";
import { table, U, type Cell } from "./builders";

const COLUMNS = [
  { key: "signed_total", unit: U.个 },
  { key: "domestic_capital_cny", unit: U.亿元 },
  { key: "reserve_packaged", unit: U.个 },
];

interface Case {
  readonly targets: (number | null)[][];
  readonly actuals: number[][];
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    targets: fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 6 }), {
        minLength: 3,
        maxLength: 3,
      }),
      { minLength: n, maxLength: n }
    ),
    actuals: fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 3, maxLength: 3 }), {
      minLength: n,
      maxLength: n,
    }),
  })
);

const rules: RuleSet = defaultRules("2026-06-30");

function run(c: Case, order: readonly number[], r: RuleSet = rules) {
  const name = (i: number) => `单位${i}`;
  const targets = table(
    "targets",
    COLUMNS,
    order.map(
      (i) =>
        [name(i), null, ...(c.targets[i] ?? []).map((v): Cell => (v === null ? "---" : v))] as [
          string,
          null,
          ...Cell[],
        ]
    )
  );
  const actuals = table(
    "actuals",
    COLUMNS,
    order.map((i) => [name(i), null, ...(c.actuals[i] ?? [])] as [string, null, ...Cell[]])
  );
  const { results } = assessTables({ targets, actuals, ledgers: [], rules: r });
  return new Map(results.units.map((u) => [u.unit, u]));
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("ranking properties", () => {
  it("does not depend on row order", () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.tuple(
            fc.constant(c),
            fc.shuffledSubarray(identity(c.targets.length), { minLength: c.targets.length })
          )
        ),
        ([c, order]) => {
          const a = run(c, identity(c.targets.length));
          const b = run(c, order);
          for (const [unit, u] of a) {
            expect(b.get(unit)?.rank).toBe(u.rank);
            expect(b.get(unit)?.score).toBe(u.score);
          }
        }
      ),
      { numRuns: 150 }
    );
  });

  it("raising one unit's actual never lowers its score or worsens its rank", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.nat(),
        fc.nat({ max: 2 }),
        fc.integer({ min: 1, max: 100 }),
        (c, who, col, extra) => {
          const i = who % c.targets.length;
          const before = run(c, identity(c.targets.length)).get(`单位${i}`);
          const raised: Case = {
            ...c,
            actuals: c.actuals.map((row, k) =>
              k === i ? row.map((v, j) => (j === col ? v + extra : v)) : row
            ),
          };
          const after = run(raised, identity(c.targets.length)).get(`单位${i}`);
          expect(after?.score).toBeGreaterThanOrEqual(before?.score ?? Infinity);
          expect(after?.rank).toBeLessThanOrEqual(before?.rank ?? -Infinity);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("scaling every weight by the same factor changes nothing after normalisation", () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), (c, k) => {
        const scaled: RuleSet = {
          ...rules,
          indicators: rules.indicators.map((i) => ({ ...i, weight: i.weight * k })),
        };
        const a = run(c, identity(c.targets.length));
        const b = run(c, identity(c.targets.length), scaled);
        for (const [unit, u] of a) {
          expect(b.get(unit)?.rank).toBe(u.rank);
          expect(b.get(unit)?.score).toBeCloseTo(u.score, 3);
        }
      }),
      { numRuns: 150 }
    );
  });
});
