// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: integer constant out of range for attribute
// 2 does not fit i1
"x.a"() {v = 2 : i1} : () -> ()
