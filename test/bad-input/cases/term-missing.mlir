// ARGS: --allow-unregistered-dialect
// ERROR: 5:8: block with no terminator, has %0 = "arith.constant"() <{value = 1 : i32}> : () -> i32
// func.func body ends with a registered non-terminator
func.func @f() {
  %0 = arith.constant 1 : i32
}
