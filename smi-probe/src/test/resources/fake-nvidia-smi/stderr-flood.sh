#!/bin/sh
# Warnings without end.
yes "warning: something is very wrong" >&2
