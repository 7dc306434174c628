// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect --pass-pipeline='builtin.module(moe-to-tile,comm-tiling{mode=known})'

"builtin.module"() ({
  // expected-error@+1 {{comm-tiling mode=known needs routing counts}}
  "func.func"() <{function_type = (tensor<4x8xbf16>, tensor<4x1xi32>, tensor<4x1xf32>, tensor<1x8x8xbf16>, tensor<1x4x8xbf16>) -> tensor<4x8xbf16>, sym_name = "moe_ffn_fwd_rank0"}> ({
  ^bb0(%x: tensor<4x8xbf16>, %ids: tensor<4x1xi32>, %p: tensor<4x1xf32>, %w13: tensor<1x8x8xbf16>, %w2: tensor<1x4x8xbf16>):
    %0:2 = "moe.dispatch"(%x, %ids) <{ep = 2 : i64, experts = 2 : i64, rank = 0 : i64}> : (tensor<4x8xbf16>, tensor<4x1xi32>) -> (tensor<?x8xbf16>, !moe.route)
    %1 = "moe.gmm"(%0#0, %w13, %0#1) : (tensor<?x8xbf16>, tensor<1x8x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %2 = "moe.swiglu"(%1) : (tensor<?x8xbf16>) -> tensor<?x4xbf16>
    %3 = "moe.gmm"(%2, %w2, %0#1) : (tensor<?x4xbf16>, tensor<1x4x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %4 = "moe.combine"(%3, %0#1, %p) : (tensor<?x8xbf16>, !moe.route, tensor<4x1xf32>) -> tensor<4x8xbf16>
    "func.return"(%4) : (tensor<4x8xbf16>) -> ()
  }) {moe.rank = 0 : i64} : () -> ()
}) : () -> ()

// -----

"builtin.module"() ({
  "func.func"() <{function_type = (tensor<4x8xbf16>, tensor<4x2xi32>, tensor<4x2xf32>, tensor<1x8x8xbf16>, tensor<1x4x8xbf16>) -> tensor<4x8xbf16>, sym_name = "moe_ffn_fwd_rank0"}> ({
  ^bb0(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w13: tensor<1x8x8xbf16>, %w2: tensor<1x4x8xbf16>):
    // expected-error@+1 {{'counts' entry [1][0] = 5 is outside [0, 4] (tokens per rank)}}
    %0:2 = "moe.dispatch"(%x, %ids) <{counts = dense<[[4, 4], [5, 3]]> : tensor<2x2xi32>, ep = 2 : i64, experts = 2 : i64, rank = 0 : i64}> : (tensor<4x8xbf16>, tensor<4x2xi32>) -> (tensor<?x8xbf16>, !moe.route)
    %1 = "moe.gmm"(%0#0, %w13, %0#1) : (tensor<?x8xbf16>, tensor<1x8x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %2 = "moe.swiglu"(%1) : (tensor<?x8xbf16>) -> tensor<?x4xbf16>
    %3 = "moe.gmm"(%2, %w2, %0#1) : (tensor<?x4xbf16>, tensor<1x4x8xbf16>, !moe.route) -> tensor<?x8xbf16>
    %4 = "moe.combine"(%3, %0#1, %p) : (tensor<?x8xbf16>, !moe.route, tensor<4x2xf32>) -> tensor<4x8xbf16>
    "func.return"(%4) : (tensor<4x8xbf16>) -> ()
  }) {moe.rank = 0 : i64} : () -> ()
}) : () -> ()
