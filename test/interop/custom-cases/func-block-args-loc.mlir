// Pins: argument locations print inline under debuginfo, from explicit loc(...) or the name.
func.func @f(%a: i32 loc("x.mlir":1:2), %b: i32) -> i32 {
  cf.br ^bb1(%a : i32)
^bb1(%c: i32 loc("y.mlir":3:4)):
  return %c : i32
}
