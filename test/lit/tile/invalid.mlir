// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics

// Every tile verifier message, one case each.

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op attribute 'reads' failed to satisfy constraint: array of slices [@buffer, array<i64: offsets...>, array<i64: sizes...>] of equal ranks}}
  %s = "tile.swiglu"() <{reads = [[@h, array<i64: 0>, array<i64: 1, 2>]], writes = [], stage = 2 : i64}> : () -> !tile.token
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op expects 2 read slice(s) (lhs, rhs), but got 1}}
  %g = tile.gemm @x[0:128, 0:64] -> @h[0:128, 0:32] {stage = gmm1}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op expects 1 written slice(s) (a), but got 2}}
  %s = tile.swiglu @h[0:128, 0:32] -> @a[0:128, 0:16], @a[0:128, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op read slice @h[-1:127, 0:32] has a negative offset}}
  %s = tile.swiglu @h[-1:127, 0:32] -> @a[0:128, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op written slice @a[0:128, 16:0] has a negative size}}
  %s = tile.swiglu @h[0:128, 0:32] -> @a[0:128, 16:0] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer input @w : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op runs on aic, but its unit is aiv}}
  %g = tile.gemm @x[0:128, 0:64], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:32] {stage = gmm1, unit = aiv}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer input @w : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op stage 'swiglu' does not fit the op (expected gmm1, gmm2, gmm2_grad_lhs, gmm2_grad_weight, gmm1_grad_lhs, gmm1_grad_weight)}}
  %g = tile.gemm @x[0:128, 0:64], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:32] {stage = swiglu}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer input @w : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op 'flops' must be non-negative, got -1}}
  %g = tile.gemm @x[0:128, 0:64], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:32] {stage = gmm1, flops = -1}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.put' op 'valid_rows' must be [src, expert, first] with src in [0, 2), expert >= 0 and first >= 0, got [2, 0, 0]}}
  %p = tile.put @xs[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch, valid_rows = [2, 0, 0]}
  tile.terminate %p
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer input @w : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op rhs slice @w[0:2, 0:64, 0:32] must be 2-D, or 3-D with a leading dim of size 1}}
  %g = tile.gemm @x[0:128, 0:64], @w[0:2, 0:64, 0:32] -> @h[0:128, 0:32] {stage = gmm1}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer input @w : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op lhs (128x48) and rhs (64x32) differ in the contraction dim}}
  %g = tile.gemm @x[0:128, 0:48], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:32] {stage = gmm1}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @x : memref<128x64xbf16>
  tile.buffer input @w : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<128x32xbf16>
  // expected-error @+1 {{'tile.gemm' op out is 128x16, but lhs x transposed rhs is 128x64}}
  %g = tile.gemm @h[0:128, 0:32], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:16] {stage = gmm2_grad_lhs, transpose_rhs}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op expects h (rows x 2c) and a (rows x c), but h is 128x32 and a is 64x16}}
  %s = tile.swiglu @h[0:128, 0:32] -> @a[0:64, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<1x128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op slice @h[0:1, 0:128, 0:32] must be 2-D}}
  %s = tile.swiglu @h[0:1, 0:128, 0:32] -> @a[0:128, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu_grad' op expects dh with the shape of h (128x32), but dh is 128x16}}
  %s = tile.swiglu_grad @h[0:128, 0:32], @a[0:128, 0:16] -> @a[0:128, 0:16] {stage = swiglu_grad}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @t : memref<4x64xbf16>
  tile.buffer workspace @g : memref<4x64xbf16>
  // expected-error @+1 {{'tile.gather' op writes 3 rows, but 'rows' lists 2}}
  %c = tile.gather @t[0:4, 0:64] -> @g[0:3, 0:64] rows [3, 1] {stage = gather}
  tile.terminate %c
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @t : memref<4x64xbf16>
  tile.buffer workspace @g : memref<4x64xbf16>
  // expected-error @+1 {{'tile.gather' op reads rows of width 64, but writes rows of width 32}}
  %c = tile.gather @t[0:4, 0:64] -> @g[0:2, 0:32] rows [3, 1] {stage = gather}
  tile.terminate %c
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @t : memref<4x64xbf16>
  tile.buffer workspace @g : memref<4x64xbf16>
  // expected-error @+1 {{'tile.gather' op row 4 is out of range of the read slice's 4 rows}}
  %c = tile.gather @t[0:4, 0:64] -> @g[0:2, 0:64] rows [4, 1] {stage = gather}
  tile.terminate %c
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @t : memref<4x64xbf16>
  tile.buffer workspace @g : memref<4x64xbf16>
  tile.buffer input @sc : memref<4x2xf32>
  // expected-error @+1 {{'tile.gather' op reads scales of shape 2x2, but writes 2 rows (expected 2x1)}}
  %c = tile.gather @t[0:4, 0:64], @sc[0:2, 0:2] -> @g[0:2, 0:64] rows [3, 1] {stage = gather}
  tile.terminate %c
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @t : memref<4x64xbf16>
  tile.buffer workspace @g : memref<4x64xbf16>
  tile.buffer input @sc : memref<4x1xf32>
  // expected-error @+1 {{'tile.gather' op expects 1 to 2 read slices (tokens, scales), but got 3}}
  %c = tile.gather @t[0:4, 0:64], @sc[0:2, 0:1], @sc[2:4, 0:1] -> @g[0:2, 0:64] rows [3, 1] {stage = gather}
  tile.terminate %c
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.put' op reads 8192 elements (128x64) but writes 4096 (64x64)}}
  %p = tile.put @xs[0:128, 0:64] -> rank 1 @xin[0:64, 0:64] signal 0 {stage = dispatch}
  tile.terminate %p
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.put' op peer rank 2 is out of range [0, 2)}}
  %p = tile.put @xs[0:128, 0:64] -> rank 2 @xin[0:128, 0:64] signal 0 {stage = dispatch}
  tile.terminate %p
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.put' op 'signal' must be non-negative, got -3}}
  %p = tile.put @xs[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal -3 {stage = dispatch}
  tile.terminate %p
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.arrival' op expects 1 written slice (the landed data), but got 2}}
  %r = tile.arrival @xin[0:128, 0:64], @xin[128:256, 0:64] from rank 1 signal 0
  tile.terminate %r
}

// -----

tile.program @p rank 1 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.arrival' op peer rank -1 is out of range [0, 2)}}
  %r = tile.arrival @xin[0:128, 0:64] from rank -1 signal 0
  tile.terminate %r
}

