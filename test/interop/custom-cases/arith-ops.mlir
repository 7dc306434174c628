// Pins: arith ops through their YAML-declared formats (overflow and fastmath flags stripped, cmpi
// predicates as keywords, constants with name hints), select's hand-written form, a cast, cf.assert.
func.func @f(%a: i32, %b: i32, %c: i1) -> i32 {
  %c0 = arith.constant 0 : i32
  %x = arith.addi %a, %b overflow<nsw> : i32
  %y = arith.cmpi slt, %x, %c0 : i32
  %z = arith.select %y, %a, %b : i32
  %w = arith.extsi %z : i32 to i64
  %t = arith.trunci %w : i64 to i32
  %f = arith.constant 1.5 : f32
  %g = arith.addf %f, %f fastmath<fast> : f32
  %u = builtin.unrealized_conversion_cast %t : i32 to i16
  cf.assert %c, "oops"
  cf.cond_br %c, ^bb1(%t : i32), ^bb2
^bb1(%p: i32):
  return %p : i32
^bb2:
  return %b : i32
}
