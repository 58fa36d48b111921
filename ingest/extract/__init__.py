"""Extractors: each is ``Callable[[Document], tuple[list[Mention], list[Fact]]]``."""
