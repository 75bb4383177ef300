import { workbookGrid } from "../../fixtures/grid";
import { checkGrid, expectFixture } from "../../fixtures/expect";
import { FIXTURES } from "../../fixtures/layouts";

describe("golden layouts (in-memory grid)", () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    expectFixture(
      fixture,
      checkGrid(workbookGrid(`${fixture.name}.xlsx`, fixture.sheets), fixture.asOf)
    );
  });
});
