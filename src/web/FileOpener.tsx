import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { WebMessages } from "./web-i18n";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    textAlign: "center",
  },
  over: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { display: "none" },
});

export interface FileOpenerProps {
  readonly web: WebMessages;
  readonly compact?: boolean;
  readonly onFile: (file: File) => void;
}

/** A button and a drop zone for one .xlsx file. */
export function FileOpener({ web, compact = false, onFile }: FileOpenerProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={over ? `${styles.zone} ${styles.over}` : styles.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        pick(e.dataTransfer.files);
      }}
      data-testid="drop-zone"
    >
      {!compact && <Body1>{web.intro}</Body1>}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={compact ? web.another : web.open}
        onChange={(e) => {
          pick(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      <Button appearance={compact ? "secondary" : "primary"} onClick={() => input.current?.click()}>
        {compact ? web.another : web.open}
      </Button>
      <Caption1>{web.drop}</Caption1>
      {!compact && <Caption1>{web.privacy}</Caption1>}
    </div>
  );
}
