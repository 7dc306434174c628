// ARGS: --allow-unregistered-dialect
// ERROR: 5:52: expected SSA operand
// input ending inside an scf.for head
func.func @f(%n: index, %a: i32) {
  %r = scf.for %i = %n to %n step %n iter_args(%x = 