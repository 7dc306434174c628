// Two hand-written tile programs for task-counts.test.ts: rank 0 has a put, a gemm and a swiglu
// (its arrival, buffers and terminator are not tasks); rank 1 has two puts.
module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer input @xsend : memref<256x256xbf16>
    tile.buffer symmetric @xin : memref<512x256xbf16>
    tile.buffer input @w13 : memref<2x256x512xbf16>
    tile.buffer workspace @h : memref<512x512xbf16>
    tile.buffer workspace @a : memref<512x256xbf16>
    %p0 = tile.put @xsend[0:128, 0:256] -> rank 1 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536}
    %r0 = tile.arrival @xin[128:256, 0:256] from rank 1 signal 0
    %g0 = tile.gemm @xin[128:256, 0:256], @w13[0:1, 0:256, 0:512] -> @h[128:256, 0:512] after(%r0) {stage = gmm1, flops = 33554432}
    %s0 = tile.swiglu @h[128:256, 0:512] -> @a[128:256, 0:256] after(%g0) {stage = swiglu}
    tile.terminate %p0, %s0
  }
  tile.program @fwd_rank1 rank 1 ep 2 {
    tile.buffer input @xsend : memref<256x256xbf16>
    tile.buffer symmetric @xin : memref<512x256xbf16>
    %p0 = tile.put @xsend[0:128, 0:256] -> rank 0 @xin[128:256, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536}
    %p1 = tile.put @xsend[128:256, 0:256] -> rank 0 @xin[256:384, 0:256] signal 1 {stage = dispatch, bytes = 65536, bytes_sent = 65536}
    tile.terminate %p0, %p1
  }
}
