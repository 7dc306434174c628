// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: integer constant out of range for attribute
// untyped integer beyond i64
"x.a"() {v = 99999999999999999999} : () -> ()
