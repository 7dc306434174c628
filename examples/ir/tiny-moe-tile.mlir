// A hand-written tile-level fragment of the DESIGN.md tiny layer (EP2, 4 experts,
// top-2, hidden 256, moe_intermediate 128, 256 tokens per rank), rank 0, static
// worst-case layout (T rows per (source, expert)): one token tile goes to rank 1,
// one stays local, the tile from rank 1 lands, then a GEMM tile and a SwiGLU row
// block of local expert 0. Semantics: docs/moe-tile.md.
tile.program @fwd_rank0 rank 0 ep 2 {
  tile.buffer input @xsend : memref<1024x256xbf16>
  tile.buffer input @counts : memref<2x4xi32>
  tile.buffer input @w13 : memref<2x256x256xbf16>
  tile.buffer symmetric @xin : memref<1024x256xbf16>
  tile.buffer workspace @h : memref<1024x256xbf16>
  tile.buffer workspace @a : memref<1024x128xbf16>
  %d0 = tile.put @xsend[512:640, 0:256] -> rank 1 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [0, 2, 0]}
  %d1 = tile.put @xsend[0:128, 0:256] -> rank 0 @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes = 65536, bytes_sent = 65536, valid_rows = [0, 0, 0]}
  %r0 = tile.arrival @xin[0:128, 0:256] from rank 0 signal 0
  %r1 = tile.arrival @xin[256:384, 0:256] from rank 1 signal 0
  %g0 = tile.gemm @xin[0:128, 0:256], @w13[0:1, 0:256, 0:256] -> @h[0:128, 0:256] after(%r0) {stage = gmm1, flops = 16777216, bytes = 262144}
  %s0 = tile.swiglu @h[0:128, 0:256] -> @a[0:128, 0:128] after(%g0) {stage = swiglu, bytes = 98304}
  tile.terminate %d0, %d1, %r1, %s0
}
