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
  const picker = (
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
  );
  // Beside an open file, a plain button: the page itself takes a dropped file.
  if (compact)
    return (
      <>
        {picker}
        <Button onClick={() => input.current?.click()}>{web.another}</Button>
      </>
    );
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
        e.stopPropagation();
        setOver(false);
        pick(e.dataTransfer.files);
      }}
      data-testid="drop-zone"
    >
      <Body1>{web.intro}</Body1>
      {picker}
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {web.open}
      </Button>
      <Caption1>{web.drop}</Caption1>
      <Caption1>{web.privacy}</Caption1>
    </div>
  );
}
