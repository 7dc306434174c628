// Pins: named arguments with attributes, several results, and attributes {...} after the signature.
func.func @f(%a: i32 {foo.x = 1}, %b: i1) -> (i32, f32) attributes {foo.z, no_inline} {
  %c = "x.c"(%a) : (i32) -> f32
  return %a, %c : i32, f32
}
