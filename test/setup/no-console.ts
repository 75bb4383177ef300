// A test fails if anything writes to the console: output belongs to the CLI's own printers, not to the engine.
const methods = ["log", "warn", "error", "info", "debug"] as const;

beforeEach(() => {
  for (const method of methods) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`Unexpected console.${method}: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  jest.restoreAllMocks();
});
