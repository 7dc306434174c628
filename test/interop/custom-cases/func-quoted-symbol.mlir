// Pins: symbol names that are not bare identifiers print quoted.
func.func private @"with space"(i32)
func.func @"call-it"(%a: i32) {
  call @"with space"(%a) : (i32) -> ()
  return
}
