/**
 * The web page's Content-Security-Policy has no 'unsafe-eval': zod would probe for it with `new Function("")` the
 * first time it parses, which the browser reports as a policy violation. zod's own switch skips the probe and the
 * generated parsers (the rules schemas are small; interpreting them costs nothing measurable).
 */
import { config } from "zod";

config({ jitless: true });
