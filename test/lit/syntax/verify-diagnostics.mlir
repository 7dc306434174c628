// RUN: hpmoe-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// Parse errors as mlir-opt 22 words them, checked with --verify-diagnostics: each case is its own
// chunk, and every expected-* line must match a diagnostic on the line it names (@+N, @-N, @below,
// @above) and vice versa. The wording is MLIR's, so upstream invalid.mlir cases can be ported.

// expected-error@+1 {{use of undeclared SSA value name}}
"x.use"(%undefined) : (i32) -> ()

// -----

"x.func"() ({
  // expected-error@+1 {{use of undeclared SSA value name}}
  "x.use"(%never_defined) : (i32) -> ()
  "x.ret"() : () -> ()
}) : () -> ()

// -----

// expected-note@+1 {{previously defined here}}
%0 = "x.a"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%0'}}
%0 = "x.b"() : () -> i32

// -----

"x.func"() ({
// expected-note@+2 {{previously defined here}}
// expected-error@+1 {{redefinition of SSA value '%a'}}
^bb0(%a: i32, %a: i32):
  "x.ret"() : () -> ()
}) : () -> ()

// -----

// expected-note@below {{prior use here}}
%0 = "x.a"() : () -> i64
"x.use"(%0) : (i32) -> ()
// expected-error@-1 {{use of value '%0' expects different type than prior uses: 'i32' vs 'i64'}}

// -----

// expected-error@+1 {{operation defines 2 results but was provided 1 to bind}}
%0 = "x.two"() : () -> (i32, i32)

// -----

%0:2 = "x.two"() : () -> (i32, i32)
// expected-error@+1 {{reference to invalid result number}}
"x.use"(%0#3) : (i32) -> ()

// -----

%0 = "x.a"() : () -> i32
// expected-error@+1 {{expected 2 operand types but had 1}}
"x.use"(%0, %0) : (i32) -> ()

// -----

// expected-error@+1 {{reference to an undefined block}}
"x.br"()[^missing] : () -> ()

// -----

"x.func"() ({
^bb0:
  "x.br"()[^bb0] : () -> ()
// expected-error@+1 {{redefinition of block '^bb0'}}
^bb0:
  "x.ret"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{duplicate key 'a' in dictionary attribute}}
"x.op"() {a = 1, a = 2} : () -> ()

// -----

// A float literal needs a dot: `1e-7` lexes as an integer followed by an identifier.
// expected-error@+1 {{expected '}' in attribute dictionary}}
"x.op"() {a = 1e-7 : f32} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"x.op"() {v = 300 : i8} : () -> ()

// -----

// expected-error@+1 {{undefined symbol alias id 'undefined_alias'}}
"x.op"() {a = #undefined_alias} : () -> ()

// -----

// expected-error@+1 {{operation location alias was never defined}}
"x.op"() : () -> () loc(#undefined_loc)

// -----

// The `?` of the LocationAttr docs is not accepted.
// expected-error@+1 {{expected location instance}}
"x.op"() : () -> () loc(?)

// -----

// expected-error@+1 {{expected non-function type}}
"x.op"() : () -> loc(unknown)

// -----

// expected-error@+1 {{expected '"' in string literal}}
"x.op"() {s = "unterminated} : () -> ()
