// `hpmoe compile examples/small-ep2.yaml --stop-after=tile`: the tile level (one program per rank).
module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer input @xsend : memref<64x64xbf16>
    tile.buffer symmetric @xin : memref<64x64xbf16>
    tile.buffer workspace @h : memref<64x64xbf16>
    tile.buffer workspace @a : memref<64x32xbf16>
    tile.buffer workspace @y : memref<64x64xbf16>
    tile.buffer symmetric @yret : memref<64x64xbf16>
    tile.buffer input @w13 : memref<4x64x64xbf16>
    tile.buffer input @w2 : memref<4x32x64xbf16>
    %0 = tile.put @xsend[0:8, 0:64] -> rank 0 @xin[0:8, 0:64] signal 0 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 0, 0>}
    %1 = tile.put @xsend[8:16, 0:64] -> rank 0 @xin[16:24, 0:64] signal 1 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 1, 1>}
    %2 = tile.put @xsend[16:24, 0:64] -> rank 0 @xin[32:40, 0:64] signal 2 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 2, 2>}
    %3 = tile.put @xsend[24:32, 0:64] -> rank 0 @xin[48:56, 0:64] signal 3 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 3, 3>}
    %4 = tile.put @xsend[32:40, 0:64] -> rank 1 @xin[0:8, 0:64] signal 0 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 4, 0>}
    %5 = tile.put @xsend[40:48, 0:64] -> rank 1 @xin[16:24, 0:64] signal 1 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 5, 1>}
    %6 = tile.put @xsend[48:56, 0:64] -> rank 1 @xin[32:40, 0:64] signal 2 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 6, 2>}
    %7 = tile.put @xsend[56:64, 0:64] -> rank 1 @xin[48:56, 0:64] signal 3 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 7, 3>}
    %8 = tile.arrival @xin[0:8, 0:64] from rank 0 signal 0 {moe.block = array<i64: 0, 0, 0>}
    %9 = tile.arrival @xin[16:24, 0:64] from rank 0 signal 1 {moe.block = array<i64: 0, 1, 1>}
    %10 = tile.arrival @xin[32:40, 0:64] from rank 0 signal 2 {moe.block = array<i64: 0, 2, 2>}
    %11 = tile.arrival @xin[48:56, 0:64] from rank 0 signal 3 {moe.block = array<i64: 0, 3, 3>}
    %12 = tile.arrival @xin[8:16, 0:64] from rank 1 signal 0 {moe.block = array<i64: 1, 0, 0>}
    %13 = tile.arrival @xin[24:32, 0:64] from rank 1 signal 1 {moe.block = array<i64: 1, 1, 1>}
    %14 = tile.arrival @xin[40:48, 0:64] from rank 1 signal 2 {moe.block = array<i64: 1, 2, 2>}
    %15 = tile.arrival @xin[56:64, 0:64] from rank 1 signal 3 {moe.block = array<i64: 1, 3, 3>}
    %16 = tile.gemm @xin[0:16, 0:64], @w13[0:1, 0:64, 0:64] -> @h[0:16, 0:64] after(%8, %12) {stage = gmm1, flops = 131072, bytes = 12288}
    %17 = tile.gemm @xin[16:32, 0:64], @w13[1:2, 0:64, 0:64] -> @h[16:32, 0:64] after(%9, %13) {stage = gmm1, flops = 131072, bytes = 12288}
    %18 = tile.gemm @xin[32:48, 0:64], @w13[2:3, 0:64, 0:64] -> @h[32:48, 0:64] after(%10, %14) {stage = gmm1, flops = 131072, bytes = 12288}
    %19 = tile.gemm @xin[48:64, 0:64], @w13[3:4, 0:64, 0:64] -> @h[48:64, 0:64] after(%11, %15) {stage = gmm1, flops = 131072, bytes = 12288}
    %20 = tile.swiglu @h[0:16, 0:64] -> @a[0:16, 0:32] after(%16) {stage = swiglu, bytes = 3072}
    %21 = tile.swiglu @h[16:32, 0:64] -> @a[16:32, 0:32] after(%17) {stage = swiglu, bytes = 3072}
    %22 = tile.swiglu @h[32:48, 0:64] -> @a[32:48, 0:32] after(%18) {stage = swiglu, bytes = 3072}
    %23 = tile.swiglu @h[48:64, 0:64] -> @a[48:64, 0:32] after(%19) {stage = swiglu, bytes = 3072}
    %24 = tile.gemm @a[0:16, 0:32], @w2[0:1, 0:32, 0:64] -> @y[0:16, 0:64] after(%20) {stage = gmm2, flops = 65536, bytes = 7168}
    %25 = tile.gemm @a[16:32, 0:32], @w2[1:2, 0:32, 0:64] -> @y[16:32, 0:64] after(%21) {stage = gmm2, flops = 65536, bytes = 7168}
    %26 = tile.gemm @a[32:48, 0:32], @w2[2:3, 0:32, 0:64] -> @y[32:48, 0:64] after(%22) {stage = gmm2, flops = 65536, bytes = 7168}
    %27 = tile.gemm @a[48:64, 0:32], @w2[3:4, 0:32, 0:64] -> @y[48:64, 0:64] after(%23) {stage = gmm2, flops = 65536, bytes = 7168}
    %28 = tile.put @y[0:8, 0:64] -> rank 0 @yret[0:8, 0:64] signal 4 after(%24) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 0, 0>}
    %29 = tile.put @y[16:24, 0:64] -> rank 0 @yret[8:16, 0:64] signal 5 after(%25) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 1, 1>}
    %30 = tile.put @y[32:40, 0:64] -> rank 0 @yret[16:24, 0:64] signal 6 after(%26) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 2, 2>}
    %31 = tile.put @y[48:56, 0:64] -> rank 0 @yret[24:32, 0:64] signal 7 after(%27) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 3, 3>}
    %32 = tile.put @y[8:16, 0:64] -> rank 1 @yret[0:8, 0:64] signal 4 after(%24) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 0, 0>}
    %33 = tile.put @y[24:32, 0:64] -> rank 1 @yret[8:16, 0:64] signal 5 after(%25) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 1, 1>}
    %34 = tile.put @y[40:48, 0:64] -> rank 1 @yret[16:24, 0:64] signal 6 after(%26) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 2, 2>}
    %35 = tile.put @y[56:64, 0:64] -> rank 1 @yret[24:32, 0:64] signal 7 after(%27) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 3, 3>}
    %36 = tile.arrival @yret[0:8, 0:64] from rank 0 signal 4 {moe.block = array<i64: 0, 0, 0>}
    %37 = tile.arrival @yret[8:16, 0:64] from rank 0 signal 5 {moe.block = array<i64: 0, 1, 1>}
    %38 = tile.arrival @yret[16:24, 0:64] from rank 0 signal 6 {moe.block = array<i64: 0, 2, 2>}
    %39 = tile.arrival @yret[24:32, 0:64] from rank 0 signal 7 {moe.block = array<i64: 0, 3, 3>}
    %40 = tile.arrival @yret[32:40, 0:64] from rank 1 signal 4 {moe.block = array<i64: 0, 4, 0>}
    %41 = tile.arrival @yret[40:48, 0:64] from rank 1 signal 5 {moe.block = array<i64: 0, 5, 1>}
    %42 = tile.arrival @yret[48:56, 0:64] from rank 1 signal 6 {moe.block = array<i64: 0, 6, 2>}
    %43 = tile.arrival @yret[56:64, 0:64] from rank 1 signal 7 {moe.block = array<i64: 0, 7, 3>}
    tile.terminate %0, %1, %2, %3, %4, %5, %6, %7, %28, %29, %30, %31, %32, %33, %34, %35, %36, %37, %38, %39, %40, %41, %42, %43
  }
  tile.program @fwd_rank1 rank 1 ep 2 {
    tile.buffer input @xsend : memref<64x64xbf16>
    tile.buffer symmetric @xin : memref<64x64xbf16>
    tile.buffer workspace @h : memref<64x64xbf16>
    tile.buffer workspace @a : memref<64x32xbf16>
    tile.buffer workspace @y : memref<64x64xbf16>
    tile.buffer symmetric @yret : memref<64x64xbf16>
    tile.buffer input @w13 : memref<4x64x64xbf16>
    tile.buffer input @w2 : memref<4x32x64xbf16>
    %0 = tile.put @xsend[0:8, 0:64] -> rank 0 @xin[8:16, 0:64] signal 0 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 0, 0>}
    %1 = tile.put @xsend[8:16, 0:64] -> rank 0 @xin[24:32, 0:64] signal 1 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 1, 1>}
    %2 = tile.put @xsend[16:24, 0:64] -> rank 0 @xin[40:48, 0:64] signal 2 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 2, 2>}
    %3 = tile.put @xsend[24:32, 0:64] -> rank 0 @xin[56:64, 0:64] signal 3 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 3, 3>}
    %4 = tile.put @xsend[32:40, 0:64] -> rank 1 @xin[8:16, 0:64] signal 0 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 4, 0>}
    %5 = tile.put @xsend[40:48, 0:64] -> rank 1 @xin[24:32, 0:64] signal 1 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 5, 1>}
    %6 = tile.put @xsend[48:56, 0:64] -> rank 1 @xin[40:48, 0:64] signal 2 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 6, 2>}
    %7 = tile.put @xsend[56:64, 0:64] -> rank 1 @xin[56:64, 0:64] signal 3 {stage = dispatch, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 7, 3>}
    %8 = tile.arrival @xin[0:8, 0:64] from rank 0 signal 0 {moe.block = array<i64: 0, 4, 0>}
    %9 = tile.arrival @xin[16:24, 0:64] from rank 0 signal 1 {moe.block = array<i64: 0, 5, 1>}
    %10 = tile.arrival @xin[32:40, 0:64] from rank 0 signal 2 {moe.block = array<i64: 0, 6, 2>}
    %11 = tile.arrival @xin[48:56, 0:64] from rank 0 signal 3 {moe.block = array<i64: 0, 7, 3>}
    %12 = tile.arrival @xin[8:16, 0:64] from rank 1 signal 0 {moe.block = array<i64: 1, 4, 0>}
    %13 = tile.arrival @xin[24:32, 0:64] from rank 1 signal 1 {moe.block = array<i64: 1, 5, 1>}
    %14 = tile.arrival @xin[40:48, 0:64] from rank 1 signal 2 {moe.block = array<i64: 1, 6, 2>}
    %15 = tile.arrival @xin[56:64, 0:64] from rank 1 signal 3 {moe.block = array<i64: 1, 7, 3>}
    %16 = tile.gemm @xin[0:16, 0:64], @w13[0:1, 0:64, 0:64] -> @h[0:16, 0:64] after(%8, %12) {stage = gmm1, flops = 131072, bytes = 12288}
    %17 = tile.gemm @xin[16:32, 0:64], @w13[1:2, 0:64, 0:64] -> @h[16:32, 0:64] after(%9, %13) {stage = gmm1, flops = 131072, bytes = 12288}
    %18 = tile.gemm @xin[32:48, 0:64], @w13[2:3, 0:64, 0:64] -> @h[32:48, 0:64] after(%10, %14) {stage = gmm1, flops = 131072, bytes = 12288}
    %19 = tile.gemm @xin[48:64, 0:64], @w13[3:4, 0:64, 0:64] -> @h[48:64, 0:64] after(%11, %15) {stage = gmm1, flops = 131072, bytes = 12288}
    %20 = tile.swiglu @h[0:16, 0:64] -> @a[0:16, 0:32] after(%16) {stage = swiglu, bytes = 3072}
    %21 = tile.swiglu @h[16:32, 0:64] -> @a[16:32, 0:32] after(%17) {stage = swiglu, bytes = 3072}
    %22 = tile.swiglu @h[32:48, 0:64] -> @a[32:48, 0:32] after(%18) {stage = swiglu, bytes = 3072}
    %23 = tile.swiglu @h[48:64, 0:64] -> @a[48:64, 0:32] after(%19) {stage = swiglu, bytes = 3072}
    %24 = tile.gemm @a[0:16, 0:32], @w2[0:1, 0:32, 0:64] -> @y[0:16, 0:64] after(%20) {stage = gmm2, flops = 65536, bytes = 7168}
    %25 = tile.gemm @a[16:32, 0:32], @w2[1:2, 0:32, 0:64] -> @y[16:32, 0:64] after(%21) {stage = gmm2, flops = 65536, bytes = 7168}
    %26 = tile.gemm @a[32:48, 0:32], @w2[2:3, 0:32, 0:64] -> @y[32:48, 0:64] after(%22) {stage = gmm2, flops = 65536, bytes = 7168}
    %27 = tile.gemm @a[48:64, 0:32], @w2[3:4, 0:32, 0:64] -> @y[48:64, 0:64] after(%23) {stage = gmm2, flops = 65536, bytes = 7168}
    %28 = tile.put @y[0:8, 0:64] -> rank 0 @yret[32:40, 0:64] signal 4 after(%24) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 4, 0>}
    %29 = tile.put @y[16:24, 0:64] -> rank 0 @yret[40:48, 0:64] signal 5 after(%25) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 5, 1>}
    %30 = tile.put @y[32:40, 0:64] -> rank 0 @yret[48:56, 0:64] signal 6 after(%26) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 6, 2>}
    %31 = tile.put @y[48:56, 0:64] -> rank 0 @yret[56:64, 0:64] signal 7 after(%27) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 0, 7, 3>}
    %32 = tile.put @y[8:16, 0:64] -> rank 1 @yret[32:40, 0:64] signal 4 after(%24) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 4, 0>}
    %33 = tile.put @y[24:32, 0:64] -> rank 1 @yret[40:48, 0:64] signal 5 after(%25) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 5, 1>}
    %34 = tile.put @y[40:48, 0:64] -> rank 1 @yret[48:56, 0:64] signal 6 after(%26) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 6, 2>}
    %35 = tile.put @y[56:64, 0:64] -> rank 1 @yret[56:64, 0:64] signal 7 after(%27) {stage = combine, bytes = 1024, bytes_sent = 1024, moe.block = array<i64: 1, 7, 3>}
    %36 = tile.arrival @yret[0:8, 0:64] from rank 0 signal 4 {moe.block = array<i64: 1, 0, 0>}
    %37 = tile.arrival @yret[8:16, 0:64] from rank 0 signal 5 {moe.block = array<i64: 1, 1, 1>}
    %38 = tile.arrival @yret[16:24, 0:64] from rank 0 signal 6 {moe.block = array<i64: 1, 2, 2>}
    %39 = tile.arrival @yret[24:32, 0:64] from rank 0 signal 7 {moe.block = array<i64: 1, 3, 3>}
    %40 = tile.arrival @yret[32:40, 0:64] from rank 1 signal 4 {moe.block = array<i64: 1, 4, 0>}
    %41 = tile.arrival @yret[40:48, 0:64] from rank 1 signal 5 {moe.block = array<i64: 1, 5, 1>}
    %42 = tile.arrival @yret[48:56, 0:64] from rank 1 signal 6 {moe.block = array<i64: 1, 6, 2>}
    %43 = tile.arrival @yret[56:64, 0:64] from rank 1 signal 7 {moe.block = array<i64: 1, 7, 3>}
    tile.terminate %0, %1, %2, %3, %4, %5, %6, %7, %28, %29, %30, %31, %32, %33, %34, %35, %36, %37, %38, %39, %40, %41, %42, %43
  }
}

