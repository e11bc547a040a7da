#!/bin/sh
# Exit code 15 (GPU fell off the bus) with nothing printed.
exit 15
