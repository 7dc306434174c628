// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule)' | FileCheck %s
// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule{policy=serialized})' | FileCheck %s --check-prefix=SERIAL
// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule{policy=reference priority=peft})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule)' -o /dev/null --mlir-pass-statistics 2>&1 | FileCheck %s --check-prefix=STATS

// list-schedule on the small EP2 layer's tile programs: each tile.program
// becomes a schedule-level queue.program with the same name, its buffers, its
// arrivals (tasks 8..15: the tile program's %8..%15) and 24 AIC + 48 AIV queues.

// CHECK-LABEL: queue.program @fwd_rank0 rank 0 ep 2 target "a3-die" block_dim 24 policy ours {
// CHECK-NEXT:    tile.buffer input @xsend : memref<64x64xbf16>
// CHECK:         tile.buffer input @w2 : memref<4x32x64xbf16>
// CHECK-NEXT:    queue.arrival 8 @xin[0:8, 0:64] from rank 0 signal 0
// CHECK:         aic.queue core 0 {
// GEMMs wait for the arrivals of the rows they read: tile.gemm %16 reads %8 and %12.
// CHECK:         aic.gemm 16 @xin[0:16, 0:64], @w13[0:1, 0:64, 0:64] -> @h[0:16, 0:64] after [8, 12]
// CHECK:         aic.queue core 23 {
// CHECK:         aiv.queue core 0 sub 0 {
// CHECK:         aiv.put {{[0-9]+}} @xsend
// CHECK:         aiv.queue core 23 sub 1 {
// CHECK-LABEL: queue.program @fwd_rank1 rank 1 ep 2 target "a3-die" block_dim 24 policy ours {
// CHECK-NOT:   tile.program

// SERIAL-LABEL: queue.program @fwd_rank0 {{.*}} policy serialized {
// SERIAL:         aiv.put 0 @xsend[0:8, 0:64] -> rank 0

// REMARK:      small-ep2.tile.mlir:3:3: remark: list-schedule: policy reference: rank 0 finishes at {{[0-9.]+}} us; launch makespan [[MAKESPAN:[0-9.]+]] us, lower bound [[BOUND:[0-9.]+]] us, gap {{[0-9.]+}}%
// REMARK:      small-ep2.tile.mlir:58:3: remark: list-schedule: policy reference: rank 1 finishes at {{[0-9.]+}} us; launch makespan [[MAKESPAN]] us, lower bound [[BOUND]] us

// STATS:       ListSchedule
// STATS:       gap-permille
// STATS:       lower-bound-ns
// STATS:       makespan-ns
// STATS:       1 num-launches
// STATS:       56 num-tasks
