// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule)' --mlir-print-op-generic | FileCheck %s
// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule{policy=serialized})' --mlir-print-op-generic | FileCheck %s --check-prefix=SERIAL
// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule{policy=reference priority=peft})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: hpmoe-opt %S/../../../examples/ir/small-ep2.tile.mlir --pass-pipeline='builtin.module(list-schedule)' -o /dev/null --mlir-pass-statistics 2>&1 | FileCheck %s --check-prefix=STATS

// list-schedule on the small EP2 layer's tile programs: each tile.program
// becomes a schedule-level queue.program with the same name, its buffers, its
// arrivals (tasks 8..15: the tile program's %8..%15) and 24 AIC + 48 AIV queues.

// (Generic form: the checks do not depend on the queue dialects' custom syntax.)

// CHECK-LABEL: "queue.program"() <{block_dim = 24 : i64, ep = 2 : i64, policy = 0 : i64, rank = 0 : i64, sym_name = "fwd_rank0", target = "a3-die"}> ({
// CHECK-NEXT:    "tile.buffer"() <{kind = 0 : i64, sym_name = "xsend", type = memref<64x64xbf16>}>
// CHECK:         "tile.buffer"() <{kind = 0 : i64, sym_name = "w2", type = memref<4x32x64xbf16>}>
// CHECK-NEXT:    "queue.arrival"() <{peer = 0 : i64, signal = 0 : i64, task = 8 : i64, writes = {{\[\[}}@xin, array<i64: 0, 0>, array<i64: 8, 64>{{\]\]}}}>
// CHECK:         "aic.queue"() <{core = 0 : i64}> ({
// GEMMs wait for the arrivals of the rows they read: tile.gemm %16 reads after %8 and %12.
// CHECK:         "aic.gemm"() <{after = array<i64: 8, 12>, {{.*}} task = 16 : i64
// CHECK:         "aic.queue"() <{core = 23 : i64}>
// CHECK:         "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}>
// CHECK:         "aiv.put"() <{after = array<i64>, {{.*}}reads = {{\[\[}}@xsend
// CHECK:         "aiv.queue"() <{core = 23 : i64, sub = 1 : i64}>
// CHECK-LABEL: "queue.program"() <{block_dim = 24 : i64, ep = 2 : i64, policy = 0 : i64, rank = 1 : i64, sym_name = "fwd_rank1", target = "a3-die"}>
// CHECK-NOT:   "tile.program"

// The serialized policy runs puts as host collectives; their queue seats go round robin over the AIVs.
// SERIAL-LABEL: "queue.program"() <{block_dim = 24 : i64, ep = 2 : i64, policy = 2 : i64, rank = 0 : i64
// SERIAL:         "aiv.queue"() <{core = 0 : i64, sub = 0 : i64}> ({
// SERIAL-NEXT:      "aiv.put"() <{{.*}} task = 0 : i64
// SERIAL:         "aiv.queue"() <{core = 0 : i64, sub = 1 : i64}> ({
// SERIAL-NEXT:      "aiv.put"() <{{.*}} task = 1 : i64

// REMARK:      small-ep2.tile.mlir:3:3: remark: list-schedule: policy reference: rank 0 finishes at {{[0-9.]+}} us; launch makespan [[MAKESPAN:[0-9.]+]] us, lower bound [[BOUND:[0-9.]+]] us, gap {{[0-9.]+}}%
// REMARK:      small-ep2.tile.mlir:58:3: remark: list-schedule: policy reference: rank 1 finishes at {{[0-9.]+}} us; launch makespan [[MAKESPAN]] us, lower bound [[BOUND]] us

// STATS:       ListSchedule
// STATS:       gap-permille
// STATS:       lower-bound-ns
// STATS:       makespan-ns
// STATS:       1 num-launches
// STATS:       56 num-tasks
