"""Fix machinery that several rules share: the text layout and moving statements into a block."""
