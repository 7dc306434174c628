// Reading the LAYER.yaml argument of `hpmoe compile`, `run` and `bench`:
// the config and its routing, with every problem printed as a located error.

import * as fs from "node:fs";
import type { LayerConfig } from "../layer/layer-config.js";
import { formatLayerConfigError, parseLayerConfig } from "../layer/layer-config-reader.js";
import { loadRouting } from "../layer/load-routing.js";
import type { Routing } from "../layer/routing.js";

export interface LayerInput {
  readonly cfg: LayerConfig;
  readonly routing: Routing;
}

/**
 * Reads `file` (a layer config) and its routing. On any problem, writes
 * `file:line:col: error: ...` lines (or the tool's error for an unreadable
 * file) through `err` and returns undefined.
 */
export function readLayerInput(tool: string, file: string, err: (text: string) => void): LayerInput | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "No such file or directory" : code === "EISDIR" ? "Is a directory" : code === "EACCES" ? "Permission denied" : String(e);
    err(`${tool}: error: could not open layer config '${file}': ${why}\n`);
    return undefined;
  }
  const cfg = parseLayerConfig(text, file);
  if (Array.isArray(cfg)) {
    err(cfg.map((e) => formatLayerConfigError(e) + "\n").join(""));
    return undefined;
  }
  const routing = loadRouting(cfg);
  if (Array.isArray(routing)) {
    err(routing.map((e) => formatLayerConfigError(e) + "\n").join(""));
    return undefined;
  }
  return { cfg, routing };
}
