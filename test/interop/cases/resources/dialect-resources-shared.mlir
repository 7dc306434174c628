// Pins: one blob used by two attributes.
"x.a"() {r = dense_resource<b> : tensor<1xi32>} : () -> ()
"x.b"() {r = dense_resource<b> : tensor<1xi32>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      b: "0x0400000005000000"
    }
  }
#-}
