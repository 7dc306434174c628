// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: integer constant out of range for attribute
// 256 does not fit i8
"x.a"() {v = 256 : i8} : () -> ()
