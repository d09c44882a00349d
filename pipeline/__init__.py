"""Compare scraped news articles on one story: where do the sources agree and disagree?"""

__version__ = "0.1.0"
