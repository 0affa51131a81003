"""The stages of a generation, each a typed function of its input."""
