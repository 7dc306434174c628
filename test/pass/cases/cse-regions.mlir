// FLAGS: --cse
// cse merges commutative ops whatever their operand order, and scf.if ops whose regions match op
// for op.
func.func @f(%a: i32, %b: i32, %c: i1) -> (i32, i32, i32, i32) {
  %x = arith.addi %a, %b : i32
  %y = arith.addi %b, %a : i32
  %p = scf.if %c -> i32 {
    %t = arith.muli %a, %b : i32
    scf.yield %t : i32
  } else {
    scf.yield %a : i32
  }
  %q = scf.if %c -> i32 {
    %t = arith.muli %a, %b : i32
    scf.yield %t : i32
  } else {
    scf.yield %a : i32
  }
  return %x, %y, %p, %q : i32, i32, i32, i32
}
