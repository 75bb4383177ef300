/**
 * @jest-environment jsdom
 */
/**
 * The ribbon's 一键考核 handler must call event.completed() exactly once whatever fails ("Add-in commands":
 * an ExecuteFunction handler that never completes leaves Excel showing its busy indicator and blocks the button).
 */
type Handler = (event: { completed: () => void }) => unknown;

function installOffice(
  dialog: () => void,
  requirements: boolean
): { handler: () => Handler | undefined } {
  let handler: Handler | undefined;
  Object.assign(globalThis, {
    Office: {
      onReady: (callback?: () => void) => {
        callback?.();
        return Promise.resolve({});
      },
      actions: { associate: (_name: string, fn: Handler) => (handler = fn) },
      context: {
        displayLanguage: "zh-CN",
        ui: { displayDialogAsync: dialog },
        ...(requirements ? { requirements: { isSetSupported: () => true } } : {}),
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "m", DialogEventReceived: "e" },
    },
    // Excel.run is what fails here: the workbook cannot be read.
    Excel: { run: () => Promise.reject(new Error("no workbook")) },
  });
  return { handler: () => handler };
}

function loadHandler(): void {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../src/commands/index");
  });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("一键考核 ribbon handler", () => {
  afterEach(() => jest.resetModules());

  it("completes the event when the host cannot be created and no dialog can open", async () => {
    const office = installOffice(() => {
      throw new Error("displayDialogAsync is not available");
    }, false);
    loadHandler();
    const completed = jest.fn();
    await Promise.resolve(office.handler()?.({ completed })).catch(() => undefined);
    await settle();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes the event once when the dialog fails to open", async () => {
    const office = installOffice(
      ((...args: unknown[]) => {
        const callback = args[2] as (r: { status: string }) => void;
        callback({ status: "failed" });
      }) as () => void,
      true
    );
    loadHandler();
    const completed = jest.fn();
    await Promise.resolve(office.handler()?.({ completed }));
    await settle();
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
