// Pins: a resource used inside a nested region.
"x.r"() ({
  "x.a"() {r = dense_resource<inner> : tensor<2xi8>} : () -> ()
}) : () -> ()
{-#
  dialect_resources: {
    builtin: {
      inner: "0x010000000102"
    }
  }
#-}
