// `hpmoe compile examples/small-ep2.yaml --stop-after=tile`: the moe level (one function per rank).
module {
  func.func @moe_ffn_fwd_rank0(%arg0: tensor<32x64xbf16>, %arg1: tensor<32x2xi32>, %arg2: tensor<32x2xf32>, %arg3: tensor<4x64x64xbf16>, %arg4: tensor<4x32x64xbf16>) -> tensor<32x64xbf16> attributes {moe.rank = 0 : i64} {
    %recv:2 = moe.dispatch %arg0, %arg1 {counts = dense<8> : tensor<2x8xi32>, ep = 2 : i64, experts = 8 : i64, rank = 0 : i64} : tensor<32x64xbf16>, tensor<32x2xi32> -> tensor<?x64xbf16>
    %0 = moe.gmm %recv#0, %arg3, %recv#1 : tensor<?x64xbf16>, tensor<4x64x64xbf16> -> tensor<?x64xbf16>
    %1 = moe.swiglu %0 : tensor<?x64xbf16> -> tensor<?x32xbf16>
    %2 = moe.gmm %1, %arg4, %recv#1 : tensor<?x32xbf16>, tensor<4x32x64xbf16> -> tensor<?x64xbf16>
    %3 = moe.combine %2, %recv#1, %arg2 : tensor<?x64xbf16>, tensor<32x2xf32> -> tensor<32x64xbf16>
    return %3 : tensor<32x64xbf16>
  }
  func.func @moe_ffn_fwd_rank1(%arg0: tensor<32x64xbf16>, %arg1: tensor<32x2xi32>, %arg2: tensor<32x2xf32>, %arg3: tensor<4x64x64xbf16>, %arg4: tensor<4x32x64xbf16>) -> tensor<32x64xbf16> attributes {moe.rank = 1 : i64} {
    %recv:2 = moe.dispatch %arg0, %arg1 {counts = dense<8> : tensor<2x8xi32>, ep = 2 : i64, experts = 8 : i64, rank = 1 : i64} : tensor<32x64xbf16>, tensor<32x2xi32> -> tensor<?x64xbf16>
    %0 = moe.gmm %recv#0, %arg3, %recv#1 : tensor<?x64xbf16>, tensor<4x64x64xbf16> -> tensor<?x64xbf16>
    %1 = moe.swiglu %0 : tensor<?x64xbf16> -> tensor<?x32xbf16>
    %2 = moe.gmm %1, %arg4, %recv#1 : tensor<?x32xbf16>, tensor<4x32x64xbf16> -> tensor<?x64xbf16>
    %3 = moe.combine %2, %recv#1, %arg2 : tensor<?x64xbf16>, tensor<32x2xf32> -> tensor<32x64xbf16>
    return %3 : tensor<32x64xbf16>
  }
}

