// Verifier diagnostics, checked against both tools: mlir-opt-22 must accept the
// same expectations, so the wording and positions are MLIR's.
// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// RUN: mlir-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "x.use"(%0) : (i32) -> ()
  // expected-note@+1 {{operand defined here (op in the same block)}}
  %0 = "x.def"() : () -> i32
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-note@+1 {{see existing symbol definition here}}
"func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "private"}> ({
}) : () -> ()
// expected-error@+1 {{redefinition of symbol named 'g'}}
"func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "private"}> ({
}) : () -> ()

// -----

%outer = "x.def"() : () -> i32
// expected-note@+1 {{required by region isolation constraints}}
"func.func"() <{function_type = () -> (), sym_name = "h"}> ({
  // expected-error@+1 {{'x.use' op using value defined outside the region}}
  "x.use"(%outer) : (i32) -> ()
  "func.return"() : () -> ()
}) : () -> ()

// -----

"func.func"() <{function_type = (i32) -> (), sym_name = "k"}> ({
^bb0(%a: i32):
  // expected-error@+1 {{branch has 1 operands for successor #0, but target block has 0}}
  "cf.br"(%a)[^bb1] : (i32) -> ()
^bb1:
  "func.return"() : () -> ()
}) : () -> ()

// -----

"func.func"() <{function_type = () -> i32, sym_name = "r"}> ({
  // expected-error@+1 {{'func.return' op has 0 operands, but enclosing function (@r) returns 1}}
  "func.return"() : () -> ()
}) : () -> ()
