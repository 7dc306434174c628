// The routing a layer config names: generated from its seed, or read from
// its routing file.

import * as fs from "node:fs";
import type { LayerConfig } from "./layer-config.js";
import { generateRouting, parseRoutingFile, type Routing, type RoutingFileError } from "./routing.js";

/**
 * The routing of `cfg`: `generateRouting` for balanced and zipf, the parsed
 * file for `file` (its path is already resolved by the config reader).
 * Returns the routing, or located errors in the routing file (an unreadable
 * file is reported at 1:1).
 */
export function loadRouting(cfg: LayerConfig): Routing | RoutingFileError[] {
  const spec = cfg.routing;
  if (spec.kind !== "file") return generateRouting(cfg);
  let text: string;
  try {
    text = fs.readFileSync(spec.path, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    return [{ file: spec.path, line: 1, col: 1, message: `could not read the routing file (${code ?? String(e)})` }];
  }
  return parseRoutingFile(cfg, text, spec.path);
}
