// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Each core waits for a signal the other raises only after its own wait.
module {
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    queue.event @x cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @y cross_core core 0 flag 1 mode 2 threshold 1
    aic.queue core 0 {
      // expected-error @+1 {{deadlock: cyclic wait: rank 0 aic core 0 waits on @x, then rank 0 aiv core 0 sub 0 waits on @y, which is signalled only after the first wait passes}}
      aic.wait @x
      aic.gemm 0 @xs[0:8, 0:16], @w[0:1, 0:16, 0:16] -> @h[0:8, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @y
    }
    aiv.queue core 0 sub 0 {
      aiv.wait @y
      aiv.swiglu 1 @h[0:8, 0:16] -> @act[0:8, 0:8] {stage = swiglu, bytes = 384}
      aiv.signal @x
    }
    aiv.queue core 0 sub 1 {
    }
  }
}
