"""The steps of the event stage, one module each; extract.STEPS runs them in order."""
