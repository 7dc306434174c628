// A hand-written tile-level fragment in generic form: two token puts feeding a
// GEMM tile and a SwiGLU row block on rank 0. Dialects are not registered yet,
// so run with --allow-unregistered-dialect.
#rows = affine_map<(d0) -> (d0 * 128)>
"builtin.module"() <{sym_name = "rank0"}> ({
  "tile.buffer"() {sym_name = "recv", type = memref<1024x256xbf16>, symmetric} : () -> ()
  %d0 = "tile.put"() {src = @x, dst = @recv, peer = 1 : i32, bytes = 65536 : i64, unit = "aiv"} : () -> !tile.token loc("moe.py":12:3)
  %d1 = "tile.put"() {src = @x, dst = @recv, peer = 1 : i32, bytes = 65536 : i64, unit = "aiv", rows = #rows} : () -> !tile.token
  %g0 = "tile.gemm"(%d0, %d1) {flops = 16777216 : i64, unit = "aic", alpha = 1.000000e+00 : f32} : (!tile.token, !tile.token) -> !tile.token
  %s0 = "tile.swiglu"(%g0) {unit = "aiv", rows = dense<[0, 128]> : tensor<2xi64>} : (!tile.token) -> !tile.token
}) : () -> ()
