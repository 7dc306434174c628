// The DESIGN.md tiny layer (EP2, 4 experts, top-2, hidden 256,
// moe_intermediate 128, 256 tokens per rank) at the schedule level, both
// ranks: the tile fragment of tiny-moe-tile.mlir per rank, its tasks placed on
// the queues of a block_dim 2 launch (list-schedule's output form). Task ids
// are the tile ops' indices in their program; `after` names the tasks and
// arrivals a task waits for. Semantics: docs/queue.md.
module {
  queue.program @fwd_rank0 rank 0 ep 2 target "a3-die" block_dim 2 policy ours {
    tile.buffer input @xsend : memref<1024x256xbf16>
    tile.buffer input @counts : memref<2x4xi32>
    tile.buffer input @w13 : memref<2x256x256xbf16>
    tile.buffer symmetric @xin : memref<1024x256xbf16>
    tile.buffer workspace @h : memref<1024x256xbf16>
    tile.buffer workspace @a : memref<1024x128xbf16>
    queue.arrival 2 @xin[0:128, 0:256] from rank 0 signal 0
    queue.arrival 3 @xin[256:384, 0:256] from rank 1 signal 0
    aic.queue core 0 {
      aic.gemm 4 @xin[0:128, 0:256], @w13[0:1, 0:256, 0:256] -> @h[0:128, 0:256] after [2] {stage = gmm1, flops = 16777216, bytes = 262144}
    }
    aic.queue core 1 {
    }
    aiv.queue core 0 sub 0 {
      aiv.put 1 @xsend[0:128, 0:256] -> rank 0 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [0, 0, 0]}
      aiv.swiglu 5 @h[0:128, 0:256] -> @a[0:128, 0:128] after [4] {stage = swiglu, bytes = 98304}
    }
    aiv.queue core 0 sub 1 {
      aiv.put 0 @xsend[512:640, 0:256] -> rank 1 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [0, 2, 0]}
    }
    aiv.queue core 1 sub 0 {
    }
    aiv.queue core 1 sub 1 {
    }
  }
  queue.program @fwd_rank1 rank 1 ep 2 target "a3-die" block_dim 2 policy ours {
    tile.buffer input @xsend : memref<1024x256xbf16>
    tile.buffer input @counts : memref<2x4xi32>
    tile.buffer input @w13 : memref<2x256x256xbf16>
    tile.buffer symmetric @xin : memref<1024x256xbf16>
    tile.buffer workspace @h : memref<1024x256xbf16>
    tile.buffer workspace @a : memref<1024x128xbf16>
    queue.arrival 2 @xin[0:128, 0:256] from rank 0 signal 0
    queue.arrival 3 @xin[256:384, 0:256] from rank 1 signal 0
    aic.queue core 0 {
      aic.gemm 4 @xin[0:128, 0:256], @w13[0:1, 0:256, 0:256] -> @h[0:128, 0:256] after [2] {stage = gmm1, flops = 16777216, bytes = 262144}
    }
    aic.queue core 1 {
    }
    aiv.queue core 0 sub 0 {
      aiv.put 0 @xsend[0:128, 0:256] -> rank 0 @xin[256:384, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [1, 0, 0]}
    }
    aiv.queue core 0 sub 1 {
      aiv.put 1 @xsend[512:640, 0:256] -> rank 1 @xin[256:384, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [1, 2, 0]}
    }
    aiv.queue core 1 sub 0 {
      aiv.swiglu 5 @h[0:128, 0:256] -> @a[0:128, 0:128] after [4] {stage = swiglu, bytes = 98304}
    }
    aiv.queue core 1 sub 1 {
    }
  }
}
