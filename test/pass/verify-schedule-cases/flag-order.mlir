// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Two events share a flag but are signalled in the other order than waited.
module {
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    // expected-error @+1 {{id reuse while pending: @b and @a share cross-core flag 2 of AI Core 0 on rank 0 from rank 0 aic core 0 to rank 0 aiv core 0 sub 0, but are signalled in another order than rank 0 aiv core 0 sub 0 waits for them, so a wait could take the other event's set}}
    queue.event @a cross_core core 0 flag 2 mode 2 threshold 1
    queue.event @b cross_core core 0 flag 2 mode 2 threshold 1
    aic.queue core 0 {
      aic.gemm 0 @xs[0:8, 0:16], @w[0:1, 0:16, 0:16] -> @h[0:8, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @a
      aic.gemm 1 @xs[8:16, 0:16], @w[0:1, 0:16, 0:16] -> @h[8:16, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @b
    }
    aiv.queue core 0 sub 0 {
      aiv.wait @b
      aiv.swiglu 2 @h[8:16, 0:16] -> @act[8:16, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @a
      aiv.swiglu 3 @h[0:8, 0:16] -> @act[0:8, 0:8] {stage = swiglu, bytes = 384}
    }
    aiv.queue core 0 sub 1 {
    }
  }
}
