// Pins: cf.assert's format: the message string escaped, the attribute dictionary after it.
func.func @f(%c: i1) {
  cf.assert %c, "bad \"x\"" {foo.z}
  "cf.assert"(%c) <{msg = "m"}> : (i1) -> ()
  return
}
