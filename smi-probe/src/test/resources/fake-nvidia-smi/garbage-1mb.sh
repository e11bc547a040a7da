#!/bin/sh
# One megabyte of binary garbage on stdout, exit 0.
head -c 1048576 /dev/urandom
