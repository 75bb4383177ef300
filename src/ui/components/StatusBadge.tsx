import * as React from "react";
import type { Status, StatusBand } from "../../core/model/results";
import type { Messages } from "../i18n";

export interface StatusBadgeProps {
  readonly status: Status;
  readonly bands: readonly StatusBand[];
  readonly messages: Messages;
}

/** Band colour plus symbol and label, so the status reads without colour too. */
export function StatusBadge({ status, bands, messages }: StatusBadgeProps): React.JSX.Element {
  const band = bands.find((b) => b.status === status);
  const label = band
    ? messages.locale === "en-US"
      ? band.label_en
      : band.label_zh
    : messages.statuses[status];
  const style: React.CSSProperties = {
    display: "inline-block",
    padding: "0 6px",
    borderRadius: "4px",
    whiteSpace: "nowrap",
    backgroundColor: band ? `#${band.color}` : "transparent",
    color: band ? `#${band.fontColor}` : "inherit",
    border: "1px solid rgba(0,0,0,0.15)",
  };
  return (
    <span style={style} data-status={status}>
      {band?.symbol ? `${band.symbol} ` : ""}
      {label}
    </span>
  );
}
