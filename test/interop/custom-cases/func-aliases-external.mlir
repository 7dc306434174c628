// Pins: aliases in an external declaration's argument attributes and attributes {...}; a
// registered op's properties are visited for aliases, an unregistered op's are not.
"x.op"() <{m = affine_map<(d0) -> (d0 * 2)>}> : () -> ()
"x.op"() {m = affine_map<(d0) -> (d0 * 3)>} : () -> ()
func.func private @f(i32 {foo.m = affine_map<(d0) -> (d0 * 4)>}) attributes {foo.n = affine_map<(d0) -> (d0 * 5)>}
