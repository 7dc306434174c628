// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Two AIVs set the same flag id towards their AIC: the AIC cannot tell whose set it takes.
module {
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    queue.event @a cross_core core 0 flag 3 mode 2 threshold 1
    // expected-error @+1 {{id reuse while pending: @a (from rank 0 aiv core 0 sub 0) and @b (from rank 0 aiv core 0 sub 1) both use cross-core flag 3 of AI Core 0 on rank 0 towards rank 0 aic core 0; their sets could interleave}}
    queue.event @b cross_core core 0 flag 3 mode 2 threshold 1
    aic.queue core 0 {
      aic.wait @a
      aic.wait @b
      aic.gemm 2 @xs[16:24, 0:16], @w[0:1, 0:16, 0:16] -> @h[16:24, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
    }
    aiv.queue core 0 sub 0 {
      aiv.swiglu 0 @h[0:8, 0:16] -> @act[0:8, 0:8] {stage = swiglu, bytes = 384}
      aiv.signal @a
    }
    aiv.queue core 0 sub 1 {
      aiv.swiglu 1 @h[8:16, 0:16] -> @act[8:16, 0:8] {stage = swiglu, bytes = 384}
      aiv.signal @b
    }
  }
}
