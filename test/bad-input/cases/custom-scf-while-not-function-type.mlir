// ARGS: --allow-unregistered-dialect
// ERROR: 5:28: custom op 'scf.while' invalid kind of type specified: expected builtin.function, but found 'i32'
// scf.while typed with a non-function type
func.func @f(%a: i32) {
  %r = scf.while (%x = %a) : i32 {
    scf.condition(%x) %x : i32
  } do {
  ^bb0(%y: i32):
    scf.yield %y : i32
  }
  return
}
