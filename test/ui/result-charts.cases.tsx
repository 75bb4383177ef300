/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases. */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ResultCharts } from "../../src/ui/components/ResultCharts";
import { MESSAGES } from "../../src/ui/i18n";
import { RESULTS } from "./fixtures";
import { renderFluent } from "./render-app";

describe("ResultCharts", () => {
  const m = MESSAGES["zh-CN"];

  it("draws every unit's score by rank, coloured by status, with the 序时进度 line at full marks × 序时进度", () => {
    renderFluent(<ResultCharts results={RESULTS} messages={m} />);
    const scores = screen.getByRole("img", { name: /综合得分条形图/ });
    const bars = scores.querySelectorAll<HTMLElement>("[data-status]");
    expect([...bars].map((b) => b.dataset.status)).toEqual(["exceeded", "on_pace", "far_behind"]);
    // Axis to 110 (108.5 rounded up): 90 points is 81.8% of the track.
    const percent = (css: string | undefined) => Number.parseFloat(css ?? "");
    expect(percent(bars[1]?.style.width)).toBeCloseTo((90 / 110) * 100, 6);
    const pace = scores.querySelector<HTMLElement>('[data-testid="pace-line"]');
    expect(percent(pace?.style.left)).toBeCloseTo(((100 * 10) / 12 / 110) * 100, 6);
    expect(within(scores).getByText("高新区")).toBeTruthy();
    expect(screen.getByText(m.assess.charts.scorePace("83.3", "83.3%"))).toBeTruthy();
  });

  it("shows one indicator's completion at a time and names the units below 序时进度", async () => {
    renderFluent(<ResultCharts results={RESULTS} messages={m} />);
    expect(
      screen.getByRole("img", {
        name: m.assess.charts.completionSummary("实际利用外资", "83.3%", ["东城区"]),
      })
    ).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText(m.assess.charts.pickIndicator), "signed");
    const chart = screen.getByRole("img", { name: /签约项目完成率条形图/ });
    expect(within(chart).getByText(/62%/)).toBeTruthy();
  });
});
