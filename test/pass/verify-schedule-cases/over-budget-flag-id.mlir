// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Flag id 11 is outside the 0..10 generated code may use on a3-die.
module {
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    // expected-error @+1 {{event @f on rank 0: cross-core flag id 11 is outside the budget 0..10 of target a3-die}}
    queue.event @f cross_core core 0 flag 11 mode 2 threshold 1
    aic.queue core 0 {
      aic.gemm 0 @xs[0:8, 0:16], @w[0:1, 0:16, 0:16] -> @h[0:8, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @f
    }
    aiv.queue core 0 sub 0 {
      aiv.wait @f
      aiv.swiglu 1 @h[0:8, 0:16] -> @act[0:8, 0:8] {stage = swiglu, bytes = 384}
    }
    aiv.queue core 0 sub 1 {
    }
  }
}
