"""Extractors: each turns a normalised, segmented Document into mentions and facts."""
