// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// The AIC signals 16 sets on one flag before its AIV must have taken any: the 4-bit counter could overflow.
module {
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    queue.event @e0 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e1 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e2 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e3 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e4 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e5 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e6 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e7 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e8 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e9 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e10 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e11 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e12 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e13 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e14 cross_core core 0 flag 0 mode 2 threshold 1
    queue.event @e15 cross_core core 0 flag 0 mode 2 threshold 1
    aic.queue core 0 {
      aic.gemm 0 @xs[0:8, 0:16], @w[0:1, 0:16, 0:16] -> @h[0:8, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e0
      aic.gemm 1 @xs[8:16, 0:16], @w[0:1, 0:16, 0:16] -> @h[8:16, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e1
      aic.gemm 2 @xs[16:24, 0:16], @w[0:1, 0:16, 0:16] -> @h[16:24, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e2
      aic.gemm 3 @xs[24:32, 0:16], @w[0:1, 0:16, 0:16] -> @h[24:32, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e3
      aic.gemm 4 @xs[32:40, 0:16], @w[0:1, 0:16, 0:16] -> @h[32:40, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e4
      aic.gemm 5 @xs[40:48, 0:16], @w[0:1, 0:16, 0:16] -> @h[40:48, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e5
      aic.gemm 6 @xs[48:56, 0:16], @w[0:1, 0:16, 0:16] -> @h[48:56, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e6
      aic.gemm 7 @xs[56:64, 0:16], @w[0:1, 0:16, 0:16] -> @h[56:64, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e7
      aic.gemm 8 @xs[64:72, 0:16], @w[0:1, 0:16, 0:16] -> @h[64:72, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e8
      aic.gemm 9 @xs[72:80, 0:16], @w[0:1, 0:16, 0:16] -> @h[72:80, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e9
      aic.gemm 10 @xs[80:88, 0:16], @w[0:1, 0:16, 0:16] -> @h[80:88, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e10
      aic.gemm 11 @xs[88:96, 0:16], @w[0:1, 0:16, 0:16] -> @h[88:96, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e11
      aic.gemm 12 @xs[96:104, 0:16], @w[0:1, 0:16, 0:16] -> @h[96:104, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e12
      aic.gemm 13 @xs[104:112, 0:16], @w[0:1, 0:16, 0:16] -> @h[104:112, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e13
      aic.gemm 14 @xs[112:120, 0:16], @w[0:1, 0:16, 0:16] -> @h[112:120, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      aic.signal @e14
      aic.gemm 15 @xs[120:128, 0:16], @w[0:1, 0:16, 0:16] -> @h[120:128, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
      // expected-error @+1 {{more than 15 sets could be pending on cross-core flag 0 of AI Core 0 on rank 0: rank 0 aic core 0 signals set 16 (@e15) without waiting for rank 0 aiv core 0 sub 0 to take @e0 (no credit)}}
      aic.signal @e15
    }
    aiv.queue core 0 sub 0 {
      aiv.wait @e0
      aiv.swiglu 16 @h[0:8, 0:16] -> @act[0:8, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e1
      aiv.swiglu 17 @h[8:16, 0:16] -> @act[8:16, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e2
      aiv.swiglu 18 @h[16:24, 0:16] -> @act[16:24, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e3
      aiv.swiglu 19 @h[24:32, 0:16] -> @act[24:32, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e4
      aiv.swiglu 20 @h[32:40, 0:16] -> @act[32:40, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e5
      aiv.swiglu 21 @h[40:48, 0:16] -> @act[40:48, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e6
      aiv.swiglu 22 @h[48:56, 0:16] -> @act[48:56, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e7
      aiv.swiglu 23 @h[56:64, 0:16] -> @act[56:64, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e8
      aiv.swiglu 24 @h[64:72, 0:16] -> @act[64:72, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e9
      aiv.swiglu 25 @h[72:80, 0:16] -> @act[72:80, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e10
      aiv.swiglu 26 @h[80:88, 0:16] -> @act[80:88, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e11
      aiv.swiglu 27 @h[88:96, 0:16] -> @act[88:96, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e12
      aiv.swiglu 28 @h[96:104, 0:16] -> @act[96:104, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e13
      aiv.swiglu 29 @h[104:112, 0:16] -> @act[104:112, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e14
      aiv.swiglu 30 @h[112:120, 0:16] -> @act[112:120, 0:8] {stage = swiglu, bytes = 384}
      aiv.wait @e15
      aiv.swiglu 31 @h[120:128, 0:16] -> @act[120:128, 0:8] {stage = swiglu, bytes = 384}
    }
    aiv.queue core 0 sub 1 {
    }
  }
}
