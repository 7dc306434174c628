// A two-rank tile layer small enough to schedule by hand: the fixture of the
// scheduling tests that start from tile IR.

/** Rank r sends 128 rows to the other rank, which runs a GEMM and a SwiGLU on them. */
export const twoRankProgram = (r: number) => `
tile.program @fwd_rank${r} rank ${r} ep 2 {
  tile.buffer input @xsend : memref<128x256xbf16>
  tile.buffer symmetric @xin : memref<128x256xbf16>
  tile.buffer input @w13 : memref<1x256x512xbf16>
  tile.buffer workspace @h : memref<128x512xbf16>
  tile.buffer workspace @a : memref<128x256xbf16>
  %p = tile.put @xsend[0:128, 0:256] -> rank ${1 - r} @xin[0:128, 0:256] signal 0 {stage = dispatch, bytes_sent = 65536}
  %r = tile.arrival @xin[0:128, 0:256] from rank ${1 - r} signal 0
  %g = tile.gemm @xin[0:128, 0:256], @w13[0:1, 0:256, 0:512] -> @h[0:128, 0:512] after(%r) {stage = gmm1, flops = 33554432}
  %s = tile.swiglu @h[0:128, 0:512] -> @a[0:128, 0:256] after(%g) {stage = swiglu}
  tile.terminate %p, %s
}`;
