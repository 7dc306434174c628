// Pins: several blobs, printed in use order with their names.
"x.a"() {r = dense_resource<zz> : tensor<1xi8>, s = dense_resource<aa> : tensor<2xi16>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      aa: "0x0200000001000200",
      zz: "0x0100000007"
    }
  }
#-}
