// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: integer constant out of range for attribute
// 0x1FF does not fit i8
"x.a"() {v = 0x1FF : i8} : () -> ()
