"""Rule families, one per module; each is a mixin of the parser (see ``parser.RULES``)."""
