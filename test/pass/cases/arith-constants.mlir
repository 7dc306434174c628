// FLAGS: --canonicalize
// Constants: uniqued per value and type in the function body, hoisted to the entry block (keeping
// their location when they stay in their block), folds materialised where the op was, locations of
// merged constants dropped.
func.func @f_c1(%a: i32, %b: i1) -> (i32, i32, i32) {
  %x = arith.addi %a, %a : i32 loc("x")
  %c1 = arith.constant 1 : i32 loc("c1")
  %c2 = arith.constant 2 : i32 loc("c2")
  %y = arith.addi %c1, %c2 : i32 loc("y")
  %c3 = arith.constant 3 : i32 loc("c3")
  %z = arith.muli %x, %c3 : i32 loc("z")
  cf.cond_br %b, ^bb1, ^bb2
^bb1:
  %c1b = arith.constant 1 : i32 loc("c1b")
  %w = arith.addi %c1b, %z : i32 loc("w")
  %q = arith.addi %w, %c2 : i32 loc("q")
  return %y, %q, %c1b : i32, i32, i32
^bb2:
  %c9 = arith.constant 9 : i32 loc("c9")
  return %c9, %c9, %c3 : i32, i32, i32
}
func.func @f_c2(%a: i32) -> (i32, i32) {
  %x = arith.addi %a, %a : i32 loc("x")
  %c1 = arith.constant 1 : i32 loc("c1")
  %c2 = arith.constant 2 : i32 loc("c2")
  %y = arith.addi %c1, %c2 : i32 loc("y")
  %z = arith.muli %x, %y : i32 loc("z")
  return %y, %z : i32, i32
}
func.func @g_c2() -> (i32) {
  %c2 = arith.constant 2 : i32 loc("c2")
  "test.foo"() ({
    %c1 = arith.constant 1 : i32 loc("c1")
    %c5 = arith.constant 5 : i32 loc("c1")
    "test.bar"(%c1, %c2, %c5) : (i32, i32, i32) -> ()
  }) : () -> ()
  return %c2 : i32
}
func.func @f_c3(%a: i32, %b: i1) -> (i32) {
  %c1 = arith.constant 1 : i32 loc("c1")
  %c2 = arith.constant 2 : i32 loc("c2")
  cf.cond_br %b, ^bb1, ^bb2
^bb1:
  %x = arith.addi %a, %a : i32 loc("x")
  %y = arith.addi %c1, %c2 : i32 loc("y")
  %z = arith.addi %x, %y : i32 loc("z")
  return %z : i32
^bb2:
  return %c1 : i32
}
func.func @f_c4(%a: i32) -> (i32) {
  %x = arith.addi %a, %a : i32 loc("x")
  %c1 = arith.constant 1 : i32 loc("c1")
  %z = arith.addi %x, %c1 : i32 loc("z")
  %c2 = arith.constant 2 : i32 loc("c2")
  %w = arith.muli %z, %c2 : i32 loc("w")
  return %w : i32
}
func.func @f_c5(%a: i32) -> (i32, i32, i32) {
  %c1 = arith.constant 1 : i32 loc("same")
  %c1b = arith.constant 1 : i32 loc("same")
  %x = arith.addi %a, %c1 : i32 loc("x")
  %y = arith.addi %x, %c1b : i32 loc("y")
  %c5 = arith.constant 5 : i32 loc("five")
  %c2 = arith.constant 2 : i32 loc("c2")
  %c3 = arith.constant 3 : i32 loc("c2")
  %f = arith.addi %c2, %c3 : i32 loc("five")
  return %y, %f, %c5 : i32, i32, i32
}
