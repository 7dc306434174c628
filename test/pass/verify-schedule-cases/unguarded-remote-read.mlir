// RUN: hpmoe-opt %s --verify-schedule --verify-diagnostics
// Rank 1's put lands in rank 0's @xin, but rank 0 waits on an event nothing of rank 1 raises.
module {
  queue.program @fwd_rank0 rank 0 ep 2 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xsend : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer symmetric @xin : memref<128x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    queue.event @r remote line 0 threshold 1
    aic.queue core 0 {
      aic.wait @r
      // expected-error @+1 {{unguarded read: task 1 (aic.gemm) on rank 0 aic core 0 reads @xin[0:8, 0:16], written (a put from another rank) by task 0 (aiv.put) on rank 1 aiv core 0 sub 0 as @xin[0:8, 0:16], with no chain of queue order and waits from the writer to the reader}}
      aic.gemm 1 @xin[0:8, 0:16], @w[0:1, 0:16, 0:16] -> @h[0:8, 0:16] {stage = gmm1, flops = 4096, bytes = 1024}
    }
    aiv.queue core 0 sub 0 {
      aiv.signal_remote @r rank 0
    }
    aiv.queue core 0 sub 1 {
    }
  }
  queue.program @fwd_rank1 rank 1 ep 2 target "a3-die" block_dim 1 policy ours {
    tile.buffer input @xsend : memref<128x16xbf16>
    tile.buffer input @w : memref<1x16x16xbf16>
    tile.buffer symmetric @xin : memref<128x16xbf16>
    tile.buffer workspace @h : memref<128x16xbf16>
    aic.queue core 0 {
    }
    aiv.queue core 0 sub 0 {
      aiv.put 0 @xsend[0:8, 0:16] -> rank 0 @xin[0:8, 0:16] signal 0 {stage = dispatch, bytes = 256, bytes_sent = 256}
    }
    aiv.queue core 0 sub 1 {
    }
  }
}
