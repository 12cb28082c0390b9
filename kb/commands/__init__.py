"""The console commands (kb-build, kb-check, kb-serve, kb-update-manifest): argument parsing
and calls into the library, nothing else."""
