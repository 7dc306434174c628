// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic --pass-pipeline='builtin.module(moe-to-tile{gemm-m=2 gemm-n=8})' | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic --pass-pipeline='builtin.module(moe-to-tile{gemm-m=2 gemm-n=8},comm-tiling{tile-rows=2})' | FileCheck %s --check-prefix=TILED

// EP2, one expert per rank, top-1, 4 tokens per rank. Rank 0 sends 3 rows to
// expert 0 and 1 to expert 1; rank 1 sends 2 and 2. On rank 0 expert 0 holds
// dispatch rows [0, 3) from rank 0 and [3, 5) from rank 1.

// CHECK-LABEL: "tile.program"
// CHECK-SAME: sym_name = "fwd_rank0"
// CHECK-DAG: "tile.buffer"() <{kind = 0 : i64, sym_name = "xsend", type = memref<4x8xbf16>}>
// CHECK-DAG: "tile.buffer"() <{kind = 2 : i64, sym_name = "xin", type = memref<5x8xbf16>}>
// CHECK-DAG: "tile.buffer"() <{kind = 3 : i64, sym_name = "h", type = memref<5x8xbf16>}>
// CHECK-DAG: "tile.buffer"() <{kind = 2 : i64, sym_name = "yret", type = memref<4x8xbf16>}>
// Dispatch: one put per non-empty block, to the expert's rank.
// CHECK: "tile.put"() <{{.*}}peer = 0 : i64, reads = {{\[\[}}@xsend, array<i64: 0, 0>, array<i64: 3, 8>]], {{.*}}writes = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 3, 8>]]}>
// CHECK: "tile.put"() <{{.*}}peer = 1 : i64, reads = {{\[\[}}@xsend, array<i64: 3, 0>, array<i64: 1, 8>]], {{.*}}writes = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 1, 8>]]}>
// CHECK: %[[A0:.*]] = "tile.arrival"() <{peer = 0 : i64, signal = 0 : i64, writes = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 3, 8>]]}>
// CHECK: %[[A1:.*]] = "tile.arrival"() <{peer = 1 : i64, signal = 0 : i64, writes = {{\[\[}}@xin, array<i64: 3, 0>, array<i64: 2, 8>]]}>
// GEMM1 row tiles [0,2), [2,4), [4,5) wait for exactly the arrivals they read.
// CHECK: "tile.gemm"(%[[A0]]) <{{.*}}reads = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 2, 8>]
// CHECK: "tile.gemm"(%[[A0]], %[[A1]]) <{{.*}}reads = {{\[\[}}@xin, array<i64: 2, 0>, array<i64: 2, 8>]
// CHECK: "tile.gemm"(%[[A1]]) <{{.*}}reads = {{\[\[}}@xin, array<i64: 4, 0>, array<i64: 1, 8>]
// CHECK: "tile.terminate"

