"""`python -m generator` runs the command line (see `entry`)."""

from generator.entry import main

main()