// -----

tile.program @p rank 0 ep 2 {
  // expected-error @+1 {{'tile.buffer' op type must be a statically shaped memref, but got 'memref<?x64xbf16>'}}
  tile.buffer workspace @x : memref<?x64xbf16>
  tile.terminate
}

// -----

tile.program @p rank 0 ep 2 {
  // expected-error @+1 {{'tile.buffer' op type must be a statically shaped memref, but got 'tensor<4xbf16>'}}
  tile.buffer workspace @x : tensor<4xbf16>
  tile.terminate
}

// -----

tile.program @p rank 0 ep 2 {
  // expected-error @+1 {{'tile.join' op expects at least one dependency token}}
  %j = "tile.join"() : () -> !tile.token
  tile.terminate %j
}

// -----

// expected-error @+1 {{'tile.program' op 'ep' must be at least 1, got 0}}
tile.program @p rank 0 ep 0 {
  tile.terminate
}

// -----

// expected-error @+1 {{'tile.program' op 'rank' 4 is out of range [0, 4)}}
tile.program @p rank 4 ep 4 {
  tile.terminate
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op read slice @hh[0:128, 0:32] names '@hh', which is not a tile.buffer of this program}}
  %s = tile.swiglu @hh[0:128, 0:32] -> @a[0:128, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<1x128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op written slice @a[0:128, 0:16] has rank 2, but buffer @a has rank 3}}
  %s = tile.swiglu @h[0:128, 0:32] -> @a[0:128, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @h : memref<128x32xbf16>
  tile.buffer workspace @a : memref<128x16xbf16>
  // expected-error @+1 {{'tile.swiglu' op read slice @h[64:192, 0:32] is out of bounds of @h (128x32) in dim 0}}
  %s = tile.swiglu @h[64:192, 0:32] -> @a[0:128, 0:16] {stage = swiglu}
  tile.terminate %s
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer workspace @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.put' op writes @xin, which is not a symmetric buffer (only those exist on every rank)}}
  %p = tile.put @xs[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch}
  tile.terminate %p
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer workspace @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.arrival' op writes @xin, which is not a symmetric buffer (only those exist on every rank)}}
  %r = tile.arrival @xin[0:128, 0:64] from rank 1 signal 0
  tile.terminate %r
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-note @+1 {{first used here}}
  %p0 = tile.put @xs[0:64, 0:64] -> rank 1 @xin[0:64, 0:64] signal 5 {stage = dispatch}
  // expected-error @+1 {{'tile.put' op signal 5 is already used by another put to rank 1}}
  %p1 = tile.put @xs[64:128, 0:64] -> rank 1 @xin[64:128, 0:64] signal 5 {stage = dispatch}
  tile.terminate %p0, %p1
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-note @+1 {{first used here}}
  %r0 = tile.arrival @xin[0:128, 0:64] from rank 1 signal 2
  // expected-error @+1 {{'tile.arrival' op signal 2 is already used by another arrival from rank 1}}
  %r1 = tile.arrival @xin[128:256, 0:64] from rank 1 signal 2
  tile.terminate %r0, %r1
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.arrival' op token is never used (sink tokens go to tile.terminate)}}
  %r0 = tile.arrival @xin[0:128, 0:64] from rank 1 signal 2
  tile.terminate
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.gemm' op requires attribute 'stage'}}
  %g = tile.gemm @xin[0:128, 0:64], @xin[0:64, 0:64] -> @xin[0:128, 0:64]
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'tile.gemm' op attribute 'stage' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}}
  %g = tile.gemm @xin[0:128, 0:64], @xin[0:64, 0:64] -> @xin[0:128, 0:64] {stage = 13}
  tile.terminate %g
}

// -----

// expected-error @+1 {{'tile.buffer' op expects parent op 'tile.program'}}
tile.buffer workspace @x : memref<4xbf16>

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{expected one of [dispatch, gmm1, swiglu, gmm2, combine, combine_grad, gmm2_grad_lhs, gmm2_grad_weight, swiglu_grad, gmm1_grad_lhs, gmm1_grad_weight, dispatch_grad, gather] for 'stage', got 'gmm3'}}
  %g = tile.gemm @xin[0:128, 0:64], @xin[0:64, 0:64] -> @xin[0:128, 0:64] {stage = gmm3}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{duplicate key 'flops' in dictionary attribute}}
  %g = tile.gemm @xin[0:128, 0:64], @xin[0:64, 0:64] -> @xin[0:128, 0:64] {stage = gmm1, flops = 1, flops = 2}
  tile.terminate %g
}

// -----

tile.program @p rank 0 ep 2 {
  tile.buffer input @xs : memref<128x64xbf16>
  tile.buffer symmetric @xin : memref<256x64xbf16>
  // expected-error @+1 {{'peer' is given in the op text and should not be repeated in the attribute dictionary}}
  %p = tile.put @xs[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch, peer = 1}
  tile.terminate %p
}
