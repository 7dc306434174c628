// Pins: cf.switch's cases on new lines, negative case values printed unsigned, operands per case.
func.func @f(%flag: i32, %a: i32) {
  cf.switch %flag : i32, [
    default: ^bb1(%a : i32),
    42: ^bb2,
    -3: ^bb3(%a, %a : i32, i32)
  ]
^bb1(%x: i32):
  return
^bb2:
  return
^bb3(%y: i32, %z: i32):
  cf.switch %flag : i32, [
    default: ^bb2
  ]
}
