import os

import click

HERE = os.path.abspath(os.path.dirname(__file__))
TEST_PATH = os.path.join(HERE, os.pardir, 'tests')


@click.command()
def test():
    """Run the tests with pytest."""
    import pytest
    raise SystemExit(pytest.main([TEST_PATH, '--verbose']))
