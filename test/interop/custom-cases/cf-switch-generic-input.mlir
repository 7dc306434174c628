// Pins: generic cf.switch with i64 and i8 flags prints custom; its segment properties are elided.
func.func @f(%i: i64, %b: i8, %a: i32) {
  "cf.switch"(%i, %a) [^bb2, ^bb2, ^bb1] <{case_operand_segments = array<i32: 0, 1>, case_values = dense<[7, 9]> : vector<2xi64>, operandSegmentSizes = array<i32: 1, 0, 1>}> {foo.w} : (i64, i32) -> ()
^bb1(%x: i32):
  cf.switch %b : i8, [
    default: ^bb2,
    -1: ^bb2,
    0x10: ^bb2
  ]
^bb2:
  return
}
