// Pins: nested scf regions: ops inside print with full names, numbering across sibling regions.
func.func private @g(index) -> i32
func.func @f(%c: i1, %n: index, %s: index) -> i32 {
  %r = scf.for %i = %s to %n step %s iter_args(%acc = %s) -> (index) {
    %v = scf.if %c -> (index) {
      %t = func.call @g(%i) : (index) -> i32
      scf.for %j = %i to %n step %s {
        "x.use"(%j, %acc, %t) : (index, index, i32) -> ()
      }
      scf.yield %i : index
    } else {
      scf.yield %acc : index
    }
    scf.yield %v : index
  }
  %z = func.call @g(%r) : (index) -> i32
  return %z : i32
}
