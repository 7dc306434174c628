// Pins: dialect_resources and external_resources in one block.
"x.a"() {r = dense_resource<b> : tensor<1xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      b: "0x0100000003"
    }
  }
  ,
  external_resources: {
    mlir_reproducer: {
      pipeline: "builtin.module()"
    }
  }
#-}
