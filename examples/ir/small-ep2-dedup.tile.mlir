// `hpmoe compile examples/small-ep2.yaml --dedup --stop-after=tile`: deduplicated dispatch (docs/moe-tile.md,
// "Deduplicated dispatch"): token puts per peer into @xrecv, gathers into the dispatch layout @xin.
module {
  tile.program @fwd_rank0 rank 0 ep 2 attributes {moe.dedup_bytes = array<i64: 8192, 6144>} {
    tile.buffer input @xtok : memref<48x64xbf16>
    tile.buffer symmetric @xrecv : memref<56x64xbf16>
    tile.buffer symmetric @xin : memref<64x64xbf16>
    tile.buffer workspace @h : memref<64x64xbf16>
    tile.buffer workspace @a : memref<64x32xbf16>
    tile.buffer workspace @y : memref<64x64xbf16>
    tile.buffer symmetric @yret : memref<64x64xbf16>
    tile.buffer input @w13 : memref<4x64x64xbf16>
    tile.buffer input @w2 : memref<4x32x64xbf16>
    %0 = tile.put @xtok[0:24, 0:64] -> rank 0 @xrecv[0:24, 0:64] signal 0 {stage = dispatch, bytes = 3072, bytes_sent = 3072}
    %1 = tile.put @xtok[24:48, 0:64] -> rank 1 @xrecv[0:24, 0:64] signal 0 {stage = dispatch, bytes = 3072, bytes_sent = 3072}
    %2 = tile.arrival @xrecv[0:24, 0:64] from rank 0 signal 0
    %3 = tile.arrival @xrecv[24:56, 0:64] from rank 1 signal 0
    %4 = tile.gather @xrecv[2:24, 0:64] -> @xin[0:8, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %5 = tile.gather @xrecv[0:22, 0:64] -> @xin[16:24, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %6 = tile.gather @xrecv[0:22, 0:64] -> @xin[32:40, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %7 = tile.gather @xrecv[1:23, 0:64] -> @xin[48:56, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %8 = tile.gather @xrecv[24:53, 0:64] -> @xin[8:16, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %9 = tile.gather @xrecv[25:54, 0:64] -> @xin[24:32, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %10 = tile.gather @xrecv[26:55, 0:64] -> @xin[40:48, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %11 = tile.gather @xrecv[27:56, 0:64] -> @xin[56:64, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %12 = tile.gemm @xin[0:16, 0:64], @w13[0:1, 0:64, 0:64] -> @h[0:16, 0:64] after(%4, %8) {stage = gmm1, flops = 131072, bytes = 12288}
    %13 = tile.gemm @xin[16:32, 0:64], @w13[1:2, 0:64, 0:64] -> @h[16:32, 0:64] after(%5, %9) {stage = gmm1, flops = 131072, bytes = 12288}
    %14 = tile.gemm @xin[32:48, 0:64], @w13[2:3, 0:64, 0:64] -> @h[32:48, 0:64] after(%6, %10) {stage = gmm1, flops = 131072, bytes = 12288}
    %15 = tile.gemm @xin[48:64, 0:64], @w13[3:4, 0:64, 0:64] -> @h[48:64, 0:64] after(%7, %11) {stage = gmm1, flops = 131072, bytes = 12288}
    %16 = tile.swiglu @h[0:16, 0:64] -> @a[0:16, 0:32] after(%12) {stage = swiglu, bytes = 3072}
    %17 = tile.swiglu @h[16:32, 0:64] -> @a[16:32, 0:32] after(%13) {stage = swiglu, bytes = 3072}
    %18 = tile.swiglu @h[32:48, 0:64] -> @a[32:48, 0:32] after(%14) {stage = swiglu, bytes = 3072}
    %19 = tile.swiglu @h[48:64, 0:64] -> @a[48:64, 0:32] after(%15) {stage = swiglu, bytes = 3072}
    %20 = tile.gemm @a[0:16, 0:32], @w2[0:1, 0:32, 0:64] -> @y[0:16, 0:64] after(%16) {stage = gmm2, flops = 65536, bytes = 7168}
    %21 = tile.gemm @a[16:32, 0:32], @w2[1:2, 0:32, 0:64] -> @y[16:32, 0:64] after(%17) {stage = gmm2, flops = 65536, bytes = 7168}
    %22 = tile.gemm @a[32:48, 0:32], @w2[2:3, 0:32, 0:64] -> @y[32:48, 0:64] after(%18) {stage = gmm2, flops = 65536, bytes = 7168}
    %23 = tile.gemm @a[48:64, 0:32], @w2[3:4, 0:32, 0:64] -> @y[48:64, 0:64] after(%19) {stage = gmm2, flops = 65536, bytes = 7168}
    %24 = tile.put @y[0:8, 0:64] -> rank 0 @yret[0:8, 0:64] signal 1 after(%20) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 0, 0>}
    %25 = tile.put @y[16:24, 0:64] -> rank 0 @yret[8:16, 0:64] signal 2 after(%21) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 1, 1>}
    %26 = tile.put @y[32:40, 0:64] -> rank 0 @yret[16:24, 0:64] signal 3 after(%22) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 2, 2>}
    %27 = tile.put @y[48:56, 0:64] -> rank 0 @yret[24:32, 0:64] signal 4 after(%23) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 3, 3>}
    %28 = tile.put @y[8:16, 0:64] -> rank 1 @yret[0:8, 0:64] signal 1 after(%20) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 0, 0>}
    %29 = tile.put @y[24:32, 0:64] -> rank 1 @yret[8:16, 0:64] signal 2 after(%21) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 1, 1>}
    %30 = tile.put @y[40:48, 0:64] -> rank 1 @yret[16:24, 0:64] signal 3 after(%22) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 2, 2>}
    %31 = tile.put @y[56:64, 0:64] -> rank 1 @yret[24:32, 0:64] signal 4 after(%23) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 3, 3>}
    %32 = tile.arrival @yret[0:8, 0:64] from rank 0 signal 1 {moe.block = array<i64: 0, 0, 0>}
    %33 = tile.arrival @yret[8:16, 0:64] from rank 0 signal 2 {moe.block = array<i64: 0, 1, 1>}
    %34 = tile.arrival @yret[16:24, 0:64] from rank 0 signal 3 {moe.block = array<i64: 0, 2, 2>}
    %35 = tile.arrival @yret[24:32, 0:64] from rank 0 signal 4 {moe.block = array<i64: 0, 3, 3>}
    %36 = tile.arrival @yret[32:40, 0:64] from rank 1 signal 1 {moe.block = array<i64: 0, 4, 0>}
    %37 = tile.arrival @yret[40:48, 0:64] from rank 1 signal 2 {moe.block = array<i64: 0, 5, 1>}
    %38 = tile.arrival @yret[48:56, 0:64] from rank 1 signal 3 {moe.block = array<i64: 0, 6, 2>}
    %39 = tile.arrival @yret[56:64, 0:64] from rank 1 signal 4 {moe.block = array<i64: 0, 7, 3>}
    tile.terminate %0, %1, %24, %25, %26, %27, %28, %29, %30, %31, %32, %33, %34, %35, %36, %37, %38, %39
  }
  tile.program @fwd_rank1 rank 1 ep 2 attributes {moe.dedup_bytes = array<i64: 8192, 8192>} {
    tile.buffer input @xtok : memref<64x64xbf16>
    tile.buffer symmetric @xrecv : memref<56x64xbf16>
    tile.buffer symmetric @xin : memref<64x64xbf16>
    tile.buffer workspace @h : memref<64x64xbf16>
    tile.buffer workspace @a : memref<64x32xbf16>
    tile.buffer workspace @y : memref<64x64xbf16>
    tile.buffer symmetric @yret : memref<64x64xbf16>
    tile.buffer input @w13 : memref<4x64x64xbf16>
    tile.buffer input @w2 : memref<4x32x64xbf16>
    %0 = tile.put @xtok[0:32, 0:64] -> rank 0 @xrecv[24:56, 0:64] signal 0 {stage = dispatch, bytes = 4096, bytes_sent = 4096}
    %1 = tile.put @xtok[32:64, 0:64] -> rank 1 @xrecv[24:56, 0:64] signal 0 {stage = dispatch, bytes = 4096, bytes_sent = 4096}
    %2 = tile.arrival @xrecv[0:24, 0:64] from rank 0 signal 0
    %3 = tile.arrival @xrecv[24:56, 0:64] from rank 1 signal 0
    %4 = tile.gather @xrecv[1:23, 0:64] -> @xin[0:8, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %5 = tile.gather @xrecv[2:24, 0:64] -> @xin[16:24, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %6 = tile.gather @xrecv[0:22, 0:64] -> @xin[32:40, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %7 = tile.gather @xrecv[0:22, 0:64] -> @xin[48:56, 0:64] rows [0, 3, 6, 9, 12, 15, 18, 21] after(%2) {stage = gather, bytes = 2048}
    %8 = tile.gather @xrecv[24:53, 0:64] -> @xin[8:16, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %9 = tile.gather @xrecv[27:56, 0:64] -> @xin[24:32, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %10 = tile.gather @xrecv[25:54, 0:64] -> @xin[40:48, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %11 = tile.gather @xrecv[26:55, 0:64] -> @xin[56:64, 0:64] rows [0, 4, 8, 12, 16, 20, 24, 28] after(%3) {stage = gather, bytes = 2048}
    %12 = tile.gemm @xin[0:16, 0:64], @w13[0:1, 0:64, 0:64] -> @h[0:16, 0:64] after(%4, %8) {stage = gmm1, flops = 131072, bytes = 12288}
    %13 = tile.gemm @xin[16:32, 0:64], @w13[1:2, 0:64, 0:64] -> @h[16:32, 0:64] after(%5, %9) {stage = gmm1, flops = 131072, bytes = 12288}
    %14 = tile.gemm @xin[32:48, 0:64], @w13[2:3, 0:64, 0:64] -> @h[32:48, 0:64] after(%6, %10) {stage = gmm1, flops = 131072, bytes = 12288}
    %15 = tile.gemm @xin[48:64, 0:64], @w13[3:4, 0:64, 0:64] -> @h[48:64, 0:64] after(%7, %11) {stage = gmm1, flops = 131072, bytes = 12288}
    %16 = tile.swiglu @h[0:16, 0:64] -> @a[0:16, 0:32] after(%12) {stage = swiglu, bytes = 3072}
    %17 = tile.swiglu @h[16:32, 0:64] -> @a[16:32, 0:32] after(%13) {stage = swiglu, bytes = 3072}
    %18 = tile.swiglu @h[32:48, 0:64] -> @a[32:48, 0:32] after(%14) {stage = swiglu, bytes = 3072}
    %19 = tile.swiglu @h[48:64, 0:64] -> @a[48:64, 0:32] after(%15) {stage = swiglu, bytes = 3072}
    %20 = tile.gemm @a[0:16, 0:32], @w2[0:1, 0:32, 0:64] -> @y[0:16, 0:64] after(%16) {stage = gmm2, flops = 65536, bytes = 7168}
    %21 = tile.gemm @a[16:32, 0:32], @w2[1:2, 0:32, 0:64] -> @y[16:32, 0:64] after(%17) {stage = gmm2, flops = 65536, bytes = 7168}
    %22 = tile.gemm @a[32:48, 0:32], @w2[2:3, 0:32, 0:64] -> @y[32:48, 0:64] after(%18) {stage = gmm2, flops = 65536, bytes = 7168}
    %23 = tile.gemm @a[48:64, 0:32], @w2[3:4, 0:32, 0:64] -> @y[48:64, 0:64] after(%19) {stage = gmm2, flops = 65536, bytes = 7168}
    %24 = tile.put @y[0:8, 0:64] -> rank 0 @yret[32:40, 0:64] signal 1 after(%20) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 4, 0>}
    %25 = tile.put @y[16:24, 0:64] -> rank 0 @yret[40:48, 0:64] signal 2 after(%21) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 5, 1>}
    %26 = tile.put @y[32:40, 0:64] -> rank 0 @yret[48:56, 0:64] signal 3 after(%22) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 6, 2>}
    %27 = tile.put @y[48:56, 0:64] -> rank 0 @yret[56:64, 0:64] signal 4 after(%23) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 7, 3>}
    %28 = tile.put @y[8:16, 0:64] -> rank 1 @yret[32:40, 0:64] signal 1 after(%20) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 4, 0>}
    %29 = tile.put @y[24:32, 0:64] -> rank 1 @yret[40:48, 0:64] signal 2 after(%21) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 5, 1>}
    %30 = tile.put @y[40:48, 0:64] -> rank 1 @yret[48:56, 0:64] signal 3 after(%22) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 6, 2>}
    %31 = tile.put @y[56:64, 0:64] -> rank 1 @yret[56:64, 0:64] signal 4 after(%23) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 7, 3>}
    %32 = tile.arrival @yret[0:8, 0:64] from rank 0 signal 1 {moe.block = array<i64: 1, 0, 0>}
    %33 = tile.arrival @yret[8:16, 0:64] from rank 0 signal 2 {moe.block = array<i64: 1, 1, 1>}
    %34 = tile.arrival @yret[16:24, 0:64] from rank 0 signal 3 {moe.block = array<i64: 1, 2, 2>}
    %35 = tile.arrival @yret[24:32, 0:64] from rank 0 signal 4 {moe.block = array<i64: 1, 3, 3>}
    %36 = tile.arrival @yret[32:40, 0:64] from rank 1 signal 1 {moe.block = array<i64: 1, 4, 0>}
    %37 = tile.arrival @yret[40:48, 0:64] from rank 1 signal 2 {moe.block = array<i64: 1, 5, 1>}
    %38 = tile.arrival @yret[48:56, 0:64] from rank 1 signal 3 {moe.block = array<i64: 1, 6, 2>}
    %39 = tile.arrival @yret[56:64, 0:64] from rank 1 signal 4 {moe.block = array<i64: 1, 7, 3>}
    tile.terminate %0, %1, %24, %25, %26, %27, %28, %29, %30, %31, %32, %33, %34, %35, %36, %37, %38, %39
  }
}