// After comm-tiling: the rank-0 block splits into rows [0,2) and [2,3).
// TILED-LABEL: "tile.program"
// TILED: %[[T0:.*]] = "tile.arrival"() <{peer = 0 : i64, signal = 0 : i64, writes = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 2, 8>]]}>
// TILED: %[[T1:.*]] = "tile.arrival"() <{peer = 0 : i64, signal = 1 : i64, writes = {{\[\[}}@xin, array<i64: 2, 0>, array<i64: 1, 8>]]}>
// TILED: %[[T2:.*]] = "tile.arrival"() <{peer = 1 : i64, signal = 0 : i64, writes = {{\[\[}}@xin, array<i64: 3, 0>, array<i64: 2, 8>]]}>
// TILED: "tile.gemm"(%[[T0]]) <{{.*}}reads = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 2, 8>]
// TILED: "tile.gemm"(%[[T1]], %[[T2]]) <{{.*}}reads = {{\[\[}}@xin, array<i64: 2, 0>, array<i64: 2, 8>]
// TILED: "tile.gemm"(%[[T2]]) <{{.*}}reads = {{\[\[}}@xin, array<i64: 4, 0>, array<i64: 1, 8>]
"builtin.module"() ({
  "func.func"() <{function_type = (tensor<4x8xbf16>, tensor<4x1xi32>, tensor<4x1xf32>, tensor<1x8x8xbf16>, tensor<1x4x8xbf16>) -> tensor<4x8xbf16>, sym_name = "moe_ffn_fwd_rank0"}> ({
  ^bb0(%x: tensor<4x8xbf16>, %ids: tensor<4x1xi32>, %p: tensor<4x1xf32>, %w13: tensor<1x8x8xbf16>, %w2: tensor<1x4x8xbf16>):
    %0:2 = "moe.dispatch"(%x, %ids) <{counts = dense<[[3, 1], [2, 2]]> : tensor<2x2xi32>, ep = 2 : i64, experts = 2 : i64, rank = 0 : i64}> : (tensor<4x8xbf16>, tensor<4x1xi32>) -> (tensor<?x8xbf16>, !moe.route)
    %1 = "moe.gmm"(%0#0, %w13, %0#1) : (tensor<?x8xbf16>, tensor<1x8x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %2 = "moe.swiglu"(%1) : (tensor<?x8xbf16>) -> tensor<?x4xbf16>
    %3 = "moe.gmm"(%2, %w2, %0#1) : (tensor<?x4xbf16>, tensor<1x4x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %4 = "moe.combine"(%3, %0#1, %p) : (tensor<?x8xbf16>, !moe.route, tensor<4x1xf32>) -> tensor<4x8xbf16>
    "func.return"(%4) : (tensor<4x8xbf16>) -> ()
  }) {moe.rank = 0 : i64} : () -> ()
}) : () -> ()

// -----

// Static worst case (no counts): every (source, expert) block has T = 4 rows;
// comm-tiling keeps T / tile-rows tiles per block with valid_rows = [src, expert, first].
// TILED-LABEL: "tile.program"
// TILED-SAME: sym_name = "fwd_rank1"
// TILED: "tile.buffer"() <{kind = 0 : i64, sym_name = "counts", type = memref<2x2xi32>}>
// TILED: "tile.put"() <{{.*}}peer = 0 : i64, reads = {{\[\[}}@xsend, array<i64: 0, 0>, array<i64: 2, 8>]], {{.*}}valid_rows = array<i64: 1, 0, 0>, writes = {{\[\[}}@xin, array<i64: 4, 0>, array<i64: 2, 8>]]}>
// TILED: "tile.put"() <{{.*}}peer = 0 : i64, reads = {{\[\[}}@xsend, array<i64: 2, 0>, array<i64: 2, 8>]], {{.*}}valid_rows = array<i64: 1, 0, 2>, writes = {{\[\[}}@xin, array<i64: 6, 0>, array<i64: 2, 8>]]}>
// TILED: "tile.arrival"() <{peer = 0 : i64, signal = {{[0-9]+}} : i64, writes = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 2, 8>]]}>
"builtin.module"() ({
  "func.func"() <{function_type = (tensor<4x8xbf16>, tensor<4x1xi32>, tensor<4x1xf32>, tensor<1x8x8xbf16>, tensor<1x4x8xbf16>) -> tensor<4x8xbf16>, sym_name = "moe_ffn_fwd_rank1"}> ({
  ^bb0(%x: tensor<4x8xbf16>, %ids: tensor<4x1xi32>, %p: tensor<4x1xf32>, %w13: tensor<1x8x8xbf16>, %w2: tensor<1x4x8xbf16>):
    %0:2 = "moe.dispatch"(%x, %ids) <{ep = 2 : i64, experts = 2 : i64, rank = 1 : i64}> : (tensor<4x8xbf16>, tensor<4x1xi32>) -> (tensor<?x8xbf16>, !moe.route)
    %1 = "moe.gmm"(%0#0, %w13, %0#1) : (tensor<?x8xbf16>, tensor<1x8x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %2 = "moe.swiglu"(%1) : (tensor<?x8xbf16>) -> tensor<?x4xbf16>
    %3 = "moe.gmm"(%2, %w2, %0#1) : (tensor<?x4xbf16>, tensor<1x4x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %4 = "moe.combine"(%3, %0#1, %p) : (tensor<?x8xbf16>, !moe.route, tensor<4x1xf32>) -> tensor<4x8xbf16>
    "func.return"(%4) : (tensor<4x8xbf16>) -> ()
  }) {moe.rank = 1 : i64} : () -> ()
}) : () -> ()
