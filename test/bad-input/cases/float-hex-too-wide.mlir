// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: hexadecimal float constant out of range for type
// hex bit pattern wider than f32
"x.a"() {v = 0x1FFFFFFFF : f32} : () -> ()
