/** The charts in their own chunk, fetched when results are first shown: the pane opens without them. */
import { Spinner } from "@fluentui/react-components";
import * as React from "react";
import type { ResultChartsProps } from "./ResultCharts";

const ResultCharts = React.lazy(
  // @ts-expect-error TS2835: the file is CommonJS to tsc, but webpack resolves the extensionless path.
  () => import(/* webpackChunkName: "charts" */ "./ResultCharts")
);

export function LazyResultCharts(props: ResultChartsProps): React.JSX.Element {
  return (
    <React.Suspense fallback={<Spinner size="tiny" label={props.messages.assess.charts.loading} />}>
      <ResultCharts {...props} />
    </React.Suspense>
  );
}
