// RUN: hpmoe-opt %s | hpmoe-opt | FileCheck %s
// RUN: hpmoe-opt %s --mlir-print-op-generic | mlir-opt --allow-unregistered-dialect --mlir-print-op-generic | hpmoe-opt | FileCheck %s
// RUN: hpmoe-opt %s --mlir-print-debuginfo | hpmoe-opt --mlir-print-debuginfo | FileCheck %s

// The custom form of every tile op reads back to itself, and its generic form
// goes through mlir-opt unchanged.

// CHECK-LABEL: tile.program @fwd_rank0 rank 0 ep 2 {
tile.program @fwd_rank0 rank 0 ep 2 {
  // CHECK: tile.buffer input @xsend : memref<256x64xbf16>
  // CHECK: tile.buffer symmetric @xin : memref<512x64xbf16>
  // CHECK: tile.buffer input @w13 : memref<2x64x32xbf16>
  // CHECK: tile.buffer workspace @h : memref<512x32xbf16>
  tile.buffer input @xsend : memref<256x64xbf16>
  tile.buffer symmetric @xin : memref<512x64xbf16>
  tile.buffer input @w13 : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<512x32xbf16>
  tile.buffer workspace @a : memref<512x16xbf16>
  tile.buffer workspace @t : memref<4x64xbf16>
  tile.buffer workspace @g : memref<2x64xbf16>
  tile.buffer input @sc : memref<2x1xf32>
  // CHECK: %[[P:.*]] = tile.put @xsend[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch, bytes = 16384, bytes_sent = 16384, valid_rows = [0, 1, 0]}
  %p0 = tile.put @xsend[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch, bytes = 16384, bytes_sent = 16384, valid_rows = [0, 1, 0]}
  // CHECK: %[[R:.*]] = tile.arrival @xin[128:256, 0:64] from rank 1 signal 0
  %r0 = tile.arrival @xin[128:256, 0:64] from rank 1 signal 0
  // CHECK: %[[G:.*]] = tile.gemm @xin[128:256, 0:64], @w13[0:1, 0:64, 0:32] -> @h[0:128, 0:32] after(%[[R]]) {stage = gmm1, flops = 524288}
  %g0 = tile.gemm @xin[128:256, 0:64], @w13[0:1, 0:64, 0:32] -> @h[0:128, 0:32] after(%r0) {flops = 524288, stage = gmm1}
  // CHECK: %[[S:.*]] = tile.swiglu @h[0:128, 0:32] -> @a[0:128, 0:16] after(%[[G]]) {stage = swiglu}
  %s0 = tile.swiglu @h[0:128, 0:32] -> @a[0:128, 0:16] after(%g0) {stage = swiglu, unit = aiv, flops = 0}
  // CHECK: %[[D:.*]] = tile.swiglu_grad @h[0:128, 0:32], @a[0:128, 0:16] -> @h[128:256, 0:32] after(%[[S]]) {stage = swiglu_grad, note = "x"}
  %d0 = tile.swiglu_grad @h[0:128, 0:32], @a[0:128, 0:16] -> @h[128:256, 0:32] after(%s0) {stage = swiglu_grad, note = "x"}
  // CHECK: %[[W:.*]] = tile.gemm @xin[0:128, 0:64], @h[0:128, 0:32] -> @w13[1:2, 0:64, 0:32] after(%[[D]]) {stage = gmm1_grad_weight, transpose_lhs}
  %w0 = tile.gemm @xin[0:128, 0:64], @h[0:128, 0:32] -> @w13[1:2, 0:64, 0:32] after(%d0) {stage = gmm1_grad_weight, transpose_lhs}
  // CHECK: %[[C:.*]] = tile.gather @t[0:4, 0:64] -> @g[0:2, 0:64] rows [3, 1] {stage = gather}
  %c0 = tile.gather @t[0:4, 0:64] -> @g[0:2, 0:64] rows [3, 1] {stage = gather}
  // The backward's deduplicated gather scales each row (reads [tokens, scales]).
  // CHECK: %[[C1:.*]] = tile.gather @t[1:4, 0:64], @sc[0:2, 0:1] -> @g[0:2, 0:64] rows [0, 2] after(%[[C]]) {stage = gather, bytes = 648}
  %c1 = tile.gather @t[1:4, 0:64], @sc[0:2, 0:1] -> @g[0:2, 0:64] rows [0, 2] after(%c0) {stage = gather, bytes = 648}
  // A put to the own rank (local rows), matched by an arrival in the same program.
  // CHECK: %[[L:.*]] = tile.put @xsend[128:256, 0:64] -> rank 0 @xin[256:384, 0:64] signal 1 {stage = dispatch}
  // CHECK: %[[LA:.*]] = tile.arrival @xin[256:384, 0:64] from rank 0 signal 1
  %l0 = tile.put @xsend[128:256, 0:64] -> rank 0 @xin[256:384, 0:64] signal 1 {stage = dispatch}
  %l1 = tile.arrival @xin[256:384, 0:64] from rank 0 signal 1
  // CHECK: %[[J:.*]] = tile.join %[[P]], %[[W]], %[[C1]], %[[L]], %[[LA]]
  %j = tile.join %p0, %w0, %c1, %l0, %l1
  // CHECK: tile.terminate %[[J]]
  tile.terminate %j
}
