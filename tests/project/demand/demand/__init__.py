"""Names another module asks for one at a time: a class's bases, one attribute, one function."""
