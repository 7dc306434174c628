// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// The SwiGLU reads what the GEMM of another AI Core writes, with no event between them.
module {
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 2 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    aic.queue core 0 {
      aic.gemm 0 @xs[0:8, 0:16], @w[0:1, 0:16, 0:16] -> @h[0:8, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
    }
    aic.queue core 1 {
    }
    aiv.queue core 0 sub 0 {
    }
    aiv.queue core 0 sub 1 {
    }
    aiv.queue core 1 sub 0 {
      // expected-error @+1 {{unguarded read: task 1 (aiv.swiglu) on rank 0 aiv core 1 sub 0 reads @h[0:8, 0:16], written by task 0 (aic.gemm) on rank 0 aic core 0 as @h[0:8, 0:16], with no chain of queue order and waits from the writer to the reader}}
      aiv.swiglu 1 @h[0:8, 0:16] -> @act[0:8, 0:8] {stage = swiglu, bytes = 384}
    }
    aiv.queue core 1 sub 1 {
    }
  }
}
