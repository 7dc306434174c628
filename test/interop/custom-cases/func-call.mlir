// Pins: func.call's declarative format, its inherent attributes in the attribute dictionary.
func.func private @ext(i32) -> i32
func.func @f(%a: i32) -> i32 {
  %0 = func.call @ext(%a) {foo.y = 1} : (i32) -> i32
  %1 = "func.call"(%0) <{callee = @ext, arg_attrs = [{foo.a}], res_attrs = [{}], no_inline}> : (i32) -> i32
  return %1 : i32
}
