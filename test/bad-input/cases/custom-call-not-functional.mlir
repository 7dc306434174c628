// ARGS: --allow-unregistered-dialect
// ERROR: 5:17: custom op 'func.call' invalid kind of type specified: expected builtin.function, but found 'i32'
// func.call with a non-function type
func.func @f(%a: i32) {
  call @f(%a) : i32
  return
}
