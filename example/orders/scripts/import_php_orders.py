"""One-off import of the old PHP shop's orders (2019). Never ported to Python 3."""
import csv


def main(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    # expect: launch.I001
    print "imported %d orders" % len(rows)
