def ok():
    return 1

# ruleid: launch.I001
def broken(:
    pass
