import { configure } from "@testing-library/dom";
import type * as NodeV8 from "node:v8";

type V8 = typeof NodeV8;

/** What Fluent UI expects from a browser and jsdom lacks. Import first in every .test.tsx. */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
}

// jsdom's global lacks structuredClone, which the engine's rules code uses; Node's serializer is equivalent here.
if (typeof globalThis.structuredClone !== "function") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require("node:v8") as V8;
  Object.assign(globalThis, {
    structuredClone: <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T,
  });
}

// findBy*/waitFor give up after 1 s by default, which a loaded machine can exceed while a screen is still
// settling: they return as soon as their condition holds, so a long limit only slows a test that fails anyway.
configure({ asyncUtilTimeout: 60_000 });
