// The layer config: what `hpmoe compile`, `hpmoe run` and `hpmoe bench` read
// from examples/*.yaml (DESIGN.md "Contracts"). The YAML reader and its
// validation live beside this file; these types are what the rest of the
// compiler sees (camelCase; the YAML keys are snake_case).

export type DispatchDType = "bf16" | "int8" | "fp8";

export type RoutingSpec =
  | { readonly kind: "balanced"; readonly seed: number }
  | { readonly kind: "zipf"; readonly seed: number; readonly skew: number }
  /** `path` is resolved against the config file's folder. */
  | { readonly kind: "file"; readonly path: string };

export interface LayerConfig {
  readonly model: {
    readonly hidden: number;
    readonly moeIntermediate: number;
    readonly experts: number;
    readonly topK: number;
    readonly dtype: "bf16";
    readonly dispatchDtype: DispatchDType;
  };
  readonly parallel: { readonly ep: number; readonly tokensPerRank: number };
  readonly routing: RoutingSpec;
  readonly pass: "forward" | "backward" | "both";
  readonly target: string;
  /** The file it was read from ("" when built in code). */
  readonly source: string;
}
