// ARGS: --allow-unregistered-dialect
// ERROR: 5:9: use of undeclared SSA value name
// use of a value that is never defined (SSACFG region)
func.func @f() {
  "x.a"(%nope) : (i32) -> ()
  return
}
