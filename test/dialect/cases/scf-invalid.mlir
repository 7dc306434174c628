// Invalid scf ops: loop-like and region-branch checks.
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.while"(%a) ({ ^bb0(%x: index, %y: index): "scf.condition"(%c, %x) : (i1, index) -> () }, { ^bb0(%z: index): "scf.yield"(%z) : (index) -> () }) : (index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.while"(%a) ({ ^bb0(%x: index): "scf.condition"(%c, %x) : (i1, index) -> () }, { ^bb0(%z: index, %w: index): "scf.yield"(%z) : (index) -> () }) : (index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.while"(%a) ({ ^bb0(%x: index): "scf.condition"(%c, %x) : (i1, index) -> () }, { ^bb0(%z: index): "scf.yield"() : () -> () }) : (index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.while"(%a) ({ ^bb0(%x: index): "scf.condition"(%c, %b) : (i1, i32) -> () }, { ^bb0(%z: index): "scf.yield"(%z) : (index) -> () }) : (index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.if"(%c) ({ "scf.yield"(%b) : (i32) -> () }, { "scf.yield"(%a) : (index) -> () }) : (i1) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.if"(%c) ({ "scf.yield"(%b) : (i32) -> () }, { }) : (i1) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.for"(%a, %a, %a, %b) ({ ^bb0(%i: index, %x: i32): "scf.yield"(%x) : (i32) -> () }) : (index, index, index, i32) -> (i32, i32)
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.for"(%a, %a, %a, %b) ({ ^bb0(%i: index): "scf.yield"(%b) : (i32) -> () }) : (index, index, index, i32) -> (i32)
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.for"(%a, %a, %a, %b) ({ ^bb0(%i: index, %x: index): "scf.yield"(%x) : (index) -> () }) : (index, index, index, i32) -> (i32)
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    %0 = "scf.for"(%a, %a, %a, %b) ({ ^bb0(%i: index, %x: i32): "scf.yield"(%a) : (index) -> () }) : (index, index, index, i32) -> (i32)
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    "scf.for"(%a, %b, %a) ({ ^bb0(%i: index): "scf.yield"() : () -> () }) : (index, i32, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    "scf.while"() ({ "scf.yield"() : () -> () }, { "scf.yield"() : () -> () }) : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index, %b: i32):
    "scf.if"(%c) ({ "scf.yield"() : () -> () }, { "scf.yield"() : () -> () ^bb1: "scf.yield"() : () -> ()}) : (i1) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %n: index):
    %r = "scf.for"(%n, %n, %n, %n) ({ ^bb0(%i: index, %x: index): "scf.yield"() : () -> () }) : (index, index, index, index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
func.func @f(%n: index) {
  %r = scf.for %i = %n to %n step %n iter_args(%x = %n) -> (index) {
  }
  return
}
