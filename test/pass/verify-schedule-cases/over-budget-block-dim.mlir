// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// 25 blocks do not fit the 24 AI Cores of a3-die at once.
module {
  // expected-error @+1 {{rank 0 launches block_dim 25 but target a3-die has 24 AI Cores: not every queue would be resident, so a wait could block a core whose signaller never starts (co-residency)}}
  queue.program @fwd_rank0 rank 0 ep 1 target "a3-die" block_dim 25 policy ours {
    tile.buffer input @xs : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    tile.buffer workspace @act : memref<128x8xbf16>
    aic.queue core 0 {
    }
    aic.queue core 1 {
    }
    aic.queue core 2 {
    }
    aic.queue core 3 {
    }
    aic.queue core 4 {
    }
    aic.queue core 5 {
    }
    aic.queue core 6 {
    }
    aic.queue core 7 {
    }
    aic.queue core 8 {
    }
    aic.queue core 9 {
    }
    aic.queue core 10 {
    }
    aic.queue core 11 {
    }
    aic.queue core 12 {
    }
    aic.queue core 13 {
    }
    aic.queue core 14 {
    }
    aic.queue core 15 {
    }
    aic.queue core 16 {
    }
    aic.queue core 17 {
    }
    aic.queue core 18 {
    }
    aic.queue core 19 {
    }
    aic.queue core 20 {
    }
    aic.queue core 21 {
    }
    aic.queue core 22 {
    }
    aic.queue core 23 {
    }
    aic.queue core 24 {
    }
    aiv.queue core 0 sub 0 {
    }
    aiv.queue core 0 sub 1 {
    }
    aiv.queue core 1 sub 0 {
    }
    aiv.queue core 1 sub 1 {
    }
    aiv.queue core 2 sub 0 {
    }
    aiv.queue core 2 sub 1 {
    }
    aiv.queue core 3 sub 0 {
    }
    aiv.queue core 3 sub 1 {
    }
    aiv.queue core 4 sub 0 {
    }
    aiv.queue core 4 sub 1 {
    }
    aiv.queue core 5 sub 0 {
    }
    aiv.queue core 5 sub 1 {
    }
    aiv.queue core 6 sub 0 {
    }
    aiv.queue core 6 sub 1 {
    }
    aiv.queue core 7 sub 0 {
    }
    aiv.queue core 7 sub 1 {
    }
    aiv.queue core 8 sub 0 {
    }
    aiv.queue core 8 sub 1 {
    }
    aiv.queue core 9 sub 0 {
    }
    aiv.queue core 9 sub 1 {
    }
    aiv.queue core 10 sub 0 {
    }
    aiv.queue core 10 sub 1 {
    }
    aiv.queue core 11 sub 0 {
    }
    aiv.queue core 11 sub 1 {
    }
    aiv.queue core 12 sub 0 {
    }
    aiv.queue core 12 sub 1 {
    }
    aiv.queue core 13 sub 0 {
    }
    aiv.queue core 13 sub 1 {
    }
    aiv.queue core 14 sub 0 {
    }
    aiv.queue core 14 sub 1 {
    }
    aiv.queue core 15 sub 0 {
    }
    aiv.queue core 15 sub 1 {
    }
    aiv.queue core 16 sub 0 {
    }
    aiv.queue core 16 sub 1 {
    }
    aiv.queue core 17 sub 0 {
    }
    aiv.queue core 17 sub 1 {
    }
    aiv.queue core 18 sub 0 {
    }
    aiv.queue core 18 sub 1 {
    }
    aiv.queue core 19 sub 0 {
    }
    aiv.queue core 19 sub 1 {
    }
    aiv.queue core 20 sub 0 {
    }
    aiv.queue core 20 sub 1 {
    }
    aiv.queue core 21 sub 0 {
    }
    aiv.queue core 21 sub 1 {
    }
    aiv.queue core 22 sub 0 {
    }
    aiv.queue core 22 sub 1 {
    }
    aiv.queue core 23 sub 0 {
    }
    aiv.queue core 23 sub 1 {
    }
    aiv.queue core 24 sub 0 {
    }
    aiv.queue core 24 sub 1 {
    }
  }
}
