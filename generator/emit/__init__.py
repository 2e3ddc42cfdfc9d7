"""Stage 4: format rendered files (black's layout), write them atomically into output/, and
remember what was written (the output cache)."""
