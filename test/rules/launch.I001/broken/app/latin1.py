# ruleid: launch.I001
x = "café"
