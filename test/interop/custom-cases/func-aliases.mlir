// Pins: alias collection follows the custom form (types printed by the signature, attributes by attr-dict).
#m = affine_map<(d0) -> (d0 + 1)>
func.func private @ext(memref<4xf32, #m>) -> memref<4xf32, #m> attributes {foo.map = #m}
func.func @f(%a: memref<4xf32, #m> {foo.m = affine_map<(d0) -> (d0 * 2)>}) {
  "x.op"() {foo.n = affine_map<(d0, d1) -> (d1, d0)>} : () -> ()
  return
}
