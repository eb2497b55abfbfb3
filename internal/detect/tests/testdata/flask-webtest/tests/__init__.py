"""Tests for the blog."""
