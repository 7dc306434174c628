// Pins: generic cf ops with segment sizes print custom; the segment attribute is elided.
func.func @f(%c: i1, %a: i32) {
  "cf.cond_br"(%c, %a, %a) [^bb1, ^bb1] <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i1, i32, i32) -> ()
^bb1(%x: i32):
  "cf.br"()[^bb2] : () -> ()
^bb2:
  return
}
