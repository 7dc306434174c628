// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(list-schedule)'

// Scheduling needs every rank of a launch: a put to a rank whose program is
// missing is an error on the put.

module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer input @x : memref<8x8xbf16>
    tile.buffer symmetric @xin : memref<8x8xbf16>
    // expected-error@+1 {{'tile.put' op to rank 1 has no matching tile.arrival there (list-schedule needs every rank of a launch; 1 more unpaired puts or arrivals)}}
    %p = tile.put @x[0:4, 0:8] -> rank 1 @xin[0:4, 0:8] signal 0 {stage = dispatch, bytes_sent = 64}
    %a = tile.arrival @xin[4:8, 0:8] from rank 1 signal 0
    tile.terminate %p, %a
  }
}

// -----

// One program per rank 0..ep-1: a second rank 0 is an error.

module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer workspace @h : memref<8x8xbf16>
    %s = tile.swiglu @h[0:8, 0:8] -> @h[0:8, 0:4] {stage = swiglu}
    tile.terminate %s
  }
  // expected-error@+1 {{list-schedule: a launch needs one program per rank 0..ep-1 in one module; fwd_rank* has 2 program(s) and this one is rank 0 of ep 2 (a second time)}}
  tile.program @fwd_rank00 rank 0 ep 2 {
    tile.buffer workspace @h : memref<8x8xbf16>
    %s = tile.swiglu @h[0:8, 0:8] -> @h[0:8, 0:4] {stage = swiglu}
    tile.terminate %s
  }
}

// -----

// Fewer programs than ep.

module {
  // expected-error@+1 {{list-schedule: a launch needs one program per rank 0..ep-1 in one module; fwd_rank* has 1 program(s) and this one is rank 0 of ep 2}}
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer workspace @h : memref<8x8xbf16>
    %s = tile.swiglu @h[0:8, 0:8] -> @h[0:8, 0:4] {stage = swiglu}
    tile.terminate %s
  }
}
