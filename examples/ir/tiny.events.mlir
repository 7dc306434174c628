// tiny.schedule.mlir after event insertion: no `after` and no queue.arrival;
// every cross-queue dependency is a wait on a declared event. A put's
// landing is a `remote` event of the destination rank, raised by the
// signal_remote after the put (line = source rank here); a GEMM -> SwiGLU
// dependency inside one AI Core is a cross_core flag (mode 2), across AI
// Cores a gm_counter. Semantics: docs/queue.md "Events".
module {
  queue.program @fwd_rank0 rank 0 ep 2 target "a3-die" block_dim 2 policy ours {
    tile.buffer input @xsend : memref<1024x256xbf16>
    tile.buffer input @counts : memref<2x4xi32>
    tile.buffer input @w13 : memref<2x256x256xbf16>
    tile.buffer symmetric @xin : memref<1024x256xbf16>
    tile.buffer workspace @h : memref<1024x256xbf16>
    tile.buffer workspace @a : memref<1024x128xbf16>
    queue.event @recv_r0 remote line 0 threshold 1
    queue.event @recv_r1 remote line 1 threshold 1
    queue.event @gmm1_done cross_core core 0 flag 0 mode 2 threshold 1
    aic.queue core 0 {
      aic.wait @recv_r0
      aic.gemm 4 @xin[0:128, 0:256], @w13[0:1, 0:256, 0:256] -> @h[0:128, 0:256] {stage = gmm1, flops = 16777216, bytes = 262144}
      aic.signal @gmm1_done
    }
    aic.queue core 1 {
    }
    aiv.queue core 0 sub 0 {
      aiv.put 1 @xsend[0:128, 0:256] -> rank 0 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [0, 0, 0]}
      aiv.signal_remote @recv_r0 rank 0
      aiv.wait @gmm1_done
      aiv.swiglu 5 @h[0:128, 0:256] -> @a[0:128, 0:128] {stage = swiglu, bytes = 98304}
    }
    aiv.queue core 0 sub 1 {
      aiv.put 0 @xsend[512:640, 0:256] -> rank 1 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [0, 2, 0]}
      aiv.signal_remote @recv_r0 rank 1
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
    queue.event @recv_r0 remote line 0 threshold 1
    queue.event @recv_r1 remote line 1 threshold 1
    queue.event @gmm1_done gm_counter line 0 threshold 1
    aic.queue core 0 {
      aic.wait @recv_r0
      aic.gemm 4 @xin[0:128, 0:256], @w13[0:1, 0:256, 0:256] -> @h[0:128, 0:256] {stage = gmm1, flops = 16777216, bytes = 262144}
      aic.signal @gmm1_done
    }
    aic.queue core 1 {
    }
    aiv.queue core 0 sub 0 {
      aiv.put 0 @xsend[0:128, 0:256] -> rank 0 @xin[256:384, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [1, 0, 0]}
      aiv.signal_remote @recv_r1 rank 0
    }
    aiv.queue core 0 sub 1 {
      aiv.put 1 @xsend[512:640, 0:256] -> rank 1 @xin[256:384, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [1, 2, 0]}
      aiv.signal_remote @recv_r1 rank 1
    }
    aiv.queue core 1 sub 0 {
      aiv.wait @gmm1_done
      aiv.swiglu 5 @h[0:128, 0:256] -> @a[0:128, 0:128] {stage = swiglu, bytes = 98304}
    }
    aiv.queue core 1 sub 1 {
    }
  }
}
