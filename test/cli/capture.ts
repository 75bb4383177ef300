/** What a CLI run printed: stdout and stderr are captured (and kept off the test's terminal) until mocks are restored. */
export function capture(): { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}
